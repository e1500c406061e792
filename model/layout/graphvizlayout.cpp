#include "model/layout/graphvizlayout.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>

#include <clocale>
#include <cmath>
#include <cstdio>
#include <gvc.h>
#include <locale.h>

Q_LOGGING_CATEGORY(lcLayout, "faultline.layout", QtInfoMsg)

namespace faultline::layout {
namespace {

// Graphviz reads and writes numbers with the C library; inside the guard they use "C" whatever
// the user's locale. uselocale() is per thread, so the GUI thread is not affected.
class NumericLocaleGuard
{
public:
    NumericLocaleGuard()
        : m_c(newlocale(LC_NUMERIC_MASK, "C", duplocale(LC_GLOBAL_LOCALE))),
          m_previous(m_c ? uselocale(m_c) : nullptr)
    { }
    ~NumericLocaleGuard()
    {
        if (m_c) {
            uselocale(m_previous);
            freelocale(m_c);
        }
    }
    NumericLocaleGuard(const NumericLocaleGuard &) = delete;
    NumericLocaleGuard &operator=(const NumericLocaleGuard &) = delete;

private:
    locale_t m_c;
    locale_t m_previous;
};

QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

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

// Builds the Graphviz graph for one request and keeps the handles to read the result back.
class Builder
{
public:
    explicit Builder(const Request &r) : m_request(r) { }
    ~Builder()
    {
        if (m_graph)
            agclose(m_graph);
    }

    Agraph_t *build();
    Result read(Agraph_t *laidOut) const;

private:
    void addSubtree(Agraph_t *into, int node);
    void stackLeaves(Agraph_t *cluster, int node);
    bool isInside(int node, int cluster) const;

    const Request &m_request;
    Agraph_t *m_graph = nullptr;
    std::vector<std::vector<int>> m_children;
    std::vector<Agnode_t *> m_nodes; // per node; a cluster's anchor when it has edges
    std::vector<Agraph_t *> m_clusters; // per node with children
    std::vector<Agedge_t *> m_edges;
    std::vector<bool> m_hasEdges;
};

Agraph_t *Builder::build()
{
    const int n = int(m_request.nodes.size());
    m_children.assign(n, {});
    m_nodes.assign(n, nullptr);
    m_clusters.assign(n, nullptr);
    m_hasEdges.assign(n, false);
    std::vector<int> roots;
    for (int i = 0; i < n; ++i) {
        const int p = m_request.nodes[i].parent;
        if (p >= 0 && p < n && p != i)
            m_children[p].push_back(i);
        else
            roots.push_back(i);
    }
    for (const Edge &e : m_request.edges) {
        if (e.from >= 0 && e.from < n && e.to >= 0 && e.to < n) {
            m_hasEdges[e.from] = true;
            m_hasEdges[e.to] = true;
        }
    }

    m_graph = agopen(const_cast<char *>("faultline"), Agdirected, nullptr);
    set(m_graph, "rankdir", "TB");
    set(m_graph, "compound", "true");
    set(m_graph, "newrank", "true");
    set(m_graph, "nodesep", "0.3");
    set(m_graph, "ranksep", "0.55");
    set(m_graph, "outputorder", "edgesfirst");
    agattr(m_graph, AGNODE, const_cast<char *>("shape"), const_cast<char *>("box"));
    agattr(m_graph, AGNODE, const_cast<char *>("fixedsize"), const_cast<char *>("true"));
    agattr(m_graph, AGNODE, const_cast<char *>("label"), const_cast<char *>(""));

    for (int root : roots)
        addSubtree(m_graph, root);

    // Business services at the top level have the top rank to themselves.
    Agraph_t *top = nullptr;
    for (int root : roots) {
        if (m_request.nodes[root].top && m_children[root].empty() && m_nodes[root]) {
            if (!top) {
                top = agsubg(m_graph, const_cast<char *>("top_rank"), 1);
                set(top, "rank", "source");
            }
            agsubnode(top, m_nodes[root], 1);
        }
    }

    m_edges.assign(m_request.edges.size(), nullptr);
    for (std::size_t i = 0; i < m_request.edges.size(); ++i) {
        const Edge &e = m_request.edges[i];
        if (e.from < 0 || e.from >= n || e.to < 0 || e.to >= n || e.from == e.to)
            continue;
        Agedge_t *edge = agedge(m_graph, m_nodes[e.from], m_nodes[e.to], nullptr, 1);
        m_edges[i] = edge;
        // An edge to a cluster stops at its border, unless it runs inside that cluster.
        if (m_clusters[e.to] && !isInside(e.from, e.to))
            set(edge, "lhead", agnameof(m_clusters[e.to]));
        if (m_clusters[e.from] && !isInside(e.to, e.from))
            set(edge, "ltail", agnameof(m_clusters[e.from]));
    }
    return m_graph;
}

void Builder::addSubtree(Agraph_t *into, int i)
{
    const Node &node = m_request.nodes[i];
    const QByteArray id = node.id.toUtf8();
    if (m_children[i].empty()) {
        Agnode_t *gn = agnode(into, const_cast<char *>(id.constData()), 1);
        set(gn, "width", number(toInches(std::max(node.size.width(), 1.0))));
        set(gn, "height", number(toInches(std::max(node.size.height(), 1.0))));
        m_nodes[i] = gn;
        return;
    }
    const QByteArray name = "cluster_" + QByteArray::number(i);
    Agraph_t *cluster = agsubg(into, const_cast<char *>(name.constData()), 1);
    m_clusters[i] = cluster;
    set(cluster, "margin", number(m_request.clusterMargin));
    // The title is drawn by the view; an empty label of the title's size keeps room for it.
    if (!node.header.isEmpty()) {
        set(cluster, "label", " ");
        set(cluster, "labelloc", "t");
        set(cluster, "labeljust", "l");
        // dot sizes a label from its font: a font of the header's height reserves that much.
        set(cluster, "fontsize", number(node.header.height() / 1.2));
    }
    if (m_hasEdges[i]) {
        // Edges to or from a cluster attach to an invisible anchor inside it (named by the
        // component id) and are clipped at the border with lhead/ltail.
        Agnode_t *anchor = agnode(cluster, const_cast<char *>(id.constData()), 1);
        set(anchor, "shape", "point");
        set(anchor, "width", "0.01");
        set(anchor, "height", "0.01");
        set(anchor, "fixedsize", "true");
        set(anchor, "style", "invis");
        m_nodes[i] = anchor;
    }
    for (int child : m_children[i])
        addSubtree(cluster, child);
    stackLeaves(cluster, i);
}

// dot puts a cluster's unconnected leaves side by side on one rank, which makes zones full of
// instances very wide. Invisible edges stack them into a squarer grid instead.
void Builder::stackLeaves(Agraph_t *cluster, int i)
{
    // Only clusters of leaves alone (a zone of instances): in a mixed one, the leaves are
    // services whose ranks the dependencies decide.
    std::vector<int> leaves;
    for (int child : m_children[i]) {
        if (!m_children[child].empty())
            return;
        if (m_nodes[child])
            leaves.push_back(child);
    }
    if (leaves.size() < 4)
        return;
    const int columns = int(std::ceil(std::sqrt(double(leaves.size()) * 2.0)));
    for (std::size_t k = 0; k + columns < leaves.size(); ++k) {
        Agedge_t *e = agedge(cluster, m_nodes[leaves[k]], m_nodes[leaves[k + columns]], nullptr, 1);
        set(e, "style", "invis");
        set(e, "weight", "0");
    }
}

bool Builder::isInside(int node, int cluster) const
{
    for (int at = node, guard = 0; at >= 0 && guard <= int(m_request.nodes.size()); ++guard) {
        if (at == cluster)
            return true;
        at = m_request.nodes[at].parent;
    }
    return false;
}

Result Builder::read(Agraph_t *g) const
{
    Result result;
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    auto scene = [top](pointf p) {
        return toScene(p.x, p.y, top);
    };
    auto rect = [&](boxf b) {
        return QRectF(scene(b.LL), scene(b.UR)).normalized();
    };
    result.bounds = rect(bb);

    const std::size_t n = m_request.nodes.size();
    result.centres.resize(n);
    result.clusters.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (m_clusters[i]) {
            result.clusters[i] = rect(GD_bb(m_clusters[i]));
            result.centres[i] = result.clusters[i].center();
        } else if (m_nodes[i]) {
            result.centres[i] = scene(ND_coord(m_nodes[i]));
        }
    }

