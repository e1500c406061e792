#include "model/storage/schema.h"

#include "model/map/errors.h"
#include "model/storage/document.h"
#include "model/storage/sqlite.h"

#include <QByteArrayList>
#include <QFile>
#include <QStringList>
#include <QtEndian>

#include <sqlite3.h>

#include <cstring>

namespace faultline::storage {

namespace {

// The current schema (version 2). Components, dependencies and scenarios keep map order in
// `seq`; references between rows use `seq` (not the text id), so a dependency costs two
// integers. A save replaces every row and renumbers, so `seq` is only meaningful inside one
// saved version. Unknown keys (`extra`) and tags are compact JSON text; NULL means "absent".
// The CHECK constraints repeat the map rules that one row or one table can express; parent
// loops and `require` bounds are left to validate() on load.
//
// Version 2 added rpo_minutes, target_rto_minutes and target_rpo_minutes to component. An older
// document is migrated by rebuilding it from this definition (rebuildFromDefinition()), so a
// migrated file holds exactly the tables a new one does.
constexpr const char *schemaDefinition = R"sql(
CREATE TABLE map (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT,
    extra TEXT CHECK (json_type(extra) = 'object')
) STRICT;

CREATE TABLE component (
    seq INTEGER PRIMARY KEY CHECK (seq >= 0),
    id TEXT NOT NULL UNIQUE CHECK (id <> ''),
    name TEXT,
    kind TEXT,
    parent INTEGER REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED
        CHECK (parent <> seq),
    require INTEGER CHECK (require >= 0),
    owner TEXT,
    tier INTEGER,
    description TEXT,
    tags TEXT CHECK (json_type(tags) = 'array'),
    availability REAL CHECK (availability BETWEEN 0 AND 1),
    rto_minutes REAL CHECK (rto_minutes >= 0),
    rpo_minutes REAL CHECK (rpo_minutes >= 0),
    target_rto_minutes REAL CHECK (target_rto_minutes >= 0),
    target_rpo_minutes REAL CHECK (target_rpo_minutes >= 0),
    cost_per_hour REAL CHECK (cost_per_hour >= 0),
    business INTEGER CHECK (business IN (0, 1)),
    extra TEXT CHECK (json_type(extra) = 'object')
) STRICT;

CREATE TABLE dependency (
    seq INTEGER PRIMARY KEY CHECK (seq >= 0),
    from_component INTEGER NOT NULL REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    to_component INTEGER NOT NULL REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    type TEXT NOT NULL CHECK (type IN ('hard', 'soft')),
    label TEXT,
    extra TEXT CHECK (json_type(extra) = 'object'),
    CHECK (from_component <> to_component),
    UNIQUE (from_component, to_component)
) STRICT;

CREATE TABLE scenario (
    seq INTEGER PRIMARY KEY CHECK (seq >= 0),
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    description TEXT,
    extra TEXT CHECK (json_type(extra) = 'object')
) STRICT;

-- The components a scenario fails or degrades, in the order the scenario lists them.
CREATE TABLE scenario_member (
    scenario INTEGER NOT NULL REFERENCES scenario (seq) DEFERRABLE INITIALLY DEFERRED,
    effect TEXT NOT NULL CHECK (effect IN ('fail', 'degrade')),
    position INTEGER NOT NULL CHECK (position >= 0),
    component INTEGER NOT NULL REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (scenario, effect, position)
) STRICT, WITHOUT ROWID;

-- Layout positions: scene coordinates of component centres.
CREATE TABLE layout (
    component INTEGER PRIMARY KEY REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    x REAL NOT NULL,
    y REAL NOT NULL
) STRICT;
)sql";

QStringList tableNames(Database &db, const char *schemaName)
{
    QStringList names;
    Statement s(db,
        QByteArray(QByteArray("SELECT name FROM ") + schemaName
            + ".sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .constData());
    while (s.step())
        names.append(s.text(0));
    return names;
}

QStringList columnNames(Database &db, const QString &schemaName, const QString &table)
{
    QStringList names;
    Statement s(db, "SELECT name FROM pragma_table_info(?, ?)");
    s.bind(1, table);
    s.bind(2, schemaName);
    while (s.step())
        names.append(s.text(0));
    return names;
}

// The temporary copy of `table` while it is rebuilt.
QString oldName(const QString &table)
{
    return QStringLiteral("old_") + table;
}

QByteArray quotedName(const QString &name)
{
    return '"' + name.toUtf8().replace('"', "\"\"") + '"';
}

// Replaces every table with the one schemaDefinition states, keeping the rows: the columns the
// old and the new table share are copied, new columns start NULL (absent), and columns the
// definition no longer has are dropped. Serves every migration that adds or removes columns
// or tables. Foreign keys are not enforced during a migration (they are off on the connections
// that migrate), and the caller's transaction makes it all or nothing.
void rebuildFromDefinition(Database &db)
{
    const QStringList oldTables = tableNames(db, "main");
    for (const QString &table : oldTables) {
        db.exec(
            QByteArray("CREATE TEMP TABLE " + quotedName(oldName(table)) + " AS SELECT * FROM main."
                + quotedName(table) + "; DROP TABLE main." + quotedName(table))
                .constData());
    }
    db.exec(schemaDefinition);
    for (const QString &table : tableNames(db, "main")) {
        if (!oldTables.contains(table))
            continue;
        const QStringList oldColumns = columnNames(db, QStringLiteral("temp"), oldName(table));
        QByteArrayList shared;
        for (const QString &column : columnNames(db, QStringLiteral("main"), table)) {
            if (oldColumns.contains(column))
                shared.append(quotedName(column));
        }
        const QByteArray columns = shared.join(", ");
        db.exec(QByteArray("INSERT INTO main." + quotedName(table) + " (" + columns + ") SELECT "
            + columns + " FROM temp." + quotedName(oldName(table)))
                    .constData());
    }
    for (const QString &table : oldTables)
        db.exec(QByteArray("DROP TABLE temp." + quotedName(oldName(table))).constData());
}

// Upgrades schema `version` to `version + 1`. Every schema change adds a case here and bumps
// document::schemaVersion.
void upgradeFrom(Database &db, int version)
{
    switch (version) {
    case 1: // rpo_minutes, target_rto_minutes, target_rpo_minutes on component
        rebuildFromDefinition(db);
        break;
    default:
        throw SqliteError(SQLITE_ERROR, SQLITE_ERROR,
            QStringLiteral("no migration from schema version %1").arg(version));
    }
}

} // namespace

FileHeader readFileHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(100);
    static constexpr char magic[] = "SQLite format 3"; // 16 bytes with its NUL
    FileHeader header;
    if (bytes.isEmpty() && file.size() == 0)
        header.kind = FileHeader::Kind::Empty;
    else if (bytes.size() < 16 || std::memcmp(bytes.constData(), magic, 16) != 0)
        header.kind = FileHeader::Kind::NotSqlite;
    else if (bytes.size() < 100)
        header.kind = FileHeader::Kind::Truncated;
    else {
        header.kind = FileHeader::Kind::Sqlite;
        header.userVersion = qFromBigEndian<qint32>(bytes.constData() + 60);
        header.applicationId = qFromBigEndian<quint32>(bytes.constData() + 68);
    }
    return header;
}

bool isBlank(Database &db)
{
    return db.queryInt("SELECT count(*) FROM sqlite_schema") == 0;
}

void createSchema(Database &db)
{
    db.exec(schemaDefinition);
    db.exec(QByteArray("PRAGMA application_id = " + QByteArray::number(applicationId)
        + ";"
          "PRAGMA user_version = "
        + QByteArray::number(document::schemaVersion))
                .constData());
}

void migrate(Database &db, int fromVersion)
{
    for (int v = fromVersion; v < document::schemaVersion; ++v) {
        upgradeFrom(db, v);
        db.exec(QByteArray("PRAGMA user_version = " + QByteArray::number(v + 1)).constData());
    }
}

} // namespace faultline::storage
