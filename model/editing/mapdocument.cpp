#include "model/editing/mapdocument.h"

#include "model/editing/editinglog.h"
#include "model/impact/resolve.h"
#include "model/layout/folding.h"

namespace faultline {

MapDocument::MapDocument(QObject *parent)
    : QObject(parent), m_graph(std::make_unique<ImpactGraph>(m_map))
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &MapDocument::fileChanged);
    reevaluate();
}

MapDocument::~MapDocument()
{
    // The stack's commands refer to this document; clear them before it goes.
    m_undo.clear();
}

void MapDocument::reset(Map map, const QString &filePath, bool readOnly)
{
    m_undo.clear();
    m_map = std::move(map);
    ++m_revision;
    m_filePath = filePath;
    m_readOnly = readOnly;
    m_failed.clear();
    m_degraded.clear();
    m_graph = std::make_unique<ImpactGraph>(m_map);
    reevaluate();
    qCDebug(lcEditing) << "loaded" << m_map.componentCount() << "components from"
                       << (filePath.isEmpty() ? QStringLiteral("(untitled)") : filePath);
    emit documentReset();
    emit mapChanged();
    emit impactChanged();
    emit fileChanged();
}

void MapDocument::markSaved(const QString &filePath, bool clean)
{
    m_filePath = filePath;
    m_readOnly = false;
    if (clean)
        m_undo.setClean();
    emit fileChanged();
}

void MapDocument::markUnsaved()
{
    m_undo.resetClean();
    emit fileChanged();
}

void MapDocument::announceRenames(const QHash<QString, QString> &renames)
{
    if (!renames.isEmpty())
        emit componentsRenamed(renames);
}

void MapDocument::setMapName(const QString &name)
{
    m_map.name = name;
    changed();
}

void MapDocument::setMapExtra(const QJsonObject &extra)
{
    m_map.extra = extra;
    changed();
}

void MapDocument::insertComponent(ComponentIndex at, const Component &c)
{
    m_map.insertComponent(at, c);
    changed();
}

void MapDocument::setComponent(ComponentIndex i, const Component &c)
{
    m_map.setComponent(i, c);
    changed();
}

void MapDocument::removeComponent(ComponentIndex i)
{
    m_map.removeComponent(i);
    changed();
}

void MapDocument::insertDependency(DependencyIndex at, const Dependency &d)
{
    m_map.insertDependency(at, d);
    changed();
}

void MapDocument::setDependency(DependencyIndex i, const Dependency &d)
{
    m_map.setDependency(i, d);
    changed();
}

void MapDocument::removeDependency(DependencyIndex i)
{
    m_map.removeDependency(i);
    changed();
}

void MapDocument::insertScenario(ScenarioIndex at, const Scenario &s)
{
    m_map.insertScenario(at, s);
    changed();
}

void MapDocument::setScenario(ScenarioIndex i, const Scenario &s)
{
    m_map.setScenario(i, s);
    changed();
}

void MapDocument::removeScenario(ScenarioIndex i)
{
    m_map.removeScenario(i);
    changed();
}

void MapDocument::setPositions(const QHash<QString, QPointF> &positions)
{
    for (auto it = positions.begin(); it != positions.end(); ++it)
        m_map.setPosition(it.key(), it.value());
    emit positionsChanged();
}

void MapDocument::setFolded(const QStringList &ids)
{
    m_map.extra = folding::withFolded(m_map.extra, ids);
    emit foldingChanged();
}

void MapDocument::beginBatch()
{
    ++m_batchDepth;
}

void MapDocument::endBatch()
{
    Q_ASSERT(m_batchDepth > 0);
    if (--m_batchDepth == 0 && m_pendingChange) {
        m_pendingChange = false;
        changed();
    }
}

void MapDocument::setWhatIf(const QStringList &failed, const QStringList &degraded)
{
    m_failed = failed;
    m_degraded = degraded;
    reevaluate();
    emit impactChanged();
}

void MapDocument::changed()
{
    if (m_batchDepth > 0) {
        m_pendingChange = true;
        return;
    }
    ++m_revision;
    m_graph = std::make_unique<ImpactGraph>(m_map);
    reevaluate();
    emit mapChanged();
    emit impactChanged();
}

// Keeps the what-if to ids that still exist, so an edit never makes it invalid.
void MapDocument::reevaluate()
{
    m_failed = m_map.existingComponents(m_failed);
    m_degraded = m_map.existingComponents(m_degraded);
    m_impact = evaluateImpact(*m_graph, resolveScenario(m_map, m_failed, m_degraded));
}

} // namespace faultline
