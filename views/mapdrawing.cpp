#include "views/mapdrawing.h"

#include "views/icons.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace faultline::drawing {
namespace {

constexpr qreal cornerRadius = 6;

} // namespace

QPen outlinePen(const theme::StateStyle &s)
{
    QPen pen(s.border, s.borderWidth, s.borderStyle);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(s.borderStyle == Qt::DotLine ? Qt::RoundCap : Qt::FlatCap);
    if (s.borderStyle == Qt::DotLine)
        pen.setDashPattern({0.01, 2.0});
    else if (s.borderStyle == Qt::DashLine)
        pen.setDashPattern({3.0, 1.8});
    else if (s.borderStyle == Qt::DashDotLine)
        pen.setDashPattern({3.5, 1.5, 0.6, 1.5});
    return pen;
}

void fillState(QPainter *p, const QPainterPath &shape, const theme::StateStyle &s, QColor base)
{
    p->fillPath(shape, base);
    if (s.hatched) {
        QColor hatch = s.border;
        hatch.setAlpha(s.text == Qt::white ? 90 : 70);
        QBrush brush(hatch, Qt::BDiagPattern);
        // Pattern brushes follow the device; scale them with the scene so they read at any zoom.
        brush.setTransform(QTransform::fromScale(1.5, 1.5));
        p->fillPath(shape, brush);
    }
}

namespace {

void drawHalo(QPainter *p, const QRectF &rect, bool chain, bool selected)
{
    if (chain) {
        p->setPen(QPen(theme::chainColor(), 4));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(rect.adjusted(-5, -5, 5, 5), cornerRadius + 4, cornerRadius + 4);
    }
    if (selected) {
        QPen pen(theme::selectionColor(), 2.5, Qt::SolidLine);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        const qreal d = chain ? 9 : 5;
        p->drawRoundedRect(rect.adjusted(-d, -d, d, d), cornerRadius + d, cornerRadius + d);
    }
}

QPainterPath glyph(theme::Look look)
{
    // In a unit square centred on 0: scaled to the badge by the caller.
    QPainterPath path;
    switch (look) {
    case theme::Look::Failed:
    case theme::Look::Impaired:
        path.moveTo(0.12, -0.62);
        path.lineTo(-0.36, 0.08);
        path.lineTo(-0.02, 0.08);
        path.lineTo(-0.14, 0.62);
        path.lineTo(0.36, -0.10);
        path.lineTo(0.02, -0.10);
        path.closeSubpath();
        break;
    case theme::Look::Down: {
        QTransform t;
        t.rotate(45);
        QPainterPath plus;
        plus.addRect(-0.13, -0.5, 0.26, 1.0);
        plus.addRect(-0.5, -0.13, 1.0, 0.26);
        path = t.map(plus.simplified());
        break;
    }
    case theme::Look::Degraded:
        path.moveTo(-0.45, -0.3);
        path.lineTo(0.45, -0.3);
        path.lineTo(0.0, 0.42);
        path.closeSubpath();
        break;
    case theme::Look::AtRisk:
        path.addRoundedRect(-0.1, -0.55, 0.2, 0.7, 0.08, 0.08);
        path.addEllipse(QPointF(0, 0.38), 0.12, 0.12);
        break;
    case theme::Look::Up:
        break;
    }
    return path;
}

const theme::StateStyle &styleOf(theme::Look look, theme::Difference difference)
{
    return difference == theme::Difference::None ? theme::style(look)
                                                 : theme::differenceStyle(difference);
}

} // namespace

