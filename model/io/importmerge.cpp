#include "model/io/importmerge.h"

#include "model/io/importsource.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QJsonArray>
#include <QSet>

namespace faultline {

namespace {

const QString snapshotKey = QStringLiteral("imported");
const QString snapshotTypeKey = QStringLiteral("imported_type");

QJsonValue optional(const std::optional<int> &v) { return v ? QJsonValue(*v) : QJsonValue(); }
QJsonValue optional(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); }
QJsonValue text(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

// A component's properties as JSON values (null: not set), bookkeeping keys left out.
QJsonObject fieldsOf(const Component &c)
{
    QJsonObject f;
    auto put = [&](const char *key, const QJsonValue &v) {
        if (!v.isNull())
            f.insert(QLatin1String(key), v);
    };
    put("name", text(c.name));
    put("kind", text(c.kind));
    put("parent", text(c.parent));
    put("require", optional(c.require));
    put("owner", text(c.owner));
    put("tier", optional(c.tier));
    put("description", text(c.description));
    put("tags", c.tags ? QJsonValue(QJsonArray::fromStringList(*c.tags)) : QJsonValue());
    put("availability", optional(c.availability));
    put("rto_minutes", optional(c.rtoMinutes));
    put("cost_per_hour", optional(c.costPerHour));
    put("business", c.business ? QJsonValue(*c.business) : QJsonValue());
    for (auto e = c.extra.begin(); e != c.extra.end(); ++e) {
        if (e.key() != importSourcesKey() && e.key() != snapshotKey)
            f.insert(QStringLiteral("extra.") + e.key(), e.value());
    }
    return f;
}

QJsonValue fieldOf(const Component &c, const QString &key)
{
    return fieldsOf(c).value(key);
}

void setField(Component &c, const QString &key, const QJsonValue &v)
{
    auto number = [&]() -> std::optional<double> {
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    auto whole = [&]() -> std::optional<int> {
        return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
    };
    if (key == QLatin1String("name"))
        c.name = v.toString();
    else if (key == QLatin1String("kind"))
        c.kind = v.toString();
    else if (key == QLatin1String("parent"))
        c.parent = v.toString();
    else if (key == QLatin1String("require"))
        c.require = whole();
    else if (key == QLatin1String("owner"))
        c.owner = v.toString();
    else if (key == QLatin1String("tier"))
        c.tier = whole();
    else if (key == QLatin1String("description"))
        c.description = v.toString();
    else if (key == QLatin1String("tags")) {
        if (v.isArray()) {
            QStringList tags;
            for (const QJsonValue &t : v.toArray())
                tags.append(t.toString());
            c.tags = tags;
        } else {
            c.tags.reset();
        }
    } else if (key == QLatin1String("availability"))
        c.availability = number();
    else if (key == QLatin1String("rto_minutes"))
        c.rtoMinutes = number();
    else if (key == QLatin1String("cost_per_hour"))
        c.costPerHour = number();
    else if (key == QLatin1String("business"))
        c.business = v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
    else if (key.startsWith(QLatin1String("extra."))) {
        if (v.isNull() || v.isUndefined())
            c.extra.remove(key.mid(6));
        else
            c.extra.insert(key.mid(6), v);
    }
}

QString shown(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("(none)");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 12);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &i : v.toArray())
            items.append(shown(i));
        return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
    }
    return QStringLiteral("{…}");
}

// Updates one component from its imported version; the changes made, for the report.
QStringList updateComponent(Component &c, const Component &imported, const QString &source)
{
    const QJsonObject now = fieldsOf(imported);
    QJsonObject snapshots = c.extra.value(snapshotKey).toObject();
    const QJsonObject before = snapshots.value(source).toObject();
    const bool firstImport = !snapshots.contains(source);
    QStringList changes;
    QSet<QString> keys;
    for (auto k = now.begin(); k != now.end(); ++k)
        keys.insert(k.key());
    for (auto k = before.begin(); k != before.end(); ++k)
        keys.insert(k.key());
    QStringList ordered = keys.values();
    ordered.sort();
    for (const QString &key : ordered) {
        const QJsonValue current = fieldOf(c, key);
        const QJsonValue wanted = now.value(key);
        if (current == wanted)
            continue;
        // A field this import never set before keeps what the component has (set by hand, or
        // by another import: a Terraform address a catalog also names); so does one changed
        // since this import last set it.
        const bool byHand = firstImport ? !current.isUndefined() : current != before.value(key);
        if (byHand)
            continue;
        setField(c, key, wanted);
        QString field = key;
        if (field.startsWith(QLatin1String("extra.")))
            field = field.mid(6);
        changes.append(QStringLiteral("%1 %2 → %3").arg(field, shown(current), shown(wanted)));
    }
    snapshots.insert(source, now);
    c.extra.insert(snapshotKey, snapshots);
    addImportSource(c.extra, source);
    return changes;
}

QString ends(const QString &from, const QString &to)
{
    return from + QChar(0) + to;
}

} // namespace

bool MergeReport::isEmpty() const
{
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && dependencies.isEmpty()
        && handMade.isEmpty();
}

QString MergeReport::text(const QString &source) const
{
    QString out = QStringLiteral("%1: %2 added, %3 changed, %4 removed\n")
                      .arg(source)
                      .arg(addedCount)
                      .arg(changedCount)
                      .arg(removedCount);
    for (const QStringList *list : {&added, &changed, &removed, &dependencies, &handMade}) {
        for (const QString &line : *list)
            out += line + u'\n';
    }
    return out;
}

