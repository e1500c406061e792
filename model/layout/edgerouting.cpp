#include "model/layout/edgerouting.h"

#include "model/layout/layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace faultline::layout {
namespace {

constexpr double clearance = 3; // between a route and the nearest box
constexpr double mergeGap = 2; // boxes closer than this leave no usable gap between them
constexpr double topMargin = 40; // round the top level, where routes may go round everything

// Parallel routes in one channel or gap sit side by side, a few points apart: five lanes.
double laneOffset(unsigned lane, double room)
{
    const double offset = (double(lane % 5) - 2) * 2.5;
    const double most = std::max(0.0, room / 2 - clearance);
    return std::clamp(offset, -most, most);
}

} // namespace

EdgeRouter::EdgeRouter(std::vector<RouteBox> boxes) : m_boxes(std::move(boxes))
{
    const int n = int(m_boxes.size());
    m_top = n;
    m_depth = depths(n, [&](int c) { return m_boxes[c].parent; });
    m_band.assign(n, 0);
    m_levels.assign(n + 1, Level());
    std::vector<std::vector<int>> members(n + 1);
    for (int c = 0; c < n; ++c) {
        if (!m_boxes[c].rect.isNull())
            members[levelOf(c)].push_back(c);
    }
    for (int l = 0; l <= n; ++l) {
        std::vector<int> &in = members[l];
        if (in.empty())
            continue;
        Level &level = m_levels[l];
        if (l == m_top) {
            QRectF all;
            for (int c : in)
                all = all.united(m_boxes[c].rect);
            level.frame = all.adjusted(-topMargin, -topMargin, topMargin, topMargin);
        } else {
            level.frame = m_boxes[l].rect.adjusted(0, m_boxes[l].header, 0, 0);
        }
        std::sort(in.begin(), in.end(),
            [&](int a, int b) { return m_boxes[a].rect.top() < m_boxes[b].rect.top(); });
        // Bands: runs of boxes whose vertical extents overlap (or nearly touch).
        std::vector<std::vector<int>> bandMembers;
        for (int c : in) {
            const QRectF &r = m_boxes[c].rect;
            if (bandMembers.empty() || r.top() >= level.bands.back().bottom + 1) {
                level.bands.push_back({r.top(), r.bottom(), {}, {}});
                bandMembers.push_back({});
            }
            level.bands.back().bottom = std::max(level.bands.back().bottom, r.bottom());
            bandMembers.back().push_back(c);
            m_band[c] = int(level.bands.size()) - 1;
        }
        // Gaps: what the band's boxes leave free between the frame's sides.
        for (std::size_t b = 0; b < level.bands.size(); ++b) {
            std::vector<std::pair<double, double>> spans;
            for (int c : bandMembers[b])
                spans.emplace_back(m_boxes[c].rect.left(), m_boxes[c].rect.right());
            std::sort(spans.begin(), spans.end());
            double x = level.frame.left();
            for (const auto &[left, right] : spans) {
                if (left > x + mergeGap)
                    level.bands[b].gaps.emplace_back(x, left);
                x = std::max(x, right);
            }
            if (level.frame.right() > x)
                level.bands[b].gaps.emplace_back(x, level.frame.right());
            level.bands[b].runs = usable(level.bands[b].gaps);
        }
    }
}

int EdgeRouter::levelOf(int c) const
{
    const int p = m_boxes[c].parent;
    return p < 0 ? m_top : p;
}

double EdgeRouter::channelY(const Level &level, int channel, unsigned lane) const
{
    const int bands = int(level.bands.size());
    const double top = channel <= 0 ? level.frame.top() : level.bands[channel - 1].bottom;
    const double bottom = channel >= bands ? level.frame.bottom() : level.bands[channel].top;
    return (top + bottom) / 2 + laneOffset(lane, bottom - top);
}

// Where a vertical run may cross a band with these gaps: well off the boxes on either side where the
// gap allows (an edge running along a box reads as its border); a narrow gap by its middle.
std::vector<std::pair<double, double>> EdgeRouter::usable(
    const std::vector<std::pair<double, double>> &gaps)
{
    std::vector<std::pair<double, double>> out;
    out.reserve(gaps.size());
    for (const auto &[lo, hi] : gaps) {
        const double keep = std::max(clearance, std::min((hi - lo) / 2, 10.0));
        if (lo + keep <= hi - keep)
            out.emplace_back(lo + keep, hi - keep);
        else
            out.emplace_back((lo + hi) / 2, (lo + hi) / 2);
    }
    return out;
}

