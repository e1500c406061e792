#include "model/recovery/policycheck.h"

#include "model/analysis/availability.h"
#include "model/analysis/spof.h"
#include "model/impact/engine.h"
#include "model/impact/resolve.h"
#include "model/map/errors.h"
#include "model/recovery/recoveryplan.h"
#include "model/report/htmlreport.h"

#include <algorithm>

namespace faultline {

namespace {

using report::formatMinutes;

QString nameOf(const Map &map, std::int32_t c)
{
    return map.components()[c].displayName();
}

QString ruleWhere(const QString &source, const PolicyRule &rule)
{
    return QStringLiteral("%1: rule \"%2\"").arg(source, rule.name);
}

std::vector<ComponentIndex> servicesOf(
    const Map &map, const PolicyRule &rule, const QString &source)
{
    std::vector<ComponentIndex> out;
    switch (rule.services) {
    case PolicyRule::Services::Business:
    case PolicyRule::Services::TierAtMost:
        for (int c = 0; c < map.componentCount(); ++c) {
            const Component &component = map.components()[c];
            const bool in = rule.services == PolicyRule::Services::Business
                ? component.isBusiness()
                : component.tier && *component.tier <= rule.tierAtMost;
            if (in)
                out.emplace_back(c);
        }
        break;
    case PolicyRule::Services::Ids:
        for (const QString &id : rule.serviceIds) {
            const auto c = map.findComponent(id);
            if (!c)
                throw ValidationError(QStringLiteral("%1: \"services\" names \"%2\", which is "
                                                     "not a component of the map")
                                          .arg(ruleWhere(source, rule), id));
            out.push_back(*c);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        break;
    }
    return out;
}

// "Checkout is down ← Payments DB ← use1-az2 ← us-east-1 (failed)".
QString causeChain(const Map &map, const ImpactEngine &engine, std::int32_t c)
{
    QString out =
        QStringLiteral("%1 is %2").arg(nameOf(map, c), toString(engine.state(ComponentIndex(c))));
    for (ComponentIndex cause = engine.cause(ComponentIndex(c)); cause.isValid();
         cause = engine.cause(cause))
        out += QStringLiteral(" ← ") + nameOf(map, cause.value);
    return out + QStringLiteral(" (failed)");
}

void checkSurvive(
    const Map &map, const ImpactGraph &graph, const PolicyRule &rule, RuleResult &result)
{
    ImpactEngine engine(graph);
    std::vector<std::vector<PolicyViolation>> byService(result.services.size());
    for (int f = 0; f < map.componentCount(); ++f) {
        if (!rule.failureKind.isEmpty() && map.components()[f].kind != rule.failureKind)
            continue;
        const ComponentIndex failed(f);
        engine.run(std::span(&failed, 1));
        for (std::size_t i = 0; i < result.services.size(); ++i) {
            const ComponentIndex s = result.services[i];
            const State state = engine.state(s);
            if (s == failed || state <= rule.worst)
                continue;
            byService[i].push_back({s, {map.components()[f].id}, state,
                QStringLiteral("when %1 fails: %2")
                    .arg(nameOf(map, f), causeChain(map, engine, s.value))});
        }
    }
    for (auto &list : byService) {
        for (PolicyViolation &v : list)
            result.violations.push_back(std::move(v));
    }
}

void checkSpof(const Map &map, const ImpactGraph &graph, const PolicyRule &rule, RuleResult &result)
{
    for (const ComponentIndex s : result.services) {
        for (const ComponentIndex f : singlePointsOfFailure(graph, s).spof) {
            const Component &failed = map.component(f);
            if (rule.ignoreKinds.contains(failed.kind))
                continue;
            result.violations.push_back({s, {failed.id}, State::Down,
                QStringLiteral("%1 (%2) alone takes it down")
                    .arg(failed.displayName(),
                        failed.kind.isEmpty() ? QStringLiteral("no kind") : failed.kind)});
        }
    }
}

void checkAvailability(
    const Map &map, const ImpactGraph &graph, const PolicyRule &rule, RuleResult &result)
{
    for (const ComponentIndex s : result.services) {
        const AvailabilityReport r = availability(map, graph, s);
        if (r.availability >= rule.minimumAvailability)
            continue;
        result.violations.push_back({s, {}, std::nullopt,
            QStringLiteral("availability %1 (%2 minutes of downtime a year) is below %3")
                .arg(QString::number(r.availability, 'g', 12),
                    QString::number(r.downtimeMinutesPerYear, 'f', 1),
                    QString::number(rule.minimumAvailability, 'g', 12))});
    }
}

std::vector<const Scenario *> scenariosOf(
    const Map &map, const PolicyRule &rule, const QString &source)
{
    std::vector<const Scenario *> out;
    if (rule.allScenarios) {
        for (const Scenario &s : map.scenarios())
            out.push_back(&s);
        return out;
    }
    for (const QString &name : rule.scenarios) {
        const auto s = map.findScenario(name);
        if (!s)
            throw ValidationError(QStringLiteral("%1: no scenario named \"%2\" in the map")
                                      .arg(ruleWhere(source, rule), name));
        out.push_back(&map.scenario(*s));
    }
    return out;
}

QString pathText(const Map &map, const RecoveryPlan &plan, ComponentIndex s)
{
    QStringList steps;
    for (const ComponentIndex c : plan.criticalPath(s)) {
        const RecoveryStep *step = plan.step(c);
        steps.append(step ? QStringLiteral("%1 (%2 to %3)")
                                .arg(nameOf(map, c.value), formatMinutes(*step->start),
                                    formatMinutes(*step->back))
                          : nameOf(map, c.value));
    }
    return steps.join(QStringLiteral(" ← "));
}

void checkRecovery(const Map &map, const ImpactGraph &graph, const PolicyRule &rule,
    RuleResult &result, const QString &source)
{
    ImpactEngine engine(graph);
    std::vector<std::vector<PolicyViolation>> byService(result.services.size());
    std::vector<int> seen(map.componentCount(), -1);
    std::vector<std::int32_t> queue;
    for (const Scenario *scenario : scenariosOf(map, rule, source)) {
        engine.run(resolveScenario(map, *scenario));
        const ImpactResult impact = engine.result();
        const RecoveryPlan plan = recoveryPlan(map, graph, impact);
        for (std::size_t i = 0; i < result.services.size(); ++i) {
            const ComponentIndex s = result.services[i];
            const Component &service = map.component(s);
            const State state = impact.state(s);
            if (rule.kind == PolicyRule::Kind::Rto) {
                if (!service.targetRtoMinutes || state == State::Up)
                    continue;
                const std::optional<double> back = backInService(state, plan.recovered[s.value]);
                if (back && *back <= *service.targetRtoMinutes)
                    continue;
                QString evidence = back
                    ? QStringLiteral("in \"%1\" back after %2, target %3 (late by %4): %5")
                          .arg(scenario->name, formatMinutes(*back),
                              formatMinutes(*service.targetRtoMinutes),
                              formatMinutes(*back - *service.targetRtoMinutes),
                              pathText(map, plan, s))
                    : QStringLiteral("in \"%1\" never back, target %2: it waits on a cycle of "
                                     "down components")
                          .arg(scenario->name, formatMinutes(*service.targetRtoMinutes));
                byService[i].push_back({s, scenario->fail, state, evidence});
                continue;
            }
            // rpo: the down stores it needs, through parents and hard or soft dependencies,
            // whatever its own state (a service that stays up may still lose data).
            if (!service.targetRpoMinutes)
                continue;
            const int stamp = int(i);
            queue.assign(1, s.value);
            seen[s.value] = stamp;
            for (std::size_t q = 0; q < queue.size(); ++q) {
                const std::int32_t c = queue[q];
                const auto &rpo = map.components()[c].rpoMinutes;
                if (rpo && *rpo > *service.targetRpoMinutes
                    && impact.state(ComponentIndex(c)) == State::Down)
                    byService[i].push_back({s, scenario->fail, state,
                        QStringLiteral("in \"%1\" %2 is down and may lose up to %3 of data, "
                                       "target %4")
                            .arg(scenario->name, nameOf(map, c), formatMinutes(*rpo),
                                formatMinutes(*service.targetRpoMinutes))});
                auto visit = [&](std::int32_t d) {
                    if (seen[d] != stamp) {
                        seen[d] = stamp;
                        queue.push_back(d);
                    }
                };
                if (const std::int32_t p = graph.parent(c); p >= 0)
                    visit(p);
                for (const ImpactGraph::Edge &e : graph.dependencies(c))
                    visit(e.other);
            }
        }
        std::fill(seen.begin(), seen.end(), -1);
    }
    for (auto &list : byService) {
        for (PolicyViolation &v : list)
            result.violations.push_back(std::move(v));
    }
}

} // namespace

std::vector<RuleResult> checkPolicy(
    const Map &map, const ImpactGraph &graph, const Policy &policy, const QString &source)
{
    std::vector<RuleResult> results;
    results.reserve(policy.rules.size());
    for (const PolicyRule &rule : policy.rules) {
        RuleResult result;
        result.rule = &rule;
        result.services = servicesOf(map, rule, source);
        switch (rule.kind) {
        case PolicyRule::Kind::Survive:
            checkSurvive(map, graph, rule, result);
            break;
        case PolicyRule::Kind::NoSinglePointOfFailure:
            checkSpof(map, graph, rule, result);
            break;
        case PolicyRule::Kind::Availability:
            checkAvailability(map, graph, rule, result);
            break;
        case PolicyRule::Kind::Rto:
        case PolicyRule::Kind::Rpo:
            checkRecovery(map, graph, rule, result, source);
            break;
        }
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace faultline