    result.routes.resize(m_edges.size());
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        Agedge_t *e = m_edges[i];
        const splines *spl = e ? ED_spl(e) : nullptr;
        if (!spl || spl->size < 1 || !spl->list)
            continue;
        // dot gives one bezier per edge here (no concentrate); take the first.
        const bezier &bz = spl->list[0];
        Route &route = result.routes[i];
        route.bezier.reserve(bz.size);
        for (int k = 0; k < bz.size; ++k)
            route.bezier.push_back(scene(bz.list[k]));
        if (bz.eflag)
            route.arrowTip = scene(bz.ep);
    }
    return result;
}

} // namespace

Result computeLayout(const Request &request)
{
    QMutexLocker lock(&graphvizMutex());
    NumericLocaleGuard locale;
    GVC_t *gvc = context();
    if (!gvc)
        throw LayoutError(QStringLiteral("Graphviz could not be started."));

    Builder builder(request);
    Agraph_t *g = builder.build();
    // FAULTLINE_LAYOUT_DUMP=file.dot writes the graph as given to dot, to tune it with the CLI.
    if (const QByteArray dump = qgetenv("FAULTLINE_LAYOUT_DUMP"); !dump.isEmpty()) {
        if (FILE *f = std::fopen(dump.constData(), "w")) {
            agwrite(g, f);
            std::fclose(f);
        }
    }
    if (gvLayout(gvc, g, "dot") != 0) {
        throw LayoutError(QStringLiteral("Graphviz could not lay the map out (is the dot "
                                         "layout plugin installed? Run `dot -c` as root)."));
    }
    Result result;
    try {
        result = builder.read(g);
    } catch (...) {
        gvFreeLayout(gvc, g);
        throw;
    }
    gvFreeLayout(gvc, g);
    qCDebug(lcLayout) << "laid out" << request.nodes.size() << "nodes";
    return result; // the builder closes the graph
}

} // namespace faultline::layout