namespace {

constexpr int maxLabelLines = 3;

// Words filled greedily into lines of `max`. A word wider than a line starts a line of its own
// and is broken where it must, after a '.', '-', '/', '_' or ':' when one is near the end of the
// room ("dynamodb.us-east-1." / "amazonaws.com").
QStringList wrap(const QStringList &words, const QFontMetricsF &fm, qreal max)
{
    QStringList lines;
    QString line;
    for (const QString &word : words) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (fm.horizontalAdvance(candidate) <= max) {
            line = candidate;
            continue;
        }
        if (!line.isEmpty())
            lines.append(line);
        QString rest = word;
        while (fm.horizontalAdvance(rest) > max && rest.size() > 1) {
            int fits = 1;
            while (fits < rest.size() && fm.horizontalAdvance(rest.left(fits + 1)) <= max)
                ++fits;
            int cut = fits;
            for (int i = fits; i > fits * 3 / 5; --i) {
                if (QStringLiteral(".-/_:").contains(rest[i - 1])) {
                    cut = i;
                    break;
                }
            }
            lines.append(rest.left(cut));
            rest = rest.mid(cut);
        }
        line = rest;
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines.append(line);
    return lines;
}

} // namespace

QStringList labelLines(const QString &name)
{
    const QFontMetricsF fm(theme::nodeFont());
    const QStringList words = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // The card widens (up to nodeTextWidestWidth) before a name is cut.
    qreal max = theme::nodeTextMaxWidth;
    for (;; max += 10) {
        const QStringList lines = wrap(words, fm, max);
        if (lines.size() <= maxLabelLines)
            return lines;
        if (max >= theme::nodeTextWidestWidth)
            break;
    }
    // Too long for three lines: the middle goes. The last line keeps the end of the name (what
    // tells "Web tier (2 of 3)" from "Web tier (3 of 3)"), whole words as far as they fit; the
    // first two keep the beginning, the second ending in "…".
    QString tail;
    qsizetype kept = words.size();
    while (kept > 1) {
        const QString candidate =
            tail.isEmpty() ? words[kept - 1] : words[kept - 1] + QLatin1Char(' ') + tail;
        if (!tail.isEmpty() && fm.horizontalAdvance(candidate) > max)
            break;
        tail = candidate;
        --kept;
    }
    if (tail.isEmpty())
        tail = name.simplified();
    tail = fm.elidedText(tail, Qt::ElideLeft, max);
    const QStringList head = wrap(words.mid(0, kept), fm, max);
    const QString ellipsis(QChar(0x2026));
    QString second = fm.elidedText(head.value(1) + ellipsis, Qt::ElideRight, max);
    if (!second.endsWith(ellipsis))
        second += ellipsis;
    return {head.value(0), second, tail};
}

QSizeF nodeSize(const QStringList &lines)
{
    const QFontMetricsF fm(theme::nodeFont());
    qreal text = 0;
    for (const QString &l : lines)
        text = std::max(text, fm.horizontalAdvance(l));
    const qreal p = theme::nodePadding;
    const qreal w = p + theme::iconSize + p + text + p + 4;
    const qreal h = std::max(theme::nodeMinHeight, lines.size() * fm.lineSpacing() + 2 * p);
    return {std::ceil(std::max(w, 90.0)), std::ceil(h)};
}

QSizeF clusterHeaderSize(const QString &title)
{
    const QFontMetricsF fm(theme::clusterFont());
    return {std::ceil(fm.horizontalAdvance(title) + 34 + 26), theme::clusterHeaderHeight};
}

