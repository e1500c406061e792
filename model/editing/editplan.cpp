#include "model/editing/editplan.h"

#include "model/editing/mapdocument.h"

#include <algorithm>

namespace faultline::edit {

void EditPlan::insertComponent(ComponentIndex at, Component c)
{
    m_steps.push_back(Change<Component> {at.value, std::nullopt, c});
    m_map.insertComponent(at, std::move(c));
}

void EditPlan::setComponent(ComponentIndex i, Component c)
{
    if (m_map.component(i) == c)
        return;
    m_steps.push_back(Change<Component> {i.value, m_map.component(i), c});
    m_map.setComponent(i, std::move(c));
}

void EditPlan::removeComponent(ComponentIndex i)
{
    const Component &c = m_map.component(i);
    const auto position = m_map.positions().constFind(c.id);
    if (position != m_map.positions().cend())
        m_steps.push_back(PositionChange {c.id, *position, std::nullopt});
    m_steps.push_back(Change<Component> {i.value, c, std::nullopt});
    m_map.removeComponent(i);
}

void EditPlan::insertDependency(DependencyIndex at, Dependency d)
{
    m_steps.push_back(Change<Dependency> {at.value, std::nullopt, d});
    m_map.insertDependency(at, std::move(d));
}

void EditPlan::setDependency(DependencyIndex i, Dependency d)
{
    if (m_map.dependency(i) == d)
        return;
    m_steps.push_back(Change<Dependency> {i.value, m_map.dependency(i), d});
    m_map.setDependency(i, std::move(d));
}

void EditPlan::removeDependency(DependencyIndex i)
{
    m_steps.push_back(Change<Dependency> {i.value, m_map.dependency(i), std::nullopt});
    m_map.removeDependency(i);
}

void EditPlan::insertScenario(ScenarioIndex at, Scenario s)
{
    m_steps.push_back(Change<Scenario> {at.value, std::nullopt, s});
    m_map.insertScenario(at, std::move(s));
}

void EditPlan::removeScenario(ScenarioIndex i)
{
    m_steps.push_back(Change<Scenario> {i.value, m_map.scenario(i), std::nullopt});
    m_map.removeScenario(i);
}

void EditPlan::setScenario(ScenarioIndex i, Scenario s)
{
    if (m_map.scenario(i) == s)
        return;
    m_steps.push_back(Change<Scenario> {i.value, m_map.scenario(i), s});
    m_map.setScenario(i, std::move(s));
}

void EditPlan::setPosition(const QString &id, QPointF p)
{
    const auto old = m_map.positions().constFind(id);
    std::optional<QPointF> before;
    if (old != m_map.positions().cend())
        before = *old;
    movePosition(id, before, p);
}

void EditPlan::movePosition(const QString &id, std::optional<QPointF> before, QPointF after)
{
    m_steps.push_back(PositionChange {id, before, after});
    m_map.setPosition(id, after);
}

namespace {

// Plays one step on the document, forwards or inverted.
template<typename T>
void playChange(MapDocument &doc, const Change<T> &change, bool forward)
{
    const std::optional<T> &from = forward ? change.before : change.after;
    const std::optional<T> &to = forward ? change.after : change.before;
    if constexpr (std::is_same_v<T, Component>) {
        const ComponentIndex i(change.index);
        if (!from)
            doc.insertComponent(i, *to);
        else if (!to)
            doc.removeComponent(i);
        else
            doc.setComponent(i, *to);
    } else if constexpr (std::is_same_v<T, Dependency>) {
        const DependencyIndex i(change.index);
        if (!from)
            doc.insertDependency(i, *to);
        else if (!to)
            doc.removeDependency(i);
        else
            doc.setDependency(i, *to);
    } else {
        const ScenarioIndex i(change.index);
        if (!from)
            doc.insertScenario(i, *to);
        else if (!to)
            doc.removeScenario(i);
        else
            doc.setScenario(i, *to);
    }
}

void playChange(MapDocument &, const PositionChange &, bool)
{
    // Positions are set after the batch, once the map they belong to is complete.
}

QStringList renamed(const QStringList &ids, const QHash<QString, QString> &renames)
{
    QStringList out;
    out.reserve(ids.size());
    for (const QString &id : ids)
        out.append(renames.value(id, id));
    return out;
}

constexpr int mergeableId = 0x46'4c; // any fixed number: commands of this class that may merge

} // namespace

MapEditCommand::MapEditCommand(MapDocument *doc, const QString &text, std::vector<Step> steps)
    : QUndoCommand(text), m_doc(doc), m_steps(std::move(steps))
{ }

void MapEditCommand::setRename(const QString &from, const QString &to)
{
    m_renames.insert(from, to);
}

void MapEditCommand::redo()
{
    play(true);
}

void MapEditCommand::undo()
{
    play(false);
}

void MapEditCommand::play(bool forward)
{
    const QStringList failed = m_doc->failed();
    const QStringList degraded = m_doc->degraded();

    m_doc->beginBatch();
    const auto playOne = [&](const Step &step) {
        std::visit([&](const auto &change) { playChange(*m_doc, change, forward); }, step);
    };
    if (forward) {
        for (const Step &step : m_steps)
            playOne(step);
    } else {
        for (auto it = m_steps.rbegin(); it != m_steps.rend(); ++it)
            playOne(*it);
    }
    m_doc->endBatch();

    QHash<QString, QPointF> positions;
    for (const Step &step : m_steps) {
        if (const auto *p = std::get_if<PositionChange>(&step)) {
            if (const auto &target = forward ? p->after : p->before)
                positions.insert(p->id, *target);
        }
    }
    if (!positions.isEmpty())
        m_doc->setPositions(positions);

    if (forward) {
        m_failedBefore = failed;
        m_degradedBefore = degraded;
        if (!m_renames.isEmpty())
            m_doc->setWhatIf(renamed(failed, m_renames), renamed(degraded, m_renames));
        m_failedAfter = m_doc->failed();
        m_degradedAfter = m_doc->degraded();
    } else if (failed == m_failedAfter && degraded == m_degradedAfter
        && (m_doc->failed() != m_failedBefore || m_doc->degraded() != m_degradedBefore)) {
        m_doc->setWhatIf(m_failedBefore, m_degradedBefore);
    }
    if (forward) {
        m_doc->announceRenames(m_renames);
    } else {
        QHash<QString, QString> back;
        for (auto it = m_renames.cbegin(); it != m_renames.cend(); ++it)
            back.insert(it.value(), it.key());
        m_doc->announceRenames(back);
    }
}

int MapEditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : mergeableId;
}

