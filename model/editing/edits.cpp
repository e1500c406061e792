#include "model/editing/edits.h"

#include "model/editing/editinglog.h"
#include "model/editing/editplan.h"
#include "model/editing/mapdocument.h"
#include "model/map/validation.h"

#include <QCoreApplication>
#include <QSet>

namespace faultline::edit {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::edit", text);
}

QString quoted(const QString &s)
{
    return QStringLiteral("“%1”").arg(s);
}

// How a component is named in messages and command texts: its display name if it exists.
QString nameOf(const Map &map, const QString &id)
{
    if (const auto i = map.findComponent(id))
        return quoted(map.component(*i).displayName());
    return quoted(id);
}

QString dependencyName(const Map &map, const QString &from, const QString &to)
{
    return nameOf(map, from) + QStringLiteral(" → ") + nameOf(map, to);
}

QString hardDependencies(int n)
{
    return n == 1 ? tr("1 hard dependency") : tr("%1 hard dependencies").arg(n);
}

Edit refuse(const QString &message)
{
    return Edit {nullptr, message};
}

QString noComponent(const QString &id)
{
    return tr("There is no component %1.").arg(quoted(id));
}

// The last check before a command is made: the map it leaves must be valid, whatever the
// specific checks above it missed.
Edit finish(MapDocument &doc, EditPlan &plan, const QString &text, const QString &mergeKey = {},
    const QString &renamedFrom = {}, const QString &renamedTo = {})
{
    if (plan.isEmpty())
        return {};
    if (auto why = validationError(plan.map()))
        return refuse(*why);
    auto command = std::make_unique<MapEditCommand>(&doc, text, plan.takeSteps());
    command->setMergeKey(mergeKey);
    if (!renamedFrom.isEmpty())
        command->setRename(renamedFrom, renamedTo);
    return Edit {std::move(command), {}};
}

// Lowers `require` where it now exceeds the hard dependencies left; returns what it lowered,
// for the command's text.
QStringList lowerRequires(EditPlan &plan, const QStringList &ids)
{
    QStringList lowered;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto i = plan.map().findComponent(id);
        if (!i)
            continue;
        Component c = plan.map().component(*i);
        const int n = hardDependencyCount(plan.map(), id);
        if (!c.require || *c.require <= n)
            continue;
        c.require = n;
        plan.setComponent(*i, c);
        lowered.append(tr("require of %1 lowered to %2").arg(quoted(c.displayName())).arg(n));
    }
    return lowered;
}

QString withLowered(const QString &text, const QStringList &lowered)
{
    if (lowered.isEmpty())
        return text;
    return text + QStringLiteral(" (") + lowered.join(QStringLiteral("; ")) + QLatin1Char(')');
}

void rewriteReferences(EditPlan &plan, const QString &from, const QString &to)
{
    const Map &map = plan.map();
    for (int i = 0; i < map.componentCount(); ++i) {
        Component c = map.components()[i];
        if (c.parent == from) {
            c.parent = to;
            plan.setComponent(ComponentIndex(i), c);
        }
    }
    for (int i = 0; i < map.dependencyCount(); ++i) {
        Dependency d = map.dependencies()[i];
        if (d.from != from && d.to != from)
            continue;
        if (d.from == from)
            d.from = to;
        if (d.to == from)
            d.to = to;
        plan.setDependency(DependencyIndex(i), d);
    }
    for (int i = 0; i < int(map.scenarios().size()); ++i) {
        Scenario s = map.scenarios()[i];
        for (QStringList *list : {&s.fail, &s.degrade}) {
            for (QString &id : *list) {
                if (id == from)
                    id = to;
            }
        }
        plan.setScenario(ScenarioIndex(i), s);
    }
}

QString requireText(const Map &map, const Component &c)
{
    const QString who = quoted(c.displayName());
    if (!c.require)
        return tr("Require all hard dependencies of %1").arg(who);
    return tr("Require %1 of %2 for %3")
        .arg(*c.require)
        .arg(hardDependencies(hardDependencyCount(map, c.id)), who);
}

} // namespace

