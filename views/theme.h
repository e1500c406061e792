#pragma once

#include "model/impact/state.h"
#include "model/impact/statecolours.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QPen>
#include <QString>

// The look of a map on screen and in the pictures: line styles, sizes and badges for every
// state, node and edge, with the colours of model/impact/statecolours.h (which the DOT export and
// the report read too). The canvas, the panels' state markers, the legend and the exports all
// read it, so a change here changes every picture at once.
namespace faultline::theme {

// What a component shows, and its colours: decided once in the model's palette
// (model/impact/statecolours.h), which the exports written without Qt Gui read too.
using palette::Look;
using palette::lookFor;
QString lookName(Look look); // "failed", "down", ...: for tooltips, tests and the legend

struct StateStyle
{
    QColor fill; // node background
    QColor border; // outline and badge background
    QColor text; // label colour on `fill`
    QColor badgeText; // glyph colour on `border`
    Qt::PenStyle borderStyle = Qt::SolidLine;
    qreal borderWidth = 1.5;
    bool hatched = false; // diagonal hatching: the pattern cue for down
};

// Light (the pictures, and the canvas on a light desktop) or dark (the canvas on a dark
// desktop, or by View › Theme). The scheme is process-wide and read at paint time; the
// exports always paint light (ScopedScheme around their painting). Only the canvas's own
// colours change: the background, boxes, an unaffected card, titles, edges, the chain and the
// selection, the legend's box. The state colours (failed, impaired, down, degraded, at risk)
// stay as they are, so they read the same on both.
enum class Scheme { Light, Dark };
Scheme scheme();
void setScheme(Scheme scheme);
// Paints in `scheme` until it goes out of scope.
class ScopedScheme
{
public:
    explicit ScopedScheme(Scheme s) : m_before(scheme()) { setScheme(s); }
    ~ScopedScheme() { setScheme(m_before); }
    ScopedScheme(const ScopedScheme &) = delete;
    ScopedScheme &operator=(const ScopedScheme &) = delete;

private:
    Scheme m_before;
};
// Dark when the palette's window colour is dark (as a dark desktop theme sets it).
bool isDarkPalette(const QPalette &palette);

const StateStyle &style(Look look);

// How a component fares on side B of a comparison against side A, for Compare's picture
// (None: the states are drawn as usual).
enum class Difference {
    None,
    Same, // affected on both sides, in the same state
    Worse,
    Better,
    Added, // in the map shown only, not in the other side's
};
// Colours and outline of a difference; the badge's glyph is differenceGlyph().
const StateStyle &differenceStyle(Difference difference);
QString differenceGlyph(Difference difference); // "▲" worse, "▼" better, "=" same, "+" only here
QString differenceName(Difference difference); // "worse", "better", ...: for tests and tooltips

// Canvas colours.
QColor canvasBackground();
QColor clusterFill(int depth);
QColor clusterBorder();
QColor clusterTitle();
QColor edgeColor();
QColor chainColor(); // the selected component's chain of causes
QColor selectionColor();
qreal dimmedOpacity();
// The boxes drawn over the canvas (the legend, the busy and empty-map texts).
QColor overlayFill();
QColor overlayBorder();
QColor overlayText();
QColor overlayHint(); // secondary text

// Sizes in scene units (1 unit = 1 pixel at 100 % zoom = 1 Graphviz point).
QFont nodeFont();
QFont clusterFont();
QFont legendFont();
QFont smallerNodeFont(); // counts on merged edges
QFont foldSummaryFont(); // "12 of 40 down" on a folded box
// The cards drawn behind a folded box, up and to the right.
inline constexpr qreal foldedStackOffset = 4;
inline constexpr qreal iconSize = 24;
inline constexpr qreal nodePadding = 8;
inline constexpr qreal nodeMinHeight = 44;
// How wide a component's name runs before it wraps (three lines at most, then its middle is
// cut): narrow, so that maps stay compact enough to read on a projector.
inline constexpr qreal nodeTextMaxWidth = 100;
// A name that needs more than three lines of that first widens its card up to this.
inline constexpr qreal nodeTextWidestWidth = 150;
inline constexpr qreal clusterHeaderHeight = 30;
// Space between a cluster's border and its contents, in the layout and on the canvas.
inline constexpr qreal clusterMargin = 10;
inline constexpr qreal badgeRadius = 9;

// Money per hour as the panels and the canvas print it ("$65,000/h").
QString formatCostPerHour(double cost);

} // namespace faultline::theme
