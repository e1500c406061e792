#include "views/mapdrawing.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

// Compare's drawing: a difference's badge, and its legend.
namespace faultline::drawing {

void drawDifferenceBadge(QPainter *p, QPointF centre, theme::Difference difference, qreal radius)
{
    const theme::StateStyle &s = theme::differenceStyle(difference);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(Qt::white, 1.5));
    p->setBrush(s.border);
    p->drawEllipse(centre, radius, radius);
    QFont f = theme::nodeFont();
    f.setBold(true);
    f.setPixelSize(int(radius * 1.3));
    p->setFont(f);
    p->setPen(s.badgeText);
    p->drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
        Qt::AlignCenter, theme::differenceGlyph(difference));
    p->restore();
}

namespace {

constexpr qreal legendRow = 24;
constexpr qreal legendPad = 10;
constexpr qreal legendSwatch = 40;

} // namespace

namespace {

const QList<std::pair<QString, theme::Difference>> &differenceRows()
{
    using theme::Difference;
    static const QList<std::pair<QString, Difference>> rows = {
        {QStringLiteral("Worse in B"), Difference::Worse},
        {QStringLiteral("Better in B"), Difference::Better},
        {QStringLiteral("Same, affected in both"), Difference::Same},
        {QStringLiteral("Only in this map"), Difference::Added},
        {QStringLiteral("Unaffected in both"), Difference::None},
    };
    return rows;
}

qreal differenceColumnWidth()
{
    const QFontMetricsF fm(theme::legendFont());
    qreal text = 0;
    for (const auto &row : differenceRows())
        text = std::max(text, fm.horizontalAdvance(row.first));
    return std::ceil(legendSwatch + 10 + text + 14);
}

} // namespace

QSizeF differenceLegendSize(int columns)
{
    columns = std::max(columns, 1);
    const int n = int(differenceRows().size());
    const int rows = (n + columns - 1) / columns;
    return {
        2 * legendPad + columns * differenceColumnWidth() - 14, 2 * legendPad + rows * legendRow};
}

void drawDifferenceLegend(QPainter *p, QPointF topLeft, int columns)
{
    columns = std::max(columns, 1);
    const int n = int(differenceRows().size());
    const int rows = (n + columns - 1) / columns;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF box(topLeft, differenceLegendSize(columns));
    p->setPen(QPen(QColor(0xCBD5E1), 1));
    p->setBrush(QColor(255, 255, 255, 235));
    p->drawRoundedRect(box, 6, 6);
    p->setFont(theme::legendFont());
    for (int i = 0; i < n; ++i) {
        const auto &[text, difference] = differenceRows()[i];
        const qreal x = box.left() + legendPad + (i / rows) * differenceColumnWidth();
        const qreal y = box.top() + legendPad + (i % rows) * legendRow;
        const QRectF swatch(x, y + 3, legendSwatch - 8, legendRow - 6);
        const theme::StateStyle &s = theme::differenceStyle(difference);
        QPainterPath shape;
        shape.addRoundedRect(swatch, 3, 3);
        fillState(p, shape, s, s.fill);
        QPen pen = outlinePen(s);
        pen.setWidthF(std::min(pen.widthF(), 2.5));
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(shape);
        if (difference != theme::Difference::None)
            drawDifferenceBadge(p, QPointF(swatch.right(), swatch.center().y()), difference, 7);
        p->setPen(QColor(0x1E293B));
        p->setFont(theme::legendFont());
        p->drawText(QRectF(x + legendSwatch + 10, y, differenceColumnWidth(), legendRow),
            Qt::AlignVCenter | Qt::AlignLeft, text);
    }
    p->restore();
}

} // namespace faultline::drawing
