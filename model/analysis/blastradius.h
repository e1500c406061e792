#pragma once

#include "model/analysis/progress.h"
#include "model/impact/graph.h"
#include "model/map/ids.h"
#include "model/map/map.h"

#include <QString>

#include <vector>

namespace faultline {

// What one component's failure alone does, as ImpactEngine computes it.
struct BlastRadius
{
    ComponentIndex component;
    int down = 0; // components down, not counting the failed one
    int degraded = 0; // components degraded
    double costPerHour = 0.0; // cost_per_hour summed over the down components, the failed one too
    // cost_per_hour summed over the down components that are business (the failed one too, if
    // it is business), and that sum's share of the map's total business cost.
    double businessCostPerHour = 0.0;
    double businessShare = 0.0;
};

struct BlastRadiusOptions
{
    // Only components of this kind are failed and ranked; empty: every component.
    QString kind;
    // Worker threads, each with its own ImpactEngine; 0: one per hardware thread (at most 8).
    int threads = 0;
};

// The ranking of DESIGN.md's "blast radius" analysis.
//
// Concentration (`--kind provider|region|zone`): the map's total business cost is the sum of
// cost_per_hour over the components marked business (those without a cost count 0). The
// business cost that sits on a component is the part of that total that goes down when the
// component fails alone: cost_per_hour summed over the business components down in that
// scenario. Its share is that part divided by the total (0 when the total is 0). Shares of
// different components may add up to more than 1: a business service that needs two regions
// sits on both.
struct BlastRadiusReport
{
    QString kind; // the filter it was made with, empty for all
    double totalBusinessCostPerHour = 0.0;
    // Most components down first, then highest cost, then map order.
    std::vector<BlastRadius> ranking;
};

// Fails every component (of the kind asked) alone on an ImpactEngine. Each run costs time in
// proportion to what that failure reaches; the runs are shared among worker threads (one
// engine each, the graph is only read). A component whose whole effect is to take down one
// other (its only dependent or child) is not run: its row is that one's plus itself, so a
// chain of n costs n steps, not n runs of up to n (linear, where it was quadratic). The result
// does not depend on the number of threads. Progress counts the engine's runs and is reported
// from the calling thread; throws Cancelled if the progress function asks to stop.
BlastRadiusReport blastRadius(const Map &map, const ImpactGraph &graph,
    const BlastRadiusOptions &options = {}, const ProgressFn &progress = {});

} // namespace faultline
