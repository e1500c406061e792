#include "model/storage/faultlinefile.h"

#include "model/io/fileio.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "model/storage/integrity.h"
#include "model/storage/reader.h"
#include "model/storage/schema.h"
#include "model/storage/sqlite.h"
#include "model/storage/writer.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <future>

namespace faultline::faultlinefile {

namespace {

using storage::Database;
using storage::FileHeader;
using storage::SqliteError;
using storage::Statement;
using storage::Transaction;

QString newerMessage(int version, const char *verb)
{
    return QStringLiteral("made by a newer version of Faultline (schema %1, this version %2 up "
                          "to %3)")
        .arg(version)
        .arg(QLatin1String(verb))
        .arg(schemaVersion);
}

// Why a file is not a document we may read; empty when it is one. `id` and `version` come from
// the file's header, read either directly or through SQLite.
QString identityProblem(quint32 id, qint32 version, const char *verb)
{
    if (id != applicationId)
        return QStringLiteral("not a Faultline map (an SQLite database of another program)");
    if (version > schemaVersion)
        return newerMessage(version, verb);
    if (version < 0)
        return QStringLiteral("the map is damaged (schema version %1)").arg(version);
    return {};
}

QString headerProblem(const FileHeader &header, const char *verb)
{
    switch (header.kind) {
    case FileHeader::Kind::Empty:
        return QStringLiteral("not a Faultline map (the file is empty)");
    case FileHeader::Kind::NotSqlite:
        return QStringLiteral("not a Faultline map (not an SQLite database)");
    case FileHeader::Kind::Truncated:
        return QStringLiteral("not a Faultline map (shorter than an SQLite header)");
    case FileHeader::Kind::Sqlite:
        break;
    }
    return identityProblem(header.applicationId, header.userVersion, verb);
}

bool isWritable(const QFileInfo &file)
{
    return file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
}

// Where to find the map when `path` is damaged: the backup the last save wrote, when there is
// one that looks like a document, else the user's own backups.
QString lastGoodCopy(const QString &path)
{
    const QString backup = backupPath(path);
    if (path.isEmpty() || !isDocument(backup))
        return QStringLiteral("Open the last good copy from your backups or version control "
                              "instead");
    return QStringLiteral("The last good copy is %1, written by the save of %2: open it, or "
                          "copy it over this file")
        .arg(backup,
            QFileInfo(backup).lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

// SQLite's failures in the words of someone who opened or saved a file (`path`: the document,
// whose backup a damaged file's message names; empty where there is none to name).
QString explain(const SqliteError &e, const QString &path = {})
{
    switch (e.code()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("the file is in use by another program (%1)").arg(e.message());
    case SQLITE_READONLY:
        if (e.extendedCode() == SQLITE_READONLY_ROLLBACK)
            return QStringLiteral("a save was interrupted, and recovering from it needs write "
                                  "access to the file and its folder");
        return QStringLiteral("the file or its folder is read-only (%1)").arg(e.message());
    case SQLITE_CANTOPEN:
        return QStringLiteral("cannot open the file or create its journal next to it (%1)")
            .arg(e.message());
    case SQLITE_FULL:
        return QStringLiteral("No space left on device (the disk is full)");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
        return QStringLiteral("the map is damaged (%1); it was not changed. %2")
            .arg(e.message(), lastGoodCopy(path));
    default:
        return e.message();
    }
}

// Files up to this size get a full PRAGMA quick_check on every open (see readDocument()).
constexpr qint64 fullCheckMaxBytes = 8 * 1024 * 1024;

// Runs PRAGMA quick_check (b-trees, records, free pages) on a connection of its own; throws
// SqliteError when the file is damaged.
void checkIntegrity(const QString &path, int flags)
{
    Database db(path, flags);
    Statement check(db, "PRAGMA quick_check(1)");
    if (check.step() && check.utf8(0) != "ok")
        storage::throwDamaged(QStringLiteral("it fails SQLite's integrity check: %1")
                                  .arg(check.text(0).simplified()));
}

// Reads the map from a document whose header looked like ours, inside one read transaction.
Map readDocument(Database &db, const QString &path, int flags)
{
    Transaction transaction(db, "BEGIN");
    const auto id = quint32(db.queryInt("PRAGMA application_id"));
    const auto version = qint32(db.queryInt("PRAGMA user_version"));
    if (const QString problem = identityProblem(id, version, "reads"); !problem.isEmpty())
        throw StorageError(QStringLiteral("%1: %2").arg(path, problem));
    if (version == 0)
        storage::throwDamaged(QStringLiteral("it holds no map"));
    // Before any table is read: a view in place of a table could make the read hang.
    storage::checkSchema(db, version);
    storage::checkFileSize(db, path);
    storage::verifyChecksum(db);
    // The integrity check reads the whole file, as long as reading the map, on its own
    // connection in another thread. On large files it is skipped: it would cost a third of the
    // CPU of an open (and competes for the cores), while SQLite still reports SQLITE_CORRUPT on
    // every page the read below touches (all of the map's tables) and validate() checks the
    // content. Damage confined to pages the read never touches (an index, the free list) then
    // goes unreported until the next save rewrites the file.
    std::future<void> check;
    if (QFileInfo(path).size() <= fullCheckMaxBytes)
        check = std::async(std::launch::async, [path, flags] { checkIntegrity(path, flags); });
    Map map;
    if (version == schemaVersion) {
        map = storage::readMap(db);
    } else {
        Database memory(QStringLiteral(":memory:"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.copyTo(memory);
        Transaction migration(memory, "BEGIN");
        storage::migrate(memory, version);
        map = storage::readMap(memory);
    }
    if (check.valid())
        check.get(); // rethrows what the check found
    return map;
}

// Makes the database hold the current schema, inside the save's transaction, or refuses.
void prepareForSave(Database &db, const QString &path)
{
    const auto id = quint32(db.queryInt("PRAGMA application_id"));
    const auto version = qint32(db.queryInt("PRAGMA user_version"));
    const bool blank = storage::isBlank(db);
    if (blank && (id == 0 || id == applicationId)) {
        storage::createSchema(db);
        return;
    }
    QString problem = identityProblem(id, version, "writes");
    if (problem.isEmpty() && version == 0)
        problem = QStringLiteral("the map is damaged (it has tables but no schema version)");
    if (!problem.isEmpty())
        throw StorageError(
            QStringLiteral("%1: cannot save: %2; the file was left as it was").arg(path, problem));
    // Nothing is written into a schema that is not ours: a trigger could delete what is saved.
    storage::checkSchema(db, version);
    if (version < schemaVersion)
        storage::migrate(db, version);
}

// The copy a damaged document's message points to (backupPath()): the bytes just committed,
// written in one piece (writeWholeFile: a kill leaves the previous backup whole). Best effort:
// the save itself has succeeded, and a backup that cannot be written (full disk, a folder that
// takes the document but not a new file) leaves the previous one, whose date the message gives.
void writeBackup(Database &db, const QString &path)
{
    try {
        writeWholeFile(backupPath(path), db.serialize());
    } catch (const Error &) {
    } catch (const std::bad_alloc &) {
    }
}

void writeDocument(const Map &map, const QString &path, bool create)
{
    Database db(path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
    if (db.isReadOnly())
        throw StorageError(QStringLiteral("%1: cannot save: the file is read-only").arg(path));
    // Foreign keys are not enforced while rows are replaced, so that SQLite empties each table
    // at once instead of row by row; foreign_key_check verifies them all before the commit.
    db.exec("PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536;");
    Transaction transaction(db, "BEGIN IMMEDIATE");
    prepareForSave(db, path);
    storage::writeMap(db, map);
    {
        Statement check(db, "PRAGMA foreign_key_check");
        if (check.step())
            throw SqliteError(SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_FOREIGNKEY,
                QStringLiteral("table %1 refers to a missing row of %2")
                    .arg(check.text(0), check.text(2)));
    }
    storage::storeChecksum(db);
    transaction.commit();
    writeBackup(db, path);
}

} // namespace

Loaded load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw StorageError(QStringLiteral("%1: cannot open: no such file").arg(path));
    if (info.isDir())
        throw StorageError(QStringLiteral("%1: cannot open: it is a folder").arg(path));
    if (const QString problem = headerProblem(storage::readFileHeader(path), "reads");
        !problem.isEmpty())
        throw StorageError(QStringLiteral("%1: %2").arg(path, problem));

    Loaded loaded;
    loaded.readOnly = !isWritable(info);
    try {
        const int flags = loaded.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        Database db(path, flags);
        loaded.map = readDocument(db, path, flags);
    } catch (const SqliteError &e) {
        throw StorageError(QStringLiteral("%1: cannot open: %2").arg(path, explain(e, path)));
    }
    if (const auto message = validationError(loaded.map))
        throw ValidationError(QStringLiteral("%1: %2").arg(path, *message));
    return loaded;
}

void save(const Map &map, const QString &path)
{
    const QFileInfo info(path);
    const bool create = !info.exists();
    if (!create) {
        if (info.isDir())
            throw StorageError(QStringLiteral("%1: cannot save: it is a folder").arg(path));
        const FileHeader header = storage::readFileHeader(path);
        if (header.kind != FileHeader::Kind::Empty) {
            if (const QString problem = headerProblem(header, "writes"); !problem.isEmpty())
                throw StorageError(
                    QStringLiteral("%1: cannot save: %2; the file was left as it was")
                        .arg(path, problem));
        }
    }
    // A file this save created and failed to fill holds nothing worth keeping.
    auto removeIfCreated = [&] {
        if (create && QFileInfo(path).size() == 0)
            QFile::remove(path);
    };
    try {
        writeDocument(map, path, create);
    } catch (const SqliteError &e) {
        removeIfCreated();
        throw StorageError(QStringLiteral("%1: cannot save: %2").arg(path, explain(e)));
    } catch (...) {
        removeIfCreated();
        throw;
    }
}

QByteArray serialized(const Map &map)
{
    try {
        Database db(QStringLiteral(":memory:"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        {
            Transaction transaction(db, "BEGIN IMMEDIATE");
            storage::createSchema(db);
            storage::writeMap(db, map);
            storage::storeChecksum(db);
            transaction.commit();
        }
        // A map with a dangling reference is refused here as save() refuses it.
        Statement check(db, "PRAGMA foreign_key_check");
        if (check.step())
            throw SqliteError(SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_FOREIGNKEY,
                QStringLiteral("table %1 refers to a missing row of %2")
                    .arg(check.text(0), check.text(2)));
        return db.serialize();
    } catch (const SqliteError &e) {
        throw StorageError(QStringLiteral("cannot build the document: %1").arg(explain(e)));
    }
}

QString backupPath(const QString &path)
{
    return path + QStringLiteral(".bak");
}

bool isDocument(const QString &path)
{
    try {
        const FileHeader header = storage::readFileHeader(path);
        return header.kind == FileHeader::Kind::Sqlite && header.applicationId == applicationId;
    } catch (const StorageError &) {
        return false;
    }
}

} // namespace faultline::faultlinefile
