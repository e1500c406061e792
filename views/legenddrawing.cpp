// The legend drawn on the canvas and in exports: what each state, edge and badge means.
#include "views/mapdrawing.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace faultline::drawing {

namespace {

struct LegendRow
{
    QString text;
    theme::Look look;
    int edge; // 0 none, 1 hard, 2 soft, 3 carries, 4 chain
};

const QList<LegendRow> &legendRows()
{
    using theme::Look;
    static const QList<LegendRow> rows = {
        {QStringLiteral("Failed (what-if)"), Look::Failed, 0},
        {QStringLiteral("Impaired (what-if)"), Look::Impaired, 0},
        {QStringLiteral("Down"), Look::Down, 0},
        {QStringLiteral("Degraded"), Look::Degraded, 0},
        {QStringLiteral("At risk"), Look::AtRisk, 0},
        {QStringLiteral("Up"), Look::Up, 0},
        {QStringLiteral("Hard dependency"), Look::Up, 1},
        {QStringLiteral("Soft dependency"), Look::Up, 2},
        {QStringLiteral("Carries the failure"), Look::Down, 3},
        {QStringLiteral("Chain of causes"), Look::Up, 4},
    };
    return rows;
}

constexpr qreal legendRow = 24;
constexpr qreal legendPad = 10;
constexpr qreal legendSwatch = 40;

qreal legendColumnWidth()
{
    const QFontMetricsF fm(theme::legendFont());
    qreal text = 0;
    for (const LegendRow &r : legendRows())
        text = std::max(text, fm.horizontalAdvance(r.text));
    return std::ceil(legendSwatch + 10 + text + 14);
}

int legendRowCount(int columns)
{
    const int n = int(legendRows().size());
    return (n + columns - 1) / std::max(columns, 1);
}

} // namespace

QStringList legendTexts()
{
    QStringList texts;
    for (const LegendRow &r : legendRows())
        texts.append(r.text);
    return texts;
}

QSizeF legendSize(int columns)
{
    columns = std::max(columns, 1);
    return {2 * legendPad + columns * legendColumnWidth() - 14,
        2 * legendPad + legendRowCount(columns) * legendRow};
}

void drawLegend(QPainter *p, QPointF topLeft, int columns)
{
    columns = std::max(columns, 1);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF box(topLeft, legendSize(columns));
    p->setPen(QPen(theme::overlayBorder(), 1));
    p->setBrush(theme::overlayFill());
    p->drawRoundedRect(box, 6, 6);
    p->setFont(theme::legendFont());
    const int rows = legendRowCount(columns);
    for (int i = 0; i < int(legendRows().size()); ++i) {
        const LegendRow &r = legendRows()[i];
        const qreal x = box.left() + legendPad + (i / rows) * legendColumnWidth();
        const qreal y = box.top() + legendPad + (i % rows) * legendRow;
        const QRectF swatch(x, y + 3, legendSwatch - 8, legendRow - 6);
        if (r.edge == 0) {
            const theme::StateStyle &s = theme::style(r.look);
            QPainterPath shape;
            shape.addRoundedRect(swatch, 3, 3);
            fillState(p, shape, s, s.fill);
            QPen pen = outlinePen(s);
            pen.setWidthF(std::min(pen.widthF(), 2.5));
            p->setPen(pen);
            p->setBrush(Qt::NoBrush);
            p->drawPath(shape);
            drawBadge(p, QPointF(swatch.right(), swatch.center().y()), r.look, 7);
        } else {
            EdgeLook look;
            look.hard = r.edge != 2;
            look.emphasis = r.edge == 3 ? EdgeEmphasis::Carries
                : r.edge == 4           ? EdgeEmphasis::Chain
                                        : EdgeEmphasis::Normal;
            look.carried = r.look;
            const qreal cy = swatch.center().y();
            QPainterPath line(QPointF(swatch.left(), cy));
            line.lineTo(swatch.right() - 8, cy);
            drawEdge(p, line, QPointF(swatch.right() + 2, cy), look);
        }
        p->setPen(theme::overlayText());
        p->drawText(QRectF(x + legendSwatch + 10, y, legendColumnWidth(), legendRow),
            Qt::AlignVCenter | Qt::AlignLeft, r.text);
    }
    p->restore();
}

} // namespace faultline::drawing
