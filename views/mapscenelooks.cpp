// Looks other than the what-if's: presenter mode's step, Compare's difference (the override
// of mapscene.h).
#include "views/canvasitems.h"
#include "views/mapscene.h"

namespace faultline {

void MapScene::setLooksOverride(std::optional<LooksOverride> looks)
{
    m_override = std::move(looks);
    recolour();
}

namespace {

// How much a look says, for a box that stands for several components (a folded cluster, an
// edge merging several dependencies): the worst of them.
int severity(theme::Look look)
{
    switch (look) {
    case theme::Look::Up:
        return 0;
    case theme::Look::AtRisk:
        return 1;
    case theme::Look::Degraded:
        return 2;
    case theme::Look::Impaired:
        return 3;
    case theme::Look::Down:
        return 4;
    case theme::Look::Failed:
        return 5;
    }
    return 0;
}

int severity(theme::Difference d)
{
    switch (d) {
    case theme::Difference::None:
        return 0;
    case theme::Difference::Added:
        return 1;
    case theme::Difference::Same:
        return 2;
    case theme::Difference::Better:
        return 3;
    case theme::Difference::Worse:
        return 4;
    }
    return 0;
}

int severity(drawing::EdgeEmphasis e)
{
    return e == drawing::EdgeEmphasis::Fresh ? 2 : e == drawing::EdgeEmphasis::Carries ? 1 : 0;
}

} // namespace

// The override's looks, when it fits the map; false when there is none to draw. A box drawn
// for several components (a folded cluster) shows the worst of theirs, an edge merging several
// dependencies the strongest emphasis among them.
bool MapScene::applyOverride()
{
    if (!m_override)
        return false;
    const LooksOverride &o = *m_override;
    const std::size_t n = m_nodes.size();
    const std::size_t deps = m_view.edgeOf.size();
    if (o.looks.size() != n || (!o.differences.empty() && o.differences.size() != n)
        || (!o.dimmed.empty() && o.dimmed.size() != n) || o.emphasis.size() != deps
        || o.carried.size() != deps || m_view.drawnAs.size() != n)
        return false;
    std::vector<theme::Look> looks = o.looks;
    std::vector<theme::Difference> differences = o.differences;
    differences.resize(n, theme::Difference::None);
    std::vector<bool> dimmed = o.dimmed;
    dimmed.resize(n, false);
    for (std::size_t c = 0; c < n; ++c) {
        const int box = m_view.drawnAs[c];
        if (box < 0 || std::size_t(box) == c)
            continue;
        if (severity(o.looks[c]) > severity(looks[box]))
            looks[box] = o.looks[c];
        if (!o.differences.empty() && severity(o.differences[c]) > severity(differences[box]))
            differences[box] = o.differences[c];
        if (!o.dimmed.empty() && !o.dimmed[c])
            dimmed[box] = false;
    }
    for (std::size_t c = 0; c < n; ++c) {
        const bool chain = m_chain.contains(int(c));
        if (NodeItem *node = m_nodes[c]) {
            drawing::NodeLook l = node->look();
            l.look = looks[c];
            l.dimmed = dimmed[c] && !chain;
            l.chain = chain;
            l.difference = differences[c];
            node->setLook(l);
        } else if (ClusterItem *cluster = m_clusters[c]) {
            drawing::ClusterLook l = cluster->look();
            l.look = looks[c];
            l.dimmed = dimmed[c] && !chain;
            l.chain = chain;
            l.difference = differences[c];
            cluster->setLook(l);
        }
    }
    for (std::size_t e = 0; e < m_edges.size(); ++e) {
        EdgeItem *edge = m_edges[e];
        if (!edge)
            continue;
        drawing::EdgeEmphasis emphasis = drawing::EdgeEmphasis::Normal;
        theme::Look carried = theme::Look::Up;
        for (const int d : m_view.edges[e].dependencies) {
            if (severity(o.emphasis[d]) > severity(emphasis))
                emphasis = o.emphasis[d];
            if (o.emphasis[d] != drawing::EdgeEmphasis::Normal
                && severity(o.carried[d]) > severity(carried))
                carried = o.carried[d];
        }
        drawing::EdgeLook l = edge->look();
        l.emphasis = m_chainEdges.contains(int(e)) ? drawing::EdgeEmphasis::Chain : emphasis;
        l.carried = carried;
        l.dimmed = o.dimPlainEdges && l.emphasis == drawing::EdgeEmphasis::Normal;
        edge->setLook(l);
    }
    return true;
}

QString MapScene::differenceName(const QString &id) const
{
    if (const NodeItem *n = nodeItem(id))
        return theme::differenceName(n->look().difference);
    if (const ClusterItem *c = clusterItem(id))
        return theme::differenceName(c->look().difference);
    return {};
}

} // namespace faultline
