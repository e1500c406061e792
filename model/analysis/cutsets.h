#pragma once

#include "model/analysis/progress.h"
#include "model/impact/graph.h"
#include "model/map/ids.h"
#include "model/map/map.h"

#include <vector>

namespace faultline {

struct CutSetOptions
{
    int maxOrder = 3; // sets of at most this many components; below 1 gives no sets
    // Only components with an `availability` may be in a set; the others are taken as never
    // failing, as availability() takes them. This is the fault-tree view, where gates (groups
    // without an availability of their own) are not failures themselves. By default every
    // component may fail.
    bool onlyWithAvailability = false;
};

struct CutSetReport
{
    ComponentIndex target;
    int maxOrder = 0;
    // Every set of at most maxOrder components, not containing the target, whose joint failure
    // takes the target down while no proper subset's does. Each set in map order; the list by
    // size, then lexicographically by map order.
    std::vector<std::vector<ComponentIndex>> cutSets;
    int coneSize = 0;

    // How many sets of each order: countByOrder[k - 1] sets of k components.
    std::vector<int> countByOrder() const;
};

// Minimal cut sets by truncated bottom-up expansion over the target's upstream cone.
//
// For a component c of the cone, down(c) as a function of the failed set (see DownEvaluator)
// is: "c failed" (never for the target itself, which no cut set may contain), or down(parent),
// or "at least n - k + 1 of its n hard dependencies down" (require k; none when k = 0). The
// minimal sets of such a formula follow from its operands' minimal sets by union (or) and by
// pairwise unions (and, counted by a k-of-n dynamic programme), truncated to maxOrder without
// loss (see SetFamily). Components are expanded in an order where everything needed comes
// first; a cycle is a strongly connected part of the cone whose families are iterated from
// "never down" until they stop changing, which is the least fixed point of DESIGN.md: the
// iteration computes exactly the states that rise from all-up, and a cycle alone never holds
// itself down. tst_analysis checks the result against brute force on random cyclic maps and
// every set against ImpactEngine.
//
// Progress counts cone members expanded; throws Cancelled if the progress function asks to
// stop.
CutSetReport minimalCutSets(const Map &map, const ImpactGraph &graph, ComponentIndex target,
    const CutSetOptions &options = {}, const ProgressFn &progress = {});

} // namespace faultline
