#pragma once

#include "model/impact/graph.h"

#include <cstdint>
#include <span>
#include <vector>

namespace faultline {

// The down-projection of ImpactEngine's rules, for analyses that only ask "is it down?" many
// thousands of times.
//
// In DESIGN.md's rules a component becomes down only through rule 1 (the scenario fails it),
// rule 2 (its parent is down) or rule 3 (fewer than `require` of its hard dependencies are not
// down); degraded and at-risk states never make anything down. So the set of down components
// of a scenario depends only on its failed set and is the least fixed point of those three
// rules alone: the smallest set that contains the failed components and is closed under
// "parent down => down" and "more than n - k hard dependencies down => down". Rules that only
// raise states can be applied in any order and reach the same least fixed point, so this
// evaluator propagates with a work list instead of the engine's synchronous rounds; the down
// set is the same (causes and rounds, which it does not compute, are the engine's business).
// tst_analysis checks it against ImpactEngine on random maps with cycles. The same projection
// as a formula over all failure sets at once is DownRule (model/analysis/downrule.h).
//
// down(T) is therefore a monotone boolean function of the failed set: failing more never
// brings anything up. Like the engine, an evaluator keeps its arrays between runs and resets
// only what the previous run touched; not thread-safe.
class DownEvaluator
{
public:
    explicit DownEvaluator(const ImpactGraph &graph);

    // Limits propagation to the components whose flag is set (e.g. a target's upstream cone:
    // nothing outside it can take the target down). An empty span lifts the limit. The span
    // must outlive the runs that use it.
    void setScope(std::span<const std::uint8_t> inScope) { m_scope = inScope; }

    // Fails `fail` and propagates. With `watch` >= 0 the run stops as soon as `watch` is down
    // (the down set is then incomplete); returns whether `watch` is down (false without one).
    bool run(std::span<const std::int32_t> fail, std::int32_t watch = -1);
    // The same with a set of components to watch (one flag per component): stops as soon as
    // any of them is down and returns whether one is.
    bool runUntilAny(std::span<const std::int32_t> fail, std::span<const std::uint8_t> watch);

    bool isDown(std::int32_t c) const { return m_down[c] != 0; }
    // Down components of the last run, in the order they went down.
    std::span<const std::int32_t> down() const { return m_downList; }

private:
    void reset();
    void fall(std::int32_t c);
    bool propagate(std::span<const std::int32_t> fail, std::int32_t watch,
        std::span<const std::uint8_t> watchSet);

    const ImpactGraph &m_graph;
    std::span<const std::uint8_t> m_scope;
    std::vector<std::uint8_t> m_down;
    std::vector<std::int32_t> m_hardDown;
    std::vector<std::int32_t> m_touched; // counters raised in the last run
    std::vector<std::int32_t> m_downList;
};

} // namespace faultline
