#include "views/canvasitems.h"

#include "views/mapscene.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace faultline {
namespace {

// Below this scale names are unreadable anyway: draw plain shapes, which keeps a 2,000-component
// map smooth when zoomed out.
constexpr qreal detailThreshold = 0.3;
// Below this (a map of several thousand components fitted on screen) the ordinary edges are a
// grey haze that says nothing and costs most of a frame (230 of 255 ms of processor time for
// 20,000 edges): only the edges that carry a failure or make the chain are drawn.
constexpr qreal overviewThreshold = 0.07;
// Below this the count on a merged edge (model/layout/folding.h) is too small to read.
constexpr qreal countThreshold = 0.5;

qreal levelOfDetail(
    const QGraphicsItem *item, const QStyleOptionGraphicsItem *option, QPainter *painter)
{
    if (const auto *scene = qobject_cast<const MapScene *>(item->scene());
        scene && scene->fullDetail())
        return 1;
    return option->levelOfDetailFromTransform(painter->worldTransform());
}

void drawPlain(QPainter *painter, const QRectF &rect, theme::Look look, bool dimmed, bool cluster)
{
    const theme::StateStyle &s = theme::style(look);
    painter->save();
    if (dimmed)
        painter->setOpacity(theme::dimmedOpacity());
    painter->setPen(QPen(cluster && look == theme::Look::Up ? theme::clusterBorder() : s.border,
        cluster ? 2 : s.borderWidth * 1.5));
    painter->setBrush(cluster && look == theme::Look::Up ? theme::clusterFill(0) : s.fill);
    painter->drawRect(rect);
    painter->restore();
}

} // namespace

NodeItem::NodeItem(const QString &id, const QString &kind, const QString &name) : m_id(id)
{
    m_look.kind = kind;
    m_look.lines = drawing::labelLines(name);
    m_size = drawing::nodeSize(m_look.lines);
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(100);
    setToolTip(name);
}

NodeItem::NodeItem(const QString &id, const QString &kind, const QString &name, int members)
    : NodeItem(id, kind, name)
{
    m_look.folded = true;
    m_size = drawing::foldedNodeSize(m_look.lines, members);
}

void NodeItem::setLook(const drawing::NodeLook &look)
{
    if (look.look == m_look.look && look.dimmed == m_look.dimmed && look.chain == m_look.chain
        && look.lines == m_look.lines && look.kind == m_look.kind && look.summary == m_look.summary
        && look.difference == m_look.difference)
        return;
    m_look = look;
    update();
}

QRectF NodeItem::boundingRect() const
{
    const qreal halo = 12;
    return QRectF(-m_size.width() / 2 - halo, -m_size.height() / 2 - halo,
        m_size.width() + 2 * halo, m_size.height() + 2 * halo);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(QPointF(-m_size.width() / 2, -m_size.height() / 2), m_size));
    return path;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r(QPointF(-m_size.width() / 2, -m_size.height() / 2), m_size);
    drawing::NodeLook look = m_look;
    look.selected = isSelected();
    const qreal detail = levelOfDetail(this, option, painter);
    if (detail < overviewThreshold && !look.selected && !look.chain) {
        // A few pixels: one fill in the colour that tells the state, nothing to save or restore.
        const theme::StateStyle &s = theme::style(look.look);
        QColor c = look.look == theme::Look::Up ? theme::clusterBorder() : s.border;
        if (look.dimmed)
            c = QColor::fromRgbF(
                0.65 + 0.35 * c.redF(), 0.65 + 0.35 * c.greenF(), 0.65 + 0.35 * c.blueF());
        painter->fillRect(r, c);
    } else if (detail < detailThreshold && !look.selected && !look.chain)
        drawPlain(painter, r, look.look, look.dimmed, false);
    else
        drawing::drawNode(painter, r, look);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (auto *s = qobject_cast<MapScene *>(scene()))
            s->nodeMoved(m_id);
    }
    return QGraphicsItem::itemChange(change, value);
}

ClusterItem::ClusterItem(const QString &id, const QString &kind, const QString &title, int depth)
    : m_id(id), m_header(drawing::clusterHeaderSize(title))
{
    m_look.kind = kind;
    m_look.title = title;
    m_look.depth = depth;
    setFlags(ItemIsSelectable);
    setZValue(depth);
    setToolTip(title);
}

void ClusterItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void ClusterItem::setLook(const drawing::ClusterLook &look)
{
    if (look.look == m_look.look && look.dimmed == m_look.dimmed && look.chain == m_look.chain
        && look.title == m_look.title && look.difference == m_look.difference)
        return;
    m_look = look;
    update();
}

QRectF ClusterItem::boundingRect() const
{
    return m_rect.adjusted(-12, -12, 12, 12);
}

QPainterPath ClusterItem::shape() const
{
    // Only the title bar and the border pick the cluster: clicks inside reach the background,
    // so the user can pan there.
    QPainterPath path;
    path.addRect(QRectF(m_rect.topLeft(), QSizeF(m_rect.width(), theme::clusterHeaderHeight)));
    return path;
}

void ClusterItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    drawing::ClusterLook look = m_look;
    look.selected = isSelected();
    if (levelOfDetail(this, option, painter) < detailThreshold / 2 && !look.selected && !look.chain)
        drawPlain(painter, m_rect, look.look, look.dimmed, true);
    else
        drawing::drawCluster(painter, m_rect, look);
}

EdgeItem::EdgeItem(const QString &from, const QString &to, bool hard) : m_from(from), m_to(to)
{
    m_look.hard = hard;
    // exposedRect in paint(): long dashed edges are dashed only where they are seen.
    setFlags(ItemIsSelectable | ItemUsesExtendedStyleOption);
    setZValue(50);
}

void EdgeItem::setLook(const drawing::EdgeLook &look)
{
    if (look.emphasis == m_look.emphasis && look.carried == m_look.carried
        && look.dimmed == m_look.dimmed && look.hard == m_look.hard && look.count == m_look.count)
        return;
    const bool raise = look.emphasis != drawing::EdgeEmphasis::Normal;
    m_look = look;
    setZValue(look.emphasis == drawing::EdgeEmphasis::Chain ? 52
            : look.emphasis == drawing::EdgeEmphasis::Fresh ? 53
            : raise                                         ? 51
                                                            : 50);
    update();
}

void EdgeItem::setRoute(std::vector<QPointF> points)
{
    QPointF tip;
    const QPainterPath path = drawing::routedPath(points, &tip);
    setRoute(path, tip);
    m_points = std::move(points);
}

void EdgeItem::setRoute(const QPainterPath &path, QPointF tip)
{
    prepareGeometryChange();
    m_path = path;
    m_tip = tip;
    m_points.clear();
    for (const QPolygonF &polygon : path.toSubpathPolygons())
        m_points.insert(m_points.end(), polygon.begin(), polygon.end());
    m_points.push_back(tip);
    // The margin holds the arrowhead and a merged edge's count label.
    m_bounds = path.boundingRect().united(QRectF(tip, QSizeF(1, 1))).adjusted(-16, -16, 16, 16);
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath path = m_path;
    path.lineTo(m_tip);
    return stroker.createStroke(path);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_look.emphasis == drawing::EdgeEmphasis::Normal && !isSelected()
        && levelOfDetail(this, option, painter) < overviewThreshold)
        return;
    // A long edge's bounding box covers much that the edge does not: at 100 % on a big map
    // most edges whose box is exposed have no segment in sight.
    const QRectF &seen = option->exposedRect;
    bool inSight = seen.isEmpty();
    for (std::size_t i = 1; i < m_points.size() && !inSight; ++i) {
        inSight = QRectF(m_points[i - 1], m_points[i])
                      .normalized()
                      .adjusted(-6, -6, 6, 6)
                      .intersects(seen);
    }
    if (!inSight)
        return;
    drawing::EdgeLook look = m_look;
    if (isSelected() && look.emphasis == drawing::EdgeEmphasis::Normal)
        look.emphasis = drawing::EdgeEmphasis::Chain;
    if (levelOfDetail(this, option, painter) < detailThreshold) {
        drawing::drawEdgeOutline(painter, m_points, look);
        return;
    }
    drawing::drawEdge(painter, m_path, m_tip, look, seen);
    // A count is text: below half size it cannot be read, and a folded map of thousands has
    // hundreds of merged edges in sight (a sixth of the frame).
    if (look.count > 1 && levelOfDetail(this, option, painter) >= countThreshold)
        drawing::drawEdgeCount(painter, drawing::countAnchor(m_points), look.count, look);
}

} // namespace faultline
