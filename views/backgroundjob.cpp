#include "views/backgroundjob.h"

#include "model/editing/mapdocument.h"
#include "model/impact/graph.h"
#include "model/map/map.h"
#include "views/viewslog.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace faultline {

// Shared by the GUI thread and the worker. The worker writes `deliver` and `error` before it
// finishes; the GUI thread reads them only after (a queued call, or QThread::wait).
struct BackgroundJob::State
{
    quint64 revision = 0;
    std::atomic<bool> cancelled {false};
    std::atomic<int> done {0};
    std::atomic<int> total {0};
    Deliver deliver;
    QString error;
};

BackgroundJob::BackgroundJob(MapDocument *document, QObject *parent)
    : QObject(parent), m_doc(document), m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &BackgroundJob::poll);
}

BackgroundJob::~BackgroundJob()
{
    cancel();
    for (QThread *thread : m_threads) {
        thread->wait();
        delete thread;
    }
}

bool BackgroundJob::start(Work work, int waitMs)
{
    cancel();
    auto state = std::make_shared<State>();
    state->revision = m_doc->revision();
    m_current = state;
    QThread *thread = QThread::create([this, state, work = std::move(work), map = m_doc->map()] {
        try {
            const ImpactGraph graph(map);
            const ProgressFn progress = [state](int done, int total) {
                state->done = done;
                state->total = total;
                return !state->cancelled.load();
            };
            state->deliver = work(map, graph, progress);
        } catch (const Cancelled &) {
            state->cancelled = true;
        } catch (const Error &e) {
            state->error = e.message();
        } catch (const std::exception &e) {
            state->error = QString::fromLocal8Bit(e.what());
        }
        // Queued: discarded if this object is gone (it waits for its threads first).
        QMetaObject::invokeMethod(
            this, [this, state] { finish(state); }, Qt::QueuedConnection);
    });
    m_threads.push_back(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase(m_threads, thread);
        thread->deleteLater();
    });
    thread->start();
    if (waitMs > 0 && thread->wait(QDeadlineTimer(waitMs))) {
        finish(state); // the queued call then finds it done and does nothing
        return true;
    }
    m_poll->start();
    return false;
}

void BackgroundJob::cancel()
{
    if (!m_current)
        return;
    m_current->cancelled = true;
    m_current.reset();
    m_poll->stop();
}

void BackgroundJob::waitForWorkers()
{
    for (QThread *thread : m_threads)
        thread->wait();
}

void BackgroundJob::poll()
{
    if (m_current && m_current->total.load() > 0)
        emit progress(m_current->done.load(), m_current->total.load());
}

void BackgroundJob::finish(const std::shared_ptr<State> &state)
{
    if (state != m_current)
        return; // cancelled, superseded or already finished
    m_current.reset();
    m_poll->stop();
    if (state->cancelled)
        return;
    if (!state->error.isEmpty()) {
        qCDebug(lcViews) << "background job failed:" << state->error;
        emit failed(state->error);
    } else if (state->revision != m_doc->revision()) {
        qCDebug(lcViews) << "background job dropped: the map changed while it ran";
        emit dropped();
    } else if (state->deliver) {
        state->deliver();
        emit delivered();
    }
}

} // namespace faultline
