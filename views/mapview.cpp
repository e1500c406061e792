#include "views/mapview.h"

#include "views/canvasitems.h"
#include "views/mapdrawing.h"
#include "views/mapscene.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace faultline {
namespace {

// Low enough to fit a map of 10,000 components (30,000 points wide) in a window.
constexpr qreal minZoom = 0.01;
constexpr qreal maxZoom = 4.0;

} // namespace

MapView::MapView(MapScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::RubberBandDrag);
    // "Inside the band": a component whose whole card is in it, a cluster its whole box.
    setRubberBandSelectionMode(Qt::ContainsItemBoundingRect);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Map canvas"));
}

void MapView::setLegendVisible(bool visible)
{
    m_legend = visible;
    viewport()->update();
}

void MapView::setLegendKind(Legend kind)
{
    m_legendKind = kind;
    viewport()->update();
}

QSizeF MapView::legendSize(int columns) const
{
    return m_legendKind == Legend::States ? drawing::legendSize(columns)
                                          : drawing::differenceLegendSize(columns);
}

void MapView::setCallouts(std::vector<callouts::Callout> list)
{
    m_callouts = std::move(list);
    viewport()->update();
}

void MapView::setTopPanel(QWidget *panel)
{
    if (m_topPanel && m_topPanel != panel)
        m_topPanel->hide();
    m_topPanel = panel;
    if (panel) {
        panel->setParent(this);
        panel->show();
        panel->raise();
    }
    updateTopPanel();
}

void MapView::updateTopPanel()
{
    if (!m_topPanel) {
        setViewportMargins(0, 0, 0, 0);
        return;
    }
    const int w = width();
    int h = m_topPanel->hasHeightForWidth() ? m_topPanel->heightForWidth(w) : -1;
    if (h < 0)
        h = m_topPanel->sizeHint().height();
    setViewportMargins(0, h, 0, 0);
    m_topPanel->setGeometry(0, 0, w, h);
}

void MapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_topPanel)
        updateTopPanel();
}

void MapView::setBusyText(const QString &text)
{
    m_busyText = text;
    viewport()->update();
}

void MapView::zoomBy(qreal factor, QPointF anchor)
{
    const qreal target = std::clamp(zoom() * factor, minZoom, maxZoom);
    factor = target / zoom();
    if (qFuzzyCompare(factor, 1.0))
        return;
    // Keep the scene point under the anchor where it is.
    const QPointF before = mapToScene(anchor.toPoint());
    scale(factor, factor);
    const QPointF drift = mapToScene(anchor.toPoint()) - before;
    centerOn(mapToScene(viewport()->rect().center()) - drift);
    emit zoomChanged(zoom());
}

void MapView::zoomIn()
{
    zoomBy(1.25, viewport()->rect().center());
}

void MapView::zoomOut()
{
    zoomBy(1 / 1.25, viewport()->rect().center());
}

void MapView::resetZoom()
{
    zoomBy(1.0 / zoom(), viewport()->rect().center());
}

int MapView::legendColumns() const
{
    int columns = 5;
    while (columns > 1 && legendSize(columns).width() > viewport()->width() - 24)
        --columns;
    return columns;
}

void MapView::fitToMap()
{
    const QRectF bounds = m_scene->mapBounds();
    if (bounds.isEmpty())
        return;
    setSceneRect(
        bounds.adjusted(-bounds.width(), -bounds.height(), bounds.width(), bounds.height()));
    // Fit above the legend, never past 100 %.
    const QRect vp = viewport()->rect();
    const qreal legend = m_legend ? legendSize(legendColumns()).height() + 12 : 0;
    const qreal s =
        std::clamp(std::min(vp.width() / bounds.width(), (vp.height() - legend) / bounds.height()),
            minZoom, 1.0);
    setTransform(QTransform::fromScale(s, s));
    centerOn(bounds.center() + QPointF(0, legend / 2 / s));
    emit zoomChanged(zoom());
}

void MapView::zoomToSelection()
{
    QRectF r;
    for (const QGraphicsItem *item : m_scene->selectedItems())
        r = r.united(item->sceneBoundingRect());
    if (r.isNull())
        return;
    r.adjust(-40, -40, 40, 40);
    const QRect vp = viewport()->rect();
    const qreal s =
        std::clamp(std::min(vp.width() / r.width(), vp.height() / r.height()), minZoom, 2.0);
    setTransform(QTransform::fromScale(s, s));
    centerOn(r.center());
    emit zoomChanged(zoom());
}

void MapView::centreOn(const QString &id)
{
    if (const QGraphicsItem *item = m_scene->nodeItem(id))
        centerOn(item);
    else if (const ClusterItem *c = m_scene->clusterItem(id))
        centerOn(c->rect().center());
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.2, steps), event->position());
    event->accept();
}

