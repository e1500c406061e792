#pragma once

#include "model/impact/graph.h"
#include "model/impact/state.h"
#include "model/map/ids.h"

#include <climits>
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
    // `rounds` (by component, -1 where up) may be empty for results made by hand: round() is
    // then -1 everywhere.
    ImpactResult(std::vector<State> states, std::vector<std::int32_t> causes,
        ImpactSummary summary, std::vector<std::int32_t> rounds = {});

    int size() const { return int(m_states.size()); }
    State state(ComponentIndex c) const { return m_states[c.value]; }
    // The parent or dependency the state came through; invalid where the scenario itself set
    // the state, and for components that are up.
    ComponentIndex cause(ComponentIndex c) const { return ComponentIndex(m_causes[c.value]); }
    // The component, then its causes in turn, ending at a failed or impaired component.
    std::vector<ComponentIndex> path(ComponentIndex c) const;
    // The propagation round (DESIGN.md) in which c reached its final state: 0 for what the
    // scenario fails and impairs, -1 for components that are up.
    int round(ComponentIndex c) const
    {
        return std::size_t(c.value) < m_rounds.size() ? m_rounds[c.value] : -1;
    }
    // The last round in which anything rose: -1 when everything is up.
    int lastRound() const;
    // Every component that is not up, in map order.
    std::vector<ComponentIndex> affected() const;
    const ImpactSummary &summary() const { return m_summary; }
    const std::vector<State> &states() const { return m_states; }

private:
    std::vector<State> m_states;
    std::vector<std::int32_t> m_causes;
    ImpactSummary m_summary;
    std::vector<std::int32_t> m_rounds;
};

// The impact rules of DESIGN.md: the only place all five are applied, and the only source of
// states and causes. Analyses that ask only "is it down?" use the down-projection of rules 1 to
// 3, which lives in two more places, each checked against this engine by tst_analysis:
// DownEvaluator (one failure set at a time) and model/analysis/downrule.h (the rule as a
// formula over an algebra, for every failure set at once: cut sets, decision diagrams, fault
// trees; the one definition of k-of-n there).
//
// States rise in synchronous rounds from all-up: round 0 applies rule 1, round r raises what the
// states after round r-1 justify (rules 2-5), until nothing changes. Only components whose inputs
// changed in the previous round are looked at again (the children of a parent that became
// degraded or down, the dependents whose counts of degraded and down dependencies moved), and a
// state rises at most three times, so a run costs time linear in the part of the map it reaches.
// The cause of a component is chosen in the round its state last rose, from the states before
// that round: the parent first, then its dependencies in map order.
//
// A run logs its rises in order. The first time a cause is asked for (cause(), result()), the
// round in which each component became degraded and down is read from the log, and so the
// states after any round; a cause is chosen from those. Analyses run the engine many thousands
// of times for states alone, and the loop that spreads a failure then touches nothing but one
// small record per component and the lists it appends to.
//
// An engine keeps its working arrays between runs and resets only what the previous run
// touched. Not thread-safe, not even its const functions (asking for a cause fills the rounds):
// use one engine per thread.
class ImpactEngine
{
public:
    explicit ImpactEngine(const ImpactGraph &graph);

    void run(std::span<const ComponentIndex> fail, std::span<const ComponentIndex> degrade = {});
    void run(const ScenarioSpec &spec) { run(spec.fail, spec.degrade); }

    // The last run's answers.
    State state(ComponentIndex c) const { return stateOf(c.value); }
    // The parent or dependency c's state came through; invalid where the scenario set it, and
    // for components that are up. Costs a look at c's dependencies.
    ComponentIndex cause(ComponentIndex c) const { return ComponentIndex(causeOf(c.value)); }
    // The round in which c reached its final state; -1 for components that are up.
    int round(ComponentIndex c) const;
    // Components that are not up, in the order they first rose (not map order).
    std::span<const std::int32_t> affected() const { return m_affected.items(); }
    ImpactSummary summary() const;
    ImpactResult result() const;