MergeReport mergeImport(Map &map, const Map &imported, const QString &source)
{
    MergeReport report;
    QHash<QString, int> importedIndex;
    for (int i = 0; i < imported.componentCount(); ++i)
        importedIndex.insert(imported.component(ComponentIndex(i)).id, i);

    // Components: update, mark, or drop this source's mark.
    std::vector<Component> kept;
    kept.reserve(std::size_t(map.componentCount() + imported.componentCount()));
    QHash<QString, QString> removedParents; // removed id -> its parent
    QSet<QString> present;
    for (const Component &existing : map.components()) {
        Component c = existing;
        if (const auto i = importedIndex.constFind(c.id); i != importedIndex.cend()) {
            const QStringList changes = updateComponent(c, imported.component(ComponentIndex(*i)), source);
            if (!changes.isEmpty()) {
                report.changed.append(QStringLiteral("~ %1: %2").arg(c.id, changes.join(QStringLiteral(", "))));
                ++report.changedCount;
            }
        } else if (hasImportSource(c.extra, source)) {
            removeImportSource(c.extra, source);
            QJsonObject snapshots = c.extra.value(snapshotKey).toObject();
            snapshots.remove(source);
            c.extra.insert(snapshotKey, snapshots);
            if (importSources(c.extra).isEmpty()) {
                removedParents.insert(c.id, c.parent);
                report.removed.append(QStringLiteral("- %1").arg(c.id));
                ++report.removedCount;
                continue;
            }
        }
        present.insert(c.id);
        kept.push_back(std::move(c));
    }
    for (const Component &ic : imported.components()) {
        if (present.contains(ic.id))
            continue;
        Component c = ic;
        c.extra.insert(snapshotKey, QJsonObject {{source, fieldsOf(ic)}});
        addImportSource(c.extra, source);
        report.added.append(QStringLiteral("+ %1 (%2)").arg(c.id, c.kind));
        ++report.addedCount;
        present.insert(c.id);
        kept.push_back(std::move(c));
    }
    // A child of a removed component (made by hand, or by another import) moves up.
    for (Component &c : kept) {
        QString parent = c.parent;
        while (removedParents.contains(parent))
            parent = removedParents.value(parent);
        if (parent != c.parent) {
            report.handMade.append(QStringLiteral("! %1 moves from %2 (removed) to %3")
                                       .arg(c.id, c.parent,
                                           parent.isEmpty() ? QStringLiteral("the top level") : parent));
            c.parent = parent;
        }
    }

    // Dependencies.
    QHash<QString, const Dependency *> importedDeps;
    for (const Dependency &d : imported.dependencies())
        importedDeps.insert(ends(d.from, d.to), &d);
    std::vector<Dependency> deps;
    QSet<QString> seen;
    for (const Dependency &existing : map.dependencies()) {
        Dependency d = existing;
        const bool handMade = importSources(d.extra).isEmpty();
        if (!present.contains(d.from) || !present.contains(d.to)) {
            const QString gone = present.contains(d.from) ? d.to : d.from;
            if (handMade)
                report.handMade.append(QStringLiteral("! hand-made dependency %1 -> %2 removed: %3 is no longer in the map")
                                           .arg(d.from, d.to, gone));
            continue;
        }
        const auto i = importedDeps.constFind(ends(d.from, d.to));
        if (i != importedDeps.cend()) {
            const QString previous = d.extra.value(snapshotTypeKey).toString();
            const QString wanted = toString((*i)->type);
            if (toString(d.type) != wanted && (previous.isEmpty() ? handMade == false : toString(d.type) == previous)) {
                report.dependencies.append(QStringLiteral("~ dependency %1 -> %2: %3 → %4")
                                               .arg(d.from, d.to, toString(d.type), wanted));
                d.type = (*i)->type;
            }
            d.extra.insert(snapshotTypeKey, wanted);
            addImportSource(d.extra, source);
        } else if (hasImportSource(d.extra, source)) {
            removeImportSource(d.extra, source);
            if (importSources(d.extra).isEmpty()) {
                report.dependencies.append(QStringLiteral("- dependency %1 -> %2").arg(d.from, d.to));
                continue;
            }
        }
        seen.insert(ends(d.from, d.to));
        deps.push_back(std::move(d));
    }
    for (const Dependency &id : imported.dependencies()) {
        if (seen.contains(ends(id.from, id.to)))
            continue;
        seen.insert(ends(id.from, id.to));
        Dependency d = id;
        d.extra.insert(snapshotTypeKey, toString(d.type));
        addImportSource(d.extra, source);
        report.dependencies.append(QStringLiteral("+ dependency %1 -> %2").arg(d.from, d.to));
        deps.push_back(std::move(d));
    }

    Map result;
    result.name = map.name;
    result.extra = map.extra;
    result.reserve(int(kept.size()), int(deps.size()));
    for (Component &c : kept)
        result.addComponent(std::move(c));
    for (Dependency &d : deps)
        result.addDependency(std::move(d));
    for (const Scenario &s : map.scenarios()) {
        Scenario pruned = s;
        auto prune = [&](QStringList &ids) {
            for (const QString &id : ids) {
                if (!present.contains(id))
                    report.handMade.append(
                        QStringLiteral("! scenario \"%1\" no longer names %2 (removed)").arg(s.name, id));
            }
            ids.removeIf([&](const QString &id) { return !present.contains(id); });
        };
        prune(pruned.fail);
        prune(pruned.degrade);
        result.addScenario(pruned);
    }
    QHash<QString, QPointF> positions = map.positions();
    positions.removeIf([&](const auto &p) { return !present.contains(p.key()); });
    result.setPositions(positions);
    if (const auto error = validationError(result))
        throw ValidationError(QStringLiteral("after the import from %1: %2").arg(source, *error));
    map = std::move(result);
    return report;
}

} // namespace faultline
