#include "views/mapscene.h"

#include "model/editing/mapdocument.h"
#include "model/layout/edgerouting.h"
#include "views/canvasitems.h"
#include "views/mapselection.h"
#include "views/theme.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

#include <algorithm>

namespace faultline {

MapScene::MapScene(MapDocument *document, MapSelection *selection, QObject *parent)
    : QGraphicsScene(parent), m_doc(document), m_selection(selection)
{
    // No index: a BSP tree puts each long edge in every cell it crosses, and rebuilding it
    // after a layout of 2,000 components took seconds (moving items through it, 26 s). A
    // linear pass over a few thousand bounding rectangles per paint costs well under 1 ms.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(m_doc, &MapDocument::mapChanged, this, &MapScene::rebuild);
    connect(m_doc, &MapDocument::positionsChanged, this, &MapScene::syncPositions);
    connect(m_doc, &MapDocument::foldingChanged, this, &MapScene::rebuild);
    connect(m_doc, &MapDocument::impactChanged, this, &MapScene::recolour);
    connect(m_selection, &MapSelection::changed, this, &MapScene::onSelectionChanged);
    connect(this, &QGraphicsScene::selectionChanged, this, &MapScene::onItemsSelected);
    rebuild();
}

MapScene::~MapScene()
{
    // Items call back into the scene while it is torn down; stop that first.
    disconnect(this, &QGraphicsScene::selectionChanged, this, &MapScene::onItemsSelected);
    m_syncing = true;
}

int MapScene::indexOf(const QString &id) const
{
    const auto i = m_doc->map().findComponent(id);
    return i && i->value < int(m_nodes.size()) ? i->value : -1;
}

void MapScene::rebuild()
{
    m_syncing = true;
    const Map &map = m_doc->map();
    const ImpactGraph &graph = m_doc->graph();
    clearSelection();
    if (m_rubber) {
        // A Shift+drag over a map that changed under it ends; clear() would delete the line.
        delete m_rubber;
        m_rubber = nullptr;
        m_connectFrom.clear();
        m_dragging = false;
        setConnectCursor(false);
    }
    clear();
    const int n = map.componentCount();
    if (!m_focus.empty() && int(m_focus.size()) != n) {
        // The focus was made for another map: show everything.
        m_focus.clear();
        m_focusText.clear();
        emit focusChanged();
    }
    m_view = folding::makeView(
        map, graph, folding::foldedFlags(map, graph, folding::foldedIds(map)), m_focus);
    m_nodes.assign(n, nullptr);
    m_clusters.assign(n, nullptr);
    m_edgesOf.assign(n, {});
    const std::vector<int> depth = layout::depths(n, [&](int c) { return graph.parent(c); });
    m_clusterOrder.clear();
    for (int c = 0; c < n; ++c) {
        const Component &comp = map.components()[c];
        switch (m_view.roles[c]) {
        case folding::Role::Hidden:
            break;
        case folding::Role::OpenCluster: {
            auto *item = new ClusterItem(comp.id, comp.kind, comp.displayName(), depth[c]);
            m_clusters[c] = item;
            addItem(item);
            m_clusterOrder.push_back(c);
            break;
        }
        case folding::Role::FoldedCluster: {
            const folding::FoldSummary summary = folding::summarize(graph, m_doc->impact(), c);
            auto *item = new NodeItem(comp.id, comp.kind, comp.displayName(), summary.members);
            m_nodes[c] = item;
            addItem(item);
            break;
        }
        case folding::Role::Card: {
            auto *item = new NodeItem(comp.id, comp.kind, comp.displayName());
            m_nodes[c] = item;
            addItem(item);
            break;
        }
        }
    }
    std::stable_sort(m_clusterOrder.begin(), m_clusterOrder.end(),
        [&](int a, int b) { return depth[a] > depth[b]; });

    m_dependencyEnds.assign(map.dependencyCount(), {-1, -1});
    for (int d = 0; d < map.dependencyCount(); ++d) {
        const auto from = map.findComponent(map.dependencies()[d].from);
        const auto to = map.findComponent(map.dependencies()[d].to);
        if (from && to)
            m_dependencyEnds[d] = {from->value, to->value};
    }
    const int m = int(m_view.edges.size());
    m_edges.assign(m, nullptr);
    m_edgeEnds.assign(m, {-1, -1});
    for (int e = 0; e < m; ++e) {
        const folding::DrawnEdge &drawn = m_view.edges[e];
        const Dependency &first = map.dependencies()[drawn.dependencies.front()];
        auto *item = new EdgeItem(
            map.components()[drawn.from].id, map.components()[drawn.to].id, drawn.hard);
        if (drawn.dependencies.size() > 1) {
            item->setToolTip(tr("%1 dependencies between %2 and %3")
                                 .arg(drawn.dependencies.size())
                                 .arg(map.components()[drawn.from].displayName(),
                                     map.components()[drawn.to].displayName()));
        } else {
            item->setToolTip(first.label.isEmpty()
                    ? QString()
                    : first.label + QStringLiteral(" (") + toString(first.type) + QLatin1Char(')'));
        }
        m_edges[e] = item;
        m_edgeEnds[e] = {drawn.from, drawn.to};
        m_edgesOf[drawn.from].push_back(e);
        m_edgesOf[drawn.to].push_back(e);
        addItem(item);
    }
    m_syncing = false;
    syncPositions();
    updateChain();
    recolour();
    onSelectionChanged();
    if (hasUnplacedComponents())
        emit layoutNeeded();
}

bool MapScene::isPlaced(int c) const
{
    return m_nodes[c] ? m_nodes[c]->isVisible() : m_clusters[c] && m_clusters[c]->isVisible();
}

void MapScene::syncPositions()
{
    const QHash<QString, QPointF> &positions = m_doc->map().positions();
    m_syncing = true;
    for (NodeItem *node : m_nodes) {
        if (!node)
            continue;
        const auto it = positions.find(node->id());
        node->setVisible(it != positions.end());
        if (it != positions.end() && node->pos() != *it)
            node->setPos(*it);
    }
    m_syncing = false;
    updateClusters();
    m_routerDirty = true;
    for (int d = 0; d < int(m_edges.size()); ++d)
        updateEdge(d);
}

const layout::EdgeRouter &MapScene::router()
{
    if (m_routerDirty || !m_router) {
        const ImpactGraph &graph = m_doc->graph();
        // Hidden components have no box: routes pass where they would be.
        std::vector<layout::RouteBox> boxes(m_nodes.size());
        for (int c = 0; c < int(boxes.size()); ++c) {
            boxes[c].parent = graph.parent(c);
            if (isPlaced(c))
                boxes[c].rect = itemRect(c);
            if (m_clusters[c]) {
                boxes[c].header = m_clusters[c]->headerSize().height();
                boxes[c].titleWidth = m_clusters[c]->headerSize().width();
            }
        }
        m_router = std::make_unique<layout::EdgeRouter>(std::move(boxes));
        m_routerDirty = false;
    }
    return *m_router;
}

QRectF MapScene::itemRect(int c) const
{
    return m_nodes[c] ? m_nodes[c]->rect() : m_clusters[c] ? m_clusters[c]->rect() : QRectF();
}

void MapScene::updateCluster(int c)
{
    const ImpactGraph &graph = m_doc->graph();
    QRectF content;
    for (std::int32_t child : graph.children(c)) {
        if (isPlaced(child))
            content = content.united(itemRect(child));
    }
    ClusterItem *item = m_clusters[c];
    if (!item)
        return;
    item->setVisible(!content.isNull());
    if (content.isNull())
        return;
    // As the layout sized it (model/layout/layout.h).
    item->setRect(layout::clusterRect(content, item->headerSize(), theme::clusterMargin));
}

void MapScene::updateClusters()
{
    for (int c : m_clusterOrder)
        updateCluster(c);
}

void MapScene::updateEdge(int d)
{
    EdgeItem *edge = m_edges[d];
    if (!edge)
        return;
    const auto [from, to] = m_edgeEnds[d];
    const bool visible = isPlaced(from) && isPlaced(to);
    edge->setVisible(visible);
    if (!visible)
        return;
    // Routed round every box it does not connect (model/layout/edgerouting.h); the lane spreads
    // parallel edges apart.
    edge->setRoute(router().route(from, to, unsigned(from) * 7u + unsigned(to) * 3u));
}

void MapScene::updateEdgesOf(int c)
{
    for (int d : m_edgesOf[c])
        updateEdge(d);
}

void MapScene::nodeMoved(const QString &id)
{
    if (m_syncing)
        return;
    const int c = indexOf(id);
    if (c < 0)
        return;
    // Boxes first, then the routes over them. Other edges keep their routes until the drag
    // ends (the document's positions then re-route everything).
    const ImpactGraph &graph = m_doc->graph();
    for (int p = graph.parent(c); p >= 0; p = graph.parent(p))
        updateCluster(p);
    m_routerDirty = true;
    updateEdgesOf(c);
    for (int p = graph.parent(c); p >= 0; p = graph.parent(p))
        updateEdgesOf(p);
}

QHash<QString, QPointF> MapScene::acceptLayout(
    const layout::Request &request, const layout::Result &result)
{
    QHash<QString, QPointF> positions;
    for (std::size_t i = 0; i < request.nodes.size() && i < result.centres.size(); ++i)
        positions.insert(request.nodes[i].id, result.centres[i]);
    return positions;
}

bool MapScene::hasUnplacedComponents() const
{
    // Cards and folded boxes: what the layout places (hidden components wait for theirs until
    // they are drawn again).
    const QHash<QString, QPointF> &positions = m_doc->map().positions();
    for (const NodeItem *node : m_nodes) {
        if (node && !positions.contains(node->id()))
            return true;
    }
    return false;
}

void MapScene::setDimUnaffected(bool dim)
{
    if (dim == m_dim)
        return;
    m_dim = dim;
    recolour();
}

void MapScene::recolour()
{
    if (applyOverride())
        return;
    const Map &map = m_doc->map();
    const ImpactGraph &graph = m_doc->graph();
    const ImpactResult &impact = m_doc->impact();
    if (impact.size() != int(m_nodes.size()))
        return;
    const QSet<QString> failed(m_doc->failed().begin(), m_doc->failed().end());
    const QSet<QString> impaired(m_doc->degraded().begin(), m_doc->degraded().end());
    const bool dim = m_dim && (!failed.isEmpty() || !impaired.isEmpty());
    std::vector<theme::Look> looks(m_nodes.size());
    for (int c = 0; c < int(m_nodes.size()); ++c) {
        const QString &id = map.components()[c].id;
        looks[c] = theme::lookFor(
            impact.state(ComponentIndex(c)), failed.contains(id), impaired.contains(id));
    }
    for (int c = 0; c < int(m_nodes.size()); ++c) {
        theme::Look look = looks[c];
        if (NodeItem *node = m_nodes[c]) {
            drawing::NodeLook l = node->look();
            if (node->isFolded()) {
                // The worst state inside (the box's own look when it is failed itself).
                const folding::FoldSummary summary = folding::summarize(graph, impact, c);
                if (look != theme::Look::Failed && summary.worst > impact.state(ComponentIndex(c)))
                    look = theme::lookFor(summary.worst, false, false);
                l.summary = folding::summaryText(summary);
                node->setToolTip(map.components()[c].displayName() + QStringLiteral("\n")
                    + l.summary + QStringLiteral("\n") + tr("Double-click or + to open"));
            }
            l.look = look;
            l.dimmed = dim && look == theme::Look::Up && !m_chain.contains(c);
            l.chain = m_chain.contains(c);
            l.difference = theme::Difference::None;
            node->setLook(l);
        } else if (ClusterItem *cluster = m_clusters[c]) {
            drawing::ClusterLook l = cluster->look();
            l.look = look;
            l.dimmed = dim && look == theme::Look::Up && !m_chain.contains(c);
            l.chain = m_chain.contains(c);
            l.difference = theme::Difference::None;
            cluster->setLook(l);
        }
    }
    for (int e = 0; e < int(m_edges.size()); ++e) {
        EdgeItem *edge = m_edges[e];
        drawing::EdgeLook l = edge->look();
        // A merged edge carries a failure when one of its dependencies does; it shows the
        // worst state carried.
        bool carries = false;
        theme::Look carried = theme::Look::Up;
        for (int d : m_view.edges[e].dependencies) {
            const auto [from, to] = m_dependencyEnds[d];
            if (from < 0 || looks[from] == theme::Look::Up
                || impact.cause(ComponentIndex(from)).value != to)
                continue;
            if (!carries || looks[from] > carried)
                carried = looks[from];
            carries = true;
        }
        l.count = int(m_view.edges[e].dependencies.size());
        l.emphasis = m_chainEdges.contains(e) ? drawing::EdgeEmphasis::Chain
            : carries                         ? drawing::EdgeEmphasis::Carries
                                              : drawing::EdgeEmphasis::Normal;
        l.carried = carried;
        l.dimmed = dim && l.emphasis == drawing::EdgeEmphasis::Normal;
        edge->setLook(l);
    }
}

void MapScene::updateChain()
{
    m_chain.clear();
    m_chainEdges.clear();
    const int c = indexOf(m_selection->current());
    const ImpactResult &impact = m_doc->impact();
    if (c < 0 || impact.size() != int(m_nodes.size()))
        return;
    const std::vector<ComponentIndex> path = impact.path(ComponentIndex(c));
    if (path.size() < 2)
        return;
    // Drawn as the boxes that stand for its links (a folded box for what it hides).
    const Map &map = m_doc->map();
    for (std::size_t k = 0; k < path.size(); ++k) {
        if (const int as = m_view.drawnAs[path[k].value]; as >= 0)
            m_chain.insert(as);
        if (k + 1 < path.size()) {
            const auto d =
                map.findDependency(map.component(path[k]).id, map.component(path[k + 1]).id);
            if (d && m_view.edgeOf[d->value] >= 0)
                m_chainEdges.insert(m_view.edgeOf[d->value]);
        }
    }
}

NodeItem *MapScene::nodeItem(const QString &id) const
{
    const int c = indexOf(id);
    return c >= 0 ? m_nodes[c] : nullptr;
}

ClusterItem *MapScene::clusterItem(const QString &id) const
{
    const int c = indexOf(id);
    return c >= 0 ? m_clusters[c] : nullptr;
}

EdgeItem *MapScene::edgeItem(const QString &from, const QString &to) const
{
    // A dependency merged into another's drawn edge is drawn by that edge.
    const auto d = m_doc->map().findDependency(from, to);
    if (!d || d->value >= int(m_view.edgeOf.size()))
        return nullptr;
    const int e = m_view.edgeOf[d->value];
    return e >= 0 && e < int(m_edges.size()) ? m_edges[e] : nullptr;
}

QString MapScene::lookName(const QString &id) const
{
    if (const NodeItem *n = nodeItem(id))
        return theme::lookName(n->look().look);
    if (const ClusterItem *c = clusterItem(id))
        return theme::lookName(c->look().look);
    return {};
}

QRectF MapScene::mapBounds() const
{
    QRectF r;
    for (QGraphicsItem *item : items()) {
        if (item->isVisible())
            r = r.united(item->sceneBoundingRect());
    }
    return r.adjusted(-30, -30, 30, 30);
}

void MapScene::onItemsSelected()
{
    if (m_syncing || m_selecting)
        return;
    QStringList ids;
    QString from, to;
    const QString current = m_selection->current();
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
            ids.append(n->id());
        else if (auto *c = qgraphicsitem_cast<ClusterItem *>(item))
            ids.append(c->id());
        else if (auto *e = qgraphicsitem_cast<EdgeItem *>(item)) {
            from = e->from();
            to = e->to();
        }
    }
    std::sort(ids.begin(), ids.end());
    if (ids.removeOne(current))
        ids.prepend(current);
    m_selecting = true;
    if (ids.isEmpty() && !from.isEmpty())
        m_selection->setDependency(from, to);
    else
        m_selection->setComponents(ids);
    m_selecting = false;
    updateChain();
    recolour();
}

