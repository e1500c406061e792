#include "model/layout/graphvizlayout.h"

#include "model/layout/graphvizlock.h"

#include <QByteArray>
#include <QHash>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <gvc.h>

Q_LOGGING_CATEGORY(lcLayout, "faultline.layout", QtInfoMsg)

namespace faultline::layout {
namespace {

// One context for the process, made on first use and kept until exit (freeing it during static
// destruction could race the worker thread's teardown).
GVC_t *context()
{
    static GVC_t *gvc = gvContext();
    return gvc;
}

void set(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.constData()),
        const_cast<char *>(""));
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'f', 4);
}

// Room between boxes: edges are routed through these gaps and channels (edgerouting.h), side by
// side, with their arrowheads.
constexpr double gap = 20.0; // between the boxes of a row
constexpr double rowGap = 22.0; // between the rows of a grid or of one wrapped rank
// The shape levels aim at (width / height): a little wider than tall, like the canvas between
// the docks at common window sizes, so that a fitted map is as large as it can be.
constexpr double levelAspect = 1.35;

// One level of the hierarchy: the direct children of a cluster (or the top-level components),
// each a fixed-size box, and the dependencies between them (collapsed to these boxes).
struct Level
{
    std::vector<int> members; // node indices
    std::vector<std::pair<int, int>> edges; // positions in `members`, deduplicated, stable
};

// Where a level's members go: centres relative to the top-left of the level's content.
struct Placement
{
    std::vector<QPointF> centres;
    QSizeF size;
};

// Boxes in rows, left to right, with as many columns as make the block's shape closest to
// `aspect` (width / height).
Placement grid(const std::vector<QSizeF> &sizes, double aspect)
{
    Placement best;
    double bestScore = 0;
    const std::size_t n = sizes.size();
    for (std::size_t columns = 1; columns <= n; ++columns) {
        Placement p;
        p.centres.resize(n);
        std::vector<double> widths(columns, 0);
        for (std::size_t k = 0; k < n; ++k)
            widths[k % columns] = std::max(widths[k % columns], sizes[k].width());
        double y = 0;
        for (std::size_t row = 0; row * columns < n; ++row) {
            double height = 0;
            for (std::size_t k = row * columns; k < std::min(n, (row + 1) * columns); ++k)
                height = std::max(height, sizes[k].height());
            double x = 0;
            for (std::size_t k = row * columns; k < std::min(n, (row + 1) * columns); ++k) {
                p.centres[k] = QPointF(x + widths[k % columns] / 2, y + height / 2);
                x += widths[k % columns] + gap;
            }
            y += height + rowGap;
        }
        double width = -gap;
        for (double w : widths)
            width += w + gap;
        p.size = QSizeF(width, y - rowGap);
        // How far the shape is from the one asked for, as a ratio either way.
        const double shape = p.size.width() / std::max(p.size.height(), 1.0);
        const double score = std::max(shape / aspect, aspect / shape);
        if (columns == 1 || score < bestScore) {
            best = p;
            bestScore = score;
        }
    }
    return best;
}

constexpr double blockGap = 20.0; // between the blocks of a level (linked, loose, clusters)
constexpr double rankGap = 26.0; // between ranks

