#pragma once

#include "model/map/map.h"

#include <QString>
#include <QStringList>

namespace faultline {

// What `faultline import` and File › Import read, told apart by content where the extension
// does not say: a `.csv` pair, a Graphviz `.dot`, a Terraform state or plan (JSON with its
// keys), a Backstage catalog (`.yaml`, or YAML with apiVersion and kind), a `.faultline`
// document or an interchange `.json`.
struct ImportOptions
{
    bool allResources = false; // Terraform: keep plumbing as components
    QString rulesFile; // Terraform: a rules file
    QString source; // the import_sources mark; "" for the default of the format
    const Map *existing = nullptr; // Backstage --into: the map, for references to what it has
};

struct ImportResult
{
    Map map;
    QStringList warnings; // what was left out; the import itself succeeded
    QString format; // "terraform", "backstage", "csv", "dot", "map"
    QString source; // the import_sources mark of a Terraform or Backstage import, else ""
};

// All or nothing; throws FormatError or ValidationError naming the file (and line or entry).
ImportResult importFile(const QString &path, const ImportOptions &options = {});

// The map an import makes on its own (`import -o`, File › Import as a new map): for a
// Terraform or Backstage import, every component also remembers what the import gave it, so
// that a later `--into` can tell what was changed by hand (importmerge.h).
Map newMapFrom(ImportResult result);

} // namespace faultline
