#pragma once

#include "model/map/map.h"

#include <QByteArray>
#include <QString>

namespace faultline {

// Import of a spreadsheet inventory: one CSV file of components and, optionally, one of
// dependencies, each with a header row. The column layout is documented for users in
// resources/samples/README.md:
//
//   components:   id, name, kind, parent, require, owner, tier, business, cost_per_hour,
//                 rto_minutes, rpo_minutes, target_rto_minutes, target_rpo_minutes,
//                 availability, tags, description, then any other columns
//   dependencies: from, to, type (hard or soft, empty = hard), label, then any other columns
//
// Only `id` (components) and `from`, `to` (dependencies) are required. Header names match
// case-insensitively with blanks and hyphens read as underscores ("Cost per hour" is
// cost_per_hour), in any order; other columns are kept on each entry as extra string keys
// under their header text. An empty cell means "not given".
//
// All or nothing: the whole map is built and validated before it is returned. Every error is a
// FormatError or ValidationError whose message starts with "FILE:LINE:" and names the column
// or the entry.
namespace csvimport {

Map read(const QByteArray &components, const QString &componentsSource,
    const QByteArray &dependencies = {}, const QString &dependenciesSource = {});

// Reads the two files; an empty dependenciesPath reads components only. The map is named after
// the components file ("shop-components.csv" gives "shop").
Map readFiles(const QString &componentsPath, const QString &dependenciesPath = {});

// What `faultline import FILE.csv` and File › Import call: FILE may be either file of the
// pair. The other one is found by swapping the word "components" and "dependencies" in the file
// name (case-insensitive: shop-components.csv and shop-dependencies.csv); a components file
// without its companion imports alone, a dependencies file without its components file is an
// error. A file is recognised as a dependencies file by its header (a `from` column).
Map readFile(const QString &path);

// The other file of the pair, or an empty string when the name has neither word.
QString companionPath(const QString &path);

} // namespace csvimport
} // namespace faultline