// dot draws every rank on one line, which makes big levels very wide and flat. The ranks are
// kept, in dot's order, but a rank wider than the level should be wraps onto several rows; each
// row is centred. The level's width aims at `levelAspect`.
Placement wrapRanks(
    const std::vector<QSizeF> &sizes, const std::vector<std::pair<double, std::vector<int>>> &ranks)
{
    double area = 0, widest = 0;
    for (const QSizeF &s : sizes) {
        area += (s.width() + gap) * (s.height() + rankGap);
        widest = std::max(widest, s.width());
    }
    const double wrap = std::max(widest, std::sqrt(area * levelAspect));
    Placement out;
    out.centres.resize(sizes.size());
    std::vector<std::vector<int>> rows; // node indices per row
    std::vector<bool> rankStart; // the row begins a rank
    for (const auto &rank : ranks) {
        double x = 0;
        bool first = true;
        for (int k : rank.second) {
            if (first || x + sizes[k].width() > wrap) {
                rows.push_back({});
                rankStart.push_back(first);
                x = 0;
                first = false;
            }
            rows.back().push_back(k);
            x += sizes[k].width() + gap;
        }
    }
    double width = 0;
    std::vector<double> rowWidths;
    for (const auto &row : rows) {
        double w = -gap;
        for (int k : row)
            w += sizes[k].width() + gap;
        rowWidths.push_back(w);
        width = std::max(width, w);
    }
    double y = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (r > 0)
            y += rankStart[r] ? rankGap : rowGap;
        double height = 0;
        for (int k : rows[r])
            height = std::max(height, sizes[k].height());
        double x = (width - rowWidths[r]) / 2;
        for (int k : rows[r]) {
            out.centres[k] = QPointF(x + sizes[k].width() / 2, y + height / 2);
            x += sizes[k].width() + gap;
        }
        y += height;
    }
    out.size = QSizeF(width, y);
    return out;
}

// Lays out the connected members of a level with dot (positions only: the canvas draws the
// edges, so no spline routing, which is most of dot's time on big graphs). Each level is small
// (the children of one cluster), so even a 2,000-component map lays out in seconds.
Placement layered(GVC_t *gvc, const std::vector<QSizeF> &sizes,
    const std::vector<std::pair<int, int>> &edges, const std::vector<bool> &top)
{
    Agraph_t *g = agopen(const_cast<char *>("level"), Agdirected, nullptr);
    set(g, "rankdir", "TB");
    set(g, "newrank", "true");
    set(g, "nodesep", "0.18");
    set(g, "ranksep", "0.35");
    set(g, "splines", "false");
    // Bounded effort for big levels: crossing minimisation is most of the remaining time.
    if (sizes.size() > 150) {
        set(g, "mclimit", "0.3");
        set(g, "nslimit", "2");
        set(g, "searchsize", "10");
    }
    agattr(g, AGNODE, const_cast<char *>("shape"), const_cast<char *>("box"));
    agattr(g, AGNODE, const_cast<char *>("fixedsize"), const_cast<char *>("true"));
    agattr(g, AGNODE, const_cast<char *>("label"), const_cast<char *>(""));
    std::vector<Agnode_t *> nodes(sizes.size());
    Agraph_t *source = nullptr;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        const QByteArray name = "n" + QByteArray::number(qulonglong(k));
        nodes[k] = agnode(g, const_cast<char *>(name.constData()), 1);
        set(nodes[k], "width", number(toInches(std::max(sizes[k].width(), 1.0))));
        set(nodes[k], "height", number(toInches(std::max(sizes[k].height(), 1.0))));
        if (top[k]) {
            if (!source) {
                source = agsubg(g, const_cast<char *>("top_rank"), 1);
                set(source, "rank", "source");
            }
            agsubnode(source, nodes[k], 1);
        }
    }
    for (const auto &[a, b] : edges)
        agedge(g, nodes[a], nodes[b], nullptr, 1);
    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        throw LayoutError(QStringLiteral("Graphviz could not lay the map out (is the dot "
                                         "layout plugin installed? Run `dot -c` as root)."));
    }
    // dot's ranks, top to bottom, each in dot's order (which keeps crossings few).
    std::vector<std::pair<double, std::vector<int>>> ranks;
    {
        std::vector<int> order(sizes.size());
        for (std::size_t k = 0; k < sizes.size(); ++k)
            order[k] = int(k);
        std::vector<pointf> at(sizes.size());
        for (std::size_t k = 0; k < sizes.size(); ++k)
            at[k] = ND_coord(nodes[k]);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return at[a].y != at[b].y ? at[a].y > at[b].y : at[a].x < at[b].x;
        });
        for (int k : order) {
            if (ranks.empty() || std::abs(ranks.back().first - at[k].y) > 0.5)
                ranks.push_back({at[k].y, {}});
            ranks.back().second.push_back(k);
        }
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    return wrapRanks(sizes, ranks);
}