void MapScene::onSelectionChanged()
{
    if (!m_selecting) {
        m_selecting = true;
        clearSelection();
        for (const QString &id : m_selection->components()) {
            const int c = indexOf(id);
            if (c < 0)
                continue;
            QGraphicsItem *item =
                m_nodes[c] ? static_cast<QGraphicsItem *>(m_nodes[c]) : m_clusters[c];
            if (item)
                item->setSelected(true);
        }
        if (EdgeItem *e = edgeItem(m_selection->dependencyFrom(), m_selection->dependencyTo()))
            e->setSelected(true);
        m_selecting = false;
    }
    updateChain();
    recolour();
}

// The scheme's background, read when painting: an export of the same scene paints it light.
void MapScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, theme::canvasBackground());
}

void MapScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (connectPress(event))
        return;
    QGraphicsScene::mousePressEvent(event);
    m_dragStart.clear();
    if (event->button() != Qt::LeftButton)
        return;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
            m_dragStart.insert(n->id(), n->pos());
    }
}

void MapScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!connectMove(event))
        QGraphicsScene::mouseMoveEvent(event);
}

void MapScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (connectRelease(event))
        return;
    QGraphicsScene::mouseReleaseEvent(event);
    QHash<QString, QPointF> before, after;
    for (auto it = m_dragStart.cbegin(); it != m_dragStart.cend(); ++it) {
        const NodeItem *n = nodeItem(it.key());
        if (n && n->pos() != it.value()) {
            before.insert(it.key(), it.value());
            after.insert(it.key(), n->pos());
        }
    }
    m_dragStart.clear();
    if (!after.isEmpty())
        emit nodesMoved(before, after);
}

void MapScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    QGraphicsItem *item = itemAt(event->scenePos(), QTransform());
    if (item && !item->isSelected() && item->type() != EdgeItemType) {
        clearSelection();
        item->setSelected(true);
    }
    emit contextMenuRequested(event->screenPos());
    event->accept();
}

} // namespace faultline
