// The canvas's connect gesture: Shift+drag from one component to another, or a click after
// startConnect(). It ends in dependencyRequested(); the window makes the edit.
#include "views/mapscene.h"

#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "views/canvasitems.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QPen>

namespace faultline {

QString MapScene::componentAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
            return n->id();
        if (auto *c = qgraphicsitem_cast<ClusterItem *>(item))
            return c->id();
    }
    return {};
}

void MapScene::setConnectCursor(bool on)
{
    for (QGraphicsView *view : views()) {
        if (on)
            view->viewport()->setCursor(Qt::CrossCursor);
        else
            view->viewport()->unsetCursor();
    }
}

void MapScene::startConnect(const QString &from)
{
    cancelConnect();
    m_connectFrom = from;
    m_dragging = false;
    setConnectCursor(true);
}

void MapScene::cancelConnect()
{
    if (m_connectFrom.isEmpty() && !m_rubber)
        return;
    m_connectFrom.clear();
    m_dragging = false;
    delete m_rubber;
    m_rubber = nullptr;
    setConnectCursor(false);
    emit connectHint(QString());
}

namespace {

// The connect line: blue while the dependency could be made, red over a refusal.
const QColor connectColour(0x1f, 0x6f, 0xd1);
const QColor refusedColour(0xc6, 0x28, 0x28);

} // namespace

bool MapScene::connectPress(QGraphicsSceneMouseEvent *event)
{
    if (!m_connectFrom.isEmpty() && !m_dragging) {
        // The click after startConnect().
        if (event->button() != Qt::LeftButton) {
            cancelConnect();
            return false;
        }
        const QString from = m_connectFrom;
        const QString to = componentAt(event->scenePos());
        cancelConnect();
        if (!to.isEmpty())
            emit dependencyRequested(from, to);
        event->accept();
        return true;
    }
    if (event->button() != Qt::LeftButton || !(event->modifiers() & Qt::ShiftModifier))
        return false;
    const QString from = componentAt(event->scenePos());
    if (from.isEmpty())
        return false;
    // Shift+drag: a line follows the mouse to the component `from` will depend on.
    m_connectFrom = from;
    m_dragging = true;
    QPointF start = event->scenePos();
    if (const NodeItem *n = nodeItem(from))
        start = n->pos();
    m_rubber = new QGraphicsLineItem(QLineF(start, event->scenePos()));
    m_rubber->setPen(QPen(connectColour, 2.5, Qt::DashLine, Qt::RoundCap));
    m_rubber->setZValue(1e6);
    addItem(m_rubber);
    setConnectCursor(true);
    event->accept();
    return true;
}

bool MapScene::connectMove(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragging || !m_rubber)
        return false;
    m_rubber->setLine(QLineF(m_rubber->line().p1(), event->scenePos()));
    const QString to = componentAt(event->scenePos());
    const auto why = to.isEmpty() || to == m_connectFrom
        ? std::nullopt
        : edit::checkNewDependency(m_doc->map(), m_connectFrom, to);
    QPen pen = m_rubber->pen();
    pen.setColor(why ? refusedColour : connectColour);
    m_rubber->setPen(pen);
    emit connectHint(why.value_or(QString()));
    event->accept();
    return true;
}

bool MapScene::connectRelease(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragging)
        return false;
    const QString from = m_connectFrom;
    const QString to = componentAt(event->scenePos());
    cancelConnect();
    // Released where it started: a Shift+click, not a connection.
    if (!to.isEmpty() && to != from)
        emit dependencyRequested(from, to);
    event->accept();
    return true;
}

} // namespace faultline
