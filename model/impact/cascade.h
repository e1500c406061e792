#pragma once

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/state.h"
#include "model/map/ids.h"

#include <vector>

namespace faultline {

class Map;

// One result told step by step, as presenter mode walks a room through it: step k shows every
// component whose round (DESIGN.md, "Impact rules") is at most k in its final state and the
// rest up. Read off the engine's rounds: there is no second propagation here.
class Cascade
{
public:
    struct Step
    {
        int index = 0;
        std::vector<State> states; // by component, as shown at this step
        // What reached its final state at this step, in map order.
        std::vector<ComponentIndex> reached;
        // Over the components shown: down, degraded, at risk, and the cost of the down ones.
        ImpactSummary summary;
        // Business components exposed at this step (up, with an at-risk component in their
        // hard-dependency cone as shown), in map order; and those that were not at the step
        // before.
        std::vector<ComponentIndex> exposedBusiness;
        std::vector<ComponentIndex> newlyExposedBusiness;
    };

    Cascade() = default;
    // `result` must be the engine's (with rounds) on `graph`, compiled from `map`; all three
    // must outlive the cascade.
    Cascade(const Map &map, const ImpactGraph &graph, const ImpactResult &result);

    // The last step: the result's last round, 0 when nothing is affected.
    int lastStep() const { return m_last; }
    // `k` is clamped to 0..lastStep().
    Step step(int k) const;

private:
    std::vector<State> statesAt(int k) const;
    std::vector<ComponentIndex> exposedBusinessAt(const std::vector<State> &states) const;

    const Map *m_map = nullptr;
    const ImpactGraph *m_graph = nullptr;
    const ImpactResult *m_result = nullptr;
    int m_last = 0;
};

} // namespace faultline
