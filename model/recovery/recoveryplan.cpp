#include "model/recovery/recoveryplan.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace faultline {

namespace {

constexpr double never = std::numeric_limits<double>::infinity();

std::optional<double> finite(double t)
{
    return t == never ? std::nullopt : std::optional<double>(t);
}

// The start and back times of the down components: the least fixed point of "start once the
// parent is back and `require` hard dependencies are back (components that never went down are
// back from the start); back `rto` minutes later". Times only grow, so it is Dijkstra's
// algorithm with a count per component instead of one distance: components come back in order
// of time from a priority queue, each telling its down dependents and children; a component
// starts at the moment its last needed input comes back (the k-th smallest of its hard
// dependencies' times, or its parent's). What is never started never comes back.
class Scheduler
{
public:
    Scheduler(const Map &map, const ImpactGraph &graph, const ImpactResult &impact)
        : m_graph(graph), m_impact(impact), m_start(graph.size(), never),
          m_back(graph.size(), never), m_order(graph.size(), -1), m_missing(graph.size(), 0),
          m_parentDown(graph.size(), 0)
    {
        const int n = graph.size();
        m_rto.resize(n, 0.0);
        for (int c = 0; c < n; ++c) {
            if (!isDown(c))
                continue;
            const auto &rto = map.components()[c].rtoMinutes;
            m_rto[c] = rto.value_or(0.0);
            // Hard dependencies still needed: `require` minus those that never went down.
            int upHard = 0;
            for (const ImpactGraph::Edge &e : graph.dependencies(c)) {
                if (e.hard && !isDown(e.other))
                    ++upHard;
            }
            m_missing[c] = std::max(0, graph.required(c) - upHard);
            const std::int32_t p = graph.parent(c);
            m_parentDown[c] = p >= 0 && isDown(p) ? 1 : 0;
        }
    }

    void run()
    {
        for (int c = 0; c < m_graph.size(); ++c) {
            if (isDown(c))
                tryStart(c, 0.0);
        }
        while (!m_queue.empty()) {
            const auto [t, c] = m_queue.top();
            m_queue.pop();
            m_order[c] = m_popped++;
            for (const ImpactGraph::Edge &e : m_graph.dependents(c)) {
                if (e.hard && isDown(e.other) && m_start[e.other] == never) {
                    --m_missing[e.other];
                    tryStart(e.other, t);
                }
            }
            for (const std::int32_t child : m_graph.children(c)) {
                if (isDown(child) && m_start[child] == never) {
                    m_parentDown[child] = 0;
                    tryStart(child, t);
                }
            }
        }
    }

    bool isDown(std::int32_t c) const { return m_impact.state(ComponentIndex(c)) == State::Down; }
    double start(std::int32_t c) const { return m_start[c]; }
    double back(std::int32_t c) const { return m_back[c]; }
    double rto(std::int32_t c) const { return m_rto[c]; }
    // The order components came back in (-1: never). Whatever a component waited for came back
    // before it started, so this order lists every step after what it waited for, even where
    // RTOs of 0 make times equal.
    int order(std::int32_t c) const { return m_order[c]; }

private:
    void tryStart(std::int32_t c, double t)
    {
        if (m_parentDown[c] || m_missing[c] > 0)
            return;
        m_start[c] = t;
        m_back[c] = t + m_rto[c];
        m_queue.push({m_back[c], c});
    }

