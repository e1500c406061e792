#pragma once

#include "model/impact/graph.h"
#include "model/impact/state.h"
#include "model/map/ids.h"

#include <cstdint>
#include <span>
#include <vector>

namespace faultline {

struct ImpactSummary
{
    int down = 0;
    int degraded = 0;
    int atRisk = 0;
    double costPerHour = 0.0; // over down components only
    bool operator==(const ImpactSummary &) const = default;
};

// What the scenario fails and impairs, as component indices of one map version.
struct ScenarioSpec
{
    std::vector<ComponentIndex> fail;
    std::vector<ComponentIndex> degrade;
};

// The state and cause of every component after one scenario. A snapshot, independent of the
// engine that made it.
class ImpactResult
{
public:
    ImpactResult() = default;
    ImpactResult(
        std::vector<State> states, std::vector<std::int32_t> causes, ImpactSummary summary);

    int size() const { return int(m_states.size()); }
    State state(ComponentIndex c) const { return m_states[c.value]; }
    // The parent or dependency the state came through; invalid where the scenario itself set
    // the state, and for components that are up.
    ComponentIndex cause(ComponentIndex c) const { return ComponentIndex(m_causes[c.value]); }
    // The component, then its causes in turn, ending at a failed or impaired component.
    std::vector<ComponentIndex> path(ComponentIndex c) const;
    // Every component that is not up, in map order.
    std::vector<ComponentIndex> affected() const;
    const ImpactSummary &summary() const { return m_summary; }
    const std::vector<State> &states() const { return m_states; }

private:
    std::vector<State> m_states;
    std::vector<std::int32_t> m_causes;
    ImpactSummary m_summary;
};

// The impact rules of DESIGN.md, and the only place they live.
//
// States rise in synchronous rounds from all-up: round 0 applies rule 1, round r raises what the
// states after round r-1 justify (rules 2-5), until nothing changes. Only components whose inputs
// changed in the previous round are looked at again (the children of a parent that became
// degraded or down, the dependents whose counts of degraded and down dependencies moved), and a
// state rises at most three times, so a run costs time linear in the part of the map it reaches.
// The cause of a component is chosen in the round its state last rose, from the states before
// that round: the parent first, then its dependencies in map order.
//
// An engine keeps its working arrays between runs and resets only what the previous run
// touched, so analyses can run it many thousands of times on one graph. Not thread-safe: use
// one engine per thread.
class ImpactEngine
{
public:
    explicit ImpactEngine(const ImpactGraph &graph);

    void run(std::span<const ComponentIndex> fail, std::span<const ComponentIndex> degrade = {});
    void run(const ScenarioSpec &spec) { run(spec.fail, spec.degrade); }

    // The last run's answers.
    State state(ComponentIndex c) const { return State(m_state[c.value]); }
    ComponentIndex cause(ComponentIndex c) const { return ComponentIndex(m_cause[c.value]); }
    // Components that are not up, in the order they first rose (not map order).
    std::span<const std::int32_t> affected() const { return m_affected; }
    ImpactSummary summary() const;
    ImpactResult result() const;

    const ImpactGraph &graph() const { return m_graph; }

private:
    struct Rise
    {
        std::int32_t component;
        State to;
        std::int32_t cause;
    };

    // What rules 3 and 4 read of one component, kept together so that updating the counts and
    // queueing the component touch one cache line, not five arrays.
    struct Counts
    {
        std::int32_t hardDown = 0; // hard dependencies that are down
        std::int32_t hit = 0; // hard dependencies degraded, soft ones degraded or down
        std::int32_t tolerance = 0; // hard dependencies that may be down: hardCount - required
        std::uint32_t queued = 0; // stamp of the round it was last queued for
    };

    void reset();
    void raise(std::int32_t c, State to, std::int32_t cause);
    void queue(std::int32_t c);
    template<int hardDown, int hardHit, int softHit>
    void countDependents(std::int32_t c);
    State justifiedState(std::int32_t c) const;
    std::int32_t causeOf(std::int32_t c, State s) const;

    const ImpactGraph &m_graph;
    std::vector<std::uint8_t> m_state;
    std::vector<std::int32_t> m_cause;
    std::vector<Counts> m_counts;
    std::uint32_t m_stamp = 0;
    // Every component queued in this run, round after round; the last round's are from
    // m_roundStart on. With m_affected it holds everything reset() must clear.
    std::vector<std::int32_t> m_queued;
    std::size_t m_roundStart = 0;
    std::vector<std::int32_t> m_affected;
    std::vector<Rise> m_rises;
};

// One evaluation on a fresh engine: for callers that evaluate once.
ImpactResult evaluateImpact(const ImpactGraph &graph, const ScenarioSpec &spec);

} // namespace faultline