    const ImpactGraph &graph() const { return m_graph; }

private:
    // A component's state, what rules 3 and 4 read of it, and the stamp of the round it was
    // last queued for: the one record the spreading loop reads and writes per dependent.
    //
    // Counts and states are cleared by reset(), for the components the last run raised. Stamps
    // grow across runs, so they need no clearing.
    struct Counts
    {
        std::int32_t hardDown = 0; // hard dependencies that are down
        std::int32_t hit = 0; // hard dependencies degraded, soft ones degraded or down
        std::int32_t tolerance = 0; // hard dependencies that may be down: hardCount - required
        std::uint32_t queued : 24 = 0; // stamp of the round it was last queued for
        std::uint32_t state : 8 = std::uint8_t(State::Up);
    };
    // Stamps stay below this (24 bits, so that Counts is 16 bytes): nextRound() starts them
    // over.
    static constexpr std::uint32_t stampLimit = 1u << 24;
    State stateOf(std::int32_t c) const { return State(m_counts[c].state); }

    // The rounds (of this run) in which a component became degraded, became down, and last
    // rose; `never` where it did not. Derived from the log of rises when a cause is first asked
    // for, so that runs read for states alone never write them.
    static constexpr std::int32_t never = INT32_MAX;
    struct Rounds
    {
        std::int32_t degraded = never;
        std::int32_t down = never;
        std::int32_t last = never;
    };

    // A list allocated once for the most it can ever hold, so the hot loops append without a
    // capacity check.
    template<typename T>
    class Bounded
    {
    public:
        explicit Bounded(std::size_t capacity) : m_items(capacity) { }
        void push(const T &item) { m_items[m_size++] = item; }
        // For loops that append through a local pointer (which the compiler can keep in a
        // register): the end, and the new end after appending.
        T *end() { return m_items.data() + m_size; }
        void setEnd(const T *end) { m_size = std::size_t(end - m_items.data()); }
        void clear() { m_size = 0; }
        bool empty() const { return m_size == 0; }
        std::size_t size() const { return m_size; }
        const T &operator[](std::size_t i) const { return m_items[i]; }
        std::span<const T> items() const { return {m_items.data(), m_size}; }
        void swap(Bounded &other)
        {
            m_items.swap(other.m_items);
            std::swap(m_size, other.m_size);
        }

    private:
        std::vector<T> m_items;
        std::size_t m_size = 0;
    };

    struct Rise
    {
        std::int32_t component;
        State to;
    };

    // The working set of the loops that spread a round: see engine.cpp.
    struct Frontier;

    void reset();
    // Starts the next round, whose rises begin at `logStart` in the log.
    void nextRound(std::size_t logStart);
    // Logs a rise of the current round.
    void log(std::int32_t c, State to) { m_log.push({c, to}); }
    // Applies the rises logged from `first` on, in the current round.
    void applyRises(std::size_t first);
    template<int hardDown, int hardHit, int softHit>
    static void countDependents(const ImpactGraph &graph, Frontier &f, std::int32_t c);
    // Rules 2 to 5 for the components queued for this round; logs what they raise.
    void evaluateRound();
    // c's state after round r, as far as the rules read it (at-risk reads as up).
    State stateAfter(std::int32_t c, std::int32_t r) const;
    // Fills m_rounds from the log, once per run.
    void deriveRounds() const;
    std::int32_t causeOf(std::int32_t c) const;

    const ImpactGraph &m_graph;
    std::vector<Counts> m_counts;
    // Derived from the log on demand (deriveRounds), allocated then; valid while
    // m_roundsDerived.
    mutable std::vector<Rounds> m_rounds;
    mutable bool m_roundsDerived = false;
    std::uint32_t m_stamp = 0; // the current round's; grows across runs
    // The components queued for the round being built, and those of the round being evaluated
    // (each at most once: a component is marked once per round, and then queued or doomed).
    Bounded<std::int32_t> m_queued;
    Bounded<std::int32_t> m_round;
    // Components certain to be down in the next round, whatever else holds: children of a
    // component that went down (rule 2), and components with more hard dependencies down than
    // they tolerate (rule 3). They skip evaluation.
    Bounded<std::int32_t> m_doomed;
    // Components that rose from up, in that order.
    Bounded<std::int32_t> m_affected;
    // Every rise of this run in order (a component rises at most three times), and where each
    // round's rises start in it.
    Bounded<Rise> m_log;
    std::vector<std::size_t> m_roundStarts;
};

// One evaluation on a fresh engine: for callers that evaluate once.
ImpactResult evaluateImpact(const ImpactGraph &graph, const ScenarioSpec &spec);

} // namespace faultline
