#pragma once

#include "model/map/map.h"

#include <QString>

namespace faultline {

// The two forms of a map file.
enum class MapFileKind { Document, Interchange };

// Which form the file at `path` is in, by the rule below: the one place that decides it, for the
// command line and the app alike. Throws FormatError naming the file when it is missing, a
// folder, unreadable or neither form.
MapFileKind mapFileKind(const QString &path);

// Reads a map from either file form the command line and the app accept: a `.faultline`
// document or an interchange `.json` file, chosen by extension (case-insensitive). Any other
// name is recognised by its content: the SQLite header means a document, a leading `{` means
// interchange JSON.
//
// Throws FormatError naming the file when it is missing, unreadable or neither form, and
// whatever the reader throws (FormatError, ValidationError, StorageError) otherwise; the
// message always names the file.
Map loadMap(const QString &path);

} // namespace faultline
