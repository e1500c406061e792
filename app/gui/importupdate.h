#pragma once

#include "model/editing/editplan.h"
#include "model/map/map.h"

namespace faultline {

// File › Import of a newer Terraform state or Backstage catalog into the open map: the map
// `faultline import --into` would write (model/io/importmerge.h), turned into the edit steps
// that make the open map that one, so that the whole update is one undoable step.
//
// Plans, in this order: removing the dependencies and components `target` does not have,
// replacing those that differ, adding the new ones at the end (the order mergeImport gives
// them), and replacing changed scenarios. Positions go with their components.
void planReplacement(edit::EditPlan &plan, const Map &target);

} // namespace faultline
