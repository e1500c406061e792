#include "model/analysis/availability.h"

#include "model/analysis/bdd.h"
#include "model/analysis/cone.h"
#include "model/analysis/downrule.h"
#include "model/analysis/faulttree.h"
#include "model/analysis/sumofproducts.h"

#include <algorithm>
#include <bit>
#include <tuple>

namespace faultline {

namespace {

// DownRule's algebra over one Bdd: the cyclic cones, whose fixed point needs canonical values,
// and the expansion of at-least gates.
struct BddAlgebra
{
    using Value = Bdd::Edge;
    Bdd &bdd;
    std::span<const std::int32_t> variableOf; // per component, -1 when it cannot fail

    static Value never() { return Bdd::zero; }
    static Value always() { return Bdd::one; }
    static bool isNever(Value v) { return v == Bdd::zero; }
    Value failed(std::int32_t c) const
    {
        return variableOf[c] >= 0 ? bdd.variable(variableOf[c]) : Bdd::zero;
    }
    Value either(Value a, Value b) const { return bdd.orOf(a, b); }
    Value both(Value a, Value b) const { return bdd.andOf(a, b); }
    static bool same(Value a, Value b) { return a == b; }
};

// What an analysis computes: P(down) and 1 - P(down) of the target, and per variable dP/dp.
struct Solution
{
    double unavailability = 0.0, availability = 1.0;
    std::vector<double> birnbaum;
    std::size_t diagramSize = 0;
};

// A cone with cycles: one diagram of the target over every variable, in depth-first order,
// its strongly connected parts iterated to their fixed point (DownRule).
Solution solveCyclic(const ImpactGraph &graph, const Cone &cone,
    std::span<const std::int32_t> variableOf, std::span<const double> p, std::span<const double> q,
    Bdd &bdd, ProgressReporter &reporter)
{
    BddAlgebra algebra {bdd, variableOf};
    DownRule<BddAlgebra> rule(graph, algebra);
    for (int i = 0; i < cone.partCount(); ++i) {
        rule.solve(cone.part(i));
        reporter.step(int(cone.part(i).size()));
    }
    const Diagram diagram = bdd.extract(rule.value(cone.target()));
    bdd.reset();
    Solution s;
    std::tie(s.unavailability, s.availability) = diagram.probability(p, q);
    s.birnbaum.assign(p.size(), 0.0);
    diagram.addDerivatives(p, q, 1.0, s.birnbaum);
    s.diagramSize = diagram.size();
    return s;
}

// An acyclic cone: its fault tree, one diagram per module (children first), each module a
// variable of its parents' diagrams, probabilities upward; then the derivatives downward by the
// chain rule, dP(top)/dp(v) = dP(top)/dP(module) x dP(module)/dp(v) for v in the module.
class ModuleSolver
{
public:
    ModuleSolver(const FaultTree &tree, std::span<const double> p, std::span<const double> q,
        Bdd &bdd, ProgressReporter &reporter)
        : m_gates(tree.gates()), m_p(p), m_q(q), m_bdd(bdd), m_reporter(reporter),
          m_modules(m_gates.size()), m_edge(m_gates.size(), Bdd::zero), m_local(m_gates.size(), -1),
          m_varLocal(p.size(), -1), m_position(m_gates.size(), -1), m_parents(m_gates.size(), 0),
          m_productOf(m_gates.size(), built)
    { }

    Solution solve()
    {
        for (std::size_t g = 0; g < m_gates.size(); ++g) {
            if (m_gates[g].module)
                build(std::int32_t(g));
        }
        const Module &top = m_modules.back();
        Solution s;
        s.unavailability = top.probability;
        s.availability = top.complement;
        s.birnbaum.assign(m_p.size(), 0.0);
        std::vector<double> weight(m_gates.size(), 0.0);
        weight.back() = 1.0;
        for (std::size_t g = m_gates.size(); g-- > 0;) {
            if (!m_gates[g].module)
                continue;
            const Module &m = m_modules[g];
            std::vector<double> d(m.variables.size(), 0.0);
            m.diagram.addDerivatives(m.p, m.q, weight[g], d);
            for (std::size_t v = 0; v < d.size(); ++v) {
                const FaultTree::Input i = m.variables[v];
                (FaultTree::isGate(i) ? weight[FaultTree::gateOf(i)] : s.birnbaum[i]) = d[v];
            }
            s.diagramSize += m.diagram.size();
        }
        return s;
    }

private:
    struct Module
    {
        Diagram diagram;
        std::vector<FaultTree::Input> variables; // what each of its variables stands for
        std::vector<double> p, q; // their probabilities of being true and false
        double probability = 0.0, complement = 1.0;
    };

