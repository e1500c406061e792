#pragma once

#include "model/layout/layout.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointF>

namespace faultline {

class MapScene;

namespace layout {
class LayoutRunner;
}

// Runs Graphviz for a scene off the GUI thread: takes the scene's snapshot, and when the result
// comes back hands out the new positions, by id. The window decides
// what the positions become (a plain update when a map is opened without any, an undoable
// "Re-layout" when the user asks). Cancel stops waiting and keeps the old picture.
class LayoutController : public QObject
{
    Q_OBJECT

public:
    explicit LayoutController(MapScene *scene, QObject *parent = nullptr);

    // `requested`: the user asked for it (Re-layout) rather than the map needing one.
    void start(bool requested);
    void cancel();
    bool isRunning() const;
    int componentCount() const { return m_count; }

signals:
    void started(int components);
    void finished(const QHash<QString, QPointF> &positions, bool requested, qint64 milliseconds);
    void failed(const QString &message);
    void runningChanged(bool running);

private:
    MapScene *m_scene;
    layout::LayoutRunner *m_runner;
    layout::Request m_request;
    bool m_requested = false;
    int m_count = 0;
    QElapsedTimer m_clock;
};

} // namespace faultline
