#include "model/io/jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVariant>

#include <charconv>
#include <cmath>

namespace faultline {

namespace {

// Appends UTF-8 bytes, escaped. Escaping byte-wise on UTF-8 is safe: no byte of a multi-byte
// sequence is below 0x80.
void appendEscaped(QByteArray &out, QByteArrayView utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(int(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
}

// A quoted string straight into `out`: the plain ASCII most ids and names are made of is copied
// without converting the string or allocating; the rest goes through UTF-8 and appendEscaped().
void appendQuoted(QByteArray &out, QStringView s)
{
    out += '"';
    const char16_t *chars = s.utf16();
    qsizetype plain = 0;
    while (plain < s.size() && chars[plain] >= 0x20 && chars[plain] < 0x80 && chars[plain] != '"'
        && chars[plain] != '\\')
        ++plain;
    if (plain > 0) {
        const qsizetype at = out.size();
        out.resize(at + plain);
        char *to = out.data() + at;
        for (qsizetype i = 0; i < plain; ++i)
            to[i] = char(chars[i]);
    }
    if (plain < s.size())
        appendEscaped(out, s.sliced(plain).toUtf8());
    out += '"';
}

} // namespace

void JsonWriter::separator()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out += ", ";
    m_first = false;
}

void JsonWriter::newline(bool beforeItem)
{
    // The comma that separates the next item goes before the line break, not after it.
    if (beforeItem && !m_first && !m_afterKey) {
        m_out += ',';
        m_first = true;
    }
    m_out += '\n';
    // A closing bracket lines up with the line that opened it.
    m_out.append(QByteArray((beforeItem ? m_depth : m_depth - 1) * 2, ' '));
}

void JsonWriter::beginObject()
{
    separator();
    m_out += '{';
    ++m_depth;
    m_first = true;
}

void JsonWriter::endObject()
{
    --m_depth;
    m_out += '}';
    m_first = false;
}

void JsonWriter::beginArray()
{
    separator();
    m_out += '[';
    ++m_depth;
    m_first = true;
}

void JsonWriter::endArray()
{
    --m_depth;
    m_out += ']';
    m_first = false;
}

void JsonWriter::key(const char *name)
{
    separator();
    m_out += '"';
    appendEscaped(m_out, QByteArrayView(name));
    m_out += "\": ";
    m_afterKey = true;
}

void JsonWriter::key(const QString &name)
{
    separator();
    appendQuoted(m_out, name);
    m_out += ": ";
    m_afterKey = true;
}

void JsonWriter::value(const QString &s)
{
    separator();
    appendQuoted(m_out, s);
}

void JsonWriter::value(double d)
{
    separator();
    m_out += number(d);
}

void JsonWriter::value(qint64 i)
{
    separator();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, i).ptr;
    m_out.append(digits, end - digits);
}

void JsonWriter::value(bool b)
{
    separator();
    m_out += b ? "true" : "false";
}

void JsonWriter::null()
{
    separator();
    m_out += "null";
}

void JsonWriter::value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        break;
    case QJsonValue::Bool:
        value(v.toBool());
        break;
    case QJsonValue::Double: {
        // Qt keeps whole numbers beyond 2^53 exact as integers; a double would round them.
        const QVariant number = v.toVariant();
        if (number.typeId() == QMetaType::LongLong)
            value(number.toLongLong());
        else
            value(v.toDouble());
        break;
    }
    case QJsonValue::String:
        value(v.toString());
        break;
    case QJsonValue::Array:
        beginArray();
        for (const QJsonValue &item : v.toArray())
            value(item);
        endArray();
        break;
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        beginObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            key(it.key());
            value(it.value());
        }
        endObject();
        break;
    }
    }
}

QByteArray JsonWriter::quoted(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    appendQuoted(out, s);
    return out;
}

QByteArray JsonWriter::number(double d)
{
    if (!std::isfinite(d))
        return "null"; // JSON has no NaN or infinity
    if (d == std::trunc(d) && std::fabs(d) < 1e15)
        return QByteArray::number(qint64(d));
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, d);
    return QByteArray(buf, int(result.ptr - buf));
}

} // namespace faultline