    // The module's variables in the order SCRAM gives them: depth-first from its top, a gate's
    // gate inputs (recursively, a module as one variable) before its variable inputs; and its
    // gates children first.
    void order(std::int32_t top, Module &m, std::vector<std::int32_t> &gates)
    {
        const auto local = [&](FaultTree::Input i) {
            std::int32_t &slot =
                FaultTree::isGate(i) ? m_local[FaultTree::gateOf(i)] : m_varLocal[i];
            if (slot < 0) {
                slot = std::int32_t(m.variables.size());
                m.variables.push_back(i);
            }
        };
        std::vector<std::pair<std::int32_t, std::size_t>> stack {{top, 0}};
        m_local[top] = -2; // entered
        while (!stack.empty()) {
            auto &[g, next] = stack.back();
            const std::vector<FaultTree::Input> &inputs = m_gates[g].inputs;
            if (next < inputs.size()) {
                const FaultTree::Input i = inputs[next++];
                if (FaultTree::isGate(i)) {
                    const std::int32_t h = FaultTree::gateOf(i);
                    if (m_gates[h].module)
                        local(i);
                    else if (m_local[h] == -1) {
                        m_local[h] = -2;
                        stack.push_back({h, 0});
                    }
                }
                continue;
            }
            for (FaultTree::Input i : inputs) {
                if (!FaultTree::isGate(i))
                    local(i);
            }
            gates.push_back(g);
            stack.pop_back();
        }
    }

    // Reorders the variables of order(): the same depth-first walk, but a gate whose inputs are
    // all gates of the module visits the one with the most variables below it first. The large
    // gates of a module are the ones that share variables (the shared parts of redundant
    // trains); visiting them first puts the shared variables together near the top of the
    // order, and the diagram of a vote over the trains is then several times smaller (three
    // times on edf9204, twice on edfpa14o). Gates with variable inputs keep their order: there
    // the sort would scatter a wide or's small private gates (eight times larger on edf9202).
    void reorder(std::int32_t top, Module &m, std::span<const std::int32_t> gates)
    {
        const std::size_t n = m.variables.size(), words = (n + 63) / 64;
        const auto localOf = [&](FaultTree::Input i) {
            return FaultTree::isGate(i) ? m_local[FaultTree::gateOf(i)] : m_varLocal[i];
        };
        const auto inside = [&](FaultTree::Input i) {
            return FaultTree::isGate(i) && !m_gates[FaultTree::gateOf(i)].module;
        };
        // The variables below each gate of the module (children first, so one pass).
        std::vector<std::uint64_t> support(gates.size() * words, 0);
        std::vector<int> size(gates.size(), 0);
        for (std::size_t k = 0; k < gates.size(); ++k) {
            m_position[gates[k]] = std::int32_t(k);
            std::uint64_t *bits = &support[k * words];
            for (FaultTree::Input i : m_gates[gates[k]].inputs) {
                if (inside(i)) {
                    const std::uint64_t *below =
                        &support[std::size_t(m_position[FaultTree::gateOf(i)]) * words];
                    for (std::size_t w = 0; w < words; ++w)
                        bits[w] |= below[w];
                } else {
                    const std::int32_t l = localOf(i);
                    bits[l / 64] |= std::uint64_t(1) << (l % 64);
                }
            }
            for (std::size_t w = 0; w < words; ++w)
                size[k] += std::popcount(bits[w]);
        }
        std::vector<std::int32_t> rank(n, -1);
        std::int32_t next = 0;
        std::vector<std::uint8_t> visited(gates.size(), 0);
        struct Frame
        {
            std::int32_t gate;
            std::vector<std::int32_t> children; // positions in `gates`, in visiting order
            std::size_t next = 0;
        };
        const auto enter = [&](std::int32_t g) {
            Frame f {g, {}, 0};
            bool onlyGates = true;
            for (FaultTree::Input i : m_gates[g].inputs) {
                if (inside(i))
                    f.children.push_back(m_position[FaultTree::gateOf(i)]);
                else
                    onlyGates = false;
            }
            if (onlyGates) {
                std::stable_sort(f.children.begin(), f.children.end(),
                    [&](std::int32_t a, std::int32_t b) { return size[a] > size[b]; });
            }
            visited[m_position[g]] = 1;
            return f;
        };
        std::vector<Frame> stack;
        stack.push_back(enter(top));
        while (!stack.empty()) {
            Frame &f = stack.back();
            if (f.next < f.children.size()) {
                const std::int32_t c = f.children[f.next++];
                if (!visited[c])
                    stack.push_back(enter(gates[c]));
                continue;
            }
            for (FaultTree::Input i : m_gates[f.gate].inputs) {
                if (!inside(i) && rank[localOf(i)] < 0)
                    rank[localOf(i)] = next++;
            }
            stack.pop_back();
        }
        std::vector<FaultTree::Input> variables(n);
        for (std::size_t l = 0; l < n; ++l)
            variables[rank[l]] = m.variables[l];
        m.variables = std::move(variables);
        for (std::size_t l = 0; l < n; ++l) {
            const FaultTree::Input i = m.variables[l];
            (FaultTree::isGate(i) ? m_local[FaultTree::gateOf(i)] : m_varLocal[i]) =
                std::int32_t(l);
        }
    }

