#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

// A thin RAII layer over the sqlite3 C API, private to model/storage. Every failure throws
// SqliteError; the document functions turn it into a StorageError that names the file.
namespace faultline::storage {

class SqliteError : public std::runtime_error
{
public:
    SqliteError(int code, int extendedCode, const QString &message);
    int code() const { return m_code; } // primary result code, e.g. SQLITE_CORRUPT
    int extendedCode() const { return m_extendedCode; }
    const QString &message() const { return m_message; }

private:
    int m_code;
    int m_extendedCode;
    QString m_message;
};

// Thrown by readers that find content no Faultline version writes: reported as damage.
[[noreturn]] void throwDamaged(const QString &what);

// One connection. Use it from one thread at a time (it is opened without SQLite's mutex).
class Database
{
public:
    // `flags` are sqlite3_open_v2 flags; without SQLITE_OPEN_CREATE a missing file is an error.
    Database(const QString &path, int flags);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    // Runs statements that return no rows we need.
    void exec(const char *sql);
    // The integer a pragma (or any one-value query) returns, e.g. "PRAGMA user_version".
    qint64 queryInt(const char *sql);
    // Copies the whole database into `target` (e.g. an in-memory one), page by page.
    void copyTo(Database &target);
    // The whole database as the bytes of a file (sqlite3_serialize).
    QByteArray serialize();
    bool isReadOnly() const;
    bool inTransaction() const;
    // Throws the SqliteError for `rc` with SQLite's message for this connection.
    [[noreturn]] void fail(int rc) const;

private:
    sqlite3 *m_db = nullptr;
};

// A prepared statement. Parameters and columns are 1-based and 0-based like the C API.
class Statement
{
public:
    Statement(Database &db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Empty text binds NULL: the model does not tell an empty string from an absent one.
    void bind(int i, const QString &text);
    void bindUtf8(int i, const QByteArray &utf8); // null QByteArray binds NULL
    void bind(int i, qint64 value);
    void bind(int i, int value) { bind(i, qint64(value)); }
    void bind(int i, double value);
    void bindNull(int i);
    template<typename T>
    void bind(int i, const std::optional<T> &value)
    {
        if (value)
            bind(i, *value);
        else
            bindNull(i);
    }

    // Steps once: true when a row is ready, false when done.
    bool step();
    // Runs a statement that returns no rows, then resets it (bindings are kept until rebound).
    void run();
    void reset();

    bool isNull(int column) const;
    QString text(int column) const; // NULL reads as a null QString
    // The column's UTF-8 bytes, valid until the next step() or reset(); NULL reads as empty.
    QByteArrayView utf8(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    // The column as an int; damage if it does not fit.
    int smallInteger(int column) const;
    int columnCount() const;
    // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
    int type(int column) const;
    // The column's bytes as stored (text or blob), valid until the next step() or reset().
    QByteArrayView bytes(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// One transaction: rolled back by the destructor unless commit() ran.
class Transaction
{
public:
    // `begin` is "BEGIN" or "BEGIN IMMEDIATE".
    Transaction(Database &db, const char *begin);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_open = true;
};

} // namespace faultline::storage
