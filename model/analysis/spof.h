#pragma once

#include "model/analysis/progress.h"
#include "model/impact/graph.h"
#include "model/map/ids.h"

#include <vector>

namespace faultline {

struct SpofReport
{
    ComponentIndex target;
    // The components other than the target whose failure alone takes it down, in map order.
    std::vector<ComponentIndex> spof;
    int coneSize = 0; // components the target needs, itself included: the candidates examined
};

// Only a component in the target's upstream cone (model/analysis/cone.h) can take it down, so
// each cone member is failed alone on a DownEvaluator limited to the cone, stopping as soon as
// the target falls: cone size x reach. Progress counts candidates; throws Cancelled if the
// progress function asks to stop.
SpofReport singlePointsOfFailure(
    const ImpactGraph &graph, ComponentIndex target, const ProgressFn &progress = {});

} // namespace faultline
