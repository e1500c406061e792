#pragma once

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/map/ids.h"
#include "model/map/map.h"

#include <optional>
#include <vector>

namespace faultline {

// The recovery of one scenario (DESIGN.md, "Recovery"). Times are minutes from the moment of
// the failure; std::nullopt means "never": the component waits, directly or not, on a cycle of
// down components that wait on each other.
struct RecoveryStep
{
    ComponentIndex component;
    std::optional<double> start; // when its parent and enough hard dependencies are back
    std::optional<double> back; // start + its RTO
    double rto = 0.0; // its rto_minutes, 0 when it has none
    bool rtoMissing = false; // it has no rto_minutes (counted as 0)
    // What it waited for: its parent when that was down, then the down hard dependencies it
    // needed (the earliest back that meet its `require`, ties in map order). For a component
    // that never comes back: the down parent and hard dependencies that never come back.
    std::vector<ComponentIndex> waitsFor;
    int wave = -1; // 0-based; -1 when it never comes back
    // Cost per hour of the affected business services whose recovery needs it: the order of
    // steps that start together.
    double businessCost = 0.0;
};

struct BusinessRecovery
{
    ComponentIndex service;
    State state = State::Up; // in the scenario
    // When it is back in service: for a down or degraded service when it works fully again;
    // an at-risk service (redundancy spent, still serving) and one the scenario leaves up never
    // left service: 0.
    std::optional<double> back;
    std::optional<double> restored; // when it works fully again, redundancy included
    std::optional<double> targetRto; // its target_rto_minutes
    std::optional<bool> met; // back <= target; nullopt without a target
    // The chain that decides when it is back, the service first: for a down component what it
    // waited for last, for a degraded or at-risk one the parent or dependency it recovers
    // with, and so on to a step that waited for nothing. Empty when it is back at once or
    // never (the cycles say why).
    std::vector<ComponentIndex> criticalPath;
};

struct DataAtRisk
{
    ComponentIndex component;
    double rpo = 0.0; // its rpo_minutes: the minutes of data before the failure that may be lost
    std::vector<ComponentIndex> services; // business services that need it, map order
    std::optional<bool>
        met; // every one with a target_rpo_minutes accepts rpo; nullopt: none has one
};

struct RecoveryPlan
{
    // Every down component: by start time, ties most business cost first, then map order;
    // those that never come back last, in map order.
    std::vector<RecoveryStep> steps;
    // Steps that can run in parallel: wave 0 waits for nothing, wave n for something of wave
    // n - 1. Each wave in step order.
    std::vector<std::vector<ComponentIndex>> waves;
    // Every business service, in map order: those the scenario leaves up are back at 0.
    std::vector<BusinessRecovery> business;
    // Every down component with an rpo_minutes, in map order.
    std::vector<DataAtRisk> dataAtRisk;
    // Down components that never come back, in map order.
    std::vector<ComponentIndex> unrecoverable;
    // The cycles of down components that wait on each other (strongly connected parts of
    // "waits for" among those that never come back), each in map order: the plan cannot
    // finish until one of their dependencies is broken.
    std::vector<std::vector<ComponentIndex>> cycles;
    // Per component (map order): when it is back or works fully again; 0 for components the
    // scenario leaves up; nullopt for never.
    std::vector<std::optional<double>> recovered;
    // When the last step is back; nullopt when something never comes back; 0 with no steps.
    std::optional<double> allBack;
    // Per component (map order): its position in `steps`, -1 when it is not down.
    std::vector<int> stepOf;
    // Per component that is affected but not down: the parent or dependency its recovery time
    // came through (-1 where none did).
    std::vector<std::int32_t> recoveredVia;

    const RecoveryStep *step(ComponentIndex c) const;
    // The chain that decides when c works again, c first (BusinessRecovery::criticalPath).
    std::vector<ComponentIndex> criticalPath(ComponentIndex c) const;
};

// BusinessRecovery::back: when a component in `state` that works fully again at `recovered` is
// back in service.
inline std::optional<double> backInService(State state, const std::optional<double> &recovered)
{
    return state == State::AtRisk || state == State::Up ? std::optional<double>(0.0) : recovered;
}

// The recovery plan of a scenario from the states the impact engine gave it. `impact` must be
// a result of `graph`, and `graph` of `map`. Linear in the map plus, for the business cost of
// steps and the services of data at risk, one walk of the affected part per business service
// and per data store at risk.
RecoveryPlan recoveryPlan(const Map &map, const ImpactGraph &graph, const ImpactResult &impact);

} // namespace faultline
