#include "model/io/jsonformat.h"

#include "model/io/fileio.h"
#include "model/io/jsonwriter.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace faultline::interchange {

namespace {

// Reads the typed fields of one JSON object, naming the entry in every error.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString entry) : m_object(object), m_entry(std::move(entry)) { }

    [[noreturn]] void fail(const QString &what) const
    {
        throw FormatError(QStringLiteral("%1: %2").arg(m_entry, what));
    }

    // Absent and null both read as "not given".
    QJsonValue take(const char *key)
    {
        const QString k = QString::fromLatin1(key);
        m_known.append(k);
        const QJsonValue v = m_object.value(k);
        return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
    }

    QString string(const char *key)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return {};
        if (!v.isString())
            fail(QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
        return v.toString();
    }

    std::optional<double> number(const char *key)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble())
            fail(QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)));
        return v.toDouble();
    }

    std::optional<int> integer(const char *key)
    {
        const auto d = number(key);
        if (!d)
            return std::nullopt;
        if (*d != std::trunc(*d) || std::fabs(*d) > 1e9)
            fail(QStringLiteral("\"%1\" must be a whole number").arg(QLatin1String(key)));
        return int(*d);
    }

    std::optional<bool> boolean(const char *key)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isBool())
            fail(QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(key)));
        return v.toBool();
    }

    std::optional<QStringList> strings(const char *key)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isArray())
            fail(QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(key)));
        QStringList out;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                fail(QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(key)));
            out.append(item.toString());
        }
        return out;
    }

    QJsonObject unknownKeys() const
    {
        QJsonObject extra = m_object;
        for (const QString &k : m_known)
            extra.remove(k);
        return extra;
    }

private:
    const QJsonObject &m_object;
    QString m_entry;
    QStringList m_known;
};

QJsonArray arrayOf(const QJsonObject &root, const char *key, const QString &source)
{
    const QJsonValue v = root.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray())
        throw FormatError(QStringLiteral("%1: \"%2\" must be a list").arg(source, QLatin1String(key)));
    return v.toArray();
}

QJsonObject objectAt(const QJsonArray &array, int i, const QString &entry)
{
    if (!array.at(i).isObject())
        throw FormatError(QStringLiteral("%1: must be an object").arg(entry));
    return array.at(i).toObject();
}

Component readComponent(const QJsonObject &o, const QString &entry)
{
    FieldReader r(o, entry);
    Component c;
    c.id = r.string("id");
    if (c.id.isEmpty())
        r.fail(QStringLiteral("missing \"id\""));
    c.name = r.string("name");
    c.kind = r.string("kind");
    c.parent = r.string("parent");
    c.require = r.integer("require");
    c.owner = r.string("owner");
    c.tier = r.integer("tier");
    c.description = r.string("description");
    c.tags = r.strings("tags");
    c.availability = r.number("availability");
    c.rtoMinutes = r.number("rto_minutes");
    c.costPerHour = r.number("cost_per_hour");
    c.business = r.boolean("business");
    c.extra = r.unknownKeys();
    return c;
}

Dependency readDependency(const QJsonObject &o, const QString &entry)
{
    FieldReader r(o, entry);
    Dependency d;
    d.from = r.string("from");
    d.to = r.string("to");
    if (d.from.isEmpty())
        r.fail(QStringLiteral("missing \"from\""));
    if (d.to.isEmpty())
        r.fail(QStringLiteral("missing \"to\""));
    const QString type = r.string("type");
    if (type == QLatin1String("soft"))
        d.type = DependencyType::Soft;
    else if (type.isEmpty() || type == QLatin1String("hard"))
        d.type = DependencyType::Hard;
    else
        r.fail(QStringLiteral("\"type\" must be \"hard\" or \"soft\", not \"%1\"").arg(type));
    d.label = r.string("label");
    d.extra = r.unknownKeys();
    return d;
}

