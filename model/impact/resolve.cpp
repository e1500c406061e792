#include "model/impact/resolve.h"

#include "model/map/errors.h"

namespace faultline {

namespace {

std::vector<ComponentIndex> resolveIds(const Map &map, const QStringList &ids)
{
    std::vector<ComponentIndex> out;
    out.reserve(ids.size());
    for (const QString &id : ids) {
        const auto c = map.findComponent(id);
        if (!c)
            throw ValidationError(QStringLiteral("\"%1\" is not a component of the map").arg(id));
        out.push_back(*c);
    }
    return out;
}

} // namespace

ScenarioSpec resolveScenario(const Map &map, const QStringList &fail, const QStringList &degrade)
{
    return ScenarioSpec {resolveIds(map, fail), resolveIds(map, degrade)};
}

ScenarioSpec resolveScenario(const Map &map, const Scenario &scenario)
{
    return resolveScenario(map, scenario.fail, scenario.degrade);
}

} // namespace faultline
