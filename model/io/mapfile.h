#pragma once

#include "model/map/map.h"

#include <QString>

namespace faultline {

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
