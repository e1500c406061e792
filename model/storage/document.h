#pragma once

#include "model/map/map.h"

#include <QString>

namespace faultline {

// A `.faultline` file: one SQLite database holding a map, its scenarios and layout positions.
//
// The schema is versioned (PRAGMA user_version) and marked as ours (PRAGMA application_id);
// older versions are migrated step by step when saved; a file from a newer Faultline, a file
// that is not a Faultline map, or a damaged one is refused with a StorageError naming the file,
// and is never written to. Saving is one transaction: a crash or kill in the middle leaves the
// previous content intact.
namespace document {

inline constexpr int schemaVersion = 1;
inline constexpr const char *fileSuffix = "faultline";

struct Loaded
{
    Map map;
    bool readOnly = false; // the file (or its folder) cannot be written: open it read-only
};

// Throws StorageError (or ValidationError when the stored map breaks a rule) naming the file.
Loaded load(const QString &path);
// Creates the file when it does not exist. Throws StorageError naming the file.
void save(const Map &map, const QString &path);

} // namespace document
} // namespace faultline