QStringList changedProperties(const Component &before, const Component &after)
{
    struct Field
    {
        bool changed;
        const char *label;
    };
    const Field fields[] = {
        {before.id != after.id, QT_TRANSLATE_NOOP("faultline::edit", "id")},
        {before.name != after.name, QT_TRANSLATE_NOOP("faultline::edit", "name")},
        {before.kind != after.kind, QT_TRANSLATE_NOOP("faultline::edit", "kind")},
        {before.parent != after.parent, QT_TRANSLATE_NOOP("faultline::edit", "parent")},
        {before.require != after.require, QT_TRANSLATE_NOOP("faultline::edit", "require")},
        {before.owner != after.owner, QT_TRANSLATE_NOOP("faultline::edit", "owner")},
        {before.tier != after.tier, QT_TRANSLATE_NOOP("faultline::edit", "tier")},
        {before.description != after.description,
            QT_TRANSLATE_NOOP("faultline::edit", "description")},
        {before.tags != after.tags, QT_TRANSLATE_NOOP("faultline::edit", "tags")},
        {before.availability != after.availability,
            QT_TRANSLATE_NOOP("faultline::edit", "availability")},
        {before.rtoMinutes != after.rtoMinutes, QT_TRANSLATE_NOOP("faultline::edit", "RTO")},
        {before.rpoMinutes != after.rpoMinutes, QT_TRANSLATE_NOOP("faultline::edit", "RPO")},
        {before.targetRtoMinutes != after.targetRtoMinutes,
            QT_TRANSLATE_NOOP("faultline::edit", "target RTO")},
        {before.targetRpoMinutes != after.targetRpoMinutes,
            QT_TRANSLATE_NOOP("faultline::edit", "target RPO")},
        {before.costPerHour != after.costPerHour,
            QT_TRANSLATE_NOOP("faultline::edit", "cost per hour")},
        {before.business != after.business, QT_TRANSLATE_NOOP("faultline::edit", "business flag")},
        {before.extra != after.extra, QT_TRANSLATE_NOOP("faultline::edit", "other properties")},
    };
    QStringList labels;
    for (const Field &f : fields) {
        if (f.changed)
            labels.append(tr(f.label));
    }
    return labels;
}

QString describeComponentEdit(const Map &result, const Component &before, const Component &after)
{
    const QString who = quoted(before.displayName());
    const QStringList changed = changedProperties(before, after);
    if (changed.size() != 1)
        return tr("Edit %1").arg(who);
    if (before.name != after.name)
        return tr("Rename %1 to %2").arg(who, quoted(after.displayName()));
    if (before.id != after.id)
        return tr("Change the id of %1 to %2").arg(who, quoted(after.id));
    if (before.parent != after.parent) {
        if (after.parent.isEmpty())
            return tr("Move %1 to the top level").arg(who);
        return tr("Move %1 into %2").arg(who, nameOf(result, after.parent));
    }
    if (before.require != after.require)
        return requireText(result, after);
    if (before.kind != after.kind)
        return tr("Change the kind of %1 to %2").arg(who, quoted(after.kind));
    return tr("Change the %1 of %2").arg(changed.front(), who);
}

namespace {

Edit planComponentEdit(MapDocument &doc, const QString &id, Component after,
    const QString &mergeKey = {}, const QHash<QString, QPointF> &positions = {})
{
    const Map &map = doc.map();
    const auto i = map.findComponent(id);
    if (!i)
        return refuse(noComponent(id));
    const Component before = map.component(*i);
    if (before == after)
        return {};
    if (after.id.trimmed().isEmpty())
        return refuse(tr("A component needs an id."));
    if (after.id != id && map.findComponent(after.id))
        return refuse(tr("There is already a component with the id %1.").arg(quoted(after.id)));
    if (auto why = checkProperties(after))
        return refuse(*why);

    EditPlan plan(map);
    plan.setComponent(*i, after);
    if (after.id != id)
        rewriteReferences(plan, id, after.id);

    const Map &result = plan.map();
    if (!after.parent.isEmpty()) {
        if (after.parent == after.id || after.parent == id)
            return refuse(tr("A component cannot be its own parent."));
        if (!result.findComponent(after.parent))
            return refuse(noComponent(after.parent));
        if (wouldCreateParentLoop(result, after.id, after.parent))
            return refuse(tr("%1 cannot be the parent of %2: it is inside %2.")
                              .arg(nameOf(result, after.parent), quoted(after.displayName())));
    }
    if (after.require) {
        const int n = hardDependencyCount(result, after.id);
        if (*after.require > n)
            return refuse(tr("%1 has %2; it cannot require %3.")
                              .arg(quoted(after.displayName()), hardDependencies(n))
                              .arg(*after.require));
    }
    const QString text = describeComponentEdit(result, before, after);
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (plan.map().findComponent(it.key()))
            plan.setPosition(it.key(), it.value());
    }
    if (after.id != id)
        return finish(doc, plan, text, mergeKey, id, after.id);
    return finish(doc, plan, text, mergeKey);
}

} // namespace