void drawNode(QPainter *p, const QRectF &whole, const NodeLook &look)
{
    const theme::StateStyle &s = styleOf(look.look, look.difference);
    p->save();
    if (look.dimmed)
        p->setOpacity(p->opacity() * theme::dimmedOpacity());
    const QRectF rect = look.folded ? drawFoldedStack(p, whole, s.fill, s.border) : whole;
    QPainterPath shape;
    shape.addRoundedRect(rect, cornerRadius, cornerRadius);
    if (!look.dimmed)
        p->fillPath(shape.translated(0, 1.5), QColor(15, 23, 42, 28));
    fillState(p, shape, s, s.fill);
    p->setPen(outlinePen(s));
    p->setBrush(Qt::NoBrush);
    p->drawPath(shape);
    drawHalo(p, rect, look.chain, look.selected);

    const qreal pad = theme::nodePadding;
    const QRectF icon(rect.left() + pad, rect.center().y() - theme::iconSize / 2, theme::iconSize,
        theme::iconSize);
    icons::drawKindIcon(p, look.kind, icon, s.text == Qt::white);

    p->setFont(theme::nodeFont());
    p->setPen(s.text);
    QRectF text(
        icon.right() + pad, rect.top(), rect.right() - icon.right() - pad - 2, rect.height());
    if (look.folded) {
        const QFontMetricsF fm(theme::foldSummaryFont());
        const QRectF line(text.left(), text.bottom() - pad / 2 - fm.lineSpacing(), text.width(),
            fm.lineSpacing());
        text.setBottom(line.top());
        p->setFont(theme::foldSummaryFont());
        p->drawText(line, Qt::AlignVCenter | Qt::AlignLeft,
            fm.elidedText(look.summary, Qt::ElideRight, line.width()));
        p->setFont(theme::nodeFont());
    }
    p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, look.lines.join(QLatin1Char('\n')));

    if (look.difference != theme::Difference::None)
        drawDifferenceBadge(
            p, QPointF(rect.right() - 3, rect.top() + 3), look.difference, theme::badgeRadius);
    else if (look.look != theme::Look::Up)
        drawBadge(p, QPointF(rect.right() - 3, rect.top() + 3), look.look, theme::badgeRadius);
    p->restore();
}

void drawCluster(QPainter *p, const QRectF &rect, const ClusterLook &look)
{
    const bool up = look.look == theme::Look::Up && look.difference == theme::Difference::None;
    const theme::StateStyle &s = styleOf(look.look, look.difference);
    p->save();
    if (look.dimmed)
        p->setOpacity(p->opacity() * theme::dimmedOpacity());
    QPainterPath shape;
    shape.addRoundedRect(rect, cornerRadius + 2, cornerRadius + 2);
    QColor fill = theme::clusterFill(look.depth);
    if (!up) {
        // A tint of the state over the depth's shade: the contents stay readable.
        const QColor tint = s.text == Qt::white ? theme::style(theme::Look::Down).fill : s.fill;
        fill = QColor::fromRgbF(0.45 * fill.redF() + 0.55 * tint.redF(),
            0.45 * fill.greenF() + 0.55 * tint.greenF(), 0.45 * fill.blueF() + 0.55 * tint.blueF());
    }
    theme::StateStyle tinted = s;
    tinted.text = theme::clusterTitle();
    fillState(p, shape, tinted, fill);
    if (up)
        p->setPen(QPen(theme::clusterBorder(), 1.3));
    else
        p->setPen(outlinePen(s));
    p->setBrush(Qt::NoBrush);
    p->drawPath(shape);
    drawHalo(p, rect, look.chain, look.selected);

    const qreal h = theme::clusterHeaderHeight;
    const QRectF icon(rect.left() + 8, rect.top() + (h - 20) / 2 + 1, 20, 20);
    icons::drawKindIcon(p, look.kind, icon, theme::scheme() == theme::Scheme::Dark);
    p->setFont(theme::clusterFont());
    p->setPen(theme::clusterTitle());
    const qreal badgeRoom = up ? 4 : 24;
    const QRectF title(
        icon.right() + 6, rect.top(), rect.right() - icon.right() - 6 - badgeRoom, h);
    const QFontMetricsF fm(p->font());
    // A title too long for its box loses its middle, never its end ("… (2 of 3)").
    p->drawText(title, Qt::AlignVCenter | Qt::AlignLeft,
        fm.elidedText(look.title, Qt::ElideMiddle, title.width()));
    if (!up) {
        const qreal used = std::min(fm.horizontalAdvance(look.title), title.width());
        const QPointF badge(title.left() + used + 14, rect.top() + h / 2 + 1);
        if (look.difference != theme::Difference::None)
            drawDifferenceBadge(p, badge, look.difference, theme::badgeRadius);
        else
            drawBadge(p, badge, look.look, theme::badgeRadius);
    }
    p->restore();
}

