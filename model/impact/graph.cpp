#include "model/impact/graph.h"

namespace faultline {

namespace {

// Counting sort into compressed rows; stable, so each row keeps map order.
template<typename T, typename KeyOf, typename ValueOf>
void buildRows(int n, const std::vector<T> &items, KeyOf key, ValueOf value,
    std::vector<std::int32_t> &start, auto &out)
{
    start.assign(n + 1, 0);
    for (const T &item : items)
        ++start[key(item) + 1];
    for (int i = 0; i < n; ++i)
        start[i + 1] += start[i];
    out.resize(start[n]);
    std::vector<std::int32_t> fill(start.begin(), start.end() - 1);
    for (const T &item : items)
        out[fill[key(item)]++] = value(item);
}

} // namespace

ImpactGraph::ImpactGraph(const Map &map)
{
    const int n = map.componentCount();
    m_parent.assign(n, -1);
    m_cost.assign(n, 0.0);
    for (int i = 0; i < n; ++i) {
        const Component &c = map.components()[i];
        if (!c.parent.isEmpty()) {
            if (const auto p = map.findComponent(c.parent))
                m_parent[i] = p->value;
        }
        m_cost[i] = c.costPerHour.value_or(0.0);
    }

    struct Link
    {
        std::int32_t from, to;
        bool hard;
    };
    std::vector<Link> links;
    links.reserve(map.dependencyCount());
    for (const Dependency &d : map.dependencies()) {
        const auto from = map.findComponent(d.from);
        const auto to = map.findComponent(d.to);
        if (from && to)
            links.push_back({from->value, to->value, d.isHard()});
    }
    buildRows(
        n, links, [](const Link &l) { return l.from; },
        [](const Link &l) {
            return Edge {l.to, l.hard};
        },
        m_outStart, m_out);
    buildRows(
        n, links, [](const Link &l) { return l.to; },
        [](const Link &l) {
            return Edge {l.from, l.hard};
        },
        m_inStart, m_in);

    std::vector<std::int32_t> withParent;
    for (int i = 0; i < n; ++i) {
        if (m_parent[i] >= 0)
            withParent.push_back(i);
    }
    buildRows(
        n, withParent, [this](std::int32_t c) { return m_parent[c]; },
        [](std::int32_t c) { return c; }, m_childStart, m_children);

    m_hardCount.assign(n, 0);
    for (const Link &l : links)
        m_hardCount[l.from] += l.hard ? 1 : 0;
    m_required.resize(n);
    for (int i = 0; i < n; ++i)
        m_required[i] = map.components()[i].require.value_or(m_hardCount[i]);
}

} // namespace faultline