namespace {

bool onlyMoves(const std::vector<Step> &steps)
{
    return std::all_of(steps.cbegin(), steps.cend(),
        [](const Step &s) { return std::holds_alternative<PositionChange>(s); });
}

} // namespace

bool MapEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const MapEditCommand *>(other);
    if (!next || next->m_mergeKey != m_mergeKey)
        return false;
    if (onlyMoves(m_steps) && onlyMoves(next->m_steps))
        return mergeMoves(*next);
    if (m_steps.size() != 1 || next->m_steps.size() != 1)
        return false;
    auto *mine = std::get_if<Change<Component>>(&m_steps.front());
    const auto *theirs = std::get_if<Change<Component>>(&next->m_steps.front());
    if (!mine || !theirs || mine->index != theirs->index || !mine->after || !theirs->before
        || !theirs->after || *mine->after != *theirs->before)
        return false;
    mine->after = theirs->after;
    m_failedAfter = next->m_failedAfter;
    m_degradedAfter = next->m_degradedAfter;
    setText(next->text());
    setObsolete(mine->before == mine->after);
    return true;
}

// One gesture's moves: each component from where it was before the first to where the last put it.
bool MapEditCommand::mergeMoves(const MapEditCommand &next)
{
    for (const Step &step : next.m_steps) {
        const auto &move = std::get<PositionChange>(step);
        auto mine = std::find_if(m_steps.begin(), m_steps.end(),
            [&](const Step &s) { return std::get<PositionChange>(s).id == move.id; });
        if (mine == m_steps.end())
            m_steps.push_back(move);
        else
            std::get<PositionChange>(*mine).after = move.after;
    }
    return true;
}

} // namespace faultline::edit