namespace {

// Strokes `path`, only where it crosses `visible` (when given). A path is stroked whole before
// anything is clipped (a dashed one is cut into all its dashes first), and at 100 % the edges
// of a 2,000-component map run for thousands of points off screen (0.6 s a frame). So a path
// that leaves `visible` is cut to the runs of its flattened segments that touch it, each dashed
// from its own distance along the path, so that the pattern stays where it was.
void strokeVisible(QPainter *p, const QPainterPath &path, const QRectF &visible)
{
    const QPen pen = p->pen();
    const qreal margin = pen.widthF() + 1;
    const QRectF area = visible.adjusted(-margin, -margin, margin, margin);
    if (visible.isEmpty() || area.contains(path.controlPointRect())) {
        p->drawPath(path);
        return;
    }
    qreal travelled = 0;
    for (const QPolygonF &polygon : path.toSubpathPolygons()) {
        QPolygonF run;
        qreal runStart = 0;
        auto flush = [&] {
            if (run.size() > 1) {
                QPen dashed = pen;
                dashed.setDashOffset(pen.dashOffset() + runStart / pen.widthF());
                p->setPen(dashed);
                p->drawPolyline(run);
            }
            run.clear();
        };
        for (qsizetype i = 1; i < polygon.size(); ++i) {
            const QLineF segment(polygon[i - 1], polygon[i]);
            if (QRectF(segment.p1(), segment.p2())
                    .normalized()
                    .adjusted(-1, -1, 1, 1)
                    .intersects(area)) {
                if (run.isEmpty()) {
                    run << segment.p1();
                    runStart = travelled;
                }
                run << segment.p2();
            } else {
                flush();
            }
            travelled += segment.length();
        }
        flush();
    }
    p->setPen(pen);
}

} // namespace

void drawEdge(
    QPainter *p, const QPainterPath &path, QPointF tip, const EdgeLook &look, const QRectF &visible)
{
    QColor color = theme::edgeColor();
    qreal width = look.hard ? 1.6 : 1.4;
    if (look.emphasis == EdgeEmphasis::Carries || look.emphasis == EdgeEmphasis::Fresh) {
        color = theme::style(look.carried).border;
        if (look.carried == theme::Look::Failed || look.carried == theme::Look::Down)
            color = theme::style(theme::Look::Down).border;
        width = look.emphasis == EdgeEmphasis::Fresh ? 7.0 : 3.2;
    } else if (look.emphasis == EdgeEmphasis::Chain) {
        color = theme::chainColor();
        width = 4.5;
    }
    p->save();
    if (look.dimmed)
        p->setOpacity(p->opacity() * theme::dimmedOpacity());
    QPen pen(color, width);
    pen.setCapStyle(Qt::FlatCap);
    if (!look.hard)
        pen.setDashPattern({4.0, 3.0});
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    strokeVisible(p, path, visible);

    const QPointF base = path.elementCount() ? path.currentPosition() : tip;
    QLineF axis(tip, base);
    if (axis.length() < 0.5)
        axis = QLineF(tip, tip - QPointF(0, 1));
    const qreal headLength = 9 + width * 1.2;
    const qreal halfWidth = 4 + width * 0.8;
    QLineF along = axis.unitVector();
    along.setLength(headLength);
    const QPointF back = along.p2();
    QLineF normal = along.normalVector().unitVector();
    const QPointF n = (normal.p2() - normal.p1()) * halfWidth;
    QPolygonF head;
    head << tip << back + n << back - n;
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawPolygon(head);
    p->restore();
}