namespace {

// The x in `runs` nearest `wanted` (ties: nearest `from`), and what it costs.
std::pair<double, double> pick(
    const std::vector<std::pair<double, double>> &runs, double wanted, double from)
{
    double best = wanted, bestCost = -1;
    for (const auto &[a, b] : runs) {
        const double x = std::clamp(wanted, a, b);
        const double cost = std::abs(x - wanted) * 4 + std::abs(x - from);
        if (bestCost < 0 || cost < bestCost) {
            best = x;
            bestCost = cost;
        }
    }
    return {best, bestCost};
}

// The parts of both sorted interval lists that overlap.
std::vector<std::pair<double, double>> intersect(const std::vector<std::pair<double, double>> &a,
    const std::vector<std::pair<double, double>> &b)
{
    std::vector<std::pair<double, double>> out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const double lo = std::max(a[i].first, b[j].first);
        const double hi = std::min(a[i].second, b[j].second);
        if (lo <= hi)
            out.emplace_back(lo, hi);
        (a[i].second < b[j].second ? i : j)++;
    }
    return out;
}

} // namespace

// From component `c` into the channel above or below its band, towards `toward`.
EdgeRouter::State EdgeRouter::leave(
    int c, QPointF toward, unsigned lane, std::vector<QPointF> &points) const
{
    const QRectF &r = m_boxes[c].rect;
    const int l = levelOf(c);
    const bool down = toward.y() >= r.center().y();
    // Ends spread along the side, towards the other end, so that a component's edges fan out.
    const double half = std::max(0.0, r.width() / 2 - 8);
    const double x = r.center().x() + std::clamp((toward.x() - r.center().x()) * 0.25, -half, half);
    points.emplace_back(x, down ? r.bottom() : r.top());
    const int channel = down ? m_band[c] + 1 : m_band[c];
    const QPointF at(x, channelY(m_levels[l], channel, lane));
    points.push_back(at);
    return {l, channel, at};
}

// Out of the cluster whose level `s` is in, through its bottom (or, towards something above,
// its top, beside the title) into the channel below (above) it in its parent's level: edges
// run through clusters top to bottom, as dot draws them.
EdgeRouter::State EdgeRouter::exitLevel(
    State s, QPointF toward, unsigned lane, std::vector<QPointF> &points) const
{
    const int x = s.level;
    const RouteBox &box = m_boxes[x];
    const QRectF &r = box.rect;
    const bool down = toward.y() >= r.center().y();
    // Where to cross the border: towards the other end, off the corners, and off the title.
    double lo = r.left() + 2 * clearance;
    const double hi = r.right() - 2 * clearance;
    if (!down)
        lo = std::min(std::max(lo, r.left() + box.titleWidth), hi);
    const double cross =
        std::clamp(toward.x() + laneOffset(lane / 5, 20), std::min(lo, hi), std::max(lo, hi));
    const Level &inner = m_levels[x];
    const int edge = down ? int(inner.bands.size()) : 0;
    const State border{x, edge, QPointF(cross, channelY(inner, edge, lane))};
    connect(s, border, lane, points);
    const int parent = levelOf(x);
    const int channel = down ? m_band[x] + 1 : m_band[x];
    const QPointF at(cross, channelY(m_levels[parent], channel, lane));
    points.push_back(at);
    return {parent, channel, at};
}

EdgeRouter::State EdgeRouter::climb(
    int c, int stop, QPointF toward, unsigned lane, std::vector<QPointF> &points) const
{
    State s = leave(c, toward, lane, points);
    while (s.level != stop && s.level != m_top)
        s = exitLevel(s, toward, lane, points);
    return s;
}

