#include "model/analysis/faulttree.h"

#include "model/analysis/downrule.h"

#include <algorithm>
#include <climits>
#include <map>

namespace faultline {

namespace {

using Gate = FaultTree::Gate;
using Input = FaultTree::Input;
using Kind = FaultTree::Kind;

constexpr Input falseInput = INT32_MIN; // never a gate: there are fewer gates
constexpr Input trueInput = INT32_MIN + 1;
constexpr Input notCopied = INT32_MIN + 2;
bool isConstantInput(Input i)
{
    return i == falseInput || i == trueInput;
}

// Appends a gate "at least m of the inputs" (m = 1 for or, m = n for and, whatever m is given)
// with its constant inputs folded, and returns it; or the constant or the single input it
// comes down to.
Input addGate(std::vector<Gate> &gates, Kind kind, int m, std::vector<Input> inputs)
{
    std::vector<Input> kept;
    int n = int(inputs.size());
    if (kind == Kind::Or)
        m = 1;
    else if (kind == Kind::And)
        m = n;
    for (Input i : inputs) {
        if (i == trueInput)
            --m, --n;
        else if (i == falseInput)
            --n;
        else
            kept.push_back(i);
    }
    if (m <= 0)
        return trueInput;
    if (m > n)
        return falseInput;
    if (n == 1)
        return kept[0];
    kind = m == 1 ? Kind::Or : m == n ? Kind::And : Kind::AtLeast;
    gates.push_back({kind, m, std::move(kept), false});
    return ~std::int32_t(gates.size() - 1);
}

// DownRule's algebra whose values are inputs of a growing list of gates, with constants folded.
class GateAlgebra
{
public:
    using Value = Input;

    GateAlgebra(std::span<const std::int32_t> variableOf, std::vector<Gate> &gates)
        : m_variableOf(variableOf), m_gates(gates)
    { }

