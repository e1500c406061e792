#include "model/io/jsonreader.h"

#include "model/map/errors.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cstring>

namespace faultline {

namespace {

// Deeper nesting than this is not a map; refusing it keeps a hostile file from exhausting the
// stack.
constexpr int maxDepth = 256;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

JsonReader::JsonReader(const QByteArray &data, QString source)
    : m_data(data.constData()), m_size(data.size()), m_source(std::move(source))
{
    // A UTF-8 byte order mark is not JSON, but editors write it; skip it.
    if (m_size >= 3 && std::memcmp(m_data, "\xEF\xBB\xBF", 3) == 0)
        m_pos = 3;
}

int JsonReader::lineAt(qsizetype offset) const
{
    int line = 1;
    for (qsizetype i = 0; i < offset && i < m_size; ++i)
        line += m_data[i] == '\n' ? 1 : 0;
    return line;
}

QString JsonReader::where(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_size);
    qsizetype lineStart = offset;
    while (lineStart > 0 && m_data[lineStart - 1] != '\n')
        --lineStart;
    // Columns count characters, not bytes.
    const int column = int(QString::fromUtf8(m_data + lineStart, offset - lineStart).size()) + 1;
    return QStringLiteral("%1:%2:%3")
        .arg(m_source, QString::number(lineAt(offset)), QString::number(column));
}

void JsonReader::fail(const QString &message) const
{
    failAt(m_pos, message);
}

void JsonReader::failAt(qsizetype offset, const QString &message) const
{
    throw FormatError(QStringLiteral("%1: invalid JSON: %2").arg(where(offset), message));
}

void JsonReader::skipSpace()
{
    while (m_pos < m_size) {
        const char c = m_data[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++m_pos;
    }
}

char JsonReader::peekChar()
{
    skipSpace();
    return m_pos < m_size ? m_data[m_pos] : '\0';
}

void JsonReader::expect(char c)
{
    if (peekChar() != c) {
        if (m_pos >= m_size)
            fail(QStringLiteral("unexpected end of file, expected '%1'").arg(QLatin1Char(c)));
        fail(QStringLiteral("expected '%1'").arg(QLatin1Char(c)));
    }
    ++m_pos;
}

bool JsonReader::consume(char c)
{
    if (peekChar() != c)
        return false;
    ++m_pos;
    return true;
}

void JsonReader::expectEnd()
{
    skipSpace();
    if (m_pos < m_size)
        fail(QStringLiteral("unexpected text after the end of the document"));
}

JsonReader::Kind JsonReader::peek()
{
    const char c = peekChar();
    m_valueStart = m_pos;
    switch (c) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
    case 'f':
        return Kind::Bool;
    case 'n':
        return Kind::Null;
    case '\0':
        if (m_pos >= m_size)
            fail(QStringLiteral("unexpected end of file"));
        break;
    default:
        if (c == '-' || isDigit(c))
            return Kind::Number;
    }
    fail(QStringLiteral("unexpected character"));
}

void JsonReader::appendEscape(QByteArray &out)
{
    // m_pos is just after the backslash.
    if (m_pos >= m_size)
        fail(QStringLiteral("unterminated string"));
    const char e = m_data[m_pos++];
    switch (e) {
    case '"':
    case '\\':
    case '/':
        out += e;
        return;
    case 'b':
        out += '\b';
        return;
    case 'f':
        out += '\f';
        return;
    case 'n':
        out += '\n';
        return;
    case 'r':
        out += '\r';
        return;
    case 't':
        out += '\t';
        return;
    case 'u':
        break;
    default:
        failAt(m_pos - 2, QStringLiteral("invalid escape sequence"));
    }
    auto hex4 = [this]() -> char32_t {
        if (m_pos + 4 > m_size)
            fail(QStringLiteral("invalid \\u escape"));
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_data[m_pos++];
            v <<= 4;
            if (isDigit(c))
                v |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= char32_t(c - 'A' + 10);
            else
                failAt(m_pos - 1, QStringLiteral("invalid \\u escape"));
        }
        return v;
    };
    char32_t code = hex4();
    if (code >= 0xD800 && code <= 0xDBFF && m_pos + 6 <= m_size && m_data[m_pos] == '\\'
        && m_data[m_pos + 1] == 'u') {
        const qsizetype save = m_pos;
        m_pos += 2;
        const char32_t low = hex4();
        if (low >= 0xDC00 && low <= 0xDFFF)
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        else
            m_pos = save;
    }
    // A lone surrogate is not a character; replacing it with U+FFFD could make two ids one.
    if (code >= 0xD800 && code <= 0xDFFF)
        failAt(m_pos - 6, QStringLiteral("\\u escape of a lone surrogate (not a character)"));
    out += QString::fromUcs4(&code, 1).toUtf8();
}