// Within one level, from channel to channel: crosses the bands between them, as many at a time
// as one straight run can (fewer bends, fewer points to draw), through the gaps nearest `t`;
// then runs along `t`'s channel to it. Appends the points after s.at up to t.at.
void EdgeRouter::connect(
    const State &s, const State &t, unsigned lane, std::vector<QPointF> &points) const
{
    const Level &level = m_levels[s.level];
    QPointF at = s.at;
    const double goal = t.at.x();
    const double wanted = goal + laneOffset(lane / 5, 20);
    auto bandBetween = [&](int channel, int step) -> const Band & {
        return level.bands[step > 0 ? channel : channel - 1];
    };
    for (int channel = s.channel; channel != t.channel;) {
        const int step = t.channel > channel ? 1 : -1;
        std::vector<std::pair<double, double>> runs = bandBetween(channel, step).runs;
        double cost = pick(runs, wanted, at.x()).second;
        int next = channel + step;
        // One more band while a run still goes through and strays little further from the goal.
        while (next != t.channel) {
            auto narrowed = intersect(runs, bandBetween(next, step).runs);
            if (narrowed.empty() || pick(narrowed, wanted, at.x()).second > cost + 200)
                break;
            runs = std::move(narrowed);
            cost = pick(runs, wanted, at.x()).second;
            next += step;
        }
        const double x = pick(runs, wanted, at.x()).first;
        points.emplace_back(x, at.y());
        channel = next;
        at = QPointF(x, channelY(level, channel, lane));
        points.push_back(at);
    }
    points.emplace_back(goal, at.y());
    points.push_back(t.at);
}

// From inside a cluster's level to its nearest side, along the channel the route is in.
void EdgeRouter::toBorder(const State &s, std::vector<QPointF> &points) const
{
    const QRectF &r = m_boxes[s.level].rect;
    const bool left = s.at.x() - r.left() < r.right() - s.at.x();
    points.emplace_back(left ? r.left() : r.right(), s.at.y());
}

std::vector<QPointF> EdgeRouter::route(int from, int to, unsigned lane) const
{
    const int n = int(m_boxes.size());
    if (from < 0 || to < 0 || from >= n || to >= n || from == to || m_boxes[from].rect.isNull()
        || m_boxes[to].rect.isNull())
        return {};
    auto isAncestor = [&](int a, int of) {
        for (int p = m_boxes[of].parent, guard = 0; p >= 0 && guard <= n;
             p = m_boxes[p].parent, ++guard) {
            if (p == a)
                return true;
        }
        return false;
    };
    std::vector<QPointF> points, back;
    const QPointF fromCentre = m_boxes[from].rect.center();
    const QPointF toCentre = m_boxes[to].rect.center();
    if (isAncestor(to, from)) {
        // A component needs a cluster it sits in: the arrow meets that cluster's side.
        toBorder(climb(from, to, toCentre + QPointF(0, 1e6), lane, points), points);
        return simplified(points);
    }
    if (isAncestor(from, to)) {
        toBorder(climb(to, from, fromCentre + QPointF(0, 1e6), lane, back), back);
        std::reverse(back.begin(), back.end());
        return simplified(back);
    }
    int a = from, b = to;
    while (m_depth[a] > m_depth[b])
        a = m_boxes[a].parent;
    while (m_depth[b] > m_depth[a])
        b = m_boxes[b].parent;
    for (int guard = 0; m_boxes[a].parent != m_boxes[b].parent && guard <= n; ++guard) {
        a = m_boxes[a].parent;
        b = m_boxes[b].parent;
    }
    const int meet = m_boxes[a].parent < 0 ? m_top : m_boxes[a].parent;
    const State s = climb(from, meet, toCentre, lane, points);
    const State t = climb(to, meet, fromCentre, lane, back);
    connect(s, t, lane, points);
    points.insert(points.end(), back.rbegin(), back.rend());
    return simplified(points);
}

std::vector<QPointF> simplified(const std::vector<QPointF> &points)
{
    std::vector<QPointF> out;
    out.reserve(points.size());
    auto same = [](double a, double b) { return std::abs(a - b) < 0.01; };
    for (const QPointF &p : points) {
        if (!out.empty() && same(out.back().x(), p.x()) && same(out.back().y(), p.y()))
            continue;
        if (out.size() >= 2) {
            const QPointF &a = out[out.size() - 2], &b = out.back();
            if ((same(a.x(), b.x()) && same(b.x(), p.x()))
                || (same(a.y(), b.y()) && same(b.y(), p.y()))) {
                out.back() = p;
                continue;
            }
        }
        out.push_back(p);
    }
    return out;
}

} // namespace faultline::layout
