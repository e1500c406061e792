#include "model/impact/engine.h"

#include <algorithm>

namespace faultline {

ImpactResult::ImpactResult(std::vector<State> states, std::vector<std::int32_t> causes,
                           ImpactSummary summary)
    : m_states(std::move(states)), m_causes(std::move(causes)), m_summary(summary)
{
}

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
    : m_graph(graph),
      m_state(graph.size(), std::uint8_t(State::Up)),
      m_cause(graph.size(), -1),
      m_hardDown(graph.size(), 0),
      m_hardDegraded(graph.size(), 0),
      m_softHit(graph.size(), 0),
      m_seen(graph.size(), 0),
      m_dirty(graph.size(), 0)
{
}

void ImpactEngine::markDirty(std::int32_t c)
{
    if (!m_dirty[c]) {
        m_dirty[c] = 1;
        m_dirtyList.push_back(c);
    }
}

void ImpactEngine::reset()
{
    for (std::int32_t c : m_dirtyList) {
        m_state[c] = std::uint8_t(State::Up);
        m_cause[c] = -1;
        m_hardDown[c] = m_hardDegraded[c] = m_softHit[c] = 0;
        m_dirty[c] = 0;
    }
    m_dirtyList.clear();
    m_affected.clear();
}

// Applies one rise and keeps the dependents' counters in step with it.
void ImpactEngine::raise(std::int32_t c, State to, std::int32_t cause)
{
    const State from = State(m_state[c]);
    if (from == State::Up)
        m_affected.push_back(c);
    markDirty(c);
    m_state[c] = std::uint8_t(to);
    m_cause[c] = cause;
    const int downDelta = int(to == State::Down) - int(from == State::Down);
    const int degradedDelta = int(to == State::Degraded) - int(from == State::Degraded);
    const int hitDelta = int(to >= State::Degraded) - int(from >= State::Degraded);
    for (const ImpactGraph::Edge &e : m_graph.dependents(c)) {
        if (e.hard) {
            if (downDelta == 0 && degradedDelta == 0)
                continue;
            m_hardDown[e.other] += downDelta;
            m_hardDegraded[e.other] += degradedDelta;
        } else {
            if (hitDelta == 0)
                continue;
            m_softHit[e.other] += hitDelta;
        }
        markDirty(e.other);
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
    const int up = m_graph.hardCount(c) - m_hardDown[c];
    if (up < m_graph.required(c))
        return State::Down;
    if (m_hardDegraded[c] > 0 || m_softHit[c] > 0)
        return State::Degraded;
    if (s == State::Up && m_hardDown[c] > 0)
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

void ImpactEngine::run(std::span<const ComponentIndex> fail,
                       std::span<const ComponentIndex> degrade)
{
    reset();

    // Round 0: rule 1.
    m_rises.clear();
    for (ComponentIndex c : degrade) {
        if (State(m_state[c.value]) < State::Degraded)
            raise(c.value, State::Degraded, -1);
    }
    for (ComponentIndex c : fail) {
        if (State(m_state[c.value]) < State::Down)
            raise(c.value, State::Down, -1);
    }
    for (std::int32_t c : m_dirtyList) {
        if (State(m_state[c]) != State::Up)
            m_rises.push_back({c, State(m_state[c]), -1});
    }

    while (!m_rises.empty()) {
        // Candidates: children and dependents of what rose in the previous round.
        ++m_stamp;
        if (m_stamp == 0) { // wrapped: no stale stamp may equal a new one
            std::fill(m_seen.begin(), m_seen.end(), 0);
            m_stamp = 1;
        }
        m_candidates.clear();
        auto consider = [this](std::int32_t x) {
            if (m_seen[x] != m_stamp) {
                m_seen[x] = m_stamp;
                m_candidates.push_back(x);
            }
        };
        for (const Rise &r : m_rises) {
            for (std::int32_t child : m_graph.children(r.component))
                consider(child);
            for (const ImpactGraph::Edge &e : m_graph.dependents(r.component))
                consider(e.other);
        }
        // Evaluate every candidate against the previous round's states, then apply them all.
        m_nextRises.clear();
        for (std::int32_t x : m_candidates) {
            const State to = justifiedState(x);
            if (to > State(m_state[x]))
                m_nextRises.push_back({x, to, causeOf(x, to)});
        }
        for (const Rise &r : m_nextRises)
            raise(r.component, r.to, r.cause);
        std::swap(m_rises, m_nextRises);
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
