#pragma once

#include "model/editing/edits.h"

#include <QJsonObject>

#include <optional>

namespace faultline::edit {

// Stores `policy` in the map (its "policy" key, DESIGN.md "Policies"), or removes the stored
// policy when nullopt: one undo step, like every edit. Refused, with the message that names the
// rule or key at fault, when the policy does not read (policy::fromJson); service ids and
// scenario names are not checked here, since a policy may name what the map does not have yet
// (`faultline check` reports those).
Edit setPolicy(MapDocument &doc, const std::optional<QJsonObject> &policy);

} // namespace faultline::edit
