#pragma once

// Edits of several components at once (the Inspector with many selected, a table cell edited
// with many rows selected), under the undo contract of model/editing/edits.h: one command, one
// undo step, whatever the number of components.

#include "model/editing/edits.h"

#include <functional>

namespace faultline::edit {

// Applies `change` to each component of `ids` (ids the map does not have are skipped) as one
// undo step: "Set the owner of 5 components", or the single-component text when only one of
// them changes. Components `change` leaves as they were are not part of the edit. Refused,
// naming the component, when the change is refused for any of them (a bad value, a parent loop,
// a require above its hard dependencies); an id cannot be given to several components
// ("Several components cannot share one id"), and one id change is planned like editComponent.
Edit editComponents(
    MapDocument &doc, const QStringList &ids, const std::function<void(Component &)> &change);

} // namespace faultline::edit
