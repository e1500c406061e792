#pragma once

#include "model/impact/graph.h"

#include <cstdint>
#include <span>
#include <vector>

namespace faultline {

// The part of a map that can take a target down: the target and every component it needs,
// directly or not, through its parent and its hard dependencies (soft dependencies only ever
// degrade, so they are not followed). Failing a component outside the cone never changes
// whether the target is down.
class Cone
{
public:
    Cone(const ImpactGraph &graph, std::int32_t target);

    std::int32_t target() const { return m_target; }
    int size() const { return int(m_members.size()); }
    // The members in map order.
    std::span<const std::int32_t> members() const { return m_members; }
    // One flag per component of the map: usable as a DownEvaluator scope.
    std::span<const std::uint8_t> flags() const { return m_flags; }
    bool contains(std::int32_t c) const { return m_flags[c] != 0; }
    // Depth-first preorder from the target (parent first, then hard dependencies in map
    // order): keeps what a component needs close to it, a good variable order for BDDs.
    std::span<const std::int32_t> preorder() const { return m_preorder; }

    // The strongly connected components of the "needs" relation inside the cone, each one
    // after every component it needs: the order to evaluate formulas in. A component is in a
    // cycle when its part has more than one member.
    int partCount() const { return int(m_partStart.size()) - 1; }
    std::span<const std::int32_t> part(int i) const
    {
        return {m_parts.data() + m_partStart[i], m_parts.data() + m_partStart[i + 1]};
    }

    // What `c` needs: its parent (if any), then its hard dependencies in map order.
    template<typename F>
    static void forEachNeed(const ImpactGraph &graph, std::int32_t c, F &&f)
    {
        if (const std::int32_t p = graph.parent(c); p >= 0)
            f(p);
        for (const ImpactGraph::Edge &e : graph.dependencies(c)) {
            if (e.hard)
                f(e.other);
        }
    }

private:
    void findParts(const ImpactGraph &graph);

    std::int32_t m_target;
    std::vector<std::int32_t> m_members;
    std::vector<std::uint8_t> m_flags;
    std::vector<std::int32_t> m_preorder;
    std::vector<std::int32_t> m_parts;
    std::vector<std::int32_t> m_partStart;
};

} // namespace faultline
