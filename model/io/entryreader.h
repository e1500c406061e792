#pragma once

#include "model/io/jsonreader.h"
#include "model/map/errors.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cmath>
#include <optional>

namespace faultline::interchange {

// Reads the members of one entry (a component, dependency, scenario or the map itself) with
// their types checked; every error names the file, line and column, and the entry.
class EntryReader
{
public:
    EntryReader(JsonReader &json, const char *list, int index)
        : m_json(json), m_list(list), m_index(index)
    { }

    void setId(const QString &id) { m_id = id; }
    // A part of the entry the next errors are about, named after the entry ("actions[1]").
    void setPart(const QString &part) { m_part = part; }

    [[noreturn]] void fail(const QString &what) const
    {
        QString entry;
        if (m_list) {
            entry = QStringLiteral("%1[%2]").arg(QLatin1String(m_list), QString::number(m_index));
            if (!m_id.isEmpty())
                entry += QStringLiteral(" (\"%1\")").arg(m_id);
            entry += QStringLiteral(": ");
            if (!m_part.isEmpty())
                entry += m_part + QStringLiteral(": ");
        }
        throw FormatError(
            QStringLiteral("%1: %2%3").arg(m_json.where(m_json.valueStart()), entry, what));
    }

    // False (and the null consumed) when the value is null: null reads as "not given".
    bool present()
    {
        if (m_json.peek() != JsonReader::Kind::Null)
            return true;
        m_json.readNull();
        return false;
    }

    QString string(const QString &key)
    {
        if (!present())
            return {};
        if (m_json.peek() != JsonReader::Kind::String)
            fail(QStringLiteral("\"%1\" must be a string").arg(key));
        return m_json.readString();
    }

    // The same, for strings that repeat (ids and their references, kinds): equal ones share
    // one QString through `cache`.
    QString string(const QString &key, JsonReader::StringCache &cache)
    {
        if (!present())
            return {};
        if (m_json.peek() != JsonReader::Kind::String)
            fail(QStringLiteral("\"%1\" must be a string").arg(key));
        return m_json.readString(cache);
    }

    std::optional<double> number(const QString &key)
    {
        if (!present())
            return std::nullopt;
        if (m_json.peek() != JsonReader::Kind::Number)
            fail(QStringLiteral("\"%1\" must be a number").arg(key));
        return m_json.readNumber();
    }

    std::optional<int> integer(const QString &key)
    {
        if (!present())
            return std::nullopt;
        if (m_json.peek() != JsonReader::Kind::Number)
            fail(QStringLiteral("\"%1\" must be a whole number").arg(key));
        const double d = m_json.readNumber();
        if (d != std::trunc(d) || std::fabs(d) > 1e9)
            fail(QStringLiteral("\"%1\" must be a whole number").arg(key));
        return int(d);
    }

    std::optional<bool> boolean(const QString &key)
    {
        if (!present())
            return std::nullopt;
        if (m_json.peek() != JsonReader::Kind::Bool)
            fail(QStringLiteral("\"%1\" must be true or false").arg(key));
        return m_json.readBool();
    }

    std::optional<QStringList> strings(const QString &key)
    {
        if (!present())
            return std::nullopt;
        if (m_json.peek() != JsonReader::Kind::Array)
            fail(QStringLiteral("\"%1\" must be a list of strings").arg(key));
        QStringList out;
        m_json.readArray([&](int) {
            if (m_json.peek() != JsonReader::Kind::String)
                fail(QStringLiteral("\"%1\" must be a list of strings").arg(key));
            out.append(m_json.readString());
        });
        return out;
    }

    // Calls onKey for each member; onKey returns false for keys it does not know, which are
    // then kept in `extra` as they came.
    template<typename OnKey>
    void members(QJsonObject &extra, OnKey onKey)
    {
        if (m_json.peek() != JsonReader::Kind::Object)
            fail(QStringLiteral("must be an object"));
        m_json.readObject([&](const QString &key) {
            if (!onKey(key))
                extra.insert(key, m_json.readValue());
        });
    }

private:
    JsonReader &m_json;
    const char *m_list;
    int m_index;
    QString m_id;
    QString m_part;
};

} // namespace faultline::interchange
