#pragma once

// The edits: every change a user makes to a map, and the one undo contract they all keep.
//
// Undo contract
// - Every edit is one MapEditCommand (model/editing/editplan.h) on MapDocument::undoStack():
//   pushing it makes the edit, undo() puts the map back exactly as it was (Map ==: the same
//   entries in the same order, the same positions), redo() makes it again. A compound edit
//   (deleting a component with its dependencies, renaming an id with its references) is one
//   command, so one undo step, and one mapChanged(): the document re-evaluates the current
//   what-if once. An edit that only moves components emits positionsChanged() instead.
// - An edit is planned and checked against the document's current map before anything is
//   pushed. A refused edit pushes nothing and comes back with a message for the user that names
//   the problem ("A component cannot depend on itself."). An edit that changes nothing pushes
//   nothing and is not refused. The map on the stack is therefore always valid (validate()).
// - Commands refer to entries by index into the map as it was when they were planned. They stay
//   right because every change to a document's map goes through its undo stack (loading a
//   whole map clears it); a command must not outlive its document (~MapDocument clears the
//   stack).
// - Deleting a component removes its dependencies both ways, moves its children to its own
//   parent, takes it out of every scenario's fail and degrade lists and drops its position.
// - Removing or softening a hard dependency lowers the `require` of the component that depended
//   on it when `require` would exceed its remaining hard dependencies (3 of 3 stays "all of
//   them", as 2 of 2), in the same command; the command's text says so. Setting `require` above
//   the number of hard dependencies is refused.
// - Renaming an id rewrites every reference to it: parents, dependencies, scenarios, the
//   position, and the current what-if.
// - Saved scenarios are part of the map: saving, renaming and deleting one are edits like any
//   other. Applying one is not: it is MapDocument::setWhatIf, outside the undo history.
// - Moving components (a drag, or a re-layout the user asked for) sets their positions. The
//   moves of one gesture merge into one undo step; a re-layout never merges. Undo puts back
//   the positions that were known before; a component that had none keeps its new one.
//
// Usage from the GUI:
//     Dependency d;
//     d.from = from;
//     d.to = to;
//     if (auto why = edit::tryPush(doc, edit::addDependency(doc, d)))
//         showMessage(*why);

#include "model/map/map.h"

#include <QHash>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <memory>
#include <optional>

namespace faultline {

class MapDocument;

namespace edit {

// A planned edit: a command ready to push, or the message that refuses it. Neither when the
// edit would change nothing.
struct Edit
{
    std::unique_ptr<QUndoCommand> command;
    QString refusal;

    bool isRefused() const { return !refusal.isEmpty(); }
    bool isNoop() const { return !command && refusal.isEmpty(); }
};

// Pushes the edit's command onto the document's undo stack, which makes the edit. Returns the
// refusal message instead if it was refused; nullopt when pushed or when there was nothing to do.
std::optional<QString> tryPush(MapDocument &doc, Edit edit);

// --- Components ---------------------------------------------------------------------------
// Appends a component, optionally placed at a scene position; `moves` are other components
// moved out of its way on the canvas, in the same undo step.
Edit addComponent(MapDocument &doc, Component c, std::optional<QPointF> position = {},
    const QHash<QString, QPointF> &moves = {});
// Deletes components as one undo step (see the contract for everything that goes with them).
Edit deleteComponents(MapDocument &doc, const QStringList &ids);
// Replaces every property of the component `id` at once, id included (references follow).
Edit editComponent(MapDocument &doc, const QString &id, Component after);
// The same for one property, with the command text saying what changed.
// Moves the component into `parent`; `positions` (its own place inside the parent's box, and
// any component moved out of the way) are set in the same undo step.
Edit setParent(MapDocument &doc, const QString &id, const QString &parent,
    const QHash<QString, QPointF> &positions = {});
Edit setRequire(MapDocument &doc, const QString &id, std::optional<int> require);

// --- Dependencies -------------------------------------------------------------------------
// Appends a dependency: the canvas's drag from one component to another, or the dialog.
Edit addDependency(MapDocument &doc, Dependency d);
Edit deleteDependency(MapDocument &doc, const QString &from, const QString &to);
// Replaces the dependency from -> to (type, label; its ends may change too).
Edit editDependency(MapDocument &doc, const QString &from, const QString &to, Dependency after);
Edit setDependencyType(
    MapDocument &doc, const QString &from, const QString &to, DependencyType type);

// --- Saved scenarios ----------------------------------------------------------------------
// Appends a scenario; refused when the name is empty or taken.
Edit addScenario(MapDocument &doc, Scenario scenario);
// Renames a scenario; refused when the new name is empty or taken.
Edit renameScenario(MapDocument &doc, const QString &name, const QString &newName);
Edit deleteScenario(MapDocument &doc, const QString &name);

// --- Positions ----------------------------------------------------------------------------
// A new number for the moves of one gesture: moveComponents with the same non-zero gesture
// merge into one undo step.
int newGesture();
// A drag: sets component centres, by id. `before` holds where they were when the gesture
// started (the canvas moves its items before the map); ids missing from it had no position.
// `gesture` 0 never merges.
Edit moveComponents(MapDocument &doc, const QHash<QString, QPointF> &before,
    const QHash<QString, QPointF> &after, int gesture = 0);
// A re-layout the user asked for: every component to its new centre, one step that never
// merges. (A map that had no positions gets its first layout without an edit:
// MapDocument::setPositions.)
Edit applyLayout(MapDocument &doc, const QHash<QString, QPointF> &positions);

// --- Checks without planning --------------------------------------------------------------
// Why `from` may not start depending on `to` (nullopt when it may). Cheap: for feedback while a
// drag hovers over a component.
std::optional<QString> checkNewDependency(const Map &map, const QString &from, const QString &to);
// Why a component's own properties are out of range (availability, cost, RTO, require < 0).
std::optional<QString> checkProperties(const Component &c);

// The properties `after` changes, in the user's words ("owner", "cost per hour"), in the order
// of the Inspector; and the text of an edit that makes that change ("Change the owner of
// “Web”", "Rename “Web” to “Front”"; "Edit “Web”" for more than one property).
QStringList changedProperties(const Component &before, const Component &after);
QString describeComponentEdit(const Map &result, const Component &before, const Component &after);

// A fresh id for a new component: `base`, or `base-2`, `base-3`, ...
QString uniqueComponentId(const Map &map, const QString &base);

} // namespace edit
} // namespace faultline
