#include "model/impact/engine.h"

#include <algorithm>

namespace faultline {

ImpactResult::ImpactResult(
    std::vector<State> states, std::vector<std::int32_t> causes, ImpactSummary summary)
    : m_states(std::move(states)), m_causes(std::move(causes)), m_summary(summary)
{ }

std::vector<ComponentIndex> ImpactResult::path(ComponentIndex c) const
{
    std::vector<ComponentIndex> chain;
    if (state(c) == State::Up)
        return chain;
    // Causes point strictly back in rounds, so the walk ends; the bound is a second guard.
    for (ComponentIndex at = c; at.isValid() && int(chain.size()) <= size(); at = cause(at))
        chain.push_back(at);
    return chain;
}

std::vector<ComponentIndex> ImpactResult::affected() const
{
    std::vector<ComponentIndex> out;
    for (int i = 0; i < size(); ++i) {
        if (m_states[i] != State::Up)
            out.emplace_back(i);
    }
    return out;
}

ImpactEngine::ImpactEngine(const ImpactGraph &graph)
    : m_graph(graph), m_counts(graph.size()), m_rounds(graph.size()), m_queued(graph.size()),
      m_round(graph.size()), m_doomed(graph.size()), m_doomedRound(graph.size()),
      m_affected(graph.size()), m_rises(graph.size())
{
    for (int c = 0; c < graph.size(); ++c)
        m_counts[c].tolerance = graph.hardCount(c) - graph.required(c);
}

// Only states and rounds need clearing: counts go stale with their stamps (see Counts).
void ImpactEngine::reset()
{
    for (std::int32_t c : m_affected.items()) {
        m_counts[c].state = std::uint8_t(State::Up);
        m_rounds[c] = Rounds {};
    }
    m_affected.clear();
    m_queued.clear();
    m_doomed.clear();
}

inline void ImpactEngine::nextRound()
{
    ++m_stamp;
}

inline bool ImpactEngine::mark(std::int32_t c)
{
    Counts &n = m_counts[c];
    if (n.queued == m_stamp)
        return false;
    if (n.queued < m_runStart) {
        n.hardDown = 0;
        n.hit = 0;
    }
    n.queued = m_stamp;
    return true;
}

inline ImpactEngine::Counts &ImpactEngine::queue(std::int32_t c)
{
    if (mark(c))
        m_queued.push(c);
    return m_counts[c];
}

// Applies one rise in the current round, keeps the dependents' counts in step with it, and
// queues for the next round whatever it may raise: nothing else can rise then (its inputs did
// not change). A component that is down cannot rise further: it is neither queued nor counted.
void ImpactEngine::raise(std::int32_t c, State to)
{
    const State from = stateOf(c);
    if (from == State::Up)
        m_affected.push(c);
    m_counts[c].state = std::uint8_t(to);
    Rounds &rounds = m_rounds[c];
    rounds.last = std::int32_t(m_stamp - m_runStart);
    if (to == State::Degraded)
        rounds.degraded = rounds.last;
    else if (to == State::Down)
        rounds.down = rounds.last;
    // Rule 2 reads a parent that is degraded or down; at-risk does not spread.
    if (to >= State::Degraded) {
        for (std::int32_t child : m_graph.children(c)) {
            if (stateOf(child) == State::Down)
                continue;
            if (to == State::Degraded)
                queue(child);
            else if (mark(child)) // already queued: evaluation finds the parent down first
                m_doomed.push(child);
        }
    }
    // The dependents' counts move by the edge's hardness; three cases, each its own loop.
    if (to == State::AtRisk)
        return;
    if (from == State::Degraded)
        countDependents<1, -1, 0>(c); // degraded to down: only hard edges see a change
    else if (to == State::Down)
        countDependents<1, 0, 1>(c);
    else
        countDependents<0, 1, 1>(c);
}

// Adds to every dependent's counts, through a hard edge: `hardDown` and `hardHit`; through a
// soft one: `softHit` (to `hit`). Dependents already down are left alone: they cannot rise.
template<int hardDown, int hardHit, int softHit>
void ImpactEngine::countDependents(std::int32_t c)
{
    // The hottest loop of the engine, so queue() is spelled out over locals: appending through
    // a member would make the compiler reload every member after each append.
    Counts *counts = m_counts.data();
    const std::uint32_t stamp = m_stamp;
    const std::uint32_t runStart = m_runStart;
    std::int32_t *queued = m_queued.end();
    std::int32_t *doomed = m_doomed.end();
    for (const ImpactGraph::Edge &e : m_graph.dependents(c)) {
        if constexpr (softHit == 0) {
            if (!e.hard)
                continue;
        }
        Counts &n = counts[e.other];
        if (State(n.state) == State::Down)
            continue;
        const bool fresh = n.queued != stamp;
        if (fresh) {
            if (n.queued < runStart) {
                n.hardDown = 0;
                n.hit = 0;
            }
            n.queued = stamp;
        }
        if (e.hard) {
            n.hardDown += hardDown;
            n.hit += hardHit;
        } else {
            n.hit += softHit;
        }
        if (fresh) {
            // Already queued this round: evaluation finds it down all the same.
            if (hardDown > 0 && e.hard && n.hardDown > n.tolerance)
                *doomed++ = e.other;
            else
                *queued++ = e.other;
        }
    }
    m_queued.setEnd(queued);
    m_doomed.setEnd(doomed);
}

// Rules 2 to 5 for one queued component, read from the states after the previous round; a rise
// is applied once the whole round is evaluated.
void ImpactEngine::evaluate(std::int32_t c)
{
    const State current = stateOf(c);
    if (current == State::Down)
        return;
    const std::int32_t p = m_graph.parent(c);
    const State parent = p >= 0 ? stateOf(p) : State::Up;
    const Counts &n = m_counts[c];
    State to = State::Up;
    if (parent == State::Down || n.hardDown > n.tolerance) // or fewer than `require` are up
        to = State::Down;
    else if (parent == State::Degraded || n.hit > 0)
        to = State::Degraded;
    else if (n.hardDown > 0)
        to = State::AtRisk;
    if (to > current)
        m_rises.push({c, to});
}

void ImpactEngine::run(
    std::span<const ComponentIndex> fail, std::span<const ComponentIndex> degrade)
{
    reset();
    // A run has at most 3n + 1 rounds (each raises something, and a state rises at most three
    // times). When that many more stamps could pass what Counts holds, start them over, with
    // every count stale; so stamps only grow within a run.
    if (std::uint64_t(m_stamp) + 3u * std::uint64_t(m_graph.size()) + 2u >= stampLimit) {
        for (Counts &n : m_counts) {
            n.hardDown = 0;
            n.hit = 0;
            n.queued = 0;
        }
        m_stamp = 0;
    }
    // Round 0: rule 1. What it raises queues round 1.
    nextRound();
    m_runStart = m_stamp;
    for (ComponentIndex c : degrade) {
        if (stateOf(c.value) < State::Degraded)
            raise(c.value, State::Degraded);
    }
    for (ComponentIndex c : fail) {
        if (stateOf(c.value) < State::Down)
            raise(c.value, State::Down);
    }

    while (!m_queued.empty() || !m_doomed.empty()) {
        // Evaluate every queued component against the previous round's states, then apply
        // the rises all together; they queue the next round.
        m_round.swap(m_queued);
        m_queued.clear();
        m_doomedRound.swap(m_doomed);
        m_doomed.clear();
        m_rises.clear();
        for (const std::int32_t c : m_round.items())
            evaluate(c);
        nextRound();
        for (const Rise &r : m_rises.items())
            raise(r.component, r.to);
        for (const std::int32_t c : m_doomedRound.items()) {
            // A rise of this round may have taken it down already.
            if (stateOf(c) != State::Down)
                raise(c, State::Down);
        }
    }
}

State ImpactEngine::stateAfter(std::int32_t c, std::int32_t r) const
{
    const Rounds &rounds = m_rounds[c];
    return rounds.down <= r ? State::Down : rounds.degraded <= r ? State::Degraded : State::Up;
}

// The parent or dependency that justified c's state in the round it last rose, read from the
// states after the round before: the parent first, then the dependencies in map order.
std::int32_t ImpactEngine::causeOf(std::int32_t c) const
{
    const State s = stateOf(c);
    const std::int32_t round = m_rounds[c].last;
    if (s == State::Up || round == 0) // round 0: the scenario set it
        return -1;
    const std::int32_t before = round - 1;
    if (const std::int32_t p = m_graph.parent(c); p >= 0) {
        if (s != State::AtRisk && stateAfter(p, before) == s)
            return p;
    }
    for (const ImpactGraph::Edge &e : m_graph.dependencies(c)) {
        const State ds = stateAfter(e.other, before);
        const bool justifies = s == State::Degraded
            ? (e.hard ? ds == State::Degraded : ds >= State::Degraded)
            : (e.hard && ds == State::Down); // down, and at-risk
        if (justifies)
            return e.other;
    }
    return -1;
}

ImpactSummary ImpactEngine::summary() const
{
    ImpactSummary s;
    for (std::int32_t c : m_affected.items()) {
        switch (stateOf(c)) {
        case State::Down:
            ++s.down;
            s.costPerHour += m_graph.costPerHour(c);
            break;
        case State::Degraded:
            ++s.degraded;
            break;
        case State::AtRisk:
            ++s.atRisk;
            break;
        case State::Up:
            break;
        }
    }
    return s;
}

ImpactResult ImpactEngine::result() const
{
    std::vector<State> states(m_graph.size(), State::Up);
    std::vector<std::int32_t> causes(m_graph.size(), -1);
    for (std::int32_t c : m_affected.items()) {
        states[c] = stateOf(c);
        causes[c] = causeOf(c);
    }
    return ImpactResult(std::move(states), std::move(causes), summary());
}

ImpactResult evaluateImpact(const ImpactGraph &graph, const ScenarioSpec &spec)
{
    ImpactEngine engine(graph);
    engine.run(spec);
    return engine.result();
}

} // namespace faultline
