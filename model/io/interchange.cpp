#include "model/io/interchange.h"

#include "model/io/entryreader.h"
#include "model/io/fileio.h"
#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/io/scenarioentry.h"
#include "model/io/utf8check.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QJsonObject>

#include <cmath>

namespace faultline::interchange {

namespace {

Component readComponent(JsonReader &json, int index, JsonReader::StringCache &cache)
{
    EntryReader r(json, "components", index);
    Component c;
    const qsizetype start = json.position();
    r.members(c.extra, [&](const QString &key) {
        if (key == u"id") {
            c.id = r.string(key, cache);
            r.setId(c.id);
        } else if (key == u"name") {
            c.name = r.string(key);
        } else if (key == u"kind") {
            c.kind = r.string(key, cache);
        } else if (key == u"parent") {
            c.parent = r.string(key, cache);
        } else if (key == u"require") {
            c.require = r.integer(key);
        } else if (key == u"owner") {
            c.owner = r.string(key, cache);
        } else if (key == u"tier") {
            c.tier = r.integer(key);
        } else if (key == u"description") {
            c.description = r.string(key);
        } else if (key == u"tags") {
            c.tags = r.strings(key);
        } else if (key == u"availability") {
            c.availability = r.number(key);
        } else if (key == u"rto_minutes") {
            c.rtoMinutes = r.number(key);
        } else if (key == u"rpo_minutes") {
            c.rpoMinutes = r.number(key);
        } else if (key == u"target_rto_minutes") {
            c.targetRtoMinutes = r.number(key);
        } else if (key == u"target_rpo_minutes") {
            c.targetRpoMinutes = r.number(key);
        } else if (key == u"cost_per_hour") {
            c.costPerHour = r.number(key);
        } else if (key == u"business") {
            c.business = r.boolean(key);
        } else {
            return false;
        }
        return true;
    });
    if (c.id.isEmpty())
        throw FormatError(QStringLiteral("%1: components[%2]: missing \"id\"")
                              .arg(json.where(start), QString::number(index)));
    return c;
}

Dependency readDependency(JsonReader &json, int index, JsonReader::StringCache &cache)
{
    EntryReader r(json, "dependencies", index);
    Dependency d;
    const qsizetype start = json.position();
    r.members(d.extra, [&](const QString &key) {
        if (key == u"from") {
            d.from = r.string(key, cache);
        } else if (key == u"to") {
            d.to = r.string(key, cache);
        } else if (key == u"type") {
            const QString type = r.string(key, cache);
            if (type == u"soft")
                d.type = DependencyType::Soft;
            else if (type.isEmpty() || type == u"hard")
                d.type = DependencyType::Hard;
            else
                r.fail(
                    QStringLiteral("\"type\" must be \"hard\" or \"soft\", not \"%1\"").arg(type));
        } else if (key == u"label") {
            d.label = r.string(key);
        } else {
            return false;
        }
        return true;
    });
    for (const auto &[end, value] : {std::pair {"from", &d.from}, std::pair {"to", &d.to}}) {
        if (value->isEmpty())
            throw FormatError(
                QStringLiteral("%1: dependencies[%2]: missing \"%3\"")
                    .arg(json.where(start), QString::number(index), QLatin1String(end)));
    }
    return d;
}

[[noreturn]] void notAMap(const QString &source, const QString &why)
{
    throw FormatError(QStringLiteral("%1: not a Faultline map: %2").arg(source, why));
}

void checkVersion(EntryReader &top, const QString &source)
{
    const auto version = top.number(QStringLiteral("version"));
    if (version && *version > currentVersion)
        throw FormatError(
            QStringLiteral("%1: this map is format version %2, but this version of "
                           "Faultline reads up to version %3; please update Faultline")
                .arg(source, QString::number(*version), QString::number(currentVersion)));
}

template<typename T, typename ReadOne>
void readList(JsonReader &json, const char *key, ReadOne readOne, std::vector<T> &out)
{
    out.clear();
    if (json.peek() == JsonReader::Kind::Null) {
        json.readNull();
        return;
    }
    if (json.peek() != JsonReader::Kind::Array)
        throw FormatError(QStringLiteral("%1: \"%2\" must be a list")
                              .arg(json.where(json.valueStart()), QLatin1String(key)));
    json.readArray([&](int i) { out.push_back(readOne(json, i)); });
}

// "layout": {"ID": [x, y], ...}: component centres in canvas units (y down), as the document
// keeps them. Entries for ids the map does not have are dropped (the layout only advises).
void readLayout(JsonReader &json, QHash<QString, QPointF> &out)
{
    if (json.peek() == JsonReader::Kind::Null) {
        json.readNull();
        return;
    }
    if (json.peek() != JsonReader::Kind::Object)
        throw FormatError(QStringLiteral("%1: \"layout\" must be an object of [x, y] by id")
                              .arg(json.where(json.valueStart())));
    json.readObject([&](const QString &id) {
        const auto bad = [&] {
            throw FormatError(QStringLiteral("%1: layout of \"%2\": must be [x, y], two numbers "
                                             "of at most 1e9")
                                  .arg(json.where(json.valueStart()), id));
        };
        if (json.peek() != JsonReader::Kind::Array)
            bad();
        double xy[2] = {0, 0};
        int count = 0;
        json.readArray([&](int i) {
            if (i >= 2 || json.peek() != JsonReader::Kind::Number)
                bad();
            xy[i] = json.readNumber();
            count = i + 1;
        });
        if (count != 2 || !(std::fabs(xy[0]) <= 1e9) || !(std::fabs(xy[1]) <= 1e9))
            bad();
        out.insert(id, QPointF(xy[0], xy[1]));
    });
}

} // namespace

Map read(const QByteArray &data, const QString &source)
{
    if (const int line = firstBadUtf8Line(data))
        throw FormatError(QStringLiteral("%1:%2: the file is not UTF-8 text (JSON is UTF-8)")
                              .arg(source)
                              .arg(line));
    JsonReader json(data, source);
    if (json.peek() != JsonReader::Kind::Object)
        notAMap(source, QStringLiteral("the top level must be an object"));

    // Entries are collected first and added to the map in one go, with its lookups reserved.
    std::vector<Component> components;
    std::vector<Dependency> dependencies;
    std::vector<Scenario> scenarios;
    // Ids, their references and kinds repeat: each distinct one is decoded once and shared.
    JsonReader::StringCache cache;
    auto readComponentCached = [&cache](JsonReader &json, int index) {
        return readComponent(json, index, cache);
    };
    auto readDependencyCached = [&cache](JsonReader &json, int index) {
        return readDependency(json, index, cache);
    };
    Map map;
    QHash<QString, QPointF> positions;
    bool formatSeen = false;
    EntryReader top(json, nullptr, 0);
    top.members(map.extra, [&](const QString &key) {
        if (key == u"format") {
            if (json.peek() != JsonReader::Kind::String || json.readString() != u"faultline-map")
                notAMap(source, QStringLiteral("\"format\" must be \"faultline-map\""));
            formatSeen = true;
        } else if (key == u"version") {
            checkVersion(top, source);
        } else if (key == u"name") {
            map.name = top.string(key);
        } else if (key == u"components") {
            readList(json, "components", readComponentCached, components);
        } else if (key == u"dependencies") {
            readList(json, "dependencies", readDependencyCached, dependencies);
        } else if (key == u"scenarios") {
            readList(json, "scenarios", readScenario, scenarios);
        } else if (key == u"layout") {
            readLayout(json, positions);
        } else {
            return false;
        }
        return true;
    });
    json.expectEnd();
    if (!formatSeen)
        notAMap(source, QStringLiteral("\"format\" must be \"faultline-map\""));

    map.reserve(int(components.size()), int(dependencies.size()));
    for (Component &c : components)
        map.addComponent(std::move(c));
    for (Dependency &d : dependencies)
        map.addDependency(std::move(d));
    for (Scenario &s : scenarios)
        map.addScenario(std::move(s));
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (map.findComponent(it.key()))
            map.setPosition(it.key(), it.value());
    }