    // Marks the gates to build as sums of products (see SumOfProducts): an or (and) gate with
    // inputs that are and (or) gates of the module used by it alone, at most maxLeaves distinct
    // inputs in all; those inputs are absorbed, never built on their own. Parents first, so an
    // absorbed gate is not itself a sum of products.
    void planProducts(std::span<const std::int32_t> gates)
    {
        for (std::int32_t g : gates) {
            m_productOf[g] = 0;
            for (FaultTree::Input i : m_gates[g].inputs) {
                if (FaultTree::isGate(i))
                    m_parents[FaultTree::gateOf(i)] = 0;
            }
        }
        for (std::int32_t g : gates) {
            for (FaultTree::Input i : m_gates[g].inputs) {
                if (FaultTree::isGate(i))
                    ++m_parents[FaultTree::gateOf(i)];
            }
        }
        std::vector<FaultTree::Input> leaves;
        for (auto it = gates.rbegin(); it != gates.rend(); ++it) {
            const std::int32_t g = *it;
            const FaultTree::Gate &gate = m_gates[g];
            if (m_productOf[g] == absorbed || gate.kind == FaultTree::Kind::AtLeast)
                continue;
            leaves.clear();
            bool any = false;
            for (FaultTree::Input i : gate.inputs) {
                if (absorbable(gate, i)) {
                    any = true;
                    const std::vector<FaultTree::Input> &below =
                        m_gates[FaultTree::gateOf(i)].inputs;
                    leaves.insert(leaves.end(), below.begin(), below.end());
                } else {
                    leaves.push_back(i);
                }
            }
            std::sort(leaves.begin(), leaves.end());
            leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
            if (!any || leaves.size() > SumOfProducts::maxLeaves)
                continue;
            m_productOf[g] = sum;
            for (FaultTree::Input i : gate.inputs) {
                if (absorbable(gate, i))
                    m_productOf[FaultTree::gateOf(i)] = absorbed;
            }
        }
    }

    bool absorbable(const FaultTree::Gate &parent, FaultTree::Input i) const
    {
        if (!FaultTree::isGate(i))
            return false;
        const FaultTree::Gate &child = m_gates[FaultTree::gateOf(i)];
        const FaultTree::Kind dual = parent.kind == FaultTree::Kind::Or ? FaultTree::Kind::And
                                                                        : FaultTree::Kind::Or;
        return !child.module && child.kind == dual && m_parents[FaultTree::gateOf(i)] == 1;
    }

    // The or of ands (the and of ors, negated twice) of gate g, whose absorbed inputs are
    // expanded into their own inputs.
    template<typename EdgeOf>
    Bdd::Edge buildProducts(const FaultTree::Gate &gate, const EdgeOf &edgeOf)
    {
        const bool negated = gate.kind == FaultTree::Kind::And;
        std::vector<FaultTree::Input> inputs;
        std::vector<Bdd::Edge> leaves;
        std::vector<std::uint64_t> terms;
        const auto leaf = [&](FaultTree::Input i) {
            const auto at = std::find(inputs.begin(), inputs.end(), i);
            if (at != inputs.end())
                return std::uint64_t(1) << (at - inputs.begin());
            inputs.push_back(i);
            leaves.push_back(negated ? Bdd::negate(edgeOf(i)) : edgeOf(i));
            return std::uint64_t(1) << (inputs.size() - 1);
        };
        for (FaultTree::Input i : gate.inputs) {
            std::uint64_t term = 0;
            if (FaultTree::isGate(i) && m_productOf[FaultTree::gateOf(i)] == absorbed) {
                for (FaultTree::Input j : m_gates[FaultTree::gateOf(i)].inputs)
                    term |= leaf(j);
            } else {
                term = leaf(i);
            }
            terms.push_back(term);
        }
        const Bdd::Edge f = SumOfProducts(m_bdd, leaves, std::move(terms)).solve();
        return negated ? Bdd::negate(f) : f;
    }