bool JsonReader::scanPlain(qsizetype start, bool &ascii)
{
    unsigned char high = 0;
    while (m_pos < m_size) {
        const unsigned char c = static_cast<unsigned char>(m_data[m_pos]);
        if (c == '"') {
            ++m_pos;
            ascii = high < 0x80;
            return true;
        }
        if (c == '\\')
            return false;
        if (c < 0x20)
            fail(QStringLiteral("control character in a string (escape it)"));
        high |= c;
        ++m_pos;
    }
    failAt(start - 1, QStringLiteral("unterminated string"));
}

QString JsonReader::readEscaped(qsizetype start)
{
    QByteArray out(m_data + start, m_pos - start);
    while (m_pos < m_size) {
        const unsigned char c = static_cast<unsigned char>(m_data[m_pos++]);
        if (c == '"')
            return QString::fromUtf8(out);
        if (c == '\\')
            appendEscape(out);
        else if (c < 0x20)
            failAt(m_pos - 1, QStringLiteral("control character in a string (escape it)"));
        else
            out += char(c);
    }
    failAt(start - 1, QStringLiteral("unterminated string"));
}

namespace {

QString decodePlain(const char *data, qsizetype size, bool ascii)
{
    // ASCII is Latin-1, whose conversion is simpler than UTF-8's.
    return ascii && size > 0 ? QString::fromLatin1(data, size) : QString::fromUtf8(data, size);
}

} // namespace

QString JsonReader::readString()
{
    expect('"');
    const qsizetype start = m_pos;
    bool ascii = false;
    if (scanPlain(start, ascii))
        return decodePlain(m_data + start, m_pos - 1 - start, ascii);
    return readEscaped(start);
}

QString JsonReader::readString(StringCache &cache)
{
    expect('"');
    const qsizetype start = m_pos;
    bool ascii = false;
    if (!scanPlain(start, ascii))
        return readEscaped(start);
    const std::string_view bytes(m_data + start, std::size_t(m_pos - 1 - start));
    const std::uint64_t hash = StringCache::hash(bytes);
    if (const QString *cached = cache.find(bytes, hash))
        return *cached;
    return cache.insert(bytes, hash, decodePlain(bytes.data(), qsizetype(bytes.size()), ascii));
}

double JsonReader::readNumber()
{
    skipSpace();
    const qsizetype start = m_pos;
    qsizetype p = m_pos;
    auto digits = [&]() {
        const qsizetype from = p;
        while (p < m_size && isDigit(m_data[p]))
            ++p;
        return p > from;
    };
    if (p < m_size && m_data[p] == '-')
        ++p;
    if (p < m_size && m_data[p] == '0')
        ++p;
    else if (!digits())
        failAt(start, QStringLiteral("invalid number"));
    if (p < m_size && m_data[p] == '.') {
        ++p;
        if (!digits())
            failAt(start, QStringLiteral("invalid number"));
    }
    if (p < m_size && (m_data[p] == 'e' || m_data[p] == 'E')) {
        ++p;
        if (p < m_size && (m_data[p] == '+' || m_data[p] == '-'))
            ++p;
        if (!digits())
            failAt(start, QStringLiteral("invalid number"));
    }
    double value = 0;
    const auto result = std::from_chars(m_data + start, m_data + p, value);
    if (result.ec == std::errc::result_out_of_range)
        failAt(start, QStringLiteral("number out of range"));
    m_pos = p;
    return value;
}

bool JsonReader::readBool()
{
    skipSpace();
    if (m_size - m_pos >= 4 && std::memcmp(m_data + m_pos, "true", 4) == 0) {
        m_pos += 4;
        return true;
    }
    if (m_size - m_pos >= 5 && std::memcmp(m_data + m_pos, "false", 5) == 0) {
        m_pos += 5;
        return false;
    }
    fail(QStringLiteral("unexpected character"));
}

void JsonReader::readNull()
{
    skipSpace();
    if (m_size - m_pos >= 4 && std::memcmp(m_data + m_pos, "null", 4) == 0) {
        m_pos += 4;
        return;
    }
    fail(QStringLiteral("unexpected character"));
}

QJsonValue JsonReader::readValue()
{
    return readValue(0);
}

QJsonValue JsonReader::readValue(int depth)
{
    if (depth > maxDepth)
        fail(QStringLiteral("nested too deeply"));
    switch (peek()) {
    case Kind::Object: {
        QJsonObject object;
        readObject([&](const QString &key) { object.insert(key, readValue(depth + 1)); });
        return object;
    }
    case Kind::Array: {
        QJsonArray array;
        readArray([&](int) { array.append(readValue(depth + 1)); });
        return array;
    }
    case Kind::String:
        return readString();
    case Kind::Number: {
        // Whole numbers that a double cannot hold exactly stay integers, as Qt keeps them.
        const qsizetype start = m_pos;
        const double d = readNumber();
        qint64 whole = 0;
        const auto r = std::from_chars(m_data + start, m_data + m_pos, whole);
        if (r.ec == std::errc() && r.ptr == m_data + m_pos)
            return QJsonValue(whole);
        return d;
    }
    case Kind::Bool:
        return readBool();
    case Kind::Null:
        readNull();
        return QJsonValue(QJsonValue::Null);
    }
    return {};
}

} // namespace faultline
