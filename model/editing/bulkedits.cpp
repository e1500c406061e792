#include "model/editing/bulkedits.h"

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

// Why `after` cannot replace its component in `map` (the map with the other changes of the
// same edit made), nullopt when it can.
std::optional<QString> checkOne(const Map &map, const Component &after)
{
    if (auto why = checkProperties(after))
        return quoted(after.displayName()) + QStringLiteral(": ") + *why;
    if (!after.parent.isEmpty()) {
        if (after.parent == after.id)
            return tr("%1 cannot be its own parent.").arg(quoted(after.displayName()));
        const auto p = map.findComponent(after.parent);
        if (!p)
            return tr("There is no component %1.").arg(quoted(after.parent));
        if (wouldCreateParentLoop(map, after.id, after.parent))
            return tr("%1 cannot be the parent of %2: it is inside %2.")
                .arg(quoted(map.component(*p).displayName()), quoted(after.displayName()));
    }
    if (after.require) {
        const int n = hardDependencyCount(map, after.id);
        if (*after.require > n)
            return tr("%1 has %2; it cannot require %3.")
                .arg(quoted(after.displayName()),
                    n == 1 ? tr("1 hard dependency") : tr("%1 hard dependencies").arg(n))
                .arg(*after.require);
    }
    return std::nullopt;
}

QString bulkText(const Map &result, const QStringList &labels, const Component &after, int count)
{
    if (labels.size() != 1)
        return tr("Edit %1 components").arg(count);
    if (labels.front() == tr("parent")) {
        if (after.parent.isEmpty())
            return tr("Move %1 components to the top level").arg(count);
        const auto p = result.findComponent(after.parent);
        return tr("Move %1 components into %2")
            .arg(count)
            .arg(quoted(p ? result.component(*p).displayName() : after.parent));
    }
    if (labels.front() == tr("kind"))
        return tr("Set the kind of %1 components to %2").arg(count).arg(quoted(after.kind));
    return tr("Set the %1 of %2 components").arg(labels.front()).arg(count);
}

} // namespace

Edit editComponents(
    MapDocument &doc, const QStringList &ids, const std::function<void(Component &)> &change)
{
    const Map &map = doc.map();
    struct Changed
    {
        ComponentIndex index;
        Component before, after;
    };
    std::vector<Changed> changed;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const auto i = map.findComponent(id);
        if (!i || seen.contains(id))
            continue;
        seen.insert(id);
        Component after = map.component(*i);
        change(after);
        if (after != map.component(*i))
            changed.push_back({*i, map.component(*i), std::move(after)});
    }
    if (changed.empty())
        return {};
    if (changed.size() == 1)
        return editComponent(doc, changed.front().before.id, changed.front().after);
    for (const Changed &c : changed) {
        if (c.after.id != c.before.id)
            return Edit {nullptr, tr("Several components cannot share one id.")};
    }

    EditPlan plan(map);
    QStringList labels;
    for (const Changed &c : changed) {
        plan.setComponent(c.index, c.after);
        for (const QString &label : changedProperties(c.before, c.after)) {
            if (!labels.contains(label))
                labels.append(label);
        }
    }
    for (const Changed &c : changed) {
        if (auto why = checkOne(plan.map(), c.after))
            return Edit {nullptr, *why};
    }
    if (auto why = validationError(plan.map()))
        return Edit {nullptr, *why};
    const QString text = bulkText(plan.map(), labels, changed.front().after, int(changed.size()));
    return Edit {std::make_unique<MapEditCommand>(&doc, text, plan.takeSteps()), {}};
}

} // namespace faultline::edit
