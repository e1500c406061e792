// MapScene: what it hands the layout for a folding, the focus, and the double-click that folds
// and opens clusters (model/layout/folding.h).

#include "views/mapscene.h"

#include "model/editing/mapdocument.h"
#include "views/canvasitems.h"
#include "views/mapdrawing.h"
#include "views/theme.h"

#include <QGraphicsSceneMouseEvent>

namespace faultline {

layout::Request MapScene::layoutRequest() const
{
    return layoutRequest(folding::foldedIds(m_doc->map()));
}

layout::Request MapScene::layoutRequest(const QStringList &folded) const
{
    const Map &map = m_doc->map();
    const ImpactGraph &graph = m_doc->graph();
    return requestFor(folding::makeView(map, graph, folding::foldedFlags(map, graph, folded)));
}

// Sizes are measured from the names (as the items measure themselves), so that a view whose
// items do not exist yet (a fold about to be made) lays out the same as the drawn one.
layout::Request MapScene::requestFor(const folding::View &view) const
{
    const Map &map = m_doc->map();
    const ImpactGraph &graph = m_doc->graph();
    layout::Request request;
    request.clusterMargin = theme::clusterMargin;
    if (view.roles.size() != std::size_t(map.componentCount()))
        return request;
    std::vector<int> indexIn(map.componentCount(), -1);
    for (int c = 0; c < map.componentCount(); ++c) {
        if (!view.isDrawn(c))
            continue;
        const Component &comp = map.components()[c];
        layout::Node node;
        node.id = comp.id;
        node.parent = graph.parent(c) >= 0 ? indexIn[graph.parent(c)] : -1;
        node.top = comp.isBusiness();
        const QStringList lines = drawing::labelLines(comp.displayName());
        switch (view.roles[c]) {
        case folding::Role::OpenCluster:
            node.header = drawing::clusterHeaderSize(comp.displayName());
            break;
        case folding::Role::FoldedCluster:
            node.size = drawing::foldedNodeSize(
                lines, folding::summarize(graph, m_doc->impact(), c).members);
            break;
        default:
            node.size = drawing::nodeSize(lines);
            break;
        }
        indexIn[c] = int(request.nodes.size());
        request.nodes.push_back(node);
    }
    for (const folding::DrawnEdge &e : view.edges)
        request.edges.push_back({indexIn[e.from], indexIn[e.to]});
    return request;
}

void MapScene::setFocusFilter(std::vector<std::uint8_t> flags, const QString &description)
{
    m_focus = std::move(flags);
    m_focusText = description;
    rebuild();
    emit focusChanged();
}

void MapScene::clearFocusFilter()
{
    if (m_focus.empty())
        return;
    m_focus.clear();
    m_focusText.clear();
    rebuild();
    emit focusChanged();
}

void MapScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_connectFrom.isEmpty()) {
        for (QGraphicsItem *item : items(event->scenePos())) {
            if (auto *node = qgraphicsitem_cast<NodeItem *>(item)) {
                if (node->isFolded()) {
                    emit foldRequested(node->id(), false);
                    event->accept();
                    return;
                }
                break; // a card: nothing to fold
            }
            if (auto *cluster = qgraphicsitem_cast<ClusterItem *>(item)) {
                emit foldRequested(cluster->id(), true);
                event->accept();
                return;
            }
        }
        // Inside a cluster's box, off its title and contents (which leave the click to the
        // background, for panning): the innermost cluster there.
        for (int c : m_clusterOrder) {
            if (m_clusters[c]->isVisible() && m_clusters[c]->rect().contains(event->scenePos())) {
                emit foldRequested(m_clusters[c]->id(), true);
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

} // namespace faultline