std::optional<QString> tryPush(MapDocument &doc, Edit edit)
{
    if (edit.isRefused()) {
        qCDebug(lcEditing) << "refused:" << edit.refusal;
        return edit.refusal;
    }
    if (edit.command)
        doc.undoStack()->push(edit.command.release());
    return std::nullopt;
}

std::optional<QString> checkProperties(const Component &c)
{
    if (c.availability && !(*c.availability >= 0.0 && *c.availability <= 1.0))
        return tr("Availability must be between 0 and 1 (for example 0.9995).");
    if (c.costPerHour && !(*c.costPerHour >= 0.0))
        return tr("Cost per hour cannot be negative.");
    if (c.rtoMinutes && !(*c.rtoMinutes >= 0.0))
        return tr("RTO cannot be negative.");
    if (c.rpoMinutes && !(*c.rpoMinutes >= 0.0))
        return tr("RPO cannot be negative.");
    if (c.targetRtoMinutes && !(*c.targetRtoMinutes >= 0.0))
        return tr("Target RTO cannot be negative.");
    if (c.targetRpoMinutes && !(*c.targetRpoMinutes >= 0.0))
        return tr("Target RPO cannot be negative.");
    if (c.require && *c.require < 0)
        return tr("Require cannot be negative.");
    return std::nullopt;
}

std::optional<QString> checkNewDependency(const Map &map, const QString &from, const QString &to)
{
    if (from.isEmpty() || to.isEmpty())
        return tr("Choose the component that depends and the one it needs.");
    if (!map.findComponent(from))
        return noComponent(from);
    if (!map.findComponent(to))
        return noComponent(to);
    if (from == to)
        return tr("A component cannot depend on itself.");
    if (map.findDependency(from, to))
        return tr("%1 already depends on %2.").arg(nameOf(map, from), nameOf(map, to));
    return std::nullopt;
}

QString uniqueComponentId(const Map &map, const QString &base)
{
    const QString stem = base.trimmed().isEmpty() ? QStringLiteral("component") : base.trimmed();
    if (!map.findComponent(stem))
        return stem;
    for (int k = 2;; ++k) {
        const QString id = stem + QLatin1Char('-') + QString::number(k);
        if (!map.findComponent(id))
            return id;
    }
}

Edit addComponent(MapDocument &doc, Component c, std::optional<QPointF> position,
    const QHash<QString, QPointF> &moves)
{
    const Map &map = doc.map();
    if (c.id.trimmed().isEmpty())
        return refuse(tr("A component needs an id."));
    if (map.findComponent(c.id))
        return refuse(tr("There is already a component with the id %1.").arg(quoted(c.id)));
    if (auto why = checkProperties(c))
        return refuse(*why);
    if (!c.parent.isEmpty() && c.parent == c.id)
        return refuse(tr("A component cannot be its own parent."));
    if (!c.parent.isEmpty() && !map.findComponent(c.parent))
        return refuse(noComponent(c.parent));
    if (c.require && *c.require > 0)
        return refuse(tr("%1 has no hard dependencies yet; it cannot require %2.")
                          .arg(quoted(c.displayName()))
                          .arg(*c.require));
    EditPlan plan(map);
    const QString text = tr("Add %1").arg(quoted(c.displayName()));
    const QString id = c.id;
    plan.insertComponent(ComponentIndex(map.componentCount()), std::move(c));
    if (position)
        plan.setPosition(id, *position);
    for (auto it = moves.cbegin(); it != moves.cend(); ++it) {
        if (it.key() != id && map.findComponent(it.key()))
            plan.setPosition(it.key(), it.value());
    }
    return finish(doc, plan, text);
}

