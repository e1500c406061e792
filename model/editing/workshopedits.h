#pragma once

// Edits of what a workshop writes down about a saved scenario (model/map/workshopnotes.h):
// its notes, decisions and action items, under the undo contract of model/editing/edits.h.
// Each is one undo step. A scenario that is not there, an index out of range, an empty
// decision or an action item without "what" is refused with a message for the user.

#include "model/editing/edits.h"

namespace faultline::edit {

Edit setScenarioNotes(MapDocument &doc, const QString &scenario, const QString &notes);

Edit addDecision(MapDocument &doc, const QString &scenario, const QString &text);
Edit editDecision(MapDocument &doc, const QString &scenario, int index, const QString &text);
Edit removeDecision(MapDocument &doc, const QString &scenario, int index);

Edit addAction(MapDocument &doc, const QString &scenario, ActionItem item);
Edit editAction(MapDocument &doc, const QString &scenario, int index, ActionItem item);
Edit removeAction(MapDocument &doc, const QString &scenario, int index);

} // namespace faultline::edit
