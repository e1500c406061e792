#include "views/layoutcontroller.h"

#include "model/layout/graphvizlayout.h"
#include "views/backgroundjob.h"
#include "views/mapscene.h"

#include <memory>

namespace faultline {

LayoutController::LayoutController(MapDocument *document, MapScene *scene, QObject *parent)
    : QObject(parent), m_scene(scene), m_job(new BackgroundJob(document, this))
{
    connect(m_job, &BackgroundJob::failed, this, [this](const QString &message) {
        emit failed(message);
        setRunning(false);
    });
    // The map changed while Graphviz ran: lay out the map as it is now.
    connect(m_job, &BackgroundJob::dropped, this, [this] {
        if (m_folding)
            startFolding(m_folding->first, m_folding->second);
        else
            start(m_requested);
    });
}

void LayoutController::start(bool requested)
{
    m_requested = requested;
    m_folding.reset();
    run(m_scene->layoutRequest());
}

void LayoutController::startFolding(const QStringList &folded, const QString &text)
{
    m_requested = true;
    m_folding = std::make_pair(folded, text);
    run(m_scene->layoutRequest(folded));
}

void LayoutController::run(const layout::Request &request)
{
    m_count = int(request.nodes.size());
    m_clock.start();
    emit started(m_count);
    setRunning(true);
    // The job's copy of the map is not needed: the request is the scene's own snapshot.
    m_job->start([this, request](const Map &, const ImpactGraph &, const ProgressFn &) {
        auto result = std::make_shared<layout::Result>(layout::computeLayout(request));
        return BackgroundJob::Deliver([this, request, result] {
            const QHash<QString, QPointF> positions = m_scene->acceptLayout(request, *result);
            // Deliver first: whoever watches runningChanged() sees the result already applied.
            if (m_folding) {
                const auto [folded, text] = *std::exchange(m_folding, std::nullopt);
                emit foldingLaidOut(folded, positions, text);
            } else {
                emit finished(positions, m_requested, m_clock.elapsed());
            }
            setRunning(false);
        });
    });
}

void LayoutController::cancel()
{
    m_job->cancel();
    setRunning(false);
}

void LayoutController::waitForWorkers()
{
    m_job->waitForWorkers();
}

void LayoutController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

} // namespace faultline
