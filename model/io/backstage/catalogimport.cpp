#include "model/io/backstage/catalogimport.h"

#include "model/io/backstage/catalogreader.h"
#include "model/io/importsource.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QFileInfo>
#include <QSet>

namespace faultline::backstageimport {

namespace {

using backstage::Entity;

const QString prefix = QStringLiteral("faultline.io/");

QString componentKind(const Entity &e)
{
    const QString kind = e.kind.toLower();
    if (kind == QLatin1String("system") || kind == QLatin1String("domain"))
        return kind;
    if (kind == QLatin1String("api"))
        return QStringLiteral("api");
    const QString type = e.type.toLower();
    if (isKnownKind(type))
        return type;
    if (kind == QLatin1String("resource")) {
        static const QHash<QString, QString> types = {
            {QStringLiteral("s3-bucket"), QStringLiteral("storage")},
            {QStringLiteral("bucket"), QStringLiteral("storage")},
            {QStringLiteral("topic"), QStringLiteral("queue")},
            {QStringLiteral("redis"), QStringLiteral("cache")},
            {QStringLiteral("postgres"), QStringLiteral("database")},
            {QStringLiteral("mysql"), QStringLiteral("database")},
        };
        return types.value(type, QStringLiteral("service"));
    }
    return QStringLiteral("service");
}

class Builder
{
public:
    Builder(const backstage::Catalog &catalog, const Options &options, const QString &source)
        : m_catalog(catalog), m_options(options), m_source(source)
    { }

    Result run();

private:
    [[noreturn]] void bad(const Entity &e, const QString &annotation, const QString &why) const
    {
        throw FormatError(QStringLiteral("%1: annotation %2%3: %4")
                              .arg(e.where(), prefix, annotation, why));
    }
    void applyAnnotations(const Entity &e, Component &c) const;
    QString resolve(const QString &ref);
    void depend(const Entity &e, const QString &from, const QString &toRef, Map &map);
    DependencyType typeOf(const Entity &e, const QString &toRef) const;

