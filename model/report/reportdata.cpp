#include "model/report/reportdata.h"

#include "model/impact/exposure.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/map/errors.h"
#include "model/recovery/recoveryplan.h"

#include <QSet>

namespace faultline::report {

namespace {

QStringList namesOf(const Map &map, const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids) {
        const auto c = map.findComponent(id);
        names.append(c ? map.component(*c).displayName() : id);
    }
    return names;
}

int businessHit(const Map &map, const ImpactResult &result, QStringList *names = nullptr)
{
    int n = 0;
    for (int i = 0; i < map.componentCount(); ++i) {
        const Component &c = map.components()[i];
        const State s = result.state(ComponentIndex(i));
        if (c.isBusiness() && s >= State::Degraded) {
            ++n;
            if (names)
                names->append(c.displayName());
        }
    }
    return n;
}

// Business services that are up but exposed (model/impact/exposure.h), in map order.
QStringList businessExposed(const Map &map, const ImpactGraph &graph, const ImpactResult &result)
{
    QStringList names;
    for (ComponentIndex c : Exposure(graph, result).exposed()) {
        if (map.component(c).isBusiness())
            names.append(map.component(c).displayName());
    }
    return names;
}

AffectedRow rowFor(const Map &map, const ImpactResult &result, ComponentIndex i,
    const QSet<QString> &setByScenario)
{
    const Component &c = map.component(i);
    AffectedRow row;
    row.id = c.id;
    row.name = c.displayName();
    row.kind = c.kind;
    row.state = result.state(i);
    row.setByScenario = setByScenario.contains(c.id) && !result.cause(i).isValid();
    row.business = c.isBusiness();
    const std::vector<ComponentIndex> path = result.path(i);
    for (std::size_t k = 1; k < path.size(); ++k)
        row.causes.append(map.component(path[k]).displayName());
    row.owner = c.owner;
    row.tier = c.tier;
    row.rtoMinutes = c.rtoMinutes;
    row.costPerHour = c.costPerHour;
    return row;
}

QStringList namesOf(const Map &map, const std::vector<ComponentIndex> &list)
{
    QStringList names;
    for (const ComponentIndex c : list)
        names.append(map.component(c).displayName());
    return names;
}

RecoveryData recoveryOf(const Map &map, const ImpactGraph &graph, const ImpactResult &result)
{
    const RecoveryPlan plan = recoveryPlan(map, graph, result);
    RecoveryData r;
    for (const RecoveryStep &s : plan.steps)
        r.steps.push_back({map.component(s.component).displayName(), s.wave + 1, s.start, s.back,
            namesOf(map, s.waitsFor), s.rtoMissing});
    r.waveCount = int(plan.waves.size());
    r.allBack = plan.allBack;
    for (const BusinessRecovery &b : plan.business) {
        if (b.state != State::Up || b.targetRto)
            r.services.push_back(
                {map.component(b.service).displayName(), b.state, b.back, b.targetRto, b.met});
    }
    for (const DataAtRisk &d : plan.dataAtRisk)
        r.dataAtRisk.push_back(
            {map.component(d.component).displayName(), d.rpo, namesOf(map, d.services), d.met});
    for (const auto &cycle : plan.cycles)
        r.cycles.append(namesOf(map, cycle).join(QStringLiteral(", ")));
    return r;
}

} // namespace

const Scenario &savedScenario(const Map &map, const QString &name)
{
    if (const auto s = map.findScenario(name))
        return map.scenario(*s);
    QStringList names;
    for (const Scenario &s : map.scenarios())
        names.append(QStringLiteral("\"%1\"").arg(s.name));
    throw ValidationError(
        QStringLiteral("there is no saved scenario \"%1\" (saved: %2)")
            .arg(
                name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
}

ReportData buildReport(const Map &map, const Scenario &scenario, const Options &options)
{
    const ImpactGraph graph(map);
    ImpactEngine engine(graph);

    ReportData d;
    d.mapName = map.name;
    d.scenarioName = scenario.name;
    d.scenarioDescription = scenario.description;
    d.fail = namesOf(map, scenario.fail);
    d.degrade = namesOf(map, scenario.degrade);
    d.date = options.date.isValid() ? options.date : QDateTime::currentDateTime();
    d.outageHours = options.outageHours;
    d.currency = options.currency;
    d.componentCount = map.componentCount();

    engine.run(resolveScenario(map, scenario));
    const ImpactResult result = engine.result();
    d.summary = result.summary();
    d.estimatedLoss = d.summary.costPerHour * options.outageHours;
    for (const Component &c : map.components())
        d.businessCount += c.isBusiness() ? 1 : 0;
    businessHit(map, result, &d.businessHit);
    d.businessExposed = businessExposed(map, graph, result);

    d.recovery = recoveryOf(map, graph, result);

    QSet<QString> setByScenario(scenario.fail.begin(), scenario.fail.end());
    setByScenario.unite(QSet<QString>(scenario.degrade.begin(), scenario.degrade.end()));
    const std::vector<ComponentIndex> affected = result.affected();
    for (State s : {State::Down, State::Degraded, State::AtRisk}) {
        for (ComponentIndex i : affected) {
            if (result.state(i) == s)
                d.affected.push_back(rowFor(map, result, i, setByScenario));
        }
    }

    for (const Scenario &saved : map.scenarios()) {
        if (!options.compareSavedScenarios)
            break;
        engine.run(resolveScenario(map, saved));
        const ImpactResult r = engine.result();
        ScenarioColumn column;
        column.name = saved.name;
        column.fail = namesOf(map, saved.fail);
        column.degrade = namesOf(map, saved.degrade);
        column.summary = r.summary();
        column.businessHit = businessHit(map, r);
        column.businessExposed = int(businessExposed(map, graph, r).size());
        column.estimatedLoss = column.summary.costPerHour * options.outageHours;
        column.isReported = !scenario.name.isEmpty() && saved.name == scenario.name;
        d.comparison.push_back(std::move(column));
    }
    return d;
}

} // namespace faultline::report
