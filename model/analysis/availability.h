#pragma once

#include "model/analysis/progress.h"
#include "model/impact/graph.h"
#include "model/map/ids.h"
#include "model/map/map.h"

#include <cstdint>
#include <vector>

namespace faultline {

// Minutes in a year of 365 days, the year downtime is quoted in.
inline constexpr double minutesPerYear = 365.0 * 24.0 * 60.0; // 525,600

// How much one component's failures weigh on the target's downtime.
struct AvailabilityContributor
{
    ComponentIndex component;
    double unavailability = 0.0; // 1 - its availability
    // Birnbaum's importance: P(target down | it is failed) - P(target down | it is not failed),
    // how much the target's unavailability moves per unit of this component's.
    double birnbaum = 0.0;
    // Criticality importance: birnbaum x its unavailability / the target's unavailability, the
    // share of the target's downtime during which this component is failed and its repair
    // alone would bring the target back. The ranking measure: what to make more available
    // first.
    double criticality = 0.0;
    // What the target would gain if this component never failed: U(target) - U(target | it
    // never fails), which is its unavailability x birnbaum (so the same ranking as
    // criticality). Times 525,600: the minutes of downtime a year it costs the target.
    double contribution = 0.0;
};

struct AvailabilityReport
{
    ComponentIndex target;
    double availability = 1.0; // P(target not down)
    double unavailability = 0.0; // P(target down), computed directly (not as 1 - A)
    double downtimeMinutesPerYear = 0.0; // unavailability x 525,600 (a 365-day year)
    // Components whose failure can matter (criticality > 0), most critical first, then map
    // order.
    std::vector<AvailabilityContributor> contributors;
    int coneSize = 0;
    int variableCount = 0; // cone members that can fail (they have an availability below 1)
    int diagramSize = 0; // nodes of the target's decision diagrams (one per module)
    // Nodes created while building them, intermediate results included: the work done.
    std::int64_t nodesBuilt = 0;
};

// Exact availability of a target: each component with an `availability` fails independently
// with probability 1 - availability, components without one never fail, and the target is
// available when it is not down. down(target) over the cone members that can fail is written
// as a fault tree (faulttree.h), simplified and cut into independent modules; each module gets
// a reduced ordered BDD in which its sub-modules are single variables. Probabilities go up the
// modules and every component's Birnbaum importance comes down them, one pass each per module.
// The result is exact up to floating-point rounding (about 1e-16 per operation; P and 1 - P
// are both sums of positive terms).
//
// Cycles: down(T) is the least fixed point of DESIGN.md's rules; when the cone has a strongly
// connected part with several members, one BDD of the whole cone is built instead, each such
// part iterated from "never down" until its diagrams stop changing (DownRule).
//
// Progress counts gates (with cycles, cone members) built; throws Cancelled if the progress
// function asks to stop, and faultline::Error if a diagram would be too large for memory.
AvailabilityReport availability(const Map &map, const ImpactGraph &graph, ComponentIndex target,
    const ProgressFn &progress = {});

// The target's availability with at most `limit` contributors (all when limit < 0), those
// whose perfection would lower its unavailability most first (ties in map order). The
// inspector's "contributes most" list. The second form builds the ImpactGraph itself.
AvailabilityReport availabilityContributors(const Map &map, const ImpactGraph &graph,
    ComponentIndex target, int limit, const ProgressFn &progress = {});
AvailabilityReport availabilityContributors(const Map &map, ComponentIndex target, int limit);

} // namespace faultline
