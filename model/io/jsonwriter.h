#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace faultline {

// A small streaming JSON writer that keeps keys in the order they are written (QJsonObject
// sorts them) and prints doubles in their shortest exact form (0.9995, not 0.99950000000000006).
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) { }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(const char *name);
    void key(const QString &name);
    void value(const QString &s);
    void value(double d);
    void value(qint64 i);
    void value(int i) { value(qint64(i)); }
    void value(bool b);
    void null();
    void value(const QJsonValue &v); // any value, e.g. one kept from an unknown key
    // Newline and indentation before the next item at the current depth (beforeItem) or before
    // the closing bracket: keeps one component per line in files people read and diff.
    void newline(bool beforeItem = true);

    static QByteArray quoted(const QString &s);
    static QByteArray number(double d);

private:
    void separator();

    QByteArray &m_out;
    int m_depth = 0;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace faultline
