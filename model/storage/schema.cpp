#include "model/storage/schema.h"

#include "model/map/errors.h"
#include "model/storage/document.h"
#include "model/storage/sqlite.h"

#include <QFile>
#include <QtEndian>

#include <sqlite3.h>

#include <cstring>

namespace faultline::storage {

namespace {

// Schema version 1. Components, dependencies and scenarios keep map order in `seq`; references
// between rows use `seq` (not the text id), so a dependency costs two integers. A save replaces
// every row and renumbers, so `seq` is only meaningful inside one saved version. Unknown keys
// (`extra`) and tags are compact JSON text; NULL means "absent". The CHECK constraints repeat
// the map rules that one row or one table can express; parent loops and `require` bounds are
// left to validate() on load.
constexpr const char *schemaV1 = R"sql(
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

// Upgrades schema `version` to `version + 1`. Every schema change adds a case here and bumps
// document::schemaVersion; version 1 is the first, so there is no case yet.
void upgradeFrom([[maybe_unused]] Database &db, int version)
{
    switch (version) {
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
    db.exec(schemaV1);
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
