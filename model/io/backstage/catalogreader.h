#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace faultline::backstage {

// One Backstage catalog entity, as far as Faultline reads it.
struct Entity
{
    QString file; // the file it is in, for messages
    int document = 0; // its document in that file, from 1
    int line = 0; // where the document starts, from 1
    QString kind; // as written: Component, Resource, System, API, Domain
    QString ref; // "component:default/checkout": kind, namespace and name, lower case
    QString name;
    QString title;
    QString description;
    QStringList tags;
    QString owner;
    QString type; // spec.type
    QString system; // spec.system, as a ref
    QString domain; // spec.domain, as a ref
    QStringList dependsOn; // refs
    QStringList consumesApis;
    QStringList providesApis;
    QHash<QString, QString> annotations; // metadata.annotations

    QString where() const; // "FILE: document N (Kind NAME)"
};

struct Catalog
{
    std::vector<Entity> entities; // in the order read, Location targets where the Location is
    QStringList warnings; // what was not read (URL targets, kinds Faultline does not map)
};

// Reads a catalog file (several YAML documents) and the files its Location entities point at,
// relative to the file that names them. Throws FormatError naming the file (and line, document
// or entity) for YAML that does not parse, a document that is not a mapping, an entity without
// kind or metadata.name, a Location whose target is missing or leads back to a file being read
// (a loop).
Catalog readCatalog(const QString &path);

// "[kind:][namespace/]name" in canonical lower case, with the given default kind and the
// namespace "default".
QString canonicalRef(const QString &ref, const QString &defaultKind);

} // namespace faultline::backstage
