#include "views/layoutcontroller.h"

#include "model/layout/layoutrunner.h"
#include "views/mapscene.h"

namespace faultline {

LayoutController::LayoutController(MapScene *scene, QObject *parent)
    : QObject(parent), m_scene(scene), m_runner(new layout::LayoutRunner(this))
{
    connect(
        m_runner, &layout::LayoutRunner::runningChanged, this, &LayoutController::runningChanged);
    connect(m_runner, &layout::LayoutRunner::failed, this, &LayoutController::failed);
    connect(m_runner, &layout::LayoutRunner::finished, this, [this](const layout::Result &result) {
        const QHash<QString, QPointF> positions = m_scene->acceptLayout(m_request, result);
        m_request = {};
        emit finished(positions, m_requested, m_clock.elapsed());
    });
}

void LayoutController::start(bool requested)
{
    m_request = m_scene->layoutRequest();
    m_requested = requested;
    m_count = int(m_request.nodes.size());
    m_clock.start();
    emit started(m_count);
    m_runner->start(m_request);
}

void LayoutController::cancel()
{
    m_runner->cancel();
}

bool LayoutController::isRunning() const
{
    return m_runner->isRunning();
}

} // namespace faultline
