#include "views/callouts.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace faultline::callouts {
namespace {

constexpr qreal padX = 12;
constexpr qreal padY = 5;
constexpr qreal gap = 10;
constexpr qreal maxTextWidth = 760;

QString fitted(const QString &text)
{
    // A name too long loses its middle, never its end ("… (2 of 3)").
    return QFontMetricsF(font()).elidedText(text, Qt::ElideMiddle, maxTextWidth);
}

QSizeF boxSize(const QString &text)
{
    const QFontMetricsF fm(font());
    return {std::ceil(fm.horizontalAdvance(fitted(text))) + 2 * padX,
        std::ceil(fm.height()) + 2 * padY};
}

QRectF clampedInto(QRectF box, const QRectF &area)
{
    box.moveLeft(
        std::clamp(box.left(), area.left(), std::max(area.left(), area.right() - box.width())));
    box.moveTop(
        std::clamp(box.top(), area.top(), std::max(area.top(), area.bottom() - box.height())));
    return box;
}

} // namespace

QFont font()
{
    QFont f = theme::nodeFont();
    f.setPixelSize(26);
    f.setBold(true);
    return f;
}

std::vector<QRectF> place(const std::vector<QRectF> &anchors, const std::vector<QString> &texts,
    const QRectF &area, const QRectF &map)
{
    // Two columns beside the map, so that the labels cover none of it where there is room: a
    // component left of the map's middle is named on the left, the others on the right. In
    // each column the labels keep their components' order from top to bottom, each as near
    // its component's height as the ones above it allow, and the column is pushed back up
    // when it runs past the bottom.
    std::vector<QRectF> boxes(anchors.size());
    for (const bool left : {true, false}) {
        std::vector<std::size_t> column;
        for (std::size_t i = 0; i < anchors.size(); ++i) {
            if ((anchors[i].center().x() < map.center().x()) == left)
                column.push_back(i);
        }
        std::stable_sort(column.begin(), column.end(), [&](std::size_t a, std::size_t b) {
            return anchors[a].center().y() < anchors[b].center().y();
        });
        qreal bottom = area.top();
        for (const std::size_t i : column) {
            const QSizeF size = boxSize(texts[i]);
            QRectF box(QPointF(0, 0), size);
            if (left)
                box.moveRight(std::max(map.left() - 2 * gap, area.left() + size.width()));
            else
                box.moveLeft(std::min(map.right() + 2 * gap, area.right() - size.width()));
            box.moveTop(std::max(anchors[i].center().y() - size.height() / 2, bottom));
            boxes[i] = box;
            bottom = box.bottom() + 6;
        }
        qreal top = area.bottom();
        for (auto it = column.rbegin(); it != column.rend(); ++it) {
            QRectF &box = boxes[*it];
            if (box.bottom() > top)
                box.moveBottom(top);
            top = box.top() - 6;
        }
        for (const std::size_t i : column)
            boxes[i] = clampedInto(boxes[i], area);
    }
    return boxes;
}

void draw(QPainter *p, const QRectF &box, const QRectF &anchor, const Callout &callout)
{
    const theme::StateStyle &s = theme::style(callout.look);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // A ring round the component (small on a map fitted to the screen) and a leader to it
    // from the label's side that faces it.
    p->setPen(QPen(s.border, 3));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(anchor.adjusted(-4, -4, 4, 4), 6, 6);
    if (!box.intersects(anchor.adjusted(-4, -4, 4, 4))) {
        const QPointF from(
            box.center().x() < anchor.center().x() ? box.right() : box.left(), box.center().y());
        const QPointF to(std::clamp(from.x(), anchor.left() - 4, anchor.right() + 4),
            std::clamp(from.y(), anchor.top() - 4, anchor.bottom() + 4));
        p->setPen(QPen(s.border, 2.5));
        p->drawLine(from, to);
        p->setBrush(s.border);
        p->drawEllipse(to, 4, 4);
    }
    p->setPen(QPen(s.border, 3));
    p->setBrush(s.fill);
    p->drawRoundedRect(box, 8, 8);
    p->setFont(font());
    p->setPen(s.text);
    p->drawText(box, Qt::AlignCenter, fitted(callout.text));
    p->restore();
}

} // namespace faultline::callouts
