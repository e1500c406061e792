#pragma once

#include "model/layout/layout.h"

#include <QObject>

namespace faultline::layout {

// Runs layouts off the calling thread, one at a time, all on one worker thread shared by the
// process (so every Graphviz call happens on that thread).
//
// Graphviz cannot be interrupted: cancel() stops waiting, and the late result of a cancelled
// or superseded request is dropped. start() while a layout runs supersedes it. The runner lives
// on the main thread; results arrive there through the signals.
class LayoutRunner : public QObject
{
    Q_OBJECT

public:
    explicit LayoutRunner(QObject *parent = nullptr);
    ~LayoutRunner() override;

    void start(Request request);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void finished(const faultline::layout::Result &result);
    void failed(const QString &message);
    void runningChanged(bool running);

private:
    void deliver(quint64 ticket, const Result *result, const QString &error);
    void setRunning(bool running);

    quint64 m_ticket = 0;
    bool m_running = false;
};

// Blocks until the process's layout thread has nothing left to do; results already computed
// are delivered when events are next processed. For tests and for shutting down cleanly.
void waitForLayoutThread();

} // namespace faultline::layout
