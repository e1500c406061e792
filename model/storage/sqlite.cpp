#include "model/storage/sqlite.h"

#include <sqlite3.h>

#include <limits>

namespace faultline::storage {

SqliteError::SqliteError(int code, int extendedCode, const QString &message)
    : std::runtime_error(message.toStdString()), m_code(code), m_extendedCode(extendedCode),
      m_message(message)
{ }

void throwDamaged(const QString &what)
{
    throw SqliteError(SQLITE_CORRUPT, SQLITE_CORRUPT, what);
}

Database::Database(const QString &path, int flags)
{
    // One connection serves one thread at a time: no per-call locking.
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        const int extended = m_db ? sqlite3_extended_errcode(m_db) : rc;
        sqlite3_close(m_db);
        throw SqliteError(rc & 0xff, extended, message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // The files we open come from anywhere: no writing to the schema behind SQLite's back.
    // (The schema stays trusted: its CHECK constraints use json_type(), which SQLite 3.40 does
    // not mark innocuous, and we register no functions a hostile schema could misuse.)
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    // Waits briefly for another program that holds the file's lock (e.g. while it saves).
    sqlite3_busy_timeout(m_db, 1000);
}

Database::~Database()
{
    sqlite3_close(m_db);
}

void Database::fail(int rc) const
{
    throw SqliteError(
        rc & 0xff, sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db)));
}

void Database::exec(const char *sql)
{
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(rc);
}

qint64 Database::queryInt(const char *sql)
{
    Statement s(*this, sql);
    return s.step() ? s.integer(0) : 0;
}

void Database::copyTo(Database &target)
{
    sqlite3_backup *backup = sqlite3_backup_init(target.m_db, "main", m_db, "main");
    if (!backup)
        target.fail(sqlite3_errcode(target.m_db));
    sqlite3_backup_step(backup, -1);
    const int rc = sqlite3_backup_finish(backup);
    if (rc != SQLITE_OK)
        target.fail(rc);
}

QByteArray Database::serialize()
{
    sqlite3_int64 size = 0;
    unsigned char *data = sqlite3_serialize(m_db, "main", &size, 0);
    if (!data)
        throw SqliteError(SQLITE_NOMEM, SQLITE_NOMEM, QStringLiteral("out of memory"));
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    sqlite3_free(data);
    return bytes;
}

bool Database::isReadOnly() const
{
    return sqlite3_db_readonly(m_db, "main") == 1;
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

Statement::Statement(Database &db, const char *sql) : m_db(db)
{
    const int rc =
        sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int i, const QString &text)
{
    bindUtf8(i, text.isEmpty() ? QByteArray() : text.toUtf8());
}

void Statement::bindUtf8(int i, const QByteArray &utf8)
{
    const int rc = utf8.isNull()
        ? sqlite3_bind_null(m_stmt, i)
        : sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db.fail(rc);
}

void Statement::bind(int i, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, i, value);
    if (rc != SQLITE_OK)
        m_db.fail(rc);
}

void Statement::bind(int i, double value)
{
    const int rc = sqlite3_bind_double(m_stmt, i, value);
    if (rc != SQLITE_OK)
        m_db.fail(rc);
}

void Statement::bindNull(int i)
{
    const int rc = sqlite3_bind_null(m_stmt, i);
    if (rc != SQLITE_OK)
        m_db.fail(rc);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_reset() returns the same error; the connection's message stays set until then.
    const SqliteError error(rc & 0xff, sqlite3_extended_errcode(m_db.handle()),
        QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
    sqlite3_reset(m_stmt);
    throw error;
}

void Statement::run()
{
    step();
    sqlite3_reset(m_stmt);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArrayView Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

int Statement::smallInteger(int column) const
{
    const qint64 v = integer(column);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        throwDamaged(QStringLiteral("the value %1 is out of range").arg(v));
    return int(v);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

int Statement::type(int column) const
{
    return sqlite3_column_type(m_stmt, column);
}

QByteArrayView Statement::bytes(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

Transaction::Transaction(Database &db, const char *begin) : m_db(db)
{
    m_db.exec(begin);
}

Transaction::~Transaction()
{
    // A failed COMMIT may leave the transaction open; SQLite may also have rolled it back
    // already (e.g. after SQLITE_FULL), in which case there is nothing left to undo.
    if (m_open && m_db.inTransaction())
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace faultline::storage
