#pragma once

#include "model/map/map.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace faultline {

// A `.faultline` file: one SQLite database holding a map, its scenarios and layout positions.
//
// The schema is versioned (PRAGMA user_version) and marked as ours (PRAGMA application_id);
// older versions are migrated step by step when saved; a file from a newer Faultline, a file
// that is not a Faultline map, or a damaged one is refused with a StorageError naming the file,
// and is never written to. Saving is one transaction: a crash or kill in the middle leaves the
// previous content intact. The file stays a single file (rollback journal, not WAL); the
// schema itself is described in model/storage/schema.cpp.
namespace faultlinefile {

inline constexpr int schemaVersion = 4;
inline constexpr const char *fileSuffix = "faultline";
// PRAGMA application_id of every `.faultline` file: "Fltn" in ASCII, stored big-endian at
// bytes 68..71 of the file, so a hex dump shows it.
inline constexpr quint32 applicationId = 0x466C746E;

struct Loaded
{
    Map map;
    bool readOnly = false; // the file (or its folder) cannot be written: open it read-only
};

// Throws StorageError (or ValidationError when the stored map breaks a rule) naming the file.
// Never changes the file: an older schema is migrated in memory. (The one write SQLite may do
// is to finish rolling back a save that was interrupted by a crash, which restores the last
// saved content.) A file that cannot be written, or lies in a folder that cannot be, is read
// through a read-only connection and reported as `readOnly`.
Loaded load(const QString &path);
// Every successful save also writes the saved bytes to backupPath(path) (through a temporary
// file renamed into place), so that when the document is later found damaged (a disk error, a
// copy cut short) load()'s message names a copy that is whole, with the time it was saved.
// Creates the file when it does not exist (or is empty); replaces the map of an existing
// document. Refuses, without touching it, a file that is not a Faultline document or that a
// newer version wrote. Does not validate() the map, but the schema's constraints refuse much of
// what validate() would (duplicate ids, unknown references, values out of range). Throws
// StorageError naming the file and the entry at fault; the previous content is then intact.
void save(const Map &map, const QString &path);

// The bytes of a new document holding `map`, built in memory, for writing a new file in one
// piece (fileio's writeWholeFile: nothing is left behind if the program is killed). Throws
// StorageError as save() would.
QByteArray serialized(const Map &map);

// NAME.faultline.bak beside NAME.faultline: the copy of the last save (see save()). It is a
// document itself: `faultline` and the app open it by its content.
QString backupPath(const QString &path);

// True when the file starts with an SQLite header carrying our application_id (any schema
// version): a cheap test to tell a document from an interchange file. Never throws.
bool isDocument(const QString &path);

} // namespace faultlinefile
} // namespace faultline
