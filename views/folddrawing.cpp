// Drawing folded clusters and merged edges (model/layout/folding.h): the box's size and the
// count on an edge that stands for several dependencies. Declared in views/mapdrawing.h.

#include "views/mapdrawing.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace faultline::drawing {

QSizeF foldedNodeSize(const QStringList &lines, int members)
{
    const QSizeF card = nodeSize(lines);
    const QFontMetricsF fm(theme::foldSummaryFont());
    const QString n = QString::number(std::max(members, 1));
    const qreal summary = fm.horizontalAdvance(QStringLiteral("%1 of %1 down, %1 degraded").arg(n));
    const qreal p = theme::nodePadding;
    const qreal w = std::max(card.width(), p + theme::iconSize + p + summary + p + 4);
    const qreal h = card.height() + fm.lineSpacing();
    return {std::ceil(w + theme::foldedStackOffset), std::ceil(h + theme::foldedStackOffset)};
}

QRectF drawFoldedStack(QPainter *p, const QRectF &whole, QColor fill, QColor border)
{
    const qreal radius = 6; // as a card's
    const QRectF front = whole.adjusted(0, theme::foldedStackOffset, -theme::foldedStackOffset, 0);
    for (qreal k : {2.0, 1.0}) {
        QPainterPath behind;
        behind.addRoundedRect(
            front.translated(k * theme::foldedStackOffset / 2, -k * theme::foldedStackOffset / 2),
            radius, radius);
        p->fillPath(behind, fill);
        p->setPen(QPen(border, 1));
        p->drawPath(behind);
    }
    return front;
}

void drawEdgeCount(QPainter *p, QPointF at, int count, const EdgeLook &look)
{
    const QString text = QString::number(count);
    QFont f = theme::smallerNodeFont();
    f.setBold(true);
    const QFontMetricsF fm(f);
    const qreal w = std::max(fm.horizontalAdvance(text) + 8, fm.height() + 2);
    const QRectF box(at.x() - w / 2, at.y() - fm.height() / 2 - 1, w, fm.height() + 2);
    QColor border = theme::edgeColor();
    if (look.emphasis == EdgeEmphasis::Chain)
        border = theme::chainColor();
    else if (look.emphasis == EdgeEmphasis::Carries)
        border =
            theme::style(look.carried == theme::Look::Failed ? theme::Look::Down : look.carried)
                .border;
    p->save();
    if (look.dimmed)
        p->setOpacity(p->opacity() * theme::dimmedOpacity());
    p->setPen(QPen(border, 1.2));
    p->setBrush(Qt::white);
    p->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    p->setFont(f);
    p->setPen(QColor(0x0F172A));
    p->drawText(box, Qt::AlignCenter, text);
    p->restore();
}

QPointF countAnchor(const std::vector<QPointF> &points)
{
    QPointF best = points.empty() ? QPointF() : points.front();
    qreal longest = -1;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const qreal length = QLineF(points[i - 1], points[i]).length();
        if (length > longest) {
            longest = length;
            best = (points[i - 1] + points[i]) / 2;
        }
    }
    return best;
}

} // namespace faultline::drawing
