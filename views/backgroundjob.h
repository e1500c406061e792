#pragma once

#include "model/analysis/progress.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace faultline {

class ImpactGraph;
class Map;
class MapDocument;

// The one way the GUI computes off its thread. A job runs on a worker thread on a copy of the
// document's map with its own ImpactGraph (it never touches MapDocument there), reports
// progress and stops when cancelled; its result is delivered on the GUI thread only if the
// document's map has not changed since the job started (MapDocument::revision()).
// One job at a time: starting one cancels the one before, whose result is then dropped.
//
// The work returns what to do with its result on the GUI thread (a Deliver), so that the
// result's type stays between the work and its caller:
//     job->start([id](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
//         auto report = std::make_shared<SpofReport>(singlePointsOfFailure(graph, ..., progress));
//         return BackgroundJob::Deliver([report] { show(*report); });
//     });
class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    using Deliver = std::function<void()>;
    using Work = std::function<Deliver(const Map &, const ImpactGraph &, const ProgressFn &)>;

    explicit BackgroundJob(MapDocument *document, QObject *parent = nullptr);
    // Cancels the running job and waits for every worker it started.
    ~BackgroundJob() override;

    // Starts `work`. With `waitMs` > 0 the GUI thread waits that long for it and delivers at
    // once when it is done by then (small maps show their figures without a "Computing…"
    // flash). Returns true when the job already ended (delivered, failed or dropped).
    bool start(Work work, int waitMs = 0);
    // Stops the running job; nothing of it is delivered and no signal follows.
    void cancel();
    bool isRunning() const { return m_current != nullptr; }
    // Blocks until every worker this object started has ended, the cancelled ones too (a
    // computation that cannot be interrupted, such as Graphviz's, runs on to its end); what
    // the current job computed is delivered when events are next processed. For tests.
    void waitForWorkers();

signals:
    // Every 100 ms while a job runs, once it knows its total.
    void progress(int done, int total);
    // The job's Deliver ran.
    void delivered();
    // The work threw an error (Error's message, or the exception's text).
    void failed(const QString &message);
    // The map changed while the job ran; its result was not delivered.
    void dropped();

private:
    struct State;
    void finish(const std::shared_ptr<State> &state);
    void poll();

    MapDocument *m_doc;
    std::shared_ptr<State> m_current;
    std::vector<QThread *> m_threads;
    QTimer *m_poll;
};

} // namespace faultline
