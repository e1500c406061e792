#pragma once

#include "model/impact/graph.h"

#include <algorithm>
#include <span>
#include <vector>

namespace faultline {

// "At least m of the operands": g[j] holds "j of the operands seen so far"; an operand either
// joins (g[j-1] and it) or not, and only the j that can still reach m are kept, so it costs
// about m x (n - m + 1) operations. The one definition of k-of-n over an algebra (see
// DownRule); m <= 0 is "always", m > n "never".
template<typename Algebra>
typename Algebra::Value atLeast(
    Algebra &algebra, int m, std::span<const typename Algebra::Value *const> operands)
{
    using Value = typename Algebra::Value;
    const int n = int(operands.size());
    if (m <= 0)
        return algebra.always();
    if (m > n)
        return algebra.never();
    std::vector<Value> g(std::size_t(m) + 1, algebra.never());
    g[0] = algebra.always();
    for (int i = 0; i < n; ++i) {
        const int low = std::max(1, m - (n - i - 1));
        for (int j = std::min(i + 1, m); j >= low; --j) {
            if (algebra.isNever(g[j - 1]) || algebra.isNever(*operands[i]))
                continue;
            g[j] = algebra.either(g[j], algebra.both(g[j - 1], *operands[i]));
        }
    }
    return std::move(g[m]);
}

// DESIGN.md's "down" rule as a formula over an algebra, for the analyses that reason about all
// failure sets at once: down(c) is "c failed", or down(its parent), or "more than n - k of its
// n hard dependencies down" (require k; nothing when k = 0). The algebra says what a value is:
// a decision diagram (availability, cycles), a family of minimal cut sets (cutsets.cpp), a gate
// of a fault tree (faulttree.cpp). DownEvaluator applies the same rule to one failure set, and
// ImpactEngine all of DESIGN.md's rules; tst_analysis checks all three agree.
//
// An Algebra provides `Value`, `never()`, `always()`, `isNever(v)`, `failed(c)` ("c failed";
// never for a component that cannot fail), `either(a, b)`, `both(a, b)`, `same(a, b)` (for
// the fixed point), and may provide its own `atLeast(m, operands)`; otherwise atLeast() above
// expands it into either/both.
//
// Cycles: components are solved in the order of the cone's strongly connected parts (each
// after everything it needs); a part with several members is iterated from "never down" until
// its values stop changing: the least fixed point of the rules, the states that rise from all
// up (a cycle alone never holds itself down).
template<typename Algebra>
class DownRule
{
public:
    using Value = typename Algebra::Value;

    DownRule(const ImpactGraph &graph, Algebra &algebra)
        : m_graph(graph), m_algebra(algebra), m_values(graph.size(), algebra.never())
    { }

    // down(c) from the current values of what it needs.
    Value formula(std::int32_t c)
    {
        Value f = m_algebra.failed(c);
        if (const std::int32_t p = m_graph.parent(c); p >= 0)
            f = m_algebra.either(f, m_values[p]);
        if (const int k = m_graph.required(c); k >= 1) {
            std::vector<const Value *> operands;
            operands.reserve(std::size_t(m_graph.hardCount(c)));
            for (const ImpactGraph::Edge &e : m_graph.dependencies(c)) {
                if (e.hard)
                    operands.push_back(&m_values[e.other]);
            }
            const int m = int(operands.size()) - k + 1;
            if constexpr (requires { m_algebra.atLeast(m, std::span(operands)); })
                f = m_algebra.either(f, m_algebra.atLeast(m, std::span(operands)));
            else
                f = m_algebra.either(
                    f, faultline::atLeast(m_algebra, m, std::span<const Value *const>(operands)));
        }
        return f;
    }

    // Solves one strongly connected part of the cone (Cone::part), whose needs outside it are
    // solved already.
    void solve(std::span<const std::int32_t> part)
    {
        if (part.size() == 1) { // no component needs itself (validate()): one pass is final
            m_values[part[0]] = formula(part[0]);
            return;
        }
        bool changed = true;
        while (changed) {
            changed = false;
            for (std::int32_t c : part) {
                Value f = formula(c);
                if (!m_algebra.same(f, m_values[c])) {
                    m_values[c] = std::move(f);
                    changed = true;
                }
            }
        }
    }

    const Value &value(std::int32_t c) const { return m_values[c]; }

private:
    const ImpactGraph &m_graph;
    Algebra &m_algebra;
    std::vector<Value> m_values;
};

} // namespace faultline
