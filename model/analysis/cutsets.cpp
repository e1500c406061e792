#include "model/analysis/cutsets.h"

#include "model/analysis/cone.h"
#include "model/analysis/setfamily.h"

#include <algorithm>

namespace faultline {

namespace {

// "At least m of these down": G[j] holds the sets that take j of the operands seen so far
// down; an operand either joins (G[j-1] x F) or not. Only j that can still reach m are kept.
SetFamily atLeast(int m, const std::vector<const SetFamily *> &operands, int width)
{
    const int n = int(operands.size());
    std::vector<SetFamily> g(m + 1, SetFamily(width));
    g[0] = SetFamily::always(width);
    for (int i = 0; i < n; ++i) {
        const int remainingAfter = n - i - 1;
        const int low = std::max(1, m - remainingAfter);
        for (int j = std::min(i + 1, m); j >= low; --j) {
            if (g[j - 1].isEmpty() || operands[i]->isEmpty())
                continue;
            g[j] = SetFamily::unite(g[j], SetFamily::product(g[j - 1], *operands[i]));
        }
    }
    return std::move(g[m]);
}

class Expansion
{
public:
    Expansion(
        const ImpactGraph &graph, const Cone &cone, int width, std::vector<std::uint8_t> canFail)
        : m_graph(graph), m_target(cone.target()), m_width(width), m_canFail(std::move(canFail)),
          m_families(graph.size(), SetFamily(width))
    { }

    // The family of c from the current families of what it needs.
    SetFamily expand(std::int32_t c) const
    {
        SetFamily f(m_width);
        if (c != m_target && m_canFail[c]) {
            const std::int32_t self[] = {c};
            f.add(self);
        }
        if (const std::int32_t p = m_graph.parent(c); p >= 0)
            f = SetFamily::unite(f, m_families[p]);
        const int n = m_graph.hardCount(c);
        const int k = m_graph.required(c);
        if (k >= 1) {
            std::vector<const SetFamily *> operands;
            operands.reserve(n);
            for (const ImpactGraph::Edge &e : m_graph.dependencies(c)) {
                if (e.hard)
                    operands.push_back(&m_families[e.other]);
            }
            f = SetFamily::unite(f, atLeast(n - k + 1, operands, m_width));
        }
        return f;
    }

    // Iterates a strongly connected part from "never down" to its least fixed point.
    void solve(std::span<const std::int32_t> part)
    {
        bool changed = true;
        while (changed) {
            changed = false;
            for (std::int32_t c : part) {
                SetFamily f = expand(c);
                if (!(f == m_families[c])) {
                    m_families[c] = std::move(f);
                    changed = true;
                }
            }
            if (part.size() == 1)
                break; // no component needs itself (validate()), so one pass is final
        }
    }

    const SetFamily &family(std::int32_t c) const { return m_families[c]; }

private:
    const ImpactGraph &m_graph;
    std::int32_t m_target;
    int m_width;
    std::vector<std::uint8_t> m_canFail;
    std::vector<SetFamily> m_families;
};

} // namespace

std::vector<int> CutSetReport::countByOrder() const
{
    std::vector<int> counts(std::max(maxOrder, 0), 0);
    for (const auto &s : cutSets)
        ++counts[s.size() - 1];
    return counts;
}

CutSetReport minimalCutSets(const Map &map, const ImpactGraph &graph, ComponentIndex target,
    const CutSetOptions &options, const ProgressFn &progress)
{
    CutSetReport report;
    report.target = target;
    report.maxOrder = options.maxOrder;
    const Cone cone(graph, target.value);
    report.coneSize = cone.size();
    ProgressReporter reporter(progress, cone.size(), 16);
    if (options.maxOrder < 1) {
        reporter.finish();
        return report;
    }

    std::vector<std::uint8_t> canFail(graph.size(), 1);
    if (options.onlyWithAvailability) {
        for (std::int32_t c : cone.members())
            canFail[c] = map.components()[c].availability.has_value();
    }
    Expansion expansion(graph, cone, options.maxOrder, std::move(canFail));
    for (int i = 0; i < cone.partCount(); ++i) {
        expansion.solve(cone.part(i));
        reporter.step(int(cone.part(i).size()));
    }
    const SetFamily &top = expansion.family(target.value);
    report.cutSets.reserve(top.count());
    for (int i = 0; i < top.count(); ++i) {
        std::vector<ComponentIndex> s;
        for (std::int32_t c : top.set(i))
            s.emplace_back(c);
        report.cutSets.push_back(std::move(s));
    }
    reporter.finish();
    return report;
}

} // namespace faultline
