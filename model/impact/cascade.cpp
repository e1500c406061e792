#include "model/impact/cascade.h"

#include "model/impact/exposure.h"
#include "model/map/map.h"

#include <algorithm>

namespace faultline {

Cascade::Cascade(const Map &map, const ImpactGraph &graph, const ImpactResult &result)
    : m_map(&map), m_graph(&graph), m_result(&result), m_last(std::max(0, result.lastRound()))
{ }

std::vector<State> Cascade::statesAt(int k) const
{
    std::vector<State> states(std::size_t(m_result->size()), State::Up);
    for (int c = 0; c < m_result->size(); ++c) {
        const int round = m_result->round(ComponentIndex(c));
        if (round >= 0 && round <= k)
            states[c] = m_result->state(ComponentIndex(c));
    }
    return states;
}

std::vector<ComponentIndex> Cascade::exposedBusinessAt(const std::vector<State> &states) const
{
    // Exposure reads states only: the step's states as a result of their own.
    const ImpactResult shown(states, std::vector<std::int32_t>(states.size(), -1), {});
    const Exposure exposure(*m_graph, shown);
    std::vector<ComponentIndex> out;
    for (const ComponentIndex c : exposure.exposed()) {
        if (m_map->component(c).isBusiness())
            out.push_back(c);
    }
    return out;
}

Cascade::Step Cascade::step(int k) const
{
    Step s;
    if (!m_result)
        return s;
    s.index = std::clamp(k, 0, m_last);
    s.states = statesAt(s.index);
    for (int c = 0; c < int(s.states.size()); ++c) {
        const ComponentIndex i(c);
        if (m_result->round(i) == s.index)
            s.reached.push_back(i);
        switch (s.states[c]) {
        case State::Down:
            ++s.summary.down;
            s.summary.costPerHour += m_graph->costPerHour(c);
            break;
        case State::Degraded:
            ++s.summary.degraded;
            break;
        case State::AtRisk:
            ++s.summary.atRisk;
            break;
        case State::Up:
            break;
        }
    }
    s.exposedBusiness = exposedBusinessAt(s.states);
    const std::vector<ComponentIndex> before =
        s.index > 0 ? exposedBusinessAt(statesAt(s.index - 1)) : std::vector<ComponentIndex>();
    for (const ComponentIndex c : s.exposedBusiness) {
        if (std::find(before.begin(), before.end(), c) == before.end())
            s.newlyExposedBusiness.push_back(c);
    }
    return s;
}

} // namespace faultline