    static Input never() { return falseInput; }
    static Input always() { return trueInput; }
    static bool isNever(Input v) { return v == falseInput; }
    Input failed(std::int32_t c) const
    {
        return m_variableOf[c] >= 0 ? m_variableOf[c] : falseInput;
    }
    static bool same(Input a, Input b) { return a == b; }
    Input either(Input a, Input b) { return a == b ? a : addGate(m_gates, Kind::Or, 1, {a, b}); }
    Input both(Input a, Input b) { return a == b ? a : addGate(m_gates, Kind::And, 2, {a, b}); }
    // A gate of its own rather than atLeast()'s expansion: the decision diagram of the gate
    // is built by that expansion later, after the variables are ordered.
    Input atLeast(int m, std::span<const Input *const> operands)
    {
        std::vector<Input> inputs;
        for (const Input *o : operands)
            inputs.push_back(*o);
        return addGate(m_gates, Kind::AtLeast, m, std::move(inputs));
    }

private:
    std::span<const std::int32_t> m_variableOf;
    std::vector<Gate> &m_gates;
};

// The gates reachable from `root`, children first (depth-first post-order, inputs in order).
std::vector<std::int32_t> postOrder(const std::vector<Gate> &gates, std::int32_t root)
{
    std::vector<std::int32_t> order;
    std::vector<std::uint8_t> seen(gates.size(), 0);
    std::vector<std::pair<std::int32_t, std::size_t>> stack {{root, 0}};
    seen[root] = 1;
    while (!stack.empty()) {
        auto &[g, next] = stack.back();
        if (next < gates[g].inputs.size()) {
            const Input i = gates[g].inputs[next++];
            if (FaultTree::isGate(i) && !seen[FaultTree::gateOf(i)]) {
                seen[FaultTree::gateOf(i)] = 1;
                stack.push_back({FaultTree::gateOf(i), 0});
            }
            continue;
        }
        order.push_back(g);
        stack.pop_back();
    }
    return order;
}

} // namespace

FaultTree::FaultTree(
    const ImpactGraph &graph, const Cone &cone, std::span<const std::int32_t> variableOf)
{
    GateAlgebra algebra(variableOf, m_gates);
    DownRule<GateAlgebra> rule(graph, algebra);
    for (int i = 0; i < cone.partCount(); ++i)
        rule.solve(cone.part(i));
    Input root = rule.value(cone.target());
    if (isGate(root))
        root = simplify(gateOf(root));
    if (isGate(root))
        root = decompose(gateOf(root));
    if (isGate(root))
        root = simplify(gateOf(root));
    if (isConstantInput(root)) {
        m_constant = root == trueInput;
        m_gates.clear();
        return;
    }
    if (!isGate(root)) { // the target alone: a gate of one input keeps one shape for all
        m_gates.assign(1, Gate {Kind::Or, 1, {root}, true});
        return;
    }
    groupModularInputs();
    findModules();
}

Input FaultTree::simplify(std::int32_t root)
{
    std::vector<Gate> &raw = m_gates;
    const std::vector<std::int32_t> order = postOrder(raw, root);
    std::vector<int> parents(raw.size(), 0);
    for (std::int32_t g : order) {
        for (Input i : raw[g].inputs) {
            if (isGate(i))
                ++parents[gateOf(i)];
        }
    }
    // Children first, so that an input is final when its parent reads it: what each gate
    // comes down to (itself, a constant or one of its inputs), and absorbed inputs. Inputs
    // keep their order (the variable order follows it); repeats of an or/and input go.
    std::vector<Input> resolved(raw.size(), 0);
    std::map<std::vector<Input>, Input> known;
    std::vector<std::int32_t> seenIn(raw.size(), -1);
    std::vector<std::int32_t> seenVarIn;
    for (std::int32_t g : order) {
        Gate &gate = raw[g];
        std::vector<Input> inputs;
        for (Input i : gate.inputs) {
            if (isGate(i))
                i = resolved[gateOf(i)];
            if (isGate(i) && gate.kind != Kind::AtLeast && raw[gateOf(i)].kind == gate.kind
                && parents[gateOf(i)] == 1) {
                const std::vector<Input> &absorbed = raw[gateOf(i)].inputs;
                inputs.insert(inputs.end(), absorbed.begin(), absorbed.end());
            } else {
                inputs.push_back(i);
            }
        }
        std::vector<Input> unique;
        for (Input i : inputs) {
            if (gate.kind != Kind::AtLeast && !isConstantInput(i)) {
                std::int32_t &mark = isGate(i) ? seenIn[gateOf(i)] : [&]() -> std::int32_t & {
                    if (std::size_t(i) >= seenVarIn.size())
                        seenVarIn.resize(std::size_t(i) + 1, -1);
                    return seenVarIn[i];
                }();
                if (mark == g)
                    continue;
                mark = g;
            }
            unique.push_back(i);
        }
        // Fold in place: a gate that stays a gate keeps its number.
        const std::size_t before = raw.size();
        const Input folded = addGate(raw, gate.kind, gate.m, std::move(unique));
        if (isGate(folded) && std::size_t(gateOf(folded)) == before) {
            raw[g] = std::move(raw.back()); // `gate` may dangle after addGate
            raw.pop_back();
            // Gates with the same inputs (in any order) are one gate: SCRAM's detection of
            // multiple definitions, which lets the inputs below them be modules.
            std::vector<Input> key = raw[g].inputs;
            std::sort(key.begin(), key.end());
            key.push_back(Input(raw[g].kind));
            key.push_back(raw[g].m);
            resolved[g] = known.try_emplace(std::move(key), ~g).first->second;
        } else {
            resolved[g] = folded;
        }
    }
    const Input top = resolved[root];
    if (!isGate(top))
        return top;
    compact(gateOf(top));
    return ~std::int32_t(m_gates.size() - 1);
}

// Rauzy's decomposition of common nodes: where x is an input of an or gate B and also lies
// below another input of B, B = x or R(x) = x or R(false), so x can be taken as false
// everywhere below B (true below an and gate). The gates on the way from B to x are copied
// with x replaced (others may share them), and constants folded. A node then has fewer
// parents, and parts of the tree that shared it become independent modules.
Input FaultTree::decompose(std::int32_t root)
{
    const std::size_t limit = 4 * m_gates.size() + 1024; // copies stop there
    std::vector<std::int32_t> order = postOrder(m_gates, root);
    std::vector<Input> candidates;
    {
        std::vector<int> gateParents(m_gates.size(), 0), varParents;
        for (std::int32_t g : order) {
            for (Input i : m_gates[g].inputs) {
                if (isGate(i)) {
                    ++gateParents[gateOf(i)];
                } else {
                    if (std::size_t(i) >= varParents.size())
                        varParents.resize(std::size_t(i) + 1, 0);
                    ++varParents[i];
                }
            }
        }
        for (std::size_t i = 0; i < varParents.size(); ++i) {
            if (varParents[i] > 1)
                candidates.push_back(Input(i));
        }
        for (std::int32_t g : order) {
            if (gateParents[g] > 1)
                candidates.push_back(~g);
        }
    }
    for (Input x : candidates) {
        if (m_gates.size() > limit)
            break;
        order = postOrder(m_gates, root);
        // Which gates reach x: children first, so one pass.
        std::vector<std::uint8_t> reaches(m_gates.size(), 0);
        std::vector<std::int32_t> parents;
        for (std::int32_t g : order) {
            for (Input i : m_gates[g].inputs) {
                if (i == x)
                    reaches[g] = 2; // a parent
                else if (isGate(i) && reaches[gateOf(i)] && !reaches[g])
                    reaches[g] = 1;
            }
            if (reaches[g] == 2)
                parents.push_back(g);
        }
        if (parents.size() < 2)
            continue;
        for (std::int32_t b : parents) {
            if (m_gates[b].kind == Kind::AtLeast)
                continue;
            const Input value = m_gates[b].kind == Kind::Or ? falseInput : trueInput;
            std::vector<Input> copies(reaches.size(), notCopied);
            std::vector<Input> inputs = m_gates[b].inputs;
            bool changed = false;
            for (Input &i : inputs) {
                if (i != x && isGate(i) && reaches[gateOf(i)]) {
                    i = substitute(gateOf(i), x, value, reaches, copies);
                    changed = true;
                }
            }
            if (!changed)
                continue;
            const Kind kind = m_gates[b].kind;
            const Input folded = addGate(m_gates, kind, 1, std::move(inputs));
            // b keeps its number: it becomes the folded gate, or a gate of one input, or a
            // constant (an or of nothing is false, an and of nothing true).
            if (isGate(folded) && std::size_t(gateOf(folded)) == m_gates.size() - 1) {
                m_gates[b] = std::move(m_gates.back());
                m_gates.pop_back();
            } else if (isConstantInput(folded)) {
                m_gates[b] = {folded == trueInput ? Kind::And : Kind::Or, 1, {}, false};
            } else {
                m_gates[b] = {Kind::Or, 1, {folded}, false};
            }
        }
    }
    return ~root;
}

// g below x's parent, with x replaced by `value`: copies of the gates that reach x.
Input FaultTree::substitute(std::int32_t g, Input x, Input value,
    const std::vector<std::uint8_t> &reaches, std::vector<Input> &copies)
{
    if (copies[g] != notCopied)
        return copies[g];
    std::vector<Input> inputs = m_gates[g].inputs;
    for (Input &i : inputs) {
        if (i == x)
            i = value;
        else if (isGate(i) && std::size_t(gateOf(i)) < reaches.size() && reaches[gateOf(i)])
            i = substitute(gateOf(i), x, value, reaches, copies);
    }
    const Gate &gate = m_gates[g];
    const Input copy = addGate(m_gates, gate.kind, gate.m, std::move(inputs));
    copies[g] = copy;
    return copy;
}

// Keeps the gates reachable from `root`, renumbered children first.
void FaultTree::compact(std::int32_t root)
{
    std::vector<Gate> &raw = m_gates;
    const std::vector<std::int32_t> kept = postOrder(raw, root);
    std::vector<std::int32_t> renumber(raw.size(), -1);
    for (std::size_t k = 0; k < kept.size(); ++k)
        renumber[kept[k]] = std::int32_t(k);
    std::vector<Gate> gates;
    gates.reserve(kept.size());
    for (std::int32_t g : kept) {
        Gate gate = std::move(raw[g]);
        for (Input &i : gate.inputs) {
            if (isGate(i))
                i = ~renumber[gateOf(i)];
        }
        gates.push_back(std::move(gate));
    }
    m_gates = std::move(gates);
}

// Dutuit and Rauzy: a depth-first walk from the top dates each visit of a node; a gate is a
// module when every visit of its descendants falls between its first visit and the end of its
// own walk, i.e. nothing outside reaches them.
FaultTree::Dates FaultTree::date() const
{
    const std::size_t gateCount = m_gates.size();
    std::int32_t variables = 0;
    for (const Gate &g : m_gates) {
        for (Input i : g.inputs)
            variables = std::max(variables, isGate(i) ? 0 : i + 1);
    }
    Dates d;
    d.enter.assign(gateCount, 0);
    d.exit.assign(gateCount, 0);
    d.last.assign(gateCount, 0);
    d.varFirst.assign(std::size_t(variables), 0);
    d.varLast.assign(std::size_t(variables), 0);
    std::int32_t time = 0;
    const std::int32_t top = std::int32_t(gateCount - 1);
    std::vector<std::pair<std::int32_t, std::size_t>> stack {{top, 0}};
    d.enter[top] = d.last[top] = ++time;
    while (!stack.empty()) {
        auto &[g, next] = stack.back();
        if (next == m_gates[g].inputs.size()) {
            d.exit[g] = ++time;
            stack.pop_back();
            continue;
        }
        const Input i = m_gates[g].inputs[next++];
        ++time;
        if (!isGate(i)) {
            if (d.varFirst[i] == 0)
                d.varFirst[i] = time;
            d.varLast[i] = time;
            continue;
        }
        const std::int32_t h = gateOf(i);
        d.last[h] = time;
        if (d.enter[h] == 0) {
            d.enter[h] = time;
            stack.push_back({h, 0});
        }
    }
    // Children first: the earliest and latest visit of anything below each gate.
    d.low.assign(gateCount, INT32_MAX);
    d.high.assign(gateCount, 0);
    for (std::size_t g = 0; g < gateCount; ++g) {
        for (Input i : m_gates[g].inputs) {
            const auto [from, to] = d.span(i);
            d.low[g] = std::min(d.low[g], from);
            d.high[g] = std::max(d.high[g], to);
        }
    }
    return d;
}

void FaultTree::findModules()
{
    const Dates d = date();
    for (std::size_t g = 0; g < m_gates.size(); ++g)
        m_gates[g].module = d.low[g] > d.enter[g] && d.high[g] < d.exit[g];
    m_gates.back().module = true;
}

// SCRAM's grouping of modular arguments: the inputs of an or (and) gate whose descendants are
// reached from nowhere else fall into clusters that share nothing with one another (their
// visit dates do not overlap); a cluster of several inputs, but not all, becomes a gate of the
// same kind of its own, a module, so that it is one variable in the gate's diagram.
void FaultTree::groupModularInputs()
{
    const Dates d = date();
    const std::size_t gateCount = m_gates.size();
    for (std::size_t g = 0; g < gateCount; ++g) {
        if (m_gates[g].kind == Kind::AtLeast || m_gates[g].inputs.size() < 3)
            continue;
        const std::vector<Input> inputs = m_gates[g].inputs;
        std::vector<std::size_t> byStart(inputs.size());
        for (std::size_t k = 0; k < inputs.size(); ++k)
            byStart[k] = k;
        std::sort(byStart.begin(), byStart.end(), [&](std::size_t a, std::size_t b) {
            return d.span(inputs[a]).first < d.span(inputs[b]).first;
        });
        // Sweep the inputs by first visit; a cluster ends where no visit overlaps the next.
        std::vector<std::int32_t> cluster(inputs.size(), -1);
        std::vector<std::uint8_t> clusterModular;
        std::int32_t end = -1;
        for (std::size_t k : byStart) {
            const auto [from, to] = d.span(inputs[k]);
            if (clusterModular.empty() || from > end) {
                clusterModular.push_back(1);
                end = to;
            }
            end = std::max(end, to);
            cluster[k] = std::int32_t(clusterModular.size() - 1);
            if (from <= d.enter[g] || to >= d.exit[g])
                clusterModular.back() = 0;
        }
        int modular = 0;
        for (std::size_t k = 0; k < inputs.size(); ++k)
            modular += clusterModular[cluster[k]];
        if (modular < 2 || modular == int(inputs.size()))
            continue;
        // The modular clusters share nothing with anything else: together, one new module.
        std::vector<Input> kept;
        Input group = 0;
        for (std::size_t k = 0; k < inputs.size(); ++k) {
            if (!clusterModular[cluster[k]]) {
                kept.push_back(inputs[k]);
                continue;
            }
            if (group == 0) {
                m_gates.push_back({m_gates[g].kind, 1, {}, false});
                group = ~std::int32_t(m_gates.size() - 1);
                kept.push_back(group);
            }
            m_gates[gateOf(group)].inputs.push_back(inputs[k]);
        }
        m_gates[g].inputs = std::move(kept);
    }
    if (m_gates.size() > gateCount)
        compact(std::int32_t(gateCount - 1));
}

} // namespace faultline
