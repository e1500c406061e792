#pragma once

#include "model/map/map.h"

#include <QHash>
#include <QPointF>
#include <QStringList>
#include <QUndoCommand>

#include <optional>
#include <variant>
#include <vector>

namespace faultline {

class MapDocument;

namespace edit {

// One primitive change to one entry of the map, playable both ways: an insertion has no
// `before`, a removal no `after`, a replacement both. `index` is the entry's position in the
// map as it is when this step runs.
template<typename T>
struct Change
{
    int index = -1;
    std::optional<T> before;
    std::optional<T> after;
};

// A layout position. Positions go away with their component (Map::removeComponent) and follow
// an id rename (Map::setComponent), so only setting one needs a step: `after` is set when an
// edit places or moves a component, `before` when a removal or a move must put it back on undo.
// Positions cannot be taken away: undoing a step without `before` leaves the position.
struct PositionChange
{
    QString id;
    std::optional<QPointF> before;
    std::optional<QPointF> after;
};

using Step = std::variant<Change<Component>, Change<Dependency>, Change<Scenario>, PositionChange>;

// Plans an edit: records each primitive change while applying it to a copy of the map, so that
// every index is right for the map as it is at that step, and so that the resulting map can be
// checked before anything touches the document.
class EditPlan
{
public:
    explicit EditPlan(const Map &base) : m_map(base) { }

    // The map after the steps so far.
    const Map &map() const { return m_map; }
    bool isEmpty() const { return m_steps.empty(); }
    std::vector<Step> takeSteps() { return std::move(m_steps); }

    void insertComponent(ComponentIndex at, Component c);
    void setComponent(ComponentIndex i, Component c); // nothing when equal
    void removeComponent(ComponentIndex i);
    void insertDependency(DependencyIndex at, Dependency d);
    void setDependency(DependencyIndex i, Dependency d);
    void removeDependency(DependencyIndex i);
    void insertScenario(ScenarioIndex at, Scenario s);
    void setScenario(ScenarioIndex i, Scenario s);
    void removeScenario(ScenarioIndex i);
    // Sets a position; the step's `before` is the map's.
    void setPosition(const QString &id, QPointF p);
    // Sets a position whose `before` the caller knows (a drag started where its items were).
    void movePosition(const QString &id, std::optional<QPointF> before, QPointF after);

private:
    Map m_map;
    std::vector<Step> m_steps;
};

// The undo command every map edit is made of. redo() plays the steps on the document inside
// one batch (one mapChanged(), one re-evaluation), then sets positions; undo() plays them
// backwards, each inverted, so the map comes back exactly, order and positions included.
//
// Each command keeps the undo contract of model/editing/edits.h.
//
// The current what-if is not part of the undo history, but an edit keeps it meaningful: an id
// rename renames it there too, and undo puts back the what-if the edit changed (a deleted
// component that was failed is failed again) unless the user changed it since.
class MapEditCommand : public QUndoCommand
{
public:
    MapEditCommand(MapDocument *doc, const QString &text, std::vector<Step> steps);

    // Consecutive commands with the same non-empty merge key merge into one undo step: the
    // steps of a spin box's clicks on one component's `require` (only single-step commands that
    // change the same entry merge), or the moves of one drag (commands that only move).
    void setMergeKey(const QString &key) { m_mergeKey = key; }
    // An id rename to apply to the current what-if as well.
    void setRename(const QString &from, const QString &to);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const std::vector<Step> &steps() const { return m_steps; }

private:
    void play(bool forward);
    bool mergeMoves(const MapEditCommand &next);

    MapDocument *m_doc;
    std::vector<Step> m_steps;
    QString m_mergeKey;
    QHash<QString, QString> m_renames;
    QStringList m_failedBefore, m_degradedBefore, m_failedAfter, m_degradedAfter;
};

} // namespace edit
} // namespace faultline
