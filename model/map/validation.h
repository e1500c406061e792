#pragma once

#include "model/map/map.h"

#include <QString>

#include <optional>

namespace faultline {

// Checks every rule DESIGN.md states for a map and throws ValidationError naming the first
// offending entry: missing or duplicate ids, references to unknown ids, self dependencies,
// duplicate from/to pairs, parent loops, `require` above the number of hard dependencies,
// duplicate scenario names, values out of range. Linear in the size of the map.
void validate(const Map &map);

// The same checks as a message instead of an exception; nullopt when the map is valid.
std::optional<QString> validationError(const Map &map);

// How entries are named in messages, e.g. `component "web-a"` or `dependency "a" -> "b"`.
QString describeComponent(const QString &id);
QString describeDependency(const QString &from, const QString &to);
QString describeScenario(const QString &name);

// Number of hard dependencies of each component, the bound for its `require`.
int hardDependencyCount(const Map &map, const QString &id);

// True if making `parent` the parent of `child` would close a loop of parents.
bool wouldCreateParentLoop(const Map &map, const QString &child, const QString &parent);

} // namespace faultline
