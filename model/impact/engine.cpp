#include "model/impact/engine.h"

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
    : m_graph(graph), m_state(graph.size(), std::uint8_t(State::Up)), m_cause(graph.size(), -1),
      m_counts(graph.size())
{
    for (int c = 0; c < graph.size(); ++c)
        m_counts[c].tolerance = graph.hardCount(c) - graph.required(c);
}

void ImpactEngine::reset()
{
    for (std::int32_t c : m_queued) {
        m_counts[c].hardDown = 0;
        m_counts[c].hit = 0;
    }
    for (std::int32_t c : m_affected) {
        m_state[c] = std::uint8_t(State::Up);
        m_cause[c] = -1;
    }
    m_queued.clear();
    m_roundStart = 0;
    m_affected.clear();
}

// Queues c for the next round, once. A component that is down cannot rise further: it is
// neither queued nor counted any more.
void ImpactEngine::queue(std::int32_t c)
{
    Counts &n = m_counts[c];
    if (n.queued != m_stamp) {
        n.queued = m_stamp;
        m_queued.push_back(c);
    }
}

// Applies one rise, keeps the dependents' counts in step with it, and queues for the next round
// whatever it may raise: nothing else can rise then (its inputs did not change).
void ImpactEngine::raise(std::int32_t c, State to, std::int32_t cause)
{
    const State from = State(m_state[c]);
    if (from == State::Up)
        m_affected.push_back(c);
    m_state[c] = std::uint8_t(to);
    m_cause[c] = cause;
    // Rule 2 reads a parent that is degraded or down; at-risk does not spread.
    if (to >= State::Degraded) {
        for (std::int32_t child : m_graph.children(c)) {
            if (State(m_state[child]) != State::Down)
                queue(child);
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
    // Local pointers: the compiler cannot tell that pushing to m_queued leaves them alone.
    const std::uint8_t *state = m_state.data();
    Counts *counts = m_counts.data();
    const std::uint32_t stamp = m_stamp;
    for (const ImpactGraph::Edge &e : m_graph.dependents(c)) {
        if constexpr (softHit == 0) {
            if (!e.hard)
                continue;
        }
        if (State(state[e.other]) == State::Down)
            continue;
        Counts &n = counts[e.other];
        if (e.hard) {
            n.hardDown += hardDown;
            n.hit += hardHit;
        } else {
            n.hit += softHit;
        }
        if (n.queued != stamp) {
            n.queued = stamp;
            m_queued.push_back(e.other);
        }
    }
}

// Rules 2 to 5, read from the current arrays (the states after the previous round).
State ImpactEngine::justifiedState(std::int32_t c) const
{
    State s = State::Up;
    if (const std::int32_t p = m_graph.parent(c); p >= 0) {
        const State ps = State(m_state[p]);
        if (ps == State::Down)
            return State::Down;
        if (ps == State::Degraded)
            s = State::Degraded;
    }
    const Counts &n = m_counts[c];
    if (n.hardDown > n.tolerance) // fewer than `require` hard dependencies are not down
        return State::Down;
    if (n.hit > 0)
        return State::Degraded;
    if (s == State::Up && n.hardDown > 0)
        s = State::AtRisk;
    return s;
}

// The parent or dependency that justifies state s, read from the states before this round.
std::int32_t ImpactEngine::causeOf(std::int32_t c, State s) const
{
    if (const std::int32_t p = m_graph.parent(c); p >= 0) {
        if (s != State::AtRisk && State(m_state[p]) == s)
            return p;
    }
    for (const ImpactGraph::Edge &e : m_graph.dependencies(c)) {
        const State ds = State(m_state[e.other]);
        const bool justifies = s == State::Down ? (e.hard && ds == State::Down)
            : s == State::Degraded ? (e.hard ? ds == State::Degraded : ds >= State::Degraded)
                                   : (e.hard && ds == State::Down);
        if (justifies)
            return e.other;
    }
    return -1;
}

void ImpactEngine::run(
    std::span<const ComponentIndex> fail, std::span<const ComponentIndex> degrade)
{
    reset();
    auto nextRound = [this] {
        if (++m_stamp == 0) { // wrapped: no stale stamp may equal a new one
            for (Counts &n : m_counts)
                n.queued = 0;
            m_stamp = 1;
        }
    };

    // Round 0: rule 1. What it raises queues round 1.
    nextRound();
    for (ComponentIndex c : degrade) {
        if (State(m_state[c.value]) < State::Degraded)
            raise(c.value, State::Degraded, -1);
    }
    for (ComponentIndex c : fail) {
        if (State(m_state[c.value]) < State::Down)
            raise(c.value, State::Down, -1);
    }

    while (m_roundStart < m_queued.size()) {
        // Evaluate every queued component against the previous round's states, then apply
        // the rises all together; they queue the next round.
        const std::size_t end = m_queued.size();
        m_rises.clear();
        for (std::size_t i = m_roundStart; i < end; ++i) {
            const std::int32_t x = m_queued[i];
            const State to = justifiedState(x);
            if (to > State(m_state[x]))
                m_rises.push_back({x, to, causeOf(x, to)});
        }
        m_roundStart = end;
        nextRound();
        for (const Rise &r : m_rises)
            raise(r.component, r.to, r.cause);
    }
}

ImpactSummary ImpactEngine::summary() const
{
    ImpactSummary s;
    for (std::int32_t c : m_affected) {
        switch (State(m_state[c])) {
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
    for (std::int32_t c : m_affected) {
        states[c] = State(m_state[c]);
        causes[c] = m_cause[c];
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
