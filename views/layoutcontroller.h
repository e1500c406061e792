#pragma once

#include "model/layout/layout.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QStringList>

#include <optional>
#include <utility>

namespace faultline {

class BackgroundJob;
class MapDocument;
class MapScene;

// Runs Graphviz for a scene off the GUI thread, on the GUI's one BackgroundJob mechanism: takes
// the scene's snapshot, and when the result comes back hands out the new positions, by id. The
// window decides what the positions become (a plain update when a map is opened without any, an
// undoable "Re-layout" when the user asks). Cancel stops waiting and keeps the old picture
// (Graphviz cannot be interrupted: it runs on, and its result is dropped). A layout the map
// changed under is dropped too, and started again on the changed map, so that the positions
// handed out are always those of the map as it is.
class LayoutController : public QObject
{
    Q_OBJECT

public:
    LayoutController(MapDocument *document, MapScene *scene, QObject *parent = nullptr);

    // `requested`: the user asked for it (Re-layout) rather than the map needing one.
    void start(bool requested);
    // Lays out the map as it will be drawn with `folded` folded (MapScene::layoutRequest), for
    // a fold about to be made: foldingLaidOut() hands back the positions and `text` (the undo
    // step's name), and the window makes the fold and the move one edit.
    void startFolding(const QStringList &folded, const QString &text);
    void cancel();
    bool isRunning() const { return m_running; }
    int componentCount() const { return m_count; }
    // Blocks until Graphviz has ended, a cancelled layout's too (BackgroundJob::waitForWorkers).
    void waitForWorkers();

signals:
    void started(int components);
    void finished(const QHash<QString, QPointF> &positions, bool requested, qint64 milliseconds);
    void foldingLaidOut(
        const QStringList &folded, const QHash<QString, QPointF> &positions, const QString &text);
    void failed(const QString &message);
    void runningChanged(bool running);

private:
    void setRunning(bool running);
    void run(const layout::Request &request);

    MapScene *m_scene;
    BackgroundJob *m_job;
    bool m_requested = false;
    std::optional<std::pair<QStringList, QString>> m_folding; // what startFolding() lays out
    bool m_running = false;
    int m_count = 0;
    QElapsedTimer m_clock;
};

} // namespace faultline