// Bottom-up: each cluster's children are laid out on their own (dot when dependencies link
// them, shelves when not), then the finished cluster is one fixed-size box in its parent's
// level. Dependencies between different clusters become dependencies between the boxes that
// hold their ends, at the level where those meet. Nested clusters stay nested by construction,
// no level is big, and the result is compact.
class Layouter
{
public:
    Layouter(GVC_t *gvc, const Request &r) : m_gvc(gvc), m_request(r) { }
    Result run();

private:
    Placement placeLevel(const Level &level);

    GVC_t *m_gvc;
    const Request &m_request;
    std::vector<std::vector<int>> m_children;
    std::vector<QSizeF> m_size; // per node: its box (a cluster's includes header and margin)
};

Placement Layouter::placeLevel(const Level &level)
{
    const std::size_t n = level.members.size();
    std::vector<bool> linked(n, false);
    for (const auto &[a, b] : level.edges)
        linked[a] = linked[b] = true;
    std::vector<int> connected, isolated;
    for (std::size_t k = 0; k < n; ++k)
        (linked[k] ? connected : isolated).push_back(int(k));
    std::vector<int> loose, boxes; // unlinked components, unlinked clusters
    for (int k : isolated)
        (m_children[level.members[k]].empty() ? loose : boxes).push_back(k);

    // Blocks stacked top to bottom, each centred: what dependencies link (dot), then the loose
    // components on shelves, then the clusters (zones, regions: the foundation) on shelves.
    std::vector<std::pair<const std::vector<int> *, Placement>> blocks;
    if (!connected.empty()) {
        std::vector<int> at(n, -1);
        std::vector<QSizeF> sizes;
        std::vector<bool> top;
        for (int k : connected) {
            at[k] = int(sizes.size());
            const int node = level.members[k];
            sizes.push_back(m_size[node]);
            top.push_back(m_request.nodes[node].top && m_children[node].empty()
                && m_request.nodes[node].parent < 0);
        }
        std::vector<std::pair<int, int>> edges;
        edges.reserve(level.edges.size());
        for (const auto &[a, b] : level.edges)
            edges.emplace_back(at[a], at[b]);
        blocks.emplace_back(&connected, layered(m_gvc, sizes, edges, top));
    }
    for (const std::vector<int> *part : {&loose, &boxes}) {
        if (part->empty())
            continue;
        std::vector<QSizeF> sizes;
        for (int k : *part)
            sizes.push_back(m_size[level.members[k]]);
        // As wide as the block above when there is one, else the usual shape.
        double shape = levelAspect;
        if (!blocks.empty()) {
            const QSizeF above = blocks.back().second.size;
            shape = std::max(levelAspect, 2 * above.width() / std::max(above.height(), 1.0));
        }
        blocks.emplace_back(part, grid(sizes, shape));
    }

    Placement out;
    out.centres.resize(n);
    double width = 0, y = 0;
    for (const auto &block : blocks)
        width = std::max(width, block.second.size.width());
    for (const auto &[members, placement] : blocks) {
        if (y > 0)
            y += blockGap;
        const double dx = (width - placement.size.width()) / 2;
        for (std::size_t i = 0; i < members->size(); ++i)
            out.centres[(*members)[i]] = placement.centres[i] + QPointF(dx, y);
        y += placement.size.height();
    }
    out.size = QSizeF(width, y);
    return out;
}

