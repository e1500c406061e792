#pragma once

// Edits of the map as a whole (its properties, not its entries), under the undo contract of
// model/editing/edits.h.

#include "model/editing/edits.h"

namespace faultline::edit {

// Renames the map (the title of an untitled window, of exports and reports). Refused when the
// name is empty; nothing when it is the same.
Edit renameMap(MapDocument &doc, const QString &name);

} // namespace faultline::edit
