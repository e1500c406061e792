#include "model/storage/schema.h"

#include "model/map/errors.h"
#include "model/storage/faultlinefile.h"
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

// Schema version 2: the checksum of the content (model/storage/integrity.h), written by every
// save and checked on every open, so that damage SQLite cannot see (a flipped bit inside a
// value, a cut file) is refused instead of opening with changed data. A version 1 document
// opens without the check and gets its checksum when it is next saved.
constexpr const char *schemaV2 = R"sql(
CREATE TABLE content_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sha256 TEXT NOT NULL
) STRICT;
)sql";

// Schema version 3: the recovery fields of a component (DESIGN.md, "Recovery"). Columns are
// added, not the table rebuilt, so that a migrated document and a new one (schema 1 and every
// step) have the same CREATE statement, which checkSchema() compares.
constexpr const char *schemaV3 = R"sql(
ALTER TABLE component ADD COLUMN rpo_minutes REAL CHECK (rpo_minutes >= 0);
ALTER TABLE component ADD COLUMN target_rto_minutes REAL CHECK (target_rto_minutes >= 0);
ALTER TABLE component ADD COLUMN target_rpo_minutes REAL CHECK (target_rpo_minutes >= 0);
)sql";

// Schema version 4: what a workshop writes down about each scenario (DESIGN.md, "Words"):
// free notes, the decisions taken and the action items agreed, each list in its order. A due
// date is YYYY-MM-DD text; the status is spelt as in the interchange JSON.
constexpr const char *schemaV4 = R"sql(
ALTER TABLE scenario ADD COLUMN notes TEXT;

CREATE TABLE scenario_decision (
    scenario INTEGER NOT NULL REFERENCES scenario (seq) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL CHECK (position >= 0),
    text TEXT NOT NULL CHECK (text <> ''),
    PRIMARY KEY (scenario, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE scenario_action (
    scenario INTEGER NOT NULL REFERENCES scenario (seq) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL CHECK (position >= 0),
    what TEXT NOT NULL CHECK (what <> ''),
    owner TEXT,
    due TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'done')),
    extra TEXT CHECK (json_type(extra) = 'object'),
    PRIMARY KEY (scenario, position)
) STRICT, WITHOUT ROWID;
)sql";

// Upgrades schema `version` to `version + 1`. Every schema change adds a case here and bumps
// faultlinefile::schemaVersion. A new document is built the same way (schema 1, then each step), so
// a migrated document and a new one have the same schema, which checkSchema() relies on.
void upgradeFrom(Database &db, int version)
{
    switch (version) {
    case 1:
        db.exec(schemaV2);
        return;
    case 2:
        db.exec(schemaV3);
        return;
    case 3:
        db.exec(schemaV4);
        return;
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
    for (int v = 1; v < faultlinefile::schemaVersion; ++v)
        upgradeFrom(db, v);
    db.exec(QByteArray("PRAGMA application_id = " + QByteArray::number(applicationId)
        + ";"
          "PRAGMA user_version = "
        + QByteArray::number(faultlinefile::schemaVersion))
                .constData());
}

namespace {

// A CREATE statement without comments and with blanks only where they separate words, so that
// reformatting this file's SQL does not make older documents look foreign.
QString normalisedSql(const QString &sql)
{
    QString out;
    out.reserve(sql.size());
    bool blank = false;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (c == u'-' && i + 1 < sql.size() && sql.at(i + 1) == u'-') {
            while (i < sql.size() && sql.at(i) != u'\n')
                ++i;
            blank = true;
            continue;
        }
        if (c == u'\'' || c == u'"') { // literals and quoted names stay as written
            const qsizetype end = sql.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? sql.size() : end + 1;
            if (blank && !out.isEmpty())
                out += u' ';
            blank = false;
            out += QStringView(sql).sliced(i, stop - i);
            i = stop - 1;
            continue;
        }
        if (c.isSpace()) {
            blank = true;
            continue;
        }
        const bool punctuation = c == u'(' || c == u')' || c == u',' || c == u';';
        const bool afterPunctuation =
            !out.isEmpty() && (out.back() == u'(' || out.back() == u')' || out.back() == u',');
        if (blank && !out.isEmpty() && !punctuation && !afterPunctuation)
            out += u' ';
        blank = false;
        out += c;
    }
    return out;
}

} // namespace

QString schemaSignature(Database &db)
{
    Statement s(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
    QStringList rows;
    while (s.step())
        rows.append(
            QStringList {s.text(0), s.text(1), s.text(2), normalisedSql(s.text(3))}.join(u'\x1f'));
    return rows.join(u'\n');
}

QStringList expectedSchemaSignatures(int version)
{
    QStringList out;
    if (version < 1 || version > faultlinefile::schemaVersion)
        return out;
    Database built(QStringLiteral(":memory:"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    built.exec(schemaV1);
    for (int v = 1; v < version; ++v)
        upgradeFrom(built, v);
    out.append(schemaSignature(built));
    if (version == faultlinefile::schemaVersion) {
        Database created(QStringLiteral(":memory:"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        createSchema(created);
        if (const QString fresh = schemaSignature(created); fresh != out.front())
            out.append(fresh);
    }
    return out;
}

void migrate(Database &db, int fromVersion)
{
    for (int v = fromVersion; v < faultlinefile::schemaVersion; ++v) {
        upgradeFrom(db, v);
        db.exec(QByteArray("PRAGMA user_version = " + QByteArray::number(v + 1)).constData());
    }
}

} // namespace faultline::storage
