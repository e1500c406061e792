#include "model/io/jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVariant>

#include <charconv>
#include <cmath>

namespace faultline {

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

void JsonWriter::newline()
{
    m_out += '\n';
    m_out.append(QByteArray(m_depth * 2, ' '));
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
    key(QString::fromUtf8(name));
}

void JsonWriter::key(const QString &name)
{
    separator();
    m_out += quoted(name);
    m_out += ": ";
    m_afterKey = true;
}

void JsonWriter::value(const QString &s)
{
    separator();
    m_out += quoted(s);
}

void JsonWriter::value(double d)
{
    separator();
    m_out += number(d);
}

void JsonWriter::value(qint64 i)
{
    separator();
    m_out += QByteArray::number(i);
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
    // Escaping byte-wise on UTF-8 is safe: no byte of a multi-byte sequence is below 0x80.
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
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
    out += '"';
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
