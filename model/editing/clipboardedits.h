#pragma once

// Copy, cut, paste and duplicate of components, under the undo contract of
// model/editing/edits.h. What is copied is interchange JSON (DESIGN.md), so that it pastes into
// another map, in another window of Faultline or from a text editor.

#include "model/editing/edits.h"

#include <QByteArray>

namespace faultline::edit {

// The MIME type the clipboard carries the JSON under (and as plain text).
inline constexpr char clipboardMimeType[] = "application/x-faultline-components";

// The components `ids` (their properties, and their positions) with the dependencies among
// them, as an interchange map. A parent that is not copied is remembered in the component's
// "paste_parent", so that a paste into the same map goes back into it.
QByteArray copyComponents(const Map &map, const QStringList &ids);

// Adds the components and dependencies of an interchange map `json` (as copyComponents() makes)
// as one undo step: ids that are taken get a fresh one ("web-2"), references follow; a parent
// that is neither pasted nor in the map is dropped. `newIds` gets the pasted ids. `at` gives
// pasted components their centres (by their ids in `json`) and `moves` moves components of the
// map out of their way, in the same undo step; pasted components without a centre are left to
// the canvas's placement. Refused with the reason when `json` is not a map.
Edit pasteComponents(MapDocument &doc, const QByteArray &json, QStringList *newIds = nullptr,
    const QHash<QString, QPointF> &at = {}, const QHash<QString, QPointF> &moves = {});

// Where a copied component whose parent was not copied goes back: the parent it was copied
// from, when `map` has it; empty (the top level) otherwise.
QString pasteTarget(const Map &map, const Component &copied);

} // namespace faultline::edit