Result Layouter::run()
{
    const int n = int(m_request.nodes.size());
    m_children.assign(n, {});
    std::vector<int> roots;
    std::vector<int> parent(n, -1);
    for (int i = 0; i < n; ++i) {
        const int p = m_request.nodes[i].parent;
        if (p >= 0 && p < n && p != i) {
            m_children[p].push_back(i);
            parent[i] = p;
        } else {
            roots.push_back(i);
        }
    }
    const std::vector<int> depth = depths(n, [&](int i) { return parent[i]; });

    // Each dependency belongs to the level where its ends' branches meet.
    std::vector<std::vector<std::pair<int, int>>> levelEdges(n + 1); // by parent, n = top
    for (const Edge &e : m_request.edges) {
        if (e.from < 0 || e.from >= n || e.to < 0 || e.to >= n || e.from == e.to)
            continue;
        int a = e.from, b = e.to;
        while (depth[a] > depth[b])
            a = parent[a];
        while (depth[b] > depth[a])
            b = parent[b];
        if (a == b)
            continue; // a component and one of its own parents
        for (int guard = 0; parent[a] != parent[b] && guard <= n; ++guard) {
            a = parent[a];
            b = parent[b];
        }
        if (a == b || a < 0 || b < 0)
            continue;
        levelEdges[parent[a] < 0 ? n : parent[a]].emplace_back(a, b);
    }
    auto makeLevel = [&](const std::vector<int> &members, int owner) {
        Level level;
        level.members = members;
        QHash<int, int> at;
        for (std::size_t k = 0; k < members.size(); ++k)
            at.insert(members[k], int(k));
        QSet<QPair<int, int>> seen;
        const auto clusters = std::count_if(
            members.begin(), members.end(), [&](int m) { return !m_children[m].empty(); });
        for (const auto &[a, b] : levelEdges[owner < 0 ? n : owner]) {
            // Sibling clusters (regions, zones) are peers: laid out side by side on shelves
            // below the level's other members (the foundation below what runs on it), their
            // dependencies do not stack them.
            if (clusters >= 2 && (!m_children[a].empty() || !m_children[b].empty()))
                continue;
            const QPair<int, int> key(at.value(a), at.value(b));
            if (!seen.contains(key)) {
                seen.insert(key);
                level.edges.emplace_back(key.first, key.second);
            }
        }
        return level;
    };

    // Clusters deepest first: their sizes are known before their parents need them.
    const double margin = m_request.clusterMargin;
    m_size.assign(n, QSizeF());
    std::vector<QPointF> local(n); // centre relative to the parent box's top-left
    std::vector<int> order;
    for (int i = 0; i < n; ++i) {
        if (m_children[i].empty())
            m_size[i] = m_request.nodes[i].size;
        else
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return depth[a] > depth[b]; });
    for (int c : order) {
        const Placement p = placeLevel(makeLevel(m_children[c], c));
        // As the canvas draws it (MapScene::updateCluster()).
        const QRectF box =
            clusterRect(QRectF(QPointF(0, 0), p.size), m_request.nodes[c].header, margin);
        m_size[c] = box.size();
        for (std::size_t k = 0; k < m_children[c].size(); ++k)
            local[m_children[c][k]] = p.centres[k] - box.topLeft();
    }

    Result result;
    result.centres.assign(n, QPointF());
    result.clusters.assign(n, QRectF());
    const Placement top = placeLevel(makeLevel(roots, -1));
    for (std::size_t k = 0; k < roots.size(); ++k)
        result.centres[roots[k]] = top.centres[k];
    // Top-down: children follow their parent's box.
    std::vector<int> byDepth(n);
    for (int i = 0; i < n; ++i)
        byDepth[i] = i;
    std::stable_sort(
        byDepth.begin(), byDepth.end(), [&](int a, int b) { return depth[a] < depth[b]; });
    for (int i : byDepth) {
        if (parent[i] >= 0) {
            const QSizeF &ps = m_size[parent[i]];
            const QPointF parentTopLeft =
                result.centres[parent[i]] - QPointF(ps.width(), ps.height()) / 2;
            result.centres[i] = parentTopLeft + local[i];
        }
        const QSizeF &s = m_size[i];
        const QRectF box(result.centres[i] - QPointF(s.width(), s.height()) / 2, s);
        if (!m_children[i].empty())
            result.clusters[i] = box;
        result.bounds = result.bounds.united(box);
    }
    return result;
}

} // namespace

Result computeLayout(const Request &request)
{
    // The process-wide Graphviz lock, shared with DOT import: Graphviz is not thread-safe.
    QMutexLocker lock(&graphviz::graphvizMutex());
    graphviz::NumericLocaleGuard locale;
    GVC_t *gvc = context();
    if (!gvc)
        throw LayoutError(QStringLiteral("Graphviz could not be started."));
    Layouter layouter(gvc, request);
    Result result = layouter.run();
    qCDebug(lcLayout) << "laid out" << request.nodes.size() << "nodes";
    return result;
}

} // namespace faultline::layout
