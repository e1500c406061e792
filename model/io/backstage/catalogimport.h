#pragma once

#include "model/map/map.h"

#include <QString>
#include <QStringList>

// Import of Backstage software catalogs (catalog-info.yaml): Component, Resource, System, API
// and Domain entities become components (a System or Domain is the parent of what is in it);
// spec.dependsOn and consumesApis/providesApis become hard dependencies; annotations under
// faultline.io/ set what the catalog cannot say. README "Import from Terraform and Backstage".
namespace faultline::backstageimport {

struct Options
{
    QString source; // the import_sources mark; "" for "backstage"
    // Components of a map the catalog is imported into: a dependency on an entity the catalog
    // does not have is kept when the map has it (by its ref, or its Terraform address).
    const Map *existing = nullptr;
};

struct Result
{
    Map map;
    QStringList warnings;
};

// True when the start of a file looks like a catalog (YAML with apiVersion and kind).
bool looksLikeCatalog(const QByteArray &head);

// All or nothing; FormatError or ValidationError naming the file, line and entity.
Result readFile(const QString &path, const Options &options = {});

QString sourceMark(const QString &path);

} // namespace faultline::backstageimport