    // Collects the Bdd's garbage when it has grown enough since the last time: the diagrams of
    // the module's gates `built` and `pending` stay.
    void collectGarbage(std::span<const std::int32_t> built, std::vector<Bdd::Edge> &pending)
    {
        if (m_bdd.nodeCount() < m_collectAt)
            return;
        std::vector<Bdd::Edge *> roots;
        for (std::int32_t g : built)
            roots.push_back(&m_edge[g]);
        for (Bdd::Edge &e : pending)
            roots.push_back(&e);
        m_bdd.collect(roots);
        m_collectAt = std::max(minCollect, 2 * m_bdd.nodeCount());
    }

    void build(std::int32_t top)
    {
        Module &m = m_modules[top];
        std::vector<std::int32_t> gates;
        order(top, m, gates);
        reorder(top, m, gates);
        planProducts(gates);
        m_bdd.reset(gates.size() * 16);
        const auto edgeOf = [&](FaultTree::Input i) {
            if (!FaultTree::isGate(i))
                return m_bdd.variable(m_varLocal[i]);
            const std::int32_t h = FaultTree::gateOf(i);
            return m_gates[h].module ? m_bdd.variable(m_local[h]) : m_edge[h];
        };
        BddAlgebra algebra {m_bdd, {}};
        m_collectAt = minCollect;
        std::vector<Bdd::Edge> none;
        for (std::size_t k = 0; k < gates.size(); ++k) {
            const std::int32_t g = gates[k];
            const FaultTree::Gate &gate = m_gates[g];
            if (m_productOf[g] != built) {
                if (m_productOf[g] == sum) {
                    m_edge[g] = buildProducts(gate, edgeOf);
                    collectGarbage(std::span(gates).first(k + 1), none);
                }
                m_reporter.step();
                continue;
            }
            std::vector<Bdd::Edge> inputs;
            for (FaultTree::Input i : gate.inputs)
                inputs.push_back(edgeOf(i));
            Bdd::Edge f = Bdd::zero;
            if (gate.kind != FaultTree::Kind::AtLeast) {
                // Pairwise, as a balanced tree: folding one by one would carry a growing
                // diagram through every step.
                const bool isOr = gate.kind == FaultTree::Kind::Or;
                while (inputs.size() > 1) {
                    std::vector<Bdd::Edge> next;
                    for (std::size_t j = 0; j + 1 < inputs.size(); j += 2)
                        next.push_back(isOr ? m_bdd.orOf(inputs[j], inputs[j + 1])
                                            : m_bdd.andOf(inputs[j], inputs[j + 1]));
                    if (inputs.size() % 2)
                        next.push_back(inputs.back());
                    inputs.swap(next);
                    collectGarbage(std::span(gates).first(k), inputs);
                }
                f = inputs.empty() ? (isOr ? Bdd::zero : Bdd::one) : inputs[0];
            } else {
                std::vector<const Bdd::Edge *> operands;
                for (const Bdd::Edge &e : inputs)
                    operands.push_back(&e);
                f = atLeast(algebra, gate.m, std::span<const Bdd::Edge *const>(operands));
            }
            m_edge[g] = f;
            collectGarbage(std::span(gates).first(k + 1), none);
            m_reporter.step();
        }
        m.diagram = m_bdd.extract(m_edge[top]);
        m_bdd.reset();
        for (FaultTree::Input i : m.variables) {
            const Module *sub = FaultTree::isGate(i) ? &m_modules[FaultTree::gateOf(i)] : nullptr;
            m.p.push_back(sub ? sub->probability : m_p[i]);
            m.q.push_back(sub ? sub->complement : m_q[i]);
        }
        std::tie(m.probability, m.complement) = m.diagram.probability(m.p, m.q);
    }

