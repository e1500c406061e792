#include "model/analysis/availability.h"

#include "model/analysis/bdd.h"
#include "model/analysis/cone.h"

#include <algorithm>

namespace faultline {

namespace {

// Builds the diagram of down(c) for every cone member, following the same three rules as
// DownEvaluator: failed, or parent down, or more than n - k hard dependencies down.
class DiagramBuilder
{
public:
    DiagramBuilder(const ImpactGraph &graph, Bdd &bdd, std::vector<std::int32_t> variableOf)
        : m_graph(graph), m_bdd(bdd), m_variableOf(std::move(variableOf)),
          m_down(graph.size(), Bdd::zero)
    { }

    Bdd::Node build(std::int32_t c)
    {
        Bdd::Node f = m_variableOf[c] >= 0 ? m_bdd.variable(m_variableOf[c]) : Bdd::zero;
        if (const std::int32_t p = m_graph.parent(c); p >= 0)
            f = m_bdd.orOf(f, m_down[p]);
        const int k = m_graph.required(c);
        if (k >= 1) {
            std::vector<Bdd::Node> operands;
            for (const ImpactGraph::Edge &e : m_graph.dependencies(c)) {
                if (e.hard)
                    operands.push_back(m_down[e.other]);
            }
            f = m_bdd.orOf(f, atLeast(int(operands.size()) - k + 1, operands));
        }
        return f;
    }

    // Iterates a strongly connected part from "never down" to its least fixed point; the
    // diagrams are canonical, so "stopped changing" is a comparison of node numbers.
    void solve(std::span<const std::int32_t> part)
    {
        bool changed = true;
        while (changed) {
            changed = false;
            for (std::int32_t c : part) {
                const Bdd::Node f = build(c);
                changed = changed || f != m_down[c];
                m_down[c] = f;
            }
            if (part.size() == 1)
                break; // no component needs itself (validate()), so one pass is final
        }
    }

    Bdd::Node down(std::int32_t c) const { return m_down[c]; }

private:
    // "At least m of the operands": g[j] is "j of the operands so far", keeping only the j
    // that can still reach m.
    Bdd::Node atLeast(int m, const std::vector<Bdd::Node> &operands)
    {
        const int n = int(operands.size());
        std::vector<Bdd::Node> g(m + 1, Bdd::zero);
        g[0] = Bdd::one;
        for (int i = 0; i < n; ++i) {
            const int low = std::max(1, m - (n - i - 1));
            for (int j = std::min(i + 1, m); j >= low; --j)
                g[j] = m_bdd.orOf(g[j], m_bdd.andOf(g[j - 1], operands[i]));
        }
        return g[m];
    }

    const ImpactGraph &m_graph;
    Bdd &m_bdd;
    std::vector<std::int32_t> m_variableOf;
    std::vector<Bdd::Node> m_down;
};

} // namespace

AvailabilityReport availability(
    const Map &map, const ImpactGraph &graph, ComponentIndex target, const ProgressFn &progress)
{
    const Cone cone(graph, target.value);
    AvailabilityReport report;
    report.target = target;
    report.coneSize = cone.size();

    // Variables: the cone members that can fail, in depth-first order from the target.
    std::vector<std::int32_t> variableOf(graph.size(), -1);
    std::vector<std::int32_t> componentOf;
    std::vector<double> failure;
    for (std::int32_t c : cone.preorder()) {
        const double a = map.components()[c].availability.value_or(1.0);
        if (a < 1.0) {
            variableOf[c] = std::int32_t(componentOf.size());
            componentOf.push_back(c);
            failure.push_back(std::clamp(1.0 - a, 0.0, 1.0));
        }
    }
    report.variableCount = int(componentOf.size());

    Bdd bdd(report.variableCount);
    ProgressReporter reporter(progress, cone.size(), 16);
    int built = 0;
    bdd.setPoll([&] {
        if (progress)
            reporter.report(built);
    });
    DiagramBuilder builder(graph, bdd, std::move(variableOf));
    for (int i = 0; i < cone.partCount(); ++i) {
        builder.solve(cone.part(i));
        built += int(cone.part(i).size());
        reporter.step(int(cone.part(i).size()));
    }
    const Bdd::Node top = builder.down(target.value);
    report.diagramSize = int(bdd.size(top));
    report.unavailability = bdd.probability(top, failure);
    report.availability = 1.0 - report.unavailability;
    report.downtimeMinutesPerYear = report.unavailability * minutesPerYear;

    const std::vector<double> birnbaum = bdd.derivatives(top, failure);
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
    reporter.finish();
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
