#pragma once

#include "model/impact/comparison.h"
#include "views/mapscene.h"

namespace faultline {

// Compare's picture on the canvas: each component of the map shown (one side of `comparison`,
// whose result is `shown`) as worse or better in B, the same (affected on both sides), only in
// this map, or unaffected. `other` is the other side's map.
MapScene::LooksOverride differenceLooks(
    const Map &map, const ImpactResult &shown, const Map &other, const Comparison &comparison);

} // namespace faultline