Edit deleteComponents(MapDocument &doc, const QStringList &ids)
{
    const Map &map = doc.map();
    QStringList unique;
    for (const QString &id : ids) {
        if (!map.findComponent(id))
            return refuse(noComponent(id));
        if (!unique.contains(id))
            unique.append(id);
    }
    if (unique.isEmpty())
        return {};

    EditPlan plan(map);
    QStringList dependents; // whose hard dependency goes away
    for (const QString &id : unique) {
        const Component gone = plan.map().component(*plan.map().findComponent(id));
        // Last first, so that the indices of those still to remove stay put.
        for (int i = plan.map().dependencyCount() - 1; i >= 0; --i) {
            const Dependency &d = plan.map().dependencies()[i];
            if (d.from != id && d.to != id)
                continue;
            if (d.to == id && d.isHard())
                dependents.append(d.from);
            plan.removeDependency(DependencyIndex(i));
        }
        for (int i = 0; i < plan.map().componentCount(); ++i) {
            Component child = plan.map().components()[i];
            if (child.parent == id) {
                child.parent = gone.parent;
                plan.setComponent(ComponentIndex(i), child);
            }
        }
        for (int i = 0; i < int(plan.map().scenarios().size()); ++i) {
            Scenario s = plan.map().scenarios()[i];
            s.fail.removeAll(id);
            s.degrade.removeAll(id);
            plan.setScenario(ScenarioIndex(i), s);
        }
        plan.removeComponent(*plan.map().findComponent(id));
    }
    const QStringList lowered = lowerRequires(plan, dependents);
    const QString text = unique.size() == 1 ? tr("Delete %1").arg(nameOf(map, unique.front()))
                                            : tr("Delete %1 components").arg(unique.size());
    return finish(doc, plan, withLowered(text, lowered));
}

Edit editComponent(MapDocument &doc, const QString &id, Component after)
{
    return planComponentEdit(doc, id, std::move(after));
}

Edit setParent(MapDocument &doc, const QString &id, const QString &parent,
    const QHash<QString, QPointF> &positions)
{
    const auto i = doc.map().findComponent(id);
    if (!i)
        return refuse(noComponent(id));
    Component c = doc.map().component(*i);
    c.parent = parent;
    return planComponentEdit(doc, id, std::move(c), {}, positions);
}

Edit setRequire(MapDocument &doc, const QString &id, std::optional<int> require)
{
    const auto i = doc.map().findComponent(id);
    if (!i)
        return refuse(noComponent(id));
    Component c = doc.map().component(*i);
    c.require = require;
    return planComponentEdit(doc, id, std::move(c), QStringLiteral("require:") + id);
}

Edit addDependency(MapDocument &doc, Dependency d)
{
    const Map &map = doc.map();
    if (auto why = checkNewDependency(map, d.from, d.to))
        return refuse(*why);
    const QString text = d.isHard()
        ? tr("Add dependency %1").arg(dependencyName(map, d.from, d.to))
        : tr("Add soft dependency %1").arg(dependencyName(map, d.from, d.to));
    EditPlan plan(map);
    plan.insertDependency(DependencyIndex(map.dependencyCount()), std::move(d));
    return finish(doc, plan, text);
}

Edit deleteDependency(MapDocument &doc, const QString &from, const QString &to)
{
    const Map &map = doc.map();
    const auto i = map.findDependency(from, to);
    if (!i)
        return refuse(tr("There is no dependency %1.").arg(dependencyName(map, from, to)));
    EditPlan plan(map);
    plan.removeDependency(*i);
    const QStringList lowered = lowerRequires(plan, {from});
    return finish(doc, plan,
        withLowered(tr("Delete dependency %1").arg(dependencyName(map, from, to)), lowered));
}