Scenario readScenario(const QJsonObject &o, const QString &entry)
{
    FieldReader r(o, entry);
    Scenario s;
    s.name = r.string("name");
    if (s.name.isEmpty())
        r.fail(QStringLiteral("missing \"name\""));
    s.fail = r.strings("fail").value_or(QStringList());
    s.degrade = r.strings("degrade").value_or(QStringList());
    s.description = r.string("description");
    s.extra = r.unknownKeys();
    return s;
}

// 1-based line and column of a byte offset, for syntax errors.
QString lineAndColumn(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (json[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(offset - lineStart + 1);
}

void checkHeader(const QJsonObject &root, const QString &source)
{
    const QJsonValue format = root.value(QLatin1String("format"));
    if (format.toString() != QLatin1String("faultline-map"))
        throw FormatError(
            QStringLiteral("%1: not a Faultline map: \"format\" must be \"faultline-map\"")
                .arg(source));
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isUndefined() && !version.isNull() && !version.isDouble())
        throw FormatError(QStringLiteral("%1: \"version\" must be a number").arg(source));
    if (version.toDouble(1) > currentVersion)
        throw FormatError(QStringLiteral("%1: this map is format version %2, but this version of "
                                         "Faultline reads up to version %3; please update Faultline")
                              .arg(source, QString::number(version.toDouble()),
                                   QString::number(currentVersion)));
}

} // namespace

Map read(const QByteArray &json, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw FormatError(QStringLiteral("%1:%2: invalid JSON: %3")
                              .arg(source, lineAndColumn(json, error.offset), error.errorString()));
    if (!doc.isObject())
        throw FormatError(QStringLiteral("%1: not a Faultline map: the top level must be an object")
                              .arg(source));
    const QJsonObject root = doc.object();
    checkHeader(root, source);

    Map map;
    FieldReader top(root, source);
    top.take("format");
    top.take("version");
    top.take("components");
    top.take("dependencies");
    top.take("scenarios");
    map.name = top.string("name");
    map.extra = top.unknownKeys();

    const QJsonArray components = arrayOf(root, "components", source);
    for (int i = 0; i < components.size(); ++i) {
        QString entry = QStringLiteral("%1: components[%2]").arg(source, QString::number(i));
        const QJsonObject o = objectAt(components, i, entry);
        const QString id = o.value(QLatin1String("id")).toString();
        if (!id.isEmpty())
            entry += QStringLiteral(" (\"%1\")").arg(id);
        map.addComponent(readComponent(o, entry));
    }
    const QJsonArray dependencies = arrayOf(root, "dependencies", source);
    for (int i = 0; i < dependencies.size(); ++i) {
        const QString entry = QStringLiteral("%1: dependencies[%2]").arg(source, QString::number(i));
        map.addDependency(readDependency(objectAt(dependencies, i, entry), entry));
    }
    const QJsonArray scenarios = arrayOf(root, "scenarios", source);
    for (int i = 0; i < scenarios.size(); ++i) {
        const QString entry = QStringLiteral("%1: scenarios[%2]").arg(source, QString::number(i));
        map.addScenario(readScenario(objectAt(scenarios, i, entry), entry));
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

void writeStrings(JsonWriter &w, const QStringList &list)
{
    w.beginArray();
    for (const QString &s : list)
        w.value(s);
    w.endArray();
}

void writeScenario(JsonWriter &w, const Scenario &s)
{
    w.beginObject();
    w.key("name");
    w.value(s.name);
    if (!s.description.isEmpty()) {
        w.key("description");
        w.value(s.description);
    }
    w.key("fail");
    writeStrings(w, s.fail);
    w.key("degrade");
    writeStrings(w, s.degrade);
    writeExtra(w, s.extra);
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
        w.newline();
    w.endArray();
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
    out += "\n}\n";
    return out;
}

void writeFile(const Map &map, const QString &path)
{
    writeWholeFile(path, write(map));
}

} // namespace faultline::interchange
