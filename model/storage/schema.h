#pragma once

#include "model/storage/faultlinefile.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace faultline::storage {

class Database;

using faultlinefile::applicationId;

// What the 100-byte SQLite header says about a file, read with plain file I/O so that a file
// which is not ours is judged without SQLite ever opening it.
struct FileHeader
{
    enum class Kind {
        Empty, // zero bytes: nothing to lose, a save may make it a document
        NotSqlite, // any other file
        Truncated, // starts like an SQLite file but is shorter than its header
        Sqlite,
    };
    Kind kind = Kind::NotSqlite;
    quint32 applicationId = 0;
    qint32 userVersion = 0; // signed, as SQLite reads it
};

// Throws StorageError naming the file when it cannot be read.
FileHeader readFileHeader(const QString &path);

// True when the database holds no tables, views, indexes or triggers at all.
bool isBlank(Database &db);

// Stamps application_id and user_version and creates the current schema in a blank database.
// Runs inside the caller's transaction.
void createSchema(Database &db);

// Upgrades a document of our schema `fromVersion` (1 <= fromVersion < schemaVersion) step by
// step to the current one, inside the caller's transaction. Files are migrated when saved, or
// in an in-memory copy when loaded: loading never writes.
void migrate(Database &db, int fromVersion);

// Where the content checksum is kept (schema 2 and later); it is not part of the checksum.
inline constexpr const char *checksumTable = "content_check";

// The schema of `db` in a canonical form: every entry of sqlite_schema (tables, indexes, views,
// triggers) with its type, names and CREATE statement (comments and layout removed).
QString schemaSignature(Database &db);
// The signatures a document of schema `version` may have, derived from this file's own
// definition: schema 1 built and migrated step by step to `version` (what a migrated document
// holds) and, for the current version, what createSchema() makes. Empty for a version this
// program does not know.
QStringList expectedSchemaSignatures(int version);

} // namespace faultline::storage