void MapView::setPanning(bool on)
{
    setDragMode(on ? QGraphicsView::ScrollHandDrag : QGraphicsView::RubberBandDrag);
    setInteractive(!on);
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        // Pan with the middle button anywhere, even over items: the hand drag of the left one.
        m_middlePanning = true;
        setPanning(true);
        QMouseEvent press(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
            Qt::LeftButton, event->modifiers());
        QGraphicsView::mousePressEvent(&press);
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_middlePanning && event->button() == Qt::MiddleButton) {
        QMouseEvent release(event->type(), event->position(), event->globalPosition(),
            Qt::LeftButton, Qt::NoButton, event->modifiers());
        QGraphicsView::mouseReleaseEvent(&release);
        m_middlePanning = false;
        setPanning(m_spaceHeld);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !m_spaceHeld) {
        // Space held: the left button pans, as in drawing programs.
        m_spaceHeld = true;
        setPanning(true);
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space) {
        event->accept();
        return;
    }
    if (event->modifiers() == Qt::ControlModifier) {
        const std::pair<int, QPointF> ways[] = {{Qt::Key_Left, QPointF(-1, 0)},
            {Qt::Key_Right, QPointF(1, 0)}, {Qt::Key_Up, QPointF(0, -1)},
            {Qt::Key_Down, QPointF(0, 1)}};
        for (const auto &[key, way] : ways) {
            if (event->key() == key) {
                scrollToward(way);
                event->accept();
                return;
            }
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void MapView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && m_spaceHeld) {
        m_spaceHeld = false;
        if (!m_middlePanning)
            setPanning(false);
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

// A Space released while another window had the focus never arrives here.
void MapView::focusOutEvent(QFocusEvent *event)
{
    if (m_spaceHeld) {
        m_spaceHeld = false;
        if (!m_middlePanning)
            setPanning(false);
        viewport()->unsetCursor();
    }
    QGraphicsView::focusOutEvent(event);
}

void MapView::scrollToward(QPointF direction)
{
    const QRect vp = viewport()->rect();
    horizontalScrollBar()->setValue(
        horizontalScrollBar()->value() + int(direction.x() * vp.width() / 8));
    verticalScrollBar()->setValue(
        verticalScrollBar()->value() + int(direction.y() * vp.height() / 8));
}

void MapView::setHint(const QString &text)
{
    if (text == m_hint)
        return;
    m_hint = text;
    viewport()->update();
}

QRect MapView::overlayRect() const
{
    const QRect vp = viewport()->rect();
    QRect r;
    if (m_legend) {
        const QSizeF size = legendSize(legendColumns());
        r = QRectF(QPointF(12, vp.height() - size.height() - 12), size).toAlignedRect();
    }
    if (!m_busyText.isEmpty() || !m_hint.isEmpty())
        r = r.united(QRect(vp.width() / 2 - 260, vp.height() / 2 - 60, 520, 120));
    return r.isEmpty() ? QRect() : r.adjusted(-2, -2, 2, 2);
}

// The legend and the busy box stay put over the viewport while the scene scrolls, but a scroll
// moves the viewport's pixels, theirs too: paint both where the copies landed and where they
// belong, or ghosts of the legend stay on the canvas until the next full repaint.
void MapView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (!m_callouts.empty()) {
        viewport()->update(); // labels kept inside the viewport do not scroll with the map
        return;
    }
    const QRect overlays = overlayRect();
    if (overlays.isEmpty())
        return;
    viewport()->update(overlays);
    viewport()->update(overlays.translated(dx, dy));
}

void MapView::drawCallouts(QPainter *painter)
{
    if (m_callouts.empty())
        return;
    std::vector<QRectF> anchors;
    std::vector<QString> texts;
    std::vector<const callouts::Callout *> shown;
    for (const callouts::Callout &c : m_callouts) {
        QRectF rect;
        if (const NodeItem *n = m_scene->nodeItem(c.id); n && n->isVisible())
            rect = n->rect();
        else if (const ClusterItem *k = m_scene->clusterItem(c.id); k && k->isVisible())
            rect = QRectF(k->rect().topLeft(), QSizeF(k->rect().width(), k->headerSize().height()));
        if (rect.isNull())
            continue;
        anchors.push_back(QRectF(mapFromScene(rect.topLeft()), mapFromScene(rect.bottomRight())));
        texts.push_back(c.text);
        shown.push_back(&c);
    }
    const QRectF area = QRectF(viewport()->rect()).adjusted(8, 8, -8, -8);
    const QRectF bounds = m_scene->mapBounds();
    const QRectF map(mapFromScene(bounds.topLeft()), mapFromScene(bounds.bottomRight()));
    const std::vector<QRectF> boxes = callouts::place(anchors, texts, area, map);
    for (std::size_t i = 0; i < boxes.size(); ++i)
        callouts::draw(painter, boxes[i], anchors[i], *shown[i]);
}

void MapView::drawForeground(QPainter *painter, const QRectF &)
{
    if (!m_legend && m_busyText.isEmpty() && m_hint.isEmpty() && m_callouts.empty())
        return;
    painter->save();
    painter->resetTransform();
    const QRect vp = viewport()->rect();
    drawCallouts(painter);
    if (m_legend) {
        // As many columns as fit: a short strip along the bottom rather than a tall block.
        const int columns = legendColumns();
        const QSizeF size = legendSize(columns);
        const QPointF at(12, vp.height() - size.height() - 12);
        if (m_legendKind == Legend::States)
            drawing::drawLegend(painter, at, columns);
        else
            drawing::drawDifferenceLegend(painter, at, columns);
    }
    if (!m_busyText.isEmpty()) {
        QFont f = theme::legendFont();
        f.setPixelSize(18);
        painter->setFont(f);
        const QRectF box(vp.width() / 2.0 - 200, vp.height() / 2.0 - 30, 400, 60);
        painter->setPen(QPen(theme::overlayBorder(), 1));
        painter->setBrush(theme::overlayFill());
        painter->drawRoundedRect(box, 8, 8);
        painter->setPen(theme::overlayText());
        painter->drawText(box, Qt::AlignCenter, m_busyText);
    } else if (!m_hint.isEmpty()) {
        QFont f = theme::legendFont();
        f.setPixelSize(15);
        painter->setFont(f);
        const QRectF box(vp.width() / 2.0 - 260, vp.height() / 2.0 - 60, 520, 120);
        painter->setPen(theme::overlayHint());
        painter->drawText(box.adjusted(12, 8, -12, -8), Qt::AlignCenter | Qt::TextWordWrap, m_hint);
    }
    painter->restore();
}

} // namespace faultline
