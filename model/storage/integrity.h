#pragma once

#include <QByteArray>
#include <QString>

// What makes an opened file trustworthy beyond SQLite's own checks (model/storage, private):
// its schema is exactly one that Faultline made, it is as long as its header says, and its
// content still matches the checksum its last save wrote. Each failure throws SqliteError with
// SQLITE_CORRUPT, which faultlinefile.cpp reports as damage.
namespace faultline::storage {

class Database;

// Refuses a schema that is not one of schema.cpp's for this version: a view or trigger, a
// missing, added or changed table or index. A view in place of a table can make every read hang
// and a trigger can delete what a save writes, so nothing is read or written before this.
void checkSchema(Database &db, int version);

// Refuses a file shorter than the page count in its header, or not a whole number of pages (a
// cut copy that SQLite would read as if the missing bytes were zeros). Call inside a read
// transaction, after SQLite has rolled back any interrupted save.
void checkFileSize(Database &db, const QString &path);

// SHA-256 over every row of every table but the checksum's own, table by table in name order
// and row by row in key order, each value with its type. Run inside a transaction.
QByteArray contentChecksum(Database &db);

// Stores contentChecksum() in the database (schema 2 and later), at the end of a save.
void storeChecksum(Database &db);
// Refuses content that no longer matches its stored checksum (schema 2 and later).
void verifyChecksum(Database &db);

} // namespace faultline::storage
