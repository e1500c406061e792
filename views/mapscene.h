#pragma once

#include "model/layout/folding.h"
#include "model/layout/layout.h"
#include "views/mapdrawing.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

class QGraphicsLineItem;

namespace faultline::layout {
class EdgeRouter;
}

namespace faultline {

class ClusterItem;
class EdgeItem;
class MapDocument;
class MapSelection;
class NodeItem;

// The map as canvas items: a node per component without children, a cluster per component
// with children, an edge per dependency. It reads the document (structure, positions and the
// current impact) and the shared selection, and never changes the model itself: a drag ends in
// nodesMoved() and a connect gesture in dependencyRequested(), which the window turns into
// edits.
//
// Looks come only from MapDocument::impact(); recolouring touches looks, never geometry.
//
// It draws the map's folding::View (model/layout/folding.h): the clusters the document folds are
// one box each, with their dependencies merged into one edge per neighbour, and a focus (not
// saved: it belongs to the window) hides what it leaves out. Hidden components have no items.
class MapScene : public QGraphicsScene
{
    Q_OBJECT

public:
    MapScene(MapDocument *document, MapSelection *selection, QObject *parent = nullptr);
    ~MapScene() override;

    // The snapshot Graphviz lays out: ids, measured sizes, parents, dependencies, in map order;
    // of the drawn view (folded clusters are boxes, what they hide is left out; the focus is
    // not: it hides, it does not lay out again).
    layout::Request layoutRequest() const;
    // The same for the map with `folded` folded instead: what a fold lays out before it is made.
    layout::Request layoutRequest(const QStringList &folded) const;
    // Every component's new centre, by id.
    QHash<QString, QPointF> acceptLayout(
        const layout::Request &request, const layout::Result &result);
    // Some component without children has no stored position: a layout is due.
    bool hasUnplacedComponents() const;

    // Exports draw every item in full whatever the scale (a PDF is zoomed in by its reader);
    // the canvas drops detail below a readable size.
    void setFullDetail(bool full) { m_fullDetail = full; }
    bool fullDetail() const { return m_fullDetail; }

    void setDimUnaffected(bool dim);
    bool dimUnaffected() const { return m_dim; }

    // Looks other than the current what-if's: presenter mode's step, Compare's difference.
    // Vectors go by component (looks, differences, dimmed) or by dependency (emphasis, carried)
    // of the map shown; empty optional ones mean none. An override whose sizes are not the
    // map's is not drawn (its owner remakes it when the map changes). The selection's chain
    // of causes is still drawn over it.
    struct LooksOverride
    {
        std::vector<theme::Look> looks;
        std::vector<theme::Difference> differences;
        std::vector<bool> dimmed;
        std::vector<drawing::EdgeEmphasis> emphasis;
        std::vector<theme::Look> carried;
        bool dimPlainEdges = false; // edges that carry nothing
    };
    void setLooksOverride(std::optional<LooksOverride> looks);
    bool hasLooksOverride() const { return m_override.has_value(); }

    // What is drawn: roles, the box each component is drawn as, the drawn (merged) edges.
    const folding::View &view() const { return m_view; }
    // Shows only the components flagged (one flag per component; folding::makeView keeps their
    // ancestors' boxes); `description` names it for the banner ("Checkout and its cone").
    void setFocusFilter(std::vector<std::uint8_t> flags, const QString &description);
    void clearFocusFilter();
    bool isFocused() const { return !m_focus.empty(); }
    const std::vector<std::uint8_t> &focusFilter() const { return m_focus; }
    const QString &focusDescription() const { return m_focusText; }

    // A card, or a folded cluster's box; null for a hidden component.
    NodeItem *nodeItem(const QString &id) const;
    ClusterItem *clusterItem(const QString &id) const;
    EdgeItem *edgeItem(const QString &from, const QString &to) const;
    // The items' extent, with a margin.
    QRectF mapBounds() const;
    // The look a component shows ("failed", "down", ...), for tests and tooltips.
    QString lookName(const QString &id) const;
    // The difference a component shows in Compare's picture ("worse", "unaffected", ...).
    QString differenceName(const QString &id) const;

    // Called by a NodeItem when it moves: clusters and edges follow.
    void nodeMoved(const QString &id);

    // The connect gesture: Shift+drag from one component to another (a line follows the mouse,
    // red over a component the dependency would be refused on), or, after startConnect(from),
    // a click on the component `from` will depend on. It ends in dependencyRequested(); the
    // scene never edits.
    void startConnect(const QString &from);
    void cancelConnect();
    // The component a connect gesture starts from, empty when none runs.
    QString connectingFrom() const { return m_connectFrom; }

signals:
    // A drag ended; positions are centres by component id.
    void nodesMoved(const QHash<QString, QPointF> &before, const QHash<QString, QPointF> &after);
    // The map has components without a position.
    void layoutNeeded();
    // A double-click on a cluster's title (fold it) or on a folded box (open it).
    void foldRequested(const QString &id, bool fold);
    // The focus was set or cleared.
    void focusChanged();
    void contextMenuRequested(const QPoint &screenPos);
    // A connect gesture ended on another component: `from` should depend on `to`.
    void dependencyRequested(const QString &from, const QString &to);
    // While a Shift+drag hovers a component: why the dependency would be refused; empty when it
    // would not, and when a gesture ends.
    void connectHint(const QString &message);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    layout::Request requestFor(const folding::View &view) const;
    void syncPositions();
    void recolour();
    bool applyOverride();
    void updateChain();
    void updateClusters();
    void updateCluster(int c);
    void updateEdge(int d);
    void updateEdgesOf(int c);
    // The router over the items' current boxes, remade when something moved.
    const layout::EdgeRouter &router();
    QRectF itemRect(int c) const;
    bool isPlaced(int c) const;
    int indexOf(const QString &id) const;
    void onItemsSelected();
    void onSelectionChanged();
    QString componentAt(const QPointF &scenePos) const;
    bool connectPress(QGraphicsSceneMouseEvent *event);
    bool connectMove(QGraphicsSceneMouseEvent *event);
    bool connectRelease(QGraphicsSceneMouseEvent *event);
    void setConnectCursor(bool on);

    MapDocument *m_doc;
    MapSelection *m_selection;
    std::vector<NodeItem *> m_nodes; // per component; null for clusters
    std::vector<ClusterItem *> m_clusters; // per component; null for nodes
    folding::View m_view;
    std::vector<std::uint8_t> m_focus; // empty: no focus
    QString m_focusText;
    std::vector<EdgeItem *> m_edges; // per drawn edge (m_view.edges)
    std::vector<std::pair<int, int>> m_edgeEnds;
    std::vector<std::pair<int, int>> m_dependencyEnds; // per dependency: component indices
    std::vector<std::vector<int>> m_edgesOf; // drawn edges touching each component
    std::vector<int> m_clusterOrder; // deepest first
    QSet<int> m_chain;
    QSet<int> m_chainEdges; // drawn edges
    QHash<QString, QPointF> m_dragStart;
    QString m_connectFrom;
    bool m_dragging = false; // Shift+drag, as opposed to the click after startConnect()
    QGraphicsLineItem *m_rubber = nullptr;
    std::unique_ptr<layout::EdgeRouter> m_router;
    bool m_routerDirty = true;
    bool m_dim = false;
    std::optional<LooksOverride> m_override;
    bool m_fullDetail = false;
    bool m_syncing = false;
    bool m_selecting = false;
};

} // namespace faultline
