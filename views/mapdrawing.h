#pragma once

#include "views/theme.h"

#include <QPainterPath>
#include <QRectF>
#include <QStringList>

#include <vector>

class QPainter;

// Drawing a map's parts with a QPainter: the canvas items call these from paint(), and the
// exports call the same functions on an SVG or PDF painter, so every picture looks the same.
// Nothing here knows the model: callers pass what to draw.
namespace faultline::drawing {

using theme::Difference;

struct NodeLook
{
    QStringList lines; // the label, wrapped (labelLines())
    QString kind;
    theme::Look look = theme::Look::Up;
    bool dimmed = false;
    bool chain = false; // on the selected component's chain of causes
    bool selected = false;
    Difference difference = Difference::None;
    // A folded cluster (model/layout/folding.h): drawn as a stack of cards, with `summary`
    // ("12 of 40 down") under its name.
    bool folded = false;
    QString summary;
};

struct ClusterLook
{
    QString title;
    QString kind;
    theme::Look look = theme::Look::Up;
    int depth = 0;
    bool dimmed = false;
    bool chain = false;
    bool selected = false;
    Difference difference = Difference::None;
};

enum class EdgeEmphasis {
    Normal,
    Carries, // the dependency through which its `from` got its state
    Chain, // a link of the selected component's chain of causes
    Fresh, // carried its `from`'s state in the step presenter mode shows: bolder than Carries
};

struct EdgeLook
{
    bool hard = true;
    int count = 1; // dependencies it stands for: more than one when merged by a fold
    EdgeEmphasis emphasis = EdgeEmphasis::Normal;
    theme::Look carried = theme::Look::Up; // the state it carries, for Carries
    bool dimmed = false;
};

// A component's name wrapped to at most three lines of theme::nodeTextMaxWidth; longer, its
// middle is cut ("Web tier us-east-1" / "with a very long…" / "(2 of 3)").
QStringList labelLines(const QString &name);
// The node's size for those lines: measured here, passed to Graphviz as a fixed size.
QSizeF nodeSize(const QStringList &lines);
// A folded cluster's box: its name's lines and a summary line under them, wide enough for
// "N of N down, N degraded" with N its number of members, and room for the stack drawn behind.
QSizeF foldedNodeSize(const QStringList &lines, int members);
// The two cards drawn behind a folded box, up and to the right; returns the front card's
// rectangle (drawNode draws the box there).
QRectF drawFoldedStack(QPainter *painter, const QRectF &whole, QColor fill, QColor border);
// The room a cluster's title needs above its contents.
QSizeF clusterHeaderSize(const QString &title);

// A state's outline, and its fill (hatched for down) over `base`: for every part drawn in a
// state's style.
QPen outlinePen(const theme::StateStyle &style);
void fillState(
    QPainter *painter, const QPainterPath &shape, const theme::StateStyle &style, QColor base);

void drawNode(QPainter *painter, const QRectF &rect, const NodeLook &look);
void drawCluster(QPainter *painter, const QRectF &rect, const ClusterLook &look);
// `path` ends where the arrowhead starts; the head runs from there to `tip`.
// `visible`, when given, is the part of the drawing that will be seen: an edge that leaves it
// is stroked (and dashed) only there.
void drawEdge(QPainter *painter, const QPainterPath &path, QPointF tip, const EdgeLook &look,
    const QRectF &visible = {});
// The number of dependencies a merged edge stands for (model/layout/folding.h), in a small
// rounded label centred on `at`.
void drawEdgeCount(QPainter *painter, QPointF at, int count, const EdgeLook &look);
// Where an edge's count goes: the middle of its longest segment.
QPointF countAnchor(const std::vector<QPointF> &points);
// The same edge where it is too small to read (a map fitted on screen): its route as a thin
// polyline of one device pixel (two when it carries a failure or is on the chain), solid, no
// arrowhead. Thousands of them draw in a few milliseconds.
void drawEdgeOutline(QPainter *painter, const std::vector<QPointF> &points, const EdgeLook &look);
// The state's glyph in a disc: ⚡ failed or impaired, ✖ down, ▼ degraded, ! at risk.
void drawBadge(QPainter *painter, QPointF centre, theme::Look look, qreal radius);

// An edge along a routed polyline (layout::EdgeRouter: first point on `from`'s border, last on
// `to`'s), its corners rounded. The path ends at the arrowhead's base; sets `tip`.
QPainterPath routedPath(const std::vector<QPointF> &points, QPointF *tip);

// A straight edge between two rectangles (side by side, where a curve would not fit): leaves
// `from` towards `to` and stops at `to`'s border. Sets `tip`.
QPainterPath straightRoute(const QRectF &from, const QRectF &to, QPointF *tip);

// The legend's texts, in its order ("Failed (what-if)", "Impaired (what-if)", "Down"...).
QStringList legendTexts();
// The legend in `columns` columns (1 = one tall column).
QSizeF legendSize(int columns = 1);
void drawLegend(QPainter *painter, QPointF topLeft, int columns = 1);
// A difference's glyph in a disc of its colour (views/differencedrawing.cpp).
void drawDifferenceBadge(
    QPainter *painter, QPointF centre, theme::Difference difference, qreal radius);
// Compare's legend: worse, better, same, only in this map, unaffected.
QSizeF differenceLegendSize(int columns = 1);
void drawDifferenceLegend(QPainter *painter, QPointF topLeft, int columns = 1);

} // namespace faultline::drawing
