#include "model/impact/engine.h"

#include <algorithm>

namespace faultline {

ImpactResult::ImpactResult(std::vector<State> states, std::vector<std::int32_t> causes,
    ImpactSummary summary, std::vector<std::int32_t> rounds)
    : m_states(std::move(states)), m_causes(std::move(causes)), m_summary(summary),
      m_rounds(std::move(rounds))
{ }

int ImpactResult::lastRound() const
{
    int last = -1;
    for (std::int32_t r : m_rounds)
        last = std::max(last, int(r));
    return last;
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
    : m_graph(graph), m_counts(graph.size()), m_queued(graph.size()), m_round(graph.size()),
      m_doomed(graph.size()), m_affected(graph.size()), m_log(3 * std::size_t(graph.size()))
{
    for (int c = 0; c < graph.size(); ++c)
        m_counts[c].tolerance = graph.hardCount(c) - graph.required(c);
}

// Clears what the last run changed. It counted only for components it raised: a count that
// moves raises its component next round, if only to at-risk, unless the run raised it that far
// already. So those are all there is to clear.
void ImpactEngine::reset()
{
    for (std::int32_t c : m_affected.items()) {
        Counts &n = m_counts[c];
        n.hardDown = 0;
        n.hit = 0;
        n.state = std::uint8_t(State::Up);
    }
    if (m_roundsDerived) {
        for (std::int32_t c : m_affected.items())
            m_rounds[c] = Rounds {};
        m_roundsDerived = false;
    }
    m_affected.clear();
    m_log.clear();
    m_roundStarts.clear();
    m_queued.clear();
    m_doomed.clear();
}

inline void ImpactEngine::nextRound(std::size_t logStart)
{
    m_roundStarts.push_back(logStart);
    // When the stamps run out of bits, start them over. Nothing is marked for the new round
    // yet, and no stamp left behind equals 1 once all are 0, so this is safe even mid-run.
    if (++m_stamp == stampLimit) {
        for (Counts &n : m_counts)
            n.queued = 0;
        m_stamp = 1;
    }
}

// What the loops that apply a round's rises read and write for every component they touch, as
// locals: the round's stamp and the ends of the lists they append to. Appending through
// members would make the compiler reload every member after each append, and a call per rise
// would reload them all; so applyRises() keeps these in registers for a whole round.
struct ImpactEngine::Frontier
{
    Counts *counts;
    std::uint32_t stamp;
    std::int32_t *queued;
    std::int32_t *doomed;
    std::int32_t *affected;

    // Marks n for the next round, once per round. Returns whether it was not marked yet.
    [[gnu::always_inline]] bool mark(Counts &n) const
    {
        if (n.queued == stamp)
            return false;
        n.queued = stamp;
        return true;
    }
};

// Adds to every dependent's counts, through a hard edge: `hardDown` and `hardHit`; through a
// soft one: `softHit` (to `hit`). Dependents already down are left alone: they cannot rise.
template<int hardDown, int hardHit, int softHit>
[[gnu::always_inline]] inline void ImpactEngine::countDependents(
    const ImpactGraph &graph, Frontier &f, std::int32_t c)
{
    for (const ImpactGraph::Edge &e : graph.dependents(c)) {
        if constexpr (softHit == 0) {
            if (!e.hard)
                continue;
        }
        Counts &n = f.counts[e.other];
        if (State(n.state) == State::Down)
            continue;
        const bool fresh = f.mark(n);
        if (e.hard) {
            n.hardDown += hardDown;
            n.hit += hardHit;
        } else {
            n.hit += softHit;
        }
        if (fresh) {
            // Already queued this round: evaluation finds it down all the same.
            if (hardDown > 0 && e.hard && n.hardDown > n.tolerance)
                *f.doomed++ = e.other;
            else
                *f.queued++ = e.other;
        }
    }
}

// Applies the rises logged from `first` on, keeps the dependents' counts in step with them, and
// queues for the next round whatever they may raise: nothing else can rise then (its inputs did
// not change). A component that is down cannot rise further: it is neither queued nor counted.
void ImpactEngine::applyRises(std::size_t first)
{
    Frontier f {m_counts.data(), m_stamp, m_queued.end(), m_doomed.end(), m_affected.end()};
    const ImpactGraph &graph = m_graph;
    for (std::size_t i = first, end = m_log.size(); i < end; ++i) {
        const auto [c, to] = m_log[i];
        Counts &n = f.counts[c];
        const State from = State(n.state);
        if (from == State::Up)
            *f.affected++ = c;
        n.state = std::uint8_t(to);
        // Rule 2 reads a parent that is degraded or down; at-risk does not spread.
        if (to >= State::Degraded) {
            for (std::int32_t child : graph.children(c)) {
                Counts &m = f.counts[child];
                if (State(m.state) == State::Down || !f.mark(m))
                    continue; // already queued: evaluation finds the parent down first
                if (to == State::Degraded)
                    *f.queued++ = child;
                else
                    *f.doomed++ = child;
            }
        }
        // The dependents' counts move by the edge's hardness; three cases, each its own loop.
        if (to == State::AtRisk)
            continue;
        if (from == State::Degraded)
            countDependents<1, -1, 0>(graph, f, c); // degraded to down: hard edges only
        else if (to == State::Down)
            countDependents<1, 0, 1>(graph, f, c);
        else
            countDependents<0, 1, 1>(graph, f, c);
    }
    m_queued.setEnd(f.queued);
    m_doomed.setEnd(f.doomed);
    m_affected.setEnd(f.affected);
}

// Rules 2 to 5 for every queued component, read from the states after the previous round; the
// rises are logged, and applied once the whole round is evaluated.
void ImpactEngine::evaluateRound()
{
    const Counts *const counts = m_counts.data();
    const ImpactGraph &graph = m_graph;
    Rise *logged = m_log.end();
    for (const std::int32_t c : m_round.items()) {
        const Counts &n = counts[c];
        const State current = State(n.state);
        if (current == State::Down)
            continue;
        const std::int32_t p = graph.parent(c);
        const State parent = p >= 0 ? State(counts[p].state) : State::Up;
        State to = State::Up;
        if (parent == State::Down || n.hardDown > n.tolerance) // or fewer than `require` are up
            to = State::Down;
        else if (parent == State::Degraded || n.hit > 0)
            to = State::Degraded;
        else if (n.hardDown > 0)
            to = State::AtRisk;
        if (to > current)
            *logged++ = {c, to};
    }
    m_log.setEnd(logged);
}

void ImpactEngine::run(
    std::span<const ComponentIndex> fail, std::span<const ComponentIndex> degrade)
{
    reset();
    // Round 0: rule 1, one rise at a time, since the lists may name a component twice. What it
    // raises queues round 1.
    nextRound(0);
    for (ComponentIndex c : degrade) {
        if (stateOf(c.value) < State::Degraded) {
            log(c.value, State::Degraded);
            applyRises(m_log.size() - 1);
        }
    }
    for (ComponentIndex c : fail) {
        if (stateOf(c.value) < State::Down) {
            log(c.value, State::Down);
            applyRises(m_log.size() - 1);
        }
    }

    while (!m_queued.empty() || !m_doomed.empty()) {
        // Evaluate every queued component against the previous round's states and log what
        // the doomed ones do, then apply the rises all together; they queue the next round.
        // A component is queued or doomed, never both, and at most once, so the round's rises
        // are of distinct components.
        m_round.swap(m_queued);
        m_queued.clear();
        const std::size_t roundStart = m_log.size();
        evaluateRound();
        for (const std::int32_t c : m_doomed.items()) {
            // It may be down already: doomed for the last round, it can be doomed again for
            // this one by a rise of the last round applied before its own (a child whose
            // parent went down in the same round). It goes down once.
            if (stateOf(c) != State::Down)
                log(c, State::Down);
        }
        m_doomed.clear();
        nextRound(roundStart);
        applyRises(roundStart);
    }
}

void ImpactEngine::deriveRounds() const
{
    if (m_roundsDerived)
        return;
    if (m_rounds.empty())
        m_rounds.resize(m_counts.size());
    for (std::size_t r = 0; r < m_roundStarts.size(); ++r) {
        const std::size_t end = r + 1 < m_roundStarts.size() ? m_roundStarts[r + 1] : m_log.size();
        for (std::size_t i = m_roundStarts[r]; i < end; ++i) {
            Rounds &rounds = m_rounds[m_log[i].component];
            rounds.last = std::int32_t(r);
            if (m_log[i].to == State::Degraded)
                rounds.degraded = rounds.last;
            else if (m_log[i].to == State::Down)
                rounds.down = rounds.last;
        }
    }
    m_roundsDerived = true;
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
    deriveRounds();
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

int ImpactEngine::round(ComponentIndex c) const
{
    if (stateOf(c.value) == State::Up)
        return -1;
    deriveRounds();
    return m_rounds[c.value].last;
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
    std::vector<std::int32_t> rounds(m_graph.size(), -1);
    for (std::int32_t c : m_affected.items()) {
        states[c] = stateOf(c);
        causes[c] = causeOf(c); // derives the rounds
        rounds[c] = m_rounds[c].last;
    }
    return ImpactResult(
        std::move(states), std::move(causes), summary(), std::move(rounds));
}

ImpactResult evaluateImpact(const ImpactGraph &graph, const ScenarioSpec &spec)
{
    ImpactEngine engine(graph);
    engine.run(spec);
    return engine.result();
}

} // namespace faultline