Edit editDependency(MapDocument &doc, const QString &from, const QString &to, Dependency after)
{
    const Map &map = doc.map();
    const auto i = map.findDependency(from, to);
    if (!i)
        return refuse(tr("There is no dependency %1.").arg(dependencyName(map, from, to)));
    const Dependency before = map.dependency(*i);
    if (before == after)
        return {};
    const bool ends = after.from != from || after.to != to;
    if (ends) {
        if (auto why = checkNewDependency(map, after.from, after.to))
            return refuse(*why);
    }
    EditPlan plan(map);
    plan.setDependency(*i, after);
    QStringList lowered;
    if (before.isHard() && (!after.isHard() || after.from != from))
        lowered = lowerRequires(plan, {from});

    const QString which = dependencyName(map, from, to);
    QString text;
    if (ends)
        text = tr("Reconnect dependency %1").arg(which);
    else if (before.type != after.type && before.label == after.label
        && before.extra == after.extra)
        text = after.isHard() ? tr("Make %1 hard").arg(which) : tr("Make %1 soft").arg(which);
    else if (before.type == after.type && before.label != after.label
        && before.extra == after.extra)
        text = tr("Change the label of %1").arg(which);
    else
        text = tr("Edit dependency %1").arg(which);
    return finish(doc, plan, withLowered(text, lowered));
}

Edit setDependencyType(
    MapDocument &doc, const QString &from, const QString &to, DependencyType type)
{
    const auto i = doc.map().findDependency(from, to);
    if (!i)
        return refuse(tr("There is no dependency %1.").arg(dependencyName(doc.map(), from, to)));
    Dependency d = doc.map().dependency(*i);
    d.type = type;
    return editDependency(doc, from, to, std::move(d));
}

// --- Saved scenarios ----------------------------------------------------------------------

namespace {

std::optional<QString> checkScenarioName(const Map &map, const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("A scenario needs a name.");
    if (map.findScenario(name))
        return tr("There is already a scenario named %1.").arg(quoted(name));
    return std::nullopt;
}

QString noScenario(const QString &name)
{
    return tr("There is no scenario %1.").arg(quoted(name));
}

} // namespace

Edit addScenario(MapDocument &doc, Scenario scenario)
{
    const Map &map = doc.map();
    if (auto why = checkScenarioName(map, scenario.name))
        return refuse(*why);
    const QString text = tr("Save scenario %1").arg(quoted(scenario.name));
    EditPlan plan(map);
    plan.insertScenario(ScenarioIndex(int(map.scenarios().size())), std::move(scenario));
    return finish(doc, plan, text);
}

Edit renameScenario(MapDocument &doc, const QString &name, const QString &newName)
{
    const Map &map = doc.map();
    const auto i = map.findScenario(name);
    if (!i)
        return refuse(noScenario(name));
    if (newName == name)
        return {};
    if (auto why = checkScenarioName(map, newName))
        return refuse(*why);
    Scenario s = map.scenario(*i);
    s.name = newName;
    EditPlan plan(map);
    plan.setScenario(*i, std::move(s));
    return finish(doc, plan, tr("Rename scenario %1").arg(quoted(name)));
}

Edit deleteScenario(MapDocument &doc, const QString &name)
{
    const auto i = doc.map().findScenario(name);
    if (!i)
        return refuse(noScenario(name));
    EditPlan plan(doc.map());
    plan.removeScenario(*i);
    return finish(doc, plan, tr("Delete scenario %1").arg(quoted(name)));
}

// --- Positions ----------------------------------------------------------------------------

int newGesture()
{
    static int next = 0;
    return ++next;
}

Edit moveComponents(MapDocument &doc, const QHash<QString, QPointF> &before,
    const QHash<QString, QPointF> &after, int gesture)
{
    EditPlan plan(doc.map());
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!doc.map().findComponent(it.key()))
            continue; // deleted since the gesture or the layout began
        const auto from = before.constFind(it.key());
        plan.movePosition(it.key(),
            from == before.cend() ? std::nullopt : std::optional<QPointF>(*from), it.value());
    }
    const QString text = after.size() == 1
        ? QCoreApplication::translate("faultline::edit", "Move 1 component")
        : QCoreApplication::translate("faultline::edit", "Move %1 components").arg(after.size());
    return finish(
        doc, plan, text, gesture != 0 ? QStringLiteral("move:%1").arg(gesture) : QString());
}

Edit applyLayout(MapDocument &doc, const QHash<QString, QPointF> &positions)
{
    EditPlan plan(doc.map());
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (!doc.map().findComponent(it.key()))
            continue;
        plan.setPosition(it.key(), it.value());
    }
    return finish(doc, plan, tr("Re-layout"));
}

} // namespace faultline::edit
