#include "model/impact/exposure.h"

namespace faultline {

Exposure::Exposure(const ImpactGraph &graph, const ImpactResult &result)
    : m_via(std::size_t(graph.size()), -1)
{
    // Breadth first from every at-risk component at once, seeded in map order, so that each
    // component is reached first from a nearest at-risk one. `origin` marks what was reached
    // (at-risk components too: their own cones are walked once).
    std::vector<std::int32_t> origin(std::size_t(graph.size()), -1);
    std::vector<std::int32_t> queue;
    for (std::int32_t c = 0; c < graph.size(); ++c) {
        if (result.state(ComponentIndex(c)) == State::AtRisk) {
            origin[c] = c;
            queue.push_back(c);
        }
    }
    auto reach = [&](std::int32_t next, std::int32_t from) {
        if (origin[next] >= 0)
            return;
        origin[next] = origin[from];
        queue.push_back(next);
    };
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const std::int32_t c = queue[i];
        // Whoever has c in its cone: its hard dependents and its children.
        for (const ImpactGraph::Edge &e : graph.dependents(c)) {
            if (e.hard)
                reach(e.other, c);
        }
        for (const std::int32_t child : graph.children(c))
            reach(child, c);
    }
    for (std::int32_t c = 0; c < graph.size(); ++c) {
        if (origin[c] >= 0 && result.state(ComponentIndex(c)) == State::Up) {
            m_via[c] = origin[c];
            ++m_count;
        }
    }
}

std::vector<ComponentIndex> Exposure::exposed() const
{
    std::vector<ComponentIndex> out;
    out.reserve(std::size_t(m_count));
    for (std::size_t c = 0; c < m_via.size(); ++c) {
        if (m_via[c] >= 0)
            out.emplace_back(std::int32_t(c));
    }
    return out;
}

} // namespace faultline