void drawEdgeOutline(QPainter *p, const std::vector<QPointF> &points, const EdgeLook &look)
{
    if (points.size() < 2)
        return;
    QColor color = theme::edgeColor();
    qreal width = 0; // cosmetic: one pixel at any zoom
    if (look.emphasis == EdgeEmphasis::Carries || look.emphasis == EdgeEmphasis::Fresh) {
        color = theme::style(look.carried).border;
        if (look.carried == theme::Look::Failed || look.carried == theme::Look::Down)
            color = theme::style(theme::Look::Down).border;
        width = look.emphasis == EdgeEmphasis::Fresh ? 4 : 2;
    } else if (look.emphasis == EdgeEmphasis::Chain) {
        color = theme::chainColor();
        width = 2.5;
    } else if (!look.hard) {
        color.setAlpha(150); // soft: lighter, where a dash pattern would not show
    }
    p->save();
    if (look.dimmed)
        p->setOpacity(p->opacity() * theme::dimmedOpacity());
    QPen pen(color, width);
    pen.setCosmetic(true);
    p->setPen(pen);
    p->setRenderHint(QPainter::Antialiasing, false);
    p->drawPolyline(points.data(), int(points.size()));
    p->restore();
}

void drawBadge(QPainter *p, QPointF centre, theme::Look look, qreal radius)
{
    if (look == theme::Look::Up)
        return;
    const theme::StateStyle &s = theme::style(look);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(Qt::white, 1.5));
    p->setBrush(s.border);
    p->drawEllipse(centre, radius, radius);
    QTransform t;
    t.translate(centre.x(), centre.y());
    t.scale(radius * 1.25, radius * 1.25);
    p->setPen(Qt::NoPen);
    p->setBrush(s.badgeText);
    p->drawPath(t.map(glyph(look)));
    p->restore();
}

QPainterPath routedPath(const std::vector<QPointF> &points, QPointF *tip)
{
    QPainterPath path;
    if (points.size() < 2)
        return path;
    *tip = points.back();
    // The stroke stops where the head begins: 10 points back along the last segment, or at its
    // corner when the segment is shorter (the head, drawn along it, covers the rest).
    std::vector<QPointF> p = points;
    const QLineF last(p[p.size() - 2], p.back());
    const qreal headRoom = 10;
    if (last.length() > headRoom) {
        QLineF cut(p.back(), p[p.size() - 2]);
        cut.setLength(headRoom);
        p.back() = cut.p2();
    } else if (p.size() > 2) {
        p.pop_back();
    }
    // Corners rounded, never by more than half of either segment (the route keeps 3 points off
    // every box, so the arc stays in free space).
    constexpr qreal radius = 5;
    path.moveTo(p.front());
    for (std::size_t i = 1; i + 1 < p.size(); ++i) {
        const QLineF in(p[i], p[i - 1]), out(p[i], p[i + 1]);
        const qreal r = std::min({radius, in.length() / 2, out.length() / 2});
        QLineF a = in, b = out;
        a.setLength(r);
        b.setLength(r);
        path.lineTo(a.p2());
        path.quadTo(p[i], b.p2());
    }
    path.lineTo(p.back());
    return path;
}

QPainterPath straightRoute(const QRectF &from, const QRectF &to, QPointF *tip)
{
    const QPointF a = from.center();
    const QPointF b = to.center();
    QPointF start, end;
    if (b.y() - to.height() / 2 > a.y() + from.height() / 2) {
        start = QPointF(a.x(), from.bottom());
        end = QPointF(b.x(), to.top());
    } else if (b.y() + to.height() / 2 < a.y() - from.height() / 2) {
        start = QPointF(a.x(), from.top());
        end = QPointF(b.x(), to.bottom());
    } else {
        const bool right = b.x() > a.x();
        start = QPointF(right ? from.right() : from.left(), a.y());
        end = QPointF(right ? to.left() : to.right(), b.y());
    }
    *tip = end;
    QLineF line(start, end);
    const qreal headRoom = std::min(10.0, line.length() / 3);
    line.setLength(std::max(0.0, line.length() - headRoom));
    QPainterPath path(start);
    path.lineTo(line.p2());
    return path;
}

} // namespace faultline::drawing