    if (const auto message = validationError(map))
        throw ValidationError(QStringLiteral("%1: %2").arg(source, *message));
    return map;
}

Map readFile(const QString &path)
{
    return read(readWholeFile(path), path);
}

namespace {

void writeExtra(JsonWriter &w, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        w.key(it.key());
        w.value(it.value());
    }
}

void writeComponent(JsonWriter &w, const Component &c)
{
    w.beginObject();
    w.key("id");
    w.value(c.id);
    auto text = [&w](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            w.key(key);
            w.value(value);
        }
    };
    auto number = [&w](const char *key, const std::optional<double> &value) {
        if (value) {
            w.key(key);
            w.value(*value);
        }
    };
    text("name", c.name);
    text("kind", c.kind);
    text("parent", c.parent);
    if (c.require) {
        w.key("require");
        w.value(*c.require);
    }
    if (c.business) {
        w.key("business");
        w.value(*c.business);
    }
    if (c.tier) {
        w.key("tier");
        w.value(*c.tier);
    }
    text("owner", c.owner);
    number("cost_per_hour", c.costPerHour);
    number("availability", c.availability);
    number("rto_minutes", c.rtoMinutes);
    number("rpo_minutes", c.rpoMinutes);
    number("target_rto_minutes", c.targetRtoMinutes);
    number("target_rpo_minutes", c.targetRpoMinutes);
    text("description", c.description);
    if (c.tags) {
        w.key("tags");
        w.beginArray();
        for (const QString &t : *c.tags)
            w.value(t);
        w.endArray();
    }
    writeExtra(w, c.extra);
    w.endObject();
}

