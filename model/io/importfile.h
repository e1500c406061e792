#pragma once

#include "model/map/map.h"

#include <QString>
#include <QStringList>

namespace faultline {

// What `faultline import` and File › Import read, told apart by content where the extension
// does not say: a `.csv` pair, a Graphviz `.dot`, a Terraform state or plan (JSON with its
// keys), a `.faultline` document or an interchange `.json`.
struct ImportOptions
{
    bool allResources = false; // Terraform: keep plumbing as components
    QString rulesFile; // Terraform: a rules file
    QString source; // the import_source mark; "" for the default of the format
};

struct ImportResult
{
    Map map;
    QStringList warnings; // what was left out; the import itself succeeded
    QString format; // "terraform", "csv", "dot", "map"
};

// All or nothing; throws FormatError or ValidationError naming the file (and line or entry).
ImportResult importFile(const QString &path, const ImportOptions &options = {});

} // namespace faultline