    const backstage::Catalog &m_catalog;
    const Options &m_options;
    QString m_source;
    QHash<QString, QString> m_ids; // ref -> component id
    QHash<QString, QString> m_existing; // ref or address -> id, in the map imported into
    QHash<QString, int> m_missing;
    QSet<QString> m_pairs;
};

void Builder::applyAnnotations(const Entity &e, Component &c) const
{
    auto number = [&](const char *name, bool *ok) {
        return e.annotations.value(prefix + QLatin1String(name)).trimmed().toDouble(ok);
    };
    bool ok = false;
    if (e.annotations.contains(prefix + QLatin1String("require"))) {
        const int require = e.annotations.value(prefix + QLatin1String("require")).trimmed().toInt(&ok);
        if (!ok || require < 1)
            bad(e, QStringLiteral("require"), QStringLiteral("must be a whole number from 1"));
        c.require = require;
    }
    if (e.annotations.contains(prefix + QLatin1String("cost-per-hour"))) {
        const double cost = number("cost-per-hour", &ok);
        if (!ok || cost < 0)
            bad(e, QStringLiteral("cost-per-hour"), QStringLiteral("must be a number from 0"));
        c.costPerHour = cost;
    }
    if (e.annotations.contains(prefix + QLatin1String("tier"))) {
        const int tier = e.annotations.value(prefix + QLatin1String("tier")).trimmed().toInt(&ok);
        if (!ok || tier < 1)
            bad(e, QStringLiteral("tier"), QStringLiteral("must be a whole number from 1"));
        c.tier = tier;
    }
    if (e.annotations.contains(prefix + QLatin1String("business"))) {
        const QString b = e.annotations.value(prefix + QLatin1String("business")).trimmed().toLower();
        if (b != QLatin1String("true") && b != QLatin1String("false"))
            bad(e, QStringLiteral("business"), QStringLiteral("must be true or false"));
        c.business = b == QLatin1String("true");
    }
    if (e.annotations.contains(prefix + QLatin1String("availability"))) {
        const double a = number("availability", &ok);
        if (!ok || a < 0 || a > 1)
            bad(e, QStringLiteral("availability"), QStringLiteral("must be a number from 0 to 1"));
        c.availability = a;
    }
    const QString type = e.annotations.value(prefix + QLatin1String("dependency-type"));
    if (!type.isEmpty())
        typeOf(e, {}); // checked here so that a wrong value is reported even without dependencies
}

// `faultline.io/dependency-type`: "soft" (or "hard") for all the entity's dependencies, or
// "REF=soft, REF=hard" for some.
DependencyType Builder::typeOf(const Entity &e, const QString &toRef) const
{
    const QString value = e.annotations.value(prefix + QLatin1String("dependency-type")).trimmed();
    auto parse = [&](const QString &word) {
        const QString w = word.trimmed().toLower();
        if (w == QLatin1String("hard"))
            return DependencyType::Hard;
        if (w == QLatin1String("soft"))
            return DependencyType::Soft;
        bad(e, QStringLiteral("dependency-type"),
            QStringLiteral("\"%1\" is neither hard nor soft (write \"soft\" or \"REF=soft, REF=hard\")")
                .arg(word.trimmed()));
    };
    if (value.isEmpty())
        return DependencyType::Hard;
    if (!value.contains(u'='))
        return parse(value);
    DependencyType found = DependencyType::Hard;
    for (const QString &pair : value.split(u',', Qt::SkipEmptyParts)) {
        const QString ref = backstage::canonicalRef(pair.section(u'=', 0, 0), QStringLiteral("component"));
        const DependencyType t = parse(pair.section(u'=', 1));
        if (ref == toRef)
            found = t;
    }
    return found;
}

QString Builder::resolve(const QString &ref)
{
    if (const auto i = m_ids.constFind(ref); i != m_ids.cend())
        return *i;
    if (const auto i = m_existing.constFind(ref); i != m_existing.cend())
        return *i;
    return {};
}

void Builder::depend(const Entity &e, const QString &from, const QString &toRef, Map &map)
{
    const QString to = resolve(toRef);
    if (to.isEmpty()) {
        m_missing[toRef] += 1;
        return;
    }
    if (to == from || m_pairs.contains(from + QChar(0) + to))
        return;
    m_pairs.insert(from + QChar(0) + to);
    Dependency d;
    d.from = from;
    d.to = to;
    d.type = typeOf(e, toRef);
    addImportSource(d.extra, m_source);
    map.addDependency(d);
}

Result Builder::run()
{
    if (m_options.existing) {
        for (const Component &c : m_options.existing->components()) {
            const QString ref = c.extra.value(QStringLiteral("backstage_ref")).toString();
            if (!ref.isEmpty())
                m_existing.insert(ref, c.id);
        }
    }
    QHash<QString, const Entity *> byRef;
    for (const Entity &e : m_catalog.entities) {
        if (const auto other = byRef.constFind(e.ref); other != byRef.cend())
            throw FormatError(QStringLiteral("%1: %2 is defined twice (also at %3)")
                                  .arg(e.where(), e.ref, (*other)->where()));
        byRef.insert(e.ref, &e);
        const QString address = e.annotations.value(prefix + QLatin1String("terraform-address")).trimmed();
        m_ids.insert(e.ref, address.isEmpty() ? e.ref : address);
    }
    Map map;
    map.name = QFileInfo(m_catalog.entities.empty() ? QString() : m_catalog.entities.front().file)
                   .completeBaseName();
    for (const Entity &e : m_catalog.entities) {
        Component c;
        c.id = m_ids.value(e.ref);
        c.name = e.title.isEmpty() ? e.name : e.title;
        c.owner = e.owner;
        c.description = e.description;
        if (!e.tags.isEmpty())
            c.tags = e.tags;
        const bool joined = c.id != e.ref;
        // A Resource tied to a Terraform address: Terraform places it and says its kind (an
        // empty kind and parent are fields this import does not set, see importmerge.h).
        if (!joined) {
            c.kind = componentKind(e);
            const QString parentRef = e.kind.toLower() == QLatin1String("system") ? e.domain : e.system;
            if (!parentRef.isEmpty()) {
                c.parent = resolve(parentRef);
                if (c.parent.isEmpty())
                    m_missing[parentRef] += 1;
            }
        } else {
            c.extra.insert(QStringLiteral("terraform_address"), c.id);
        }
        c.extra.insert(QStringLiteral("backstage_ref"), e.ref);
        if (!e.system.isEmpty())
            c.extra.insert(QStringLiteral("backstage_system"), e.system);
        applyAnnotations(e, c);
        addImportSource(c.extra, m_source);
        map.addComponent(std::move(c));
    }
    for (const Entity &e : m_catalog.entities) {
        const QString id = m_ids.value(e.ref);
        for (const QString &r : e.dependsOn)
            depend(e, id, r, map);
        for (const QString &r : e.consumesApis)
            depend(e, id, r, map);
        for (const QString &r : e.providesApis) {
            const QString api = resolve(r);
            if (api.isEmpty()) {
                m_missing[r] += 1;
                continue;
            }
            if (m_pairs.contains(api + QChar(0) + id))
                continue;
            m_pairs.insert(api + QChar(0) + id);
            Dependency d;
            d.from = api;
            d.to = id;
            d.label = QStringLiteral("provided by");
            addImportSource(d.extra, m_source);
            map.addDependency(d);
        }
    }
    Result result;
    result.warnings = m_catalog.warnings;
    QStringList missing = m_missing.keys();
    missing.sort();
    const QString file = m_catalog.entities.empty() ? QString() : m_catalog.entities.front().file;
    for (const QString &m : missing)
        result.warnings.append(
            QStringLiteral("%1: %2 is not in the catalog; what refers to it is left out").arg(file, m));
    if (const auto error = validationError(map))
        throw ValidationError(QStringLiteral("%1: %2").arg(file, *error));
    result.map = std::move(map);
    return result;
}

} // namespace

bool looksLikeCatalog(const QByteArray &head)
{
    return head.contains("apiVersion:") && head.contains("kind:");
}

QString sourceMark(const QString &path)
{
    Q_UNUSED(path); // one catalog per map by default, whatever the file is called
    return QStringLiteral("backstage");
}

Result readFile(const QString &path, const Options &options)
{
    const backstage::Catalog catalog = backstage::readCatalog(path);
    Builder builder(catalog, options, options.source.isEmpty() ? sourceMark(path) : options.source);
    return builder.run();
}

} // namespace faultline::backstageimport
