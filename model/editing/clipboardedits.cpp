#include "model/editing/clipboardedits.h"

#include "model/editing/editplan.h"
#include "model/editing/mapdocument.h"
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace faultline::edit {

namespace {

const QString pasteParentKey = QStringLiteral("paste_parent");

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::edit", text);
}

} // namespace

QByteArray copyComponents(const Map &map, const QStringList &ids)
{
    const QSet<QString> chosen(ids.begin(), ids.end());
    Map clip;
    clip.name = map.name;
    for (const Component &c : map.components()) {
        if (!chosen.contains(c.id))
            continue;
        Component copy = c;
        if (!copy.parent.isEmpty() && !chosen.contains(copy.parent)) {
            copy.extra.insert(pasteParentKey, copy.parent);
            copy.parent.clear();
        }
        // `require` counts hard dependencies; those not copied would make it too large.
        clip.addComponent(std::move(copy));
        if (map.positions().contains(c.id))
            clip.setPosition(c.id, map.positions().value(c.id));
    }
    for (const Dependency &d : map.dependencies()) {
        if (chosen.contains(d.from) && chosen.contains(d.to))
            clip.addDependency(d);
    }
    for (int i = 0; i < clip.componentCount(); ++i) {
        Component c = clip.component(ComponentIndex(i));
        if (c.require && *c.require > hardDependencyCount(clip, c.id)) {
            c.require = hardDependencyCount(clip, c.id);
            clip.setComponent(ComponentIndex(i), c);
        }
    }
    return interchange::write(clip);
}

QString pasteTarget(const Map &map, const Component &copied)
{
    const QString outside = copied.extra.value(pasteParentKey).toString();
    return map.findComponent(outside) ? outside : QString();
}

Edit pasteComponents(MapDocument &doc, const QByteArray &json, QStringList *newIds,
    const QHash<QString, QPointF> &at, const QHash<QString, QPointF> &moves)
{
    Map clip;
    try {
        clip = interchange::read(json, tr("the clipboard"));
    } catch (const Error &e) {
        return Edit {nullptr, e.message()};
    }
    if (clip.componentCount() == 0)
        return {};
    EditPlan plan(doc.map());
    QHash<QString, QString> renamed;
    for (const Component &c : clip.components()) {
        QString id = c.id;
        if (plan.map().findComponent(id) || renamed.values().contains(id))
            id = uniqueComponentId(plan.map(), c.id);
        // Ids taken by components pasted before this one are in the plan's map already.
        renamed.insert(c.id, id);
        Component added = c;
        added.id = id;
        plan.insertComponent(ComponentIndex(plan.map().componentCount()), added);
    }
    for (const Component &c : clip.components()) {
        const auto i = plan.map().findComponent(renamed.value(c.id));
        Component added = plan.map().component(*i);
        if (!c.parent.isEmpty()) {
            added.parent = renamed.value(c.parent);
        } else {
            const QString outside = added.extra.value(pasteParentKey).toString();
            const auto p = plan.map().findComponent(outside);
            added.parent = p && !renamed.values().contains(outside) ? outside : QString();
        }
        added.extra.remove(pasteParentKey);
        plan.setComponent(*i, added);
    }
    for (Dependency d : clip.dependencies()) {
        d.from = renamed.value(d.from);
        d.to = renamed.value(d.to);
        plan.insertDependency(DependencyIndex(plan.map().dependencyCount()), d);
    }
    if (const auto why = validationError(plan.map()))
        return Edit {nullptr, *why};
    for (auto it = at.cbegin(); it != at.cend(); ++it) {
        if (renamed.contains(it.key()))
            plan.setPosition(renamed.value(it.key()), it.value());
    }
    for (auto it = moves.cbegin(); it != moves.cend(); ++it) {
        if (doc.map().findComponent(it.key()))
            plan.setPosition(it.key(), it.value());
    }
    if (newIds) {
        newIds->clear();
        for (const Component &c : clip.components())
            newIds->append(renamed.value(c.id));
    }
    const QString text = clip.componentCount() == 1
        ? tr("Paste “%1”").arg(clip.components().front().displayName())
        : tr("Paste %1 components").arg(clip.componentCount());
    return Edit {std::make_unique<MapEditCommand>(&doc, text, plan.takeSteps()), {}};
}

} // namespace faultline::edit
