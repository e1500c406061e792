#pragma once

#include "model/analysis/cone.h"
#include "model/impact/graph.h"

#include <cstdint>
#include <span>
#include <vector>

namespace faultline {

// A target's down function as a fault tree: DownRule's formulas over an acyclic cone, written
// as gates (or, and, at least m of) over variables (the cone members that can fail), then
// simplified the way fault-tree tools prepare a tree for decision diagrams:
// - constants folded (a component that cannot fail and needs nothing is never down);
// - an or (and) gate that is the only parent of an or (and) gate absorbs its inputs, so a chain
//   of parents and all-required groups becomes one wide gate;
// - at-least gates with m = 1 or m = n become or and gates;
// - independent modules found (Dutuit and Rauzy's linear-time algorithm): a gate whose
//   descendants are reached from nowhere else. A module's function can be computed on its own
//   and stand for one variable in its parents' (availability.cpp).
// Gates are kept children first, the top gate last.
class FaultTree
{
public:
    enum class Kind : std::uint8_t { Or, And, AtLeast };
    // An input is a variable (>= 0) or a gate (~index, < 0). While the tree is built, values
    // below -2^30 stand for the constants.
    using Input = std::int32_t;
    static bool isGate(Input i) { return i < 0 && i >= -(1 << 30); }
    static std::int32_t gateOf(Input i) { return ~i; }

    struct Gate
    {
        Kind kind = Kind::Or;
        int m = 1; // AtLeast: how many inputs must be true
        std::vector<Input> inputs;
        bool module = false;
    };

    // variableOf[c]: the variable of cone member c, or -1 when it cannot fail. The cone must
    // have no cycle (every Cone::part of one member).
    FaultTree(const ImpactGraph &graph, const Cone &cone, std::span<const std::int32_t> variableOf);

    // When the top is a constant ("never down" or "always down") there are no gates.
    bool isConstant() const { return m_gates.empty(); }
    bool constantValue() const { return m_constant; }
    // Otherwise the top gate is the last one, and a module.
    std::span<const Gate> gates() const { return m_gates; }

private:
    // The dates of a depth-first walk from the top gate (see findModules()).
    struct Dates
    {
        std::vector<std::int32_t> enter, exit, last; // per gate
        std::vector<std::int32_t> low, high; // per gate: earliest and latest visit below it
        std::vector<std::int32_t> varFirst, varLast; // per variable
        // The first and last visit of an input and everything below it.
        std::pair<std::int32_t, std::int32_t> span(Input i) const
        {
            if (!isGate(i))
                return {varFirst[i], varLast[i]};
            const std::int32_t g = gateOf(i);
            return {std::min(enter[g], low[g]), std::max(last[g], high[g])};
        }
    };

    // Each returns the new top: a gate, a variable or a constant.
    Input simplify(std::int32_t root);
    Input decompose(std::int32_t root);
    Input substitute(std::int32_t g, Input x, Input value, const std::vector<std::uint8_t> &reaches,
        std::vector<Input> &copies);
    void compact(std::int32_t root);
    Dates date() const;
    void groupModularInputs();
    void findModules();

    std::vector<Gate> m_gates;
    bool m_constant = false;
};

} // namespace faultline
