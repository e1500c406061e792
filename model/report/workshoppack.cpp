#include "model/report/workshoppack.h"

#include "model/impact/engine.h"
#include "model/impact/exposure.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"

namespace faultline::report {

namespace {

std::vector<std::vector<CascadeRow>> cascadeOf(const Map &map, const ImpactResult &result)
{
    std::vector<std::vector<CascadeRow>> rounds(std::size_t(std::max(0, result.lastRound() + 1)));
    for (ComponentIndex c : result.affected()) {
        const int round = result.round(c);
        if (round < 0 || std::size_t(round) >= rounds.size())
            continue;
        const Component &component = map.component(c);
        CascadeRow row;
        row.name = component.displayName();
        row.state = result.state(c);
        row.business = component.isBusiness();
        const ComponentIndex cause = result.cause(c);
        row.setByScenario = !cause.isValid();
        if (cause.isValid())
            row.cause = map.component(cause).displayName();
        rounds[round].push_back(std::move(row));
    }
    return rounds;
}

} // namespace

PackData buildPack(const Map &map, const Options &options)
{
    PackData d;
    d.mapName = map.name;
    d.date = options.date.isValid() ? options.date : QDateTime::currentDateTime();
    d.currency = options.currency;
    d.componentCount = map.componentCount();

    Options each = options;
    each.date = d.date;
    each.compareSavedScenarios = false;

    std::vector<ComponentIndex> business;
    for (int i = 0; i < map.componentCount(); ++i) {
        if (map.components()[i].isBusiness()) {
            business.push_back(ComponentIndex(i));
            d.matrix.push_back({map.components()[i].displayName(), {}});
        }
    }

    const ImpactGraph graph(map);
    ImpactEngine engine(graph);
    for (const Scenario &s : map.scenarios()) {
        PackScenario p;
        p.report = buildReport(map, s, each);
        engine.run(resolveScenario(map, s));
        const ImpactResult result = engine.result();
        p.rounds = cascadeOf(map, result);
        const Exposure exposure(graph, result);
        for (std::size_t row = 0; row < business.size(); ++row) {
            const ComponentIndex c = business[row];
            d.matrix[row].cells.push_back({result.state(c), exposure.isExposed(c)});
        }
        p.notes = s.notes;
        p.decisions = s.decisions;
        p.actions = s.actions;
        d.scenarios.push_back(std::move(p));
    }
    return d;
}

} // namespace faultline::report
