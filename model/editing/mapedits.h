#pragma once

// Edits of the map as a whole (its properties, not its entries), under the undo contract of
// model/editing/edits.h.

#include "model/editing/edits.h"

#include <QJsonObject>

#include <optional>

namespace faultline::edit {

// Renames the map (the title of an untitled window, of exports and reports). Refused when the
// name is empty; nothing when it is the same.
Edit renameMap(MapDocument &doc, const QString &name);

// Stores `policy` in the map (its "policy" key, DESIGN.md "Policies"), or removes the stored
// policy when nullopt. Refused, with the message that names the rule or key at fault, when the
// policy does not read (policy::fromJson); service ids and scenario names are not checked here,
// since a policy may name what the map does not have yet (checking it reports those).
Edit setPolicy(MapDocument &doc, const std::optional<QJsonObject> &policy);

} // namespace faultline::edit