    std::span<const FaultTree::Gate> m_gates;
    std::span<const double> m_p, m_q;
    Bdd &m_bdd;
    ProgressReporter &m_reporter;
    std::vector<Module> m_modules; // per gate; used for modules only
    std::vector<Bdd::Edge> m_edge; // per gate of the module being built
    std::vector<std::int32_t> m_local; // per gate: its variable in its parent module
    std::vector<std::int32_t> m_varLocal; // per variable: its variable in its module
    std::vector<std::int32_t> m_position; // per gate: its place in its module's gate list
    std::vector<int> m_parents; // per gate: how many gates of its module use it
    // Per gate: built pairwise, as a sum of products, or absorbed into its parent's.
    static constexpr std::uint8_t built = 0, sum = 1, absorbed = 2;
    std::vector<std::uint8_t> m_productOf;
    // Garbage is collected when the Bdd reaches this many nodes (at least minCollect).
    static constexpr std::size_t minCollect = 1 << 18;
    std::size_t m_collectAt = minCollect;
};

bool hasCycle(const Cone &cone)
{
    for (int i = 0; i < cone.partCount(); ++i) {
        if (cone.part(i).size() > 1)
            return true;
    }
    return false;
}

} // namespace

AvailabilityReport availability(
    const Map &map, const ImpactGraph &graph, ComponentIndex target, const ProgressFn &progress)
{
    const Cone cone(graph, target.value);
    AvailabilityReport report;
    report.target = target;
    report.coneSize = cone.size();

    // Variables: the cone members that can fail, in depth-first order from the target. Each
    // fails with p = 1 - availability and stays up with q = availability.
    std::vector<std::int32_t> variableOf(graph.size(), -1);
    std::vector<std::int32_t> componentOf;
    std::vector<double> failure, success;
    for (std::int32_t c : cone.preorder()) {
        const double a = map.components()[c].availability.value_or(1.0);
        if (a < 1.0) {
            variableOf[c] = std::int32_t(componentOf.size());
            componentOf.push_back(c);
            failure.push_back(std::clamp(1.0 - a, 0.0, 1.0));
            success.push_back(std::clamp(a, 0.0, 1.0));
        }
    }
    report.variableCount = int(componentOf.size());

    Bdd bdd;
    Solution s;
    if (hasCycle(cone)) {
        ProgressReporter reporter(progress, cone.size(), 16);
        bdd.setPoll([&] { reporter.poll(); });
        s = solveCyclic(graph, cone, variableOf, failure, success, bdd, reporter);
        reporter.finish();
    } else {
        const FaultTree tree(graph, cone, variableOf);
        ProgressReporter reporter(progress, int(tree.gates().size()), 16);
        bdd.setPoll([&] { reporter.poll(); });
        if (tree.isConstant()) {
            s.unavailability = tree.constantValue() ? 1.0 : 0.0;
            s.availability = 1.0 - s.unavailability;
            s.birnbaum.assign(failure.size(), 0.0);
        } else {
            s = ModuleSolver(tree, failure, success, bdd, reporter).solve();
        }
        reporter.finish();
    }
    report.diagramSize = int(s.diagramSize);
    report.nodesBuilt = std::int64_t(bdd.createdCount());
    report.unavailability = s.unavailability;
    report.availability = s.availability;
    report.downtimeMinutesPerYear = report.unavailability * minutesPerYear;

    const std::vector<double> &birnbaum = s.birnbaum;
    for (int v = 0; v < report.variableCount; ++v) {
        AvailabilityContributor c;
        c.component = ComponentIndex(componentOf[v]);
        c.unavailability = failure[v];
        c.birnbaum = birnbaum[v];
        c.contribution = birnbaum[v] * failure[v];
        c.criticality = report.unavailability > 0.0 ? c.contribution / report.unavailability : 0.0;
        if (c.criticality > 0.0)
            report.contributors.push_back(c);
    }
    std::sort(report.contributors.begin(), report.contributors.end(),
        [](const AvailabilityContributor &a, const AvailabilityContributor &b) {
            if (a.criticality != b.criticality)
                return a.criticality > b.criticality;
            return a.component < b.component;
        });
    return report;
}

AvailabilityReport availabilityContributors(const Map &map, const ImpactGraph &graph,
    ComponentIndex target, int limit, const ProgressFn &progress)
{
    AvailabilityReport report = availability(map, graph, target, progress);
    // Criticality is contribution / U(target), so availability() ranks in nearly this order; the
    // division can swap near-ties, and the list shows contributions, so rank those exactly.
    std::stable_sort(report.contributors.begin(), report.contributors.end(),
        [](const AvailabilityContributor &a, const AvailabilityContributor &b) {
            return a.contribution > b.contribution;
        });
    if (limit >= 0 && report.contributors.size() > std::size_t(limit))
        report.contributors.resize(std::size_t(limit));
    return report;
}

AvailabilityReport availabilityContributors(const Map &map, ComponentIndex target, int limit)
{
    const ImpactGraph graph(map);
    return availabilityContributors(map, graph, target, limit);
}

} // namespace faultline
