#pragma once

#include "model/io/stringcache.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace faultline {

// A strict, fast pull parser for JSON text (RFC 8259) that reads straight into the caller's
// structures instead of building a QJsonDocument first: the interchange reader uses it to read
// a 100,000-component map in a fraction of the time. Errors throw FormatError as
// "SOURCE:LINE:COLUMN: message"; line and column are only computed when an error is reported.
class JsonReader
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null };

    JsonReader(const QByteArray &data, QString source);

    // The kind of the next value (after whitespace); a syntax error if there is none.
    Kind peek();
    QString readString();
    // Strings by their bytes in the input (stringcache.h).
    using StringCache = faultline::StringCache;
    // Reads a string like readString(), through `cache`: a string without escapes whose bytes
    // are in the cache is not decoded again but shares the cached QString (implicit sharing);
    // a new one is added. For the many repeated strings of a large map (ids, kinds).
    QString readString(StringCache &cache);
    double readNumber();
    bool readBool();
    void readNull();
    // Any value, as Qt's JSON types; whole numbers beyond 2^53 stay exact as qint64.
    QJsonValue readValue();

    // Calls onKey(key) for each member; onKey must read the member's value.
    template<typename OnKey>
    void readObject(OnKey onKey)
    {
        expect('{');
        if (consume('}'))
            return;
        do {
            if (peekChar() != '"')
                fail(QStringLiteral("expected a key in double quotes"));
            const QString key = readString(m_keys);
            expect(':');
            onKey(key);
        } while (consume(','));
        expect('}');
    }

    // Calls onItem(index) for each element; onItem must read the element.
    template<typename OnItem>
    void readArray(OnItem onItem)
    {
        expect('[');
        if (consume(']'))
            return;
        int index = 0;
        do {
            onItem(index++);
        } while (consume(','));
        expect(']');
    }

    // Fails unless only whitespace is left.
    void expectEnd();

    // Where the reader is (or was at `offset`), as "SOURCE:LINE:COLUMN" and as a line number.
    QString where() const { return where(m_pos); }
    QString where(qsizetype offset) const;
    int lineAt(qsizetype offset) const;
    qsizetype position() const { return m_pos; }
    // The start of the value just peeked at, for messages about that value.
    qsizetype valueStart() const { return m_valueStart; }

    [[noreturn]] void fail(const QString &message) const;
    [[noreturn]] void failAt(qsizetype offset, const QString &message) const;

private:
    char peekChar();
    void skipSpace();
    void expect(char c);
    bool consume(char c);
    void appendEscape(QByteArray &out);
    // From just after an opening quote: true when the string has no escapes, with m_pos after
    // the closing quote and `ascii` telling whether its bytes are all ASCII; false with m_pos at
    // the first backslash.
    bool scanPlain(qsizetype start, bool &ascii);
    // Finishes a string with escapes that began at `start` (just after its opening quote).
    QString readEscaped(qsizetype start);
    QJsonValue readValue(int depth);

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    qsizetype m_valueStart = 0;
    QString m_source;
    StringCache m_keys; // object keys: a map repeats a few keys hundreds of thousands of times
};

} // namespace faultline
