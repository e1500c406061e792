#pragma once

// The editing commands: every change a user makes to a map.
//
// Undo contract
// - Every edit is one MapEditCommand (app/edit/mapedit.h) on MapDocument::undoStack(): pushing
//   it makes the edit, undo() puts the map back exactly as it was (Map ==: the same entries in
//   the same order, the same positions), redo() makes it again. A compound edit (deleting a
//   component with its dependencies, renaming an id with its references) is one command, so
//   one undo step, and one mapChanged(): the document re-evaluates the current what-if once.
// - An edit is planned and checked against the document's current map before anything is
//   pushed. A refused edit pushes nothing and comes back with a message for the user that names
//   the problem ("A component cannot depend on itself."). An edit that changes nothing pushes
//   nothing and is not refused. The map on the stack is therefore always valid (validate()).
// - Commands refer to entries by index into the map as it was when they were planned. They stay
//   right because every change to a document's map goes through its undo stack; a command must
//   not outlive its document (~MapDocument clears the stack).
// - Deleting a component removes its dependencies both ways, moves its children to its own
//   parent, takes it out of every scenario's fail and degrade lists and drops its position.
// - Removing or softening a hard dependency lowers the `require` of the component that depended
//   on it when `require` would exceed its remaining hard dependencies (3 of 3 stays "all of
//   them", as 2 of 2), in the same command; the command's text says so. Setting `require` above
//   the number of hard dependencies is refused.
// - Renaming an id rewrites every reference to it: parents, dependencies, scenarios, the
//   position, and the current what-if.
//
// Usage from the GUI:
//     Dependency d;
//     d.from = from;
//     d.to = to;
//     if (auto why = edit::tryPush(doc, edit::addDependency(doc, d)))
//         showMessage(*why);

#include "model/map/map.h"

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
// Appends a component, optionally placed at a scene position.
Edit addComponent(MapDocument &doc, Component c, std::optional<QPointF> position = {});
// Deletes components as one undo step (see the contract for everything that goes with them).
Edit deleteComponents(MapDocument &doc, const QStringList &ids);
// Replaces every property of the component `id` at once, id included (references follow).
Edit editComponent(MapDocument &doc, const QString &id, Component after);
// The same for one property, with the command text saying what changed.
Edit setParent(MapDocument &doc, const QString &id, const QString &parent);
Edit setRequire(MapDocument &doc, const QString &id, std::optional<int> require);

// --- Dependencies -------------------------------------------------------------------------
// Appends a dependency: the canvas's drag from one component to another, or the dialog.
Edit addDependency(MapDocument &doc, Dependency d);
Edit deleteDependency(MapDocument &doc, const QString &from, const QString &to);
// Replaces the dependency from -> to (type, label; its ends may change too).
Edit editDependency(MapDocument &doc, const QString &from, const QString &to, Dependency after);
Edit setDependencyType(
    MapDocument &doc, const QString &from, const QString &to, DependencyType type);

// --- Checks without planning --------------------------------------------------------------
// Why `from` may not start depending on `to` (nullopt when it may). Cheap: for feedback while a
// drag hovers over a component.
std::optional<QString> checkNewDependency(const Map &map, const QString &from, const QString &to);
// Why a component's own properties are out of range (availability, cost, RTO, require < 0).
std::optional<QString> checkProperties(const Component &c);

// A fresh id for a new component: `base`, or `base-2`, `base-3`, ...
QString uniqueComponentId(const Map &map, const QString &base);

} // namespace edit
} // namespace faultline
