#pragma once

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/map/ids.h"

#include <cstdint>
#include <vector>

namespace faultline {

// Exposed components (DESIGN.md, "Impact rules"): a component that is up but whose
// hard-dependency cone (its hard dependencies and its parent, followed transitively, whatever
// their states) holds an at-risk component. It still works, but one more failure may take it
// down. Not a state: it changes no rule, and only reads a result.
class Exposure
{
public:
    Exposure() = default;
    // Linear in the map: one walk backwards from every at-risk component, along the hard
    // dependents and the children.
    Exposure(const ImpactGraph &graph, const ImpactResult &result);

    bool isExposed(ComponentIndex c) const { return m_via[c.value] >= 0; }
    // An at-risk component in c's cone, the fewest steps away (ties broken by the walk, which
    // starts from the at-risk components in map order: the same on every run); invalid unless
    // c is exposed. What a reader is told to look at.
    ComponentIndex via(ComponentIndex c) const { return ComponentIndex(m_via[c.value]); }
    // Every exposed component, in map order.
    std::vector<ComponentIndex> exposed() const;
    int count() const { return m_count; }

private:
    std::vector<std::int32_t> m_via;
    int m_count = 0;
};

} // namespace faultline
