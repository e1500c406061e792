#pragma once

#include "model/map/ids.h"
#include "model/map/map.h"

#include <cstdint>
#include <span>
#include <vector>

namespace faultline {

// The map compiled into flat arrays for the engine: every relation the impact rules read, in
// both directions, as compressed rows indexed by ComponentIndex. Built once per version of a
// map (linear time) and shared by every evaluation and analysis of that version.
class ImpactGraph
{
public:
    struct Edge
    {
        std::int32_t other; // the dependency's `to` (outgoing) or `from` (incoming)
        bool hard;
    };

    ImpactGraph() = default;
    // The map must be valid (validate()); ids are resolved once here.
    explicit ImpactGraph(const Map &map);

    int size() const { return int(m_parent.size()); }
    std::int32_t parent(std::int32_t c) const { return m_parent[c]; }
    // Dependencies of c, hard and soft, in map order: the order causes are chosen in.
    std::span<const Edge> dependencies(std::int32_t c) const { return row(m_outStart, m_out, c); }
    // Components that depend on c.
    std::span<const Edge> dependents(std::int32_t c) const { return row(m_inStart, m_in, c); }
    std::span<const std::int32_t> children(std::int32_t c) const
    {
        return {m_children.data() + m_childStart[c], m_children.data() + m_childStart[c + 1]};
    }
    int hardCount(std::int32_t c) const { return m_hardCount[c]; }
    int required(std::int32_t c) const { return m_required[c]; }
    double costPerHour(std::int32_t c) const { return m_cost[c]; }

private:
    template<typename T>
    static std::span<const T> row(
        const std::vector<std::int32_t> &start, const std::vector<T> &items, std::int32_t c)
    {
        return {items.data() + start[c], items.data() + start[c + 1]};
    }

    std::vector<std::int32_t> m_parent;
    std::vector<std::int32_t> m_outStart, m_inStart, m_childStart;
    std::vector<Edge> m_out, m_in;
    std::vector<std::int32_t> m_children;
    std::vector<std::int32_t> m_hardCount, m_required;
    std::vector<double> m_cost;
};

} // namespace faultline
