#include "model/storage/integrity.h"

#include "model/storage/schema.h"
#include "model/storage/sqlite.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QStringList>
#include <QtEndian>

#include <sqlite3.h>

#include <cstring>

namespace faultline::storage {

namespace {

bool hasChecksum(int version)
{
    return version >= 2;
}

QByteArray quotedName(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return (u'"' + quoted + u'"').toUtf8();
}

// "ORDER BY rowid", or the primary key's columns for a WITHOUT ROWID table: the same content
// always hashes in the same order, whatever the query planner picks.
QByteArray keyOrder(Database &db, const QString &table)
{
    Statement wr(db, "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?");
    wr.bind(1, table);
    if (!wr.step() || wr.integer(0) == 0)
        return "rowid";
    Statement pk(db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
    pk.bind(1, table);
    QByteArrayList columns;
    while (pk.step())
        columns.append(quotedName(pk.text(0)));
    return columns.join(", ");
}

void addNumber(QCryptographicHash &hash, quint64 bits)
{
    char bytes[8];
    qToLittleEndian(bits, bytes);
    hash.addData(QByteArrayView(bytes, 8));
}

void hashTable(QCryptographicHash &hash, Database &db, const QString &table)
{
    hash.addData(table.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    const QByteArray sql =
        "SELECT * FROM " + quotedName(table) + " ORDER BY " + keyOrder(db, table);
    Statement rows(db, sql.constData());
    quint64 count = 0;
    while (rows.step()) {
        ++count;
        for (int i = 0; i < rows.columnCount(); ++i) {
            const int type = rows.type(i);
            const char tag = char('0' + type);
            hash.addData(QByteArrayView(&tag, 1));
            switch (type) {
            case SQLITE_INTEGER:
                addNumber(hash, quint64(rows.integer(i)));
                break;
            case SQLITE_FLOAT: {
                const double d = rows.real(i);
                quint64 bits = 0;
                std::memcpy(&bits, &d, sizeof bits);
                addNumber(hash, bits);
                break;
            }
            case SQLITE_TEXT:
            case SQLITE_BLOB: {
                const QByteArrayView bytes = rows.bytes(i);
                addNumber(hash, quint64(bytes.size()));
                hash.addData(bytes);
                break;
            }
            default: // NULL: the tag says it all
                break;
            }
        }
    }
    addNumber(hash, count);
}

} // namespace

void checkSchema(Database &db, int version)
{
    const QStringList expected = expectedSchemaSignatures(version);
    if (expected.contains(schemaSignature(db)))
        return;
    // Name what differs first, as far as a short message can.
    Statement extra(db, "SELECT type, name FROM sqlite_schema WHERE type IN ('view', 'trigger') "
                        "ORDER BY type, name LIMIT 1");
    if (extra.step())
        throwDamaged(QStringLiteral("its schema is not Faultline's (it holds the %1 \"%2\")")
                         .arg(extra.text(0), extra.text(1).left(100)));
    throwDamaged(QStringLiteral("its tables are not those of a Faultline document of schema %1")
                     .arg(version));
}

void checkFileSize(Database &db, const QString &path)
{
    const qint64 pageSize = db.queryInt("PRAGMA page_size");
    const qint64 pages = db.queryInt("PRAGMA page_count");
    const qint64 size = QFileInfo(path).size();
    if (pageSize <= 0 || size % pageSize != 0 || size < pages * pageSize)
        throwDamaged(QStringLiteral("the file is %1 bytes long, but its header says %2 pages of "
                                    "%3 bytes: it was cut short or damaged")
                         .arg(size)
                         .arg(pages)
                         .arg(pageSize));
}

QByteArray contentChecksum(Database &db)
{
    QStringList tables;
    {
        Statement s(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                        "'sqlite\\_%' ESCAPE '\\' ORDER BY name");
        while (s.step()) {
            if (s.text(0) != QLatin1String(checksumTable))
                tables.append(s.text(0));
        }
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : tables)
        hashTable(hash, db, table);
    return hash.result().toHex();
}

void storeChecksum(Database &db)
{
    if (!hasChecksum(int(db.queryInt("PRAGMA user_version"))))
        return;
    Statement store(db, "INSERT OR REPLACE INTO content_check (id, sha256) VALUES (1, ?)");
    store.bindUtf8(1, contentChecksum(db));
    store.run();
}

void verifyChecksum(Database &db)
{
    if (!hasChecksum(int(db.queryInt("PRAGMA user_version"))))
        return;
    QByteArray stored;
    {
        Statement s(db, "SELECT sha256 FROM content_check WHERE id = 1");
        if (s.step())
            stored = s.utf8(0).toByteArray();
    }
    if (stored.isEmpty())
        throwDamaged(QStringLiteral("its content checksum is missing"));
    if (stored != contentChecksum(db))
        throwDamaged(QStringLiteral("its content no longer matches the checksum written when it "
                                    "was saved"));
}

} // namespace faultline::storage