    using Event = std::pair<double, std::int32_t>;
    const ImpactGraph &m_graph;
    const ImpactResult &m_impact;
    std::vector<double> m_start, m_back, m_rto;
    std::vector<int> m_order;
    int m_popped = 0;
    std::vector<int> m_missing; // hard dependencies it still waits for
    std::vector<std::uint8_t> m_parentDown; // its parent is down and not back yet
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_queue;
};

// What a step waited for (RecoveryStep::waitsFor).
std::vector<ComponentIndex> waitsFor(const ImpactGraph &graph, const Scheduler &s, std::int32_t c)
{
    std::vector<ComponentIndex> out;
    const bool started = s.start(c) != never;
    const std::int32_t p = graph.parent(c);
    if (p >= 0 && s.isDown(p) && (started || s.back(p) == never))
        out.emplace_back(p);
    std::vector<std::int32_t> down;
    int upHard = 0;
    for (const ImpactGraph::Edge &e : graph.dependencies(c)) {
        if (!e.hard)
            continue;
        if (!s.isDown(e.other))
            ++upHard;
        else if (started || s.back(e.other) == never)
            down.push_back(e.other);
    }
    if (started) {
        // The first that came back are those it started on.
        // (Unsigned: -1, never back, sorts last.)
        std::sort(down.begin(), down.end(), [&](std::int32_t a, std::int32_t b) {
            return unsigned(s.order(a)) < unsigned(s.order(b));
        });
        down.resize(std::clamp(graph.required(c) - upHard, 0, int(down.size())));
    }
    for (const std::int32_t d : down)
        out.emplace_back(d);
    return out;
}

// Tarjan's strongly connected components over "waits for" among the components that never come
// back, without recursion. Returns the parts with more than one member, each in map order,
// the parts ordered by their first member.
std::vector<std::vector<ComponentIndex>> waitingCycles(
    const std::vector<std::vector<ComponentIndex>> &waits, const std::vector<std::int32_t> &nodes)
{
    const std::size_t n = waits.size();
    std::vector<int> index(n, -1), low(n, 0);
    std::vector<std::uint8_t> onStack(n, 0);
    std::vector<std::int32_t> stack;
    std::vector<std::pair<std::int32_t, std::size_t>> frames; // node, next edge
    std::vector<std::vector<ComponentIndex>> cycles;
    int counter = 0;
    for (const std::int32_t root : nodes) {
        if (index[root] >= 0)
            continue;
        frames.push_back({root, 0});
        index[root] = low[root] = counter++;
        stack.push_back(root);
        onStack[root] = 1;
        while (!frames.empty()) {
            auto &[v, next] = frames.back();
            if (next < waits[v].size()) {
                const std::int32_t w = waits[v][next++].value;
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    onStack[w] = 1;
                    frames.push_back({w, 0});
                } else if (onStack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            const std::int32_t done = v;
            frames.pop_back();
            if (!frames.empty())
                low[frames.back().first] = std::min(low[frames.back().first], low[done]);
            if (low[done] != index[done])
                continue;
            std::vector<ComponentIndex> part;
            std::int32_t w;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[w] = 0;
                part.emplace_back(w);
            } while (w != done);
            if (part.size() > 1) {
                std::sort(part.begin(), part.end());
                cycles.push_back(std::move(part));
            }
        }
    }
    std::sort(cycles.begin(), cycles.end());
    return cycles;
}

// Components that are affected but not down work fully again once everything they depend on
// (parent, hard and soft dependencies) works: the latest time among the down components they
// reach through affected, not-down components. Down components are taken latest first and
// spread backwards; the first time that reaches a component is its latest. `via` is the parent
// or dependency that time came through (-1 where none did).
void recoverWithDependencies(const ImpactGraph &graph, const ImpactResult &impact,
    const Scheduler &s, std::vector<double> &recovered, std::vector<std::int32_t> &via)
{
    const int n = graph.size();
    std::vector<std::int32_t> down;
    for (int c = 0; c < n; ++c) {
        const State state = impact.state(ComponentIndex(c));
        if (state == State::Down) {
            recovered[c] = s.back(c);
            down.push_back(c);
        } else {
            recovered[c] = state == State::Up ? 0.0 : -1.0; // -1: not reached yet
        }
    }
    std::stable_sort(down.begin(), down.end(),
        [&](std::int32_t a, std::int32_t b) { return s.back(a) > s.back(b); });
    std::vector<std::int32_t> queue;
    via.assign(n, -1);
    auto reach = [&](std::int32_t c, std::int32_t from, double t) {
        if (recovered[c] < 0) {
            recovered[c] = t;
            via[c] = from;
            queue.push_back(c);
        }
    };
    for (const std::int32_t d : down) {
        queue.assign(1, d);
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const std::int32_t c = queue[i];
            for (const ImpactGraph::Edge &e : graph.dependents(c))
                reach(e.other, c, s.back(d));
            for (const std::int32_t child : graph.children(c))
                reach(child, c, s.back(d));
        }
    }
    for (double &t : recovered) {
        if (t < 0)
            t = 0.0; // impaired by the scenario alone, or through impaired components only
    }
}

} // namespace

