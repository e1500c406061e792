#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

// Edges that never lie: every dependency is drawn as an orthogonal path that keeps out of the
// boxes of components and clusters it does not connect. A path may cross only the borders of
// its ends' own parents (it leaves and enters clusters through their top or bottom).
//
// The router reads the layout as it is drawn: in each cluster (and at the top level) the boxes
// fall into bands, runs of boxes whose vertical extents overlap; between two bands lies a free
// horizontal channel as wide as the cluster, and inside a band the gaps between boxes are free
// vertical corridors. The bottom-up layout (graphvizlayout.cpp) makes every level rows of boxes,
// so its bands are its rows. A route leaves its component through the top or bottom into a
// channel, crosses bands through gaps, leaves each enclosing cluster through its bottom (or top,
// beside its title) into the channel below (above) it, and enters the other end the same way in
// reverse: a handful of segments per level, computed in microseconds, no search. Boxes a user has dragged onto each other can leave no gap
// and then a route may cross them; nothing the layout makes does.
//
// Scene coordinates (y down), as layout.h. Qt Core only.
namespace faultline::layout {

struct RouteBox
{
    QRectF rect; // null when the component is not placed (hidden)
    int parent = -1;
    double header = 0; // a cluster's title bar: its contents start below it
    double titleWidth = 0; // how far its title runs from its left side (edges keep off it)
};

class EdgeRouter
{
public:
    explicit EdgeRouter(std::vector<RouteBox> boxes);

    // The path of `from` needs `to`: first point on `from`'s border, last on `to`'s (the tip of
    // the arrowhead), right-angled in between. Empty when either end is not placed. `lane`
    // spreads parallel edges apart inside a channel or gap (any number; the same for one edge).
    std::vector<QPointF> route(int from, int to, unsigned lane = 0) const;

private:
    struct Band
    {
        double top = 0, bottom = 0;
        std::vector<std::pair<double, double>> gaps; // free x intervals, left to right
        std::vector<std::pair<double, double>> runs; // where a route crosses: usable(gaps)
    };
    struct Level
    {
        QRectF frame; // where routes may run: a cluster's box below its title bar
        std::vector<Band> bands; // top to bottom
    };
    // Where a route stands: at `at`, in channel `channel` (0 above the first band) of the level
    // inside `level` (a cluster, or m_top for the top level).
    struct State
    {
        int level = -1;
        int channel = 0;
        QPointF at;
    };

    int levelOf(int c) const;
    double channelY(const Level &level, int channel, unsigned lane) const;
    static std::vector<std::pair<double, double>> usable(
        const std::vector<std::pair<double, double>> &gaps);
    State leave(int c, QPointF toward, unsigned lane, std::vector<QPointF> &points) const;
    State exitLevel(State s, QPointF toward, unsigned lane, std::vector<QPointF> &points) const;
    State climb(int c, int stop, QPointF toward, unsigned lane, std::vector<QPointF> &points) const;
    void connect(const State &s, const State &t, unsigned lane, std::vector<QPointF> &points) const;
    void toBorder(const State &s, std::vector<QPointF> &points) const;

    std::vector<RouteBox> m_boxes;
    std::vector<int> m_depth;
    std::vector<int> m_band; // per component: its band in its parent's level
    std::vector<Level> m_levels; // per component (the level of its children), then the top
    int m_top = 0;
};

// Removes repeated points and the middle of three points on one line.
std::vector<QPointF> simplified(const std::vector<QPointF> &points);

} // namespace faultline::layout
