#pragma once

#include "model/impact/graph.h"
#include "model/map/map.h"

#include <QString>

#include <cstdint>
#include <vector>

// What a focus keeps in the picture (the rest is hidden, never deleted): one flag per component,
// read by folding::makeView (model/layout/folding.h). Qt Core only.
namespace faultline::focus {

// The component, what it needs and what needs it, up to `hops` steps each way (0: all the way).
// A component needs its parent (it is hosted there) and the `to` of each of its dependencies,
// hard and soft; it is needed by its children and by what depends on it. The two directions are
// followed separately (what a needed component is needed by is not followed), so the focus is the
// component's two cones, as its failure and its causes reach.
std::vector<std::uint8_t> cone(const ImpactGraph &graph, int target, int hops = 0);

enum class Field { Tag, Owner, Kind };
// The components whose tag (one of them), owner or kind is `value` (case-insensitive).
std::vector<std::uint8_t> matching(const Map &map, Field field, const QString &value);

// How many components the focus keeps.
int count(const std::vector<std::uint8_t> &flags);

} // namespace faultline::focus