const RecoveryStep *RecoveryPlan::step(ComponentIndex c) const
{
    const int i = c.value < int(stepOf.size()) ? stepOf[c.value] : -1;
    return i >= 0 ? &steps[i] : nullptr;
}

std::vector<ComponentIndex> RecoveryPlan::criticalPath(ComponentIndex component) const
{
    // Down: what it waited for last (the first of them back at its start). Affected: the
    // input its time came through.
    std::vector<ComponentIndex> path;
    for (std::int32_t c = component.value; c >= 0;) {
        const std::optional<double> &t = recovered[c];
        if (!t || *t <= 0 || path.size() >= recovered.size())
            break;
        path.emplace_back(c);
        if (stepOf[c] < 0) {
            c = recoveredVia[c];
            continue;
        }
        const RecoveryStep &step = steps[stepOf[c]];
        std::int32_t next = -1;
        for (const ComponentIndex d : step.waitsFor) {
            if (recovered[d.value] == step.start) {
                next = d.value;
                break;
            }
        }
        c = next;
    }
    return path;
}

RecoveryPlan recoveryPlan(const Map &map, const ImpactGraph &graph, const ImpactResult &impact)
{
    const int n = graph.size();
    Scheduler scheduler(map, graph, impact);
    scheduler.run();

    RecoveryPlan plan;
    std::vector<int> &stepOf = plan.stepOf;
    stepOf.assign(n, -1);
    std::vector<std::int32_t> neverBack;
    std::vector<std::vector<ComponentIndex>> waits(n);
    for (int c = 0; c < n; ++c) {
        if (!scheduler.isDown(c))
            continue;
        RecoveryStep step;
        step.component = ComponentIndex(c);
        step.start = finite(scheduler.start(c));
        step.back = finite(scheduler.back(c));
        step.rto = scheduler.rto(c);
        step.rtoMissing = !map.components()[c].rtoMinutes.has_value();
        step.waitsFor = waitsFor(graph, scheduler, c);
        waits[c] = step.waitsFor;
        if (!step.back)
            neverBack.push_back(c);
        stepOf[c] = int(plan.steps.size());
        plan.steps.push_back(std::move(step));
    }
    for (const std::int32_t c : neverBack)
        plan.unrecoverable.emplace_back(c);
    plan.cycles = waitingCycles(waits, neverBack);

    std::vector<double> recovered(n, 0.0);
    recoverWithDependencies(graph, impact, scheduler, recovered, plan.recoveredVia);

    // Business cost of steps: each affected business service adds its cost to every down
    // component its recovery needs.
    std::vector<int> seen(n, -1);
    std::vector<std::int32_t> queue;
    for (int b = 0; b < n; ++b) {
        const Component &service = map.components()[b];
        if (!service.isBusiness() || impact.state(ComponentIndex(b)) == State::Up)
            continue;
        const double cost = service.costPerHour.value_or(0.0);
        queue.assign(1, b);
        seen[b] = b;
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const std::int32_t c = queue[i];
            if (stepOf[c] >= 0)
                plan.steps[stepOf[c]].businessCost += cost;
            auto visit = [&](std::int32_t d) {
                if (seen[d] != b && impact.state(ComponentIndex(d)) != State::Up) {
                    seen[d] = b;
                    queue.push_back(d);
                }
            };
            if (const std::int32_t p = graph.parent(c); p >= 0)
                visit(p);
            for (const ImpactGraph::Edge &e : graph.dependencies(c))
                visit(e.other);
        }
    }

    // Waves: a step's wave is one more than the latest wave it waited for; in the order steps
    // came back, what a step waited for comes first.
    std::vector<int> byOrder;
    for (int i = 0; i < int(plan.steps.size()); ++i) {
        if (plan.steps[i].back)
            byOrder.push_back(i);
    }
    std::sort(byOrder.begin(), byOrder.end(), [&](int a, int b) {
        return scheduler.order(plan.steps[a].component.value)
            < scheduler.order(plan.steps[b].component.value);
    });
    for (const int i : byOrder) {
        RecoveryStep &step = plan.steps[i];
        step.wave = 0;
        for (const ComponentIndex d : step.waitsFor)
            step.wave = std::max(step.wave, plan.steps[stepOf[d.value]].wave + 1);
    }

    std::stable_sort(
        plan.steps.begin(), plan.steps.end(), [](const RecoveryStep &a, const RecoveryStep &b) {
            const double sa = a.start.value_or(never), sb = b.start.value_or(never);
            if (sa != sb)
                return sa < sb;
            if (a.start && a.businessCost != b.businessCost)
                return a.businessCost > b.businessCost;
            return a.component < b.component;
        });
    for (int i = 0; i < int(plan.steps.size()); ++i)
        stepOf[plan.steps[i].component.value] = i;
    for (const RecoveryStep &step : plan.steps) {
        if (step.wave < 0)
            continue;
        if (int(plan.waves.size()) <= step.wave)
            plan.waves.resize(step.wave + 1);
        plan.waves[step.wave].push_back(step.component);
    }
    double last = 0.0;
    for (const RecoveryStep &step : plan.steps)
        last = std::max(last, step.back.value_or(never));
    plan.allBack = finite(last);

    plan.recovered.reserve(n);
    for (const double t : recovered)
        plan.recovered.push_back(finite(t));

    for (int b = 0; b < n; ++b) {
        const Component &service = map.components()[b];
        if (!service.isBusiness())
            continue;
        BusinessRecovery r;
        r.service = ComponentIndex(b);
        r.state = impact.state(r.service);
        r.restored = finite(recovered[b]);
        r.back = backInService(r.state, r.restored);
        r.targetRto = service.targetRtoMinutes;
        if (r.targetRto)
            r.met = r.back && *r.back <= *r.targetRto;
        if (r.back != 0.0)
            r.criticalPath = plan.criticalPath(r.service);
        plan.business.push_back(std::move(r));
    }

    // Data at risk: business services that reach the store through dependencies (hard or
    // soft) and parents, whatever their state.
    std::fill(seen.begin(), seen.end(), -1);
    for (int c = 0; c < n; ++c) {
        const auto &rpo = map.components()[c].rpoMinutes;
        if (!rpo || !scheduler.isDown(c))
            continue;
        DataAtRisk risk;
        risk.component = ComponentIndex(c);
        risk.rpo = *rpo;
        queue.assign(1, c);
        seen[c] = c;
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const std::int32_t d = queue[i];
            if (map.components()[d].isBusiness())
                risk.services.emplace_back(d);
            for (const ImpactGraph::Edge &e : graph.dependents(d)) {
                if (seen[e.other] != c) {
                    seen[e.other] = c;
                    queue.push_back(e.other);
                }
            }
            for (const std::int32_t child : graph.children(d)) {
                if (seen[child] != c) {
                    seen[child] = c;
                    queue.push_back(child);
                }
            }
        }
        std::sort(risk.services.begin(), risk.services.end());
        for (const ComponentIndex s : risk.services) {
            if (const auto &target = map.component(s).targetRpoMinutes)
                risk.met = risk.met.value_or(true) && risk.rpo <= *target;
        }
        plan.dataAtRisk.push_back(std::move(risk));
    }
    return plan;
}

} // namespace faultline
