#pragma once

#include "views/mapdrawing.h"

#include <QGraphicsItem>

#include <vector>

// The canvas's items. Each holds the id of what it shows and the look it was last given, never
// a pointer into the model; MapScene gives them their geometry and looks. Geometry changes go
// through prepareGeometryChange(), and paint() only paints (with the drawing functions shared
// with the exports).
namespace faultline {

class MapScene;

enum CanvasItemType {
    NodeItemType = QGraphicsItem::UserType + 1,
    ClusterItemType,
    EdgeItemType,
};

// A component without children: a card with its kind's icon and name, centred on pos().
class NodeItem : public QGraphicsItem
{
public:
    NodeItem(const QString &id, const QString &kind, const QString &name);
    // A folded cluster of `members` components (model/layout/folding.h): one box for them all.
    NodeItem(const QString &id, const QString &kind, const QString &name, int members);

    enum { Type = NodeItemType };
    int type() const override { return Type; }
    const QString &id() const { return m_id; }
    bool isFolded() const { return m_look.folded; }
    QRectF rect() const
    {
        return QRectF(pos() - QPointF(m_size.width(), m_size.height()) / 2, m_size);
    }
    QSizeF size() const { return m_size; }
    const drawing::NodeLook &look() const { return m_look; }
    void setLook(const drawing::NodeLook &look);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QString m_id;
    QSizeF m_size;
    drawing::NodeLook m_look;
};

// A component with children: a titled box around them. Its rectangle follows its contents.
class ClusterItem : public QGraphicsItem
{
public:
    ClusterItem(const QString &id, const QString &kind, const QString &title, int depth);

    enum { Type = ClusterItemType };
    int type() const override { return Type; }
    const QString &id() const { return m_id; }
    QRectF rect() const { return m_rect; }
    void setRect(const QRectF &rect);
    QSizeF headerSize() const { return m_header; }
    const drawing::ClusterLook &look() const { return m_look; }
    void setLook(const drawing::ClusterLook &look);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override;

private:
    QString m_id;
    QRectF m_rect;
    QSizeF m_header;
    drawing::ClusterLook m_look;
};

// A dependency, from `from` to `to`, with its arrowhead at `to`.
class EdgeItem : public QGraphicsItem
{
public:
    EdgeItem(const QString &from, const QString &to, bool hard);

    enum { Type = EdgeItemType };
    int type() const override { return Type; }
    const QString &from() const { return m_from; }
    const QString &to() const { return m_to; }
    const drawing::EdgeLook &look() const { return m_look; }
    void setLook(const drawing::EdgeLook &look);
    void setRoute(const QPainterPath &path, QPointF tip);
    // A routed polyline (layout::EdgeRouter): first point on `from`, last the arrowhead's tip.
    void setRoute(std::vector<QPointF> points);
    // The stroke (up to the arrowhead's base) and the head's point, in scene coordinates.
    const QPainterPath &path() const { return m_path; }
    QPointF tip() const { return m_tip; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override;

private:
    QString m_from, m_to;
    QPainterPath m_path;
    std::vector<QPointF> m_points; // the route as a polyline, tip included
    QPointF m_tip;
    QRectF m_bounds;
    drawing::EdgeLook m_look;
};

} // namespace faultline