void writeDependency(JsonWriter &w, const Dependency &d)
{
    w.beginObject();
    w.key("from");
    w.value(d.from);
    w.key("to");
    w.value(d.to);
    w.key("type");
    w.value(toString(d.type));
    if (!d.label.isEmpty()) {
        w.key("label");
        w.value(d.label);
    }
    writeExtra(w, d.extra);
    w.endObject();
}

template<typename T, typename WriteOne>
void writeList(JsonWriter &w, const char *key, const std::vector<T> &items, WriteOne writeOne)
{
    w.newline();
    w.key(key);
    w.beginArray();
    for (const T &item : items) {
        w.newline();
        writeOne(w, item);
    }
    if (!items.empty())
        w.newline(false);
    w.endArray();
}

// Positions in map order, one a line; no key at all for a map that was never laid out.
void writeLayout(JsonWriter &w, const Map &map)
{
    const QHash<QString, QPointF> &positions = map.positions();
    if (positions.isEmpty())
        return;
    w.newline();
    w.key("layout");
    w.beginObject();
    for (const Component &c : map.components()) {
        const auto it = positions.find(c.id);
        if (it == positions.end())
            continue;
        w.newline();
        w.key(c.id);
        w.beginArray();
        w.value(it->x());
        w.value(it->y());
        w.endArray();
    }
    w.newline(false);
    w.endObject();
}

} // namespace

QByteArray write(const Map &map)
{
    QByteArray out;
    out.reserve(128 + map.componentCount() * 96 + map.dependencyCount() * 64);
    JsonWriter w(out);
    w.beginObject();
    w.newline();
    w.key("format");
    w.value(QStringLiteral("faultline-map"));
    w.key("version");
    w.value(currentVersion);
    w.key("name");
    w.value(map.name);
    if (!map.extra.isEmpty()) {
        w.newline();
        writeExtra(w, map.extra);
    }
    writeList(w, "components", map.components(), writeComponent);
    writeList(w, "dependencies", map.dependencies(), writeDependency);
    writeList(w, "scenarios", map.scenarios(), writeScenario);
    writeLayout(w, map);
    out += "\n}\n";
    return out;
}

void writeFile(const Map &map, const QString &path)
{
    writeWholeFile(path, write(map));
}

} // namespace faultline::interchange
