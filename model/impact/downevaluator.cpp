#include "model/impact/downevaluator.h"

namespace faultline {

DownEvaluator::DownEvaluator(const ImpactGraph &graph)
    : m_graph(graph), m_down(graph.size(), 0), m_hardDown(graph.size(), 0)
{ }

void DownEvaluator::reset()
{
    for (std::int32_t c : m_downList)
        m_down[c] = 0;
    for (std::int32_t c : m_touched)
        m_hardDown[c] = 0;
    m_downList.clear();
    m_touched.clear();
}

void DownEvaluator::fall(std::int32_t c)
{
    m_down[c] = 1;
    m_downList.push_back(c);
}

bool DownEvaluator::run(std::span<const std::int32_t> fail, std::int32_t watch)
{
    return propagate(fail, watch, {});
}

bool DownEvaluator::runUntilAny(
    std::span<const std::int32_t> fail, std::span<const std::uint8_t> watch)
{
    return propagate(fail, -1, watch);
}

bool DownEvaluator::propagate(std::span<const std::int32_t> fail, std::int32_t watch,
    std::span<const std::uint8_t> watchSet)
{
    reset();
    for (std::int32_t c : fail) {
        if (!m_down[c])
            fall(c);
    }
    const auto watched = [&](std::int32_t c) {
        return (watch >= 0 && c == watch) || (!watchSet.empty() && watchSet[c]);
    };
    const auto inScope = [this](std::int32_t c) {
        return m_scope.empty() || m_scope[c];
    };
    // m_downList doubles as the work list: everything in it still has to push its effects.
    for (std::size_t next = 0; next < m_downList.size(); ++next) {
        const std::int32_t c = m_downList[next];
        if (watched(c))
            return true;
        for (std::int32_t child : m_graph.children(c)) {
            if (!m_down[child] && inScope(child))
                fall(child); // rule 2
        }
        for (const ImpactGraph::Edge &e : m_graph.dependents(c)) {
            if (!e.hard || !inScope(e.other))
                continue;
            const std::int32_t d = e.other;
            if (m_hardDown[d]++ == 0)
                m_touched.push_back(d);
            // Rule 3: fewer than `require` hard dependencies are not down.
            if (!m_down[d] && m_graph.hardCount(d) - m_hardDown[d] < m_graph.required(d))
                fall(d);
        }
    }
    return false;
}

} // namespace faultline
