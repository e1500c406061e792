#pragma once

#include "model/impact/engine.h"
#include "model/map/map.h"

#include <QStringList>

namespace faultline {

// Turns ids into a ScenarioSpec for one map version; throws ValidationError naming an id that
// is not a component of the map.
ScenarioSpec resolveScenario(const Map &map, const QStringList &fail, const QStringList &degrade);
ScenarioSpec resolveScenario(const Map &map, const Scenario &scenario);

} // namespace faultline
