#include "model/io/terraform/tfaddress.h"

namespace faultline::terraform {

namespace {

// Splits an address into its dotted parts; a part may end with one `[...]` key, whose quoted
// string may hold dots, brackets and escaped quotes.
struct Part
{
    QString word;
    QString key;
};

std::optional<QList<Part>> splitParts(const QString &text, QString *error)
{
    QList<Part> parts;
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto fail = [&](const QString &why) {
        *error = why;
        return std::nullopt;
    };
    while (i < n) {
        Part part;
        const qsizetype start = i;
        while (i < n && text[i] != u'.' && text[i] != u'[')
            ++i;
        part.word = text.mid(start, i - start);
        if (part.word.isEmpty())
            return fail(QStringLiteral("an empty part at character %1").arg(start + 1));
        if (i < n && text[i] == u'[') {
            const qsizetype open = i++;
            if (i < n && text[i] == u'"') {
                ++i;
                while (i < n && text[i] != u'"') {
                    if (text[i] == u'\\')
                        ++i;
                    ++i;
                }
                if (i >= n)
                    return fail(QStringLiteral("a quoted key that is never closed"));
                ++i;
            } else {
                while (i < n && text[i] != u']' && text[i] != u'"' && text[i] != u'[')
                    ++i;
            }
            if (i >= n || text[i] != u']')
                return fail(QStringLiteral("a key \"[\" at character %1 that is never closed")
                                .arg(open + 1));
            ++i;
            part.key = text.mid(open, i - open);
            if (part.key == QLatin1String("[]"))
                return fail(QStringLiteral("an empty key at character %1").arg(open + 1));
        }
        parts.append(part);
        if (i < n) {
            if (text[i] != u'.')
                return fail(QStringLiteral("unexpected \"%1\" at character %2")
                                .arg(text[i])
                                .arg(i + 1));
            ++i;
            if (i == n)
                return fail(QStringLiteral("a trailing dot"));
        }
    }
    if (parts.isEmpty())
        return fail(QStringLiteral("an empty address"));
    return parts;
}

} // namespace

QString Address::resource() const
{
    QString local = type + u'.' + name;
    if (data)
        local.prepend(QStringLiteral("data."));
    return inModule(module, local);
}

std::optional<Address> parseAddress(const QString &text, QString *error)
{
    QString why;
    const auto parts = splitParts(text, &why);
    if (!parts) {
        *error = why;
        return std::nullopt;
    }
    Address a;
    qsizetype i = 0;
    const qsizetype n = parts->size();
    while (i < n && parts->at(i).word == QLatin1String("module") && parts->at(i).key.isEmpty()) {
        if (i + 1 >= n) {
            *error = QStringLiteral("\"module\" without a name");
            return std::nullopt;
        }
        a.module = inModule(a.module, QStringLiteral("module.") + parts->at(i + 1).word
                                          + parts->at(i + 1).key);
        i += 2;
    }
    if (i < n && parts->at(i).word == QLatin1String("data") && parts->at(i).key.isEmpty()) {
        a.data = true;
        ++i;
    }
    // What is left is TYPE.NAME[KEY] and the rest, or (for var., local., count., a module
    // output) no resource at all.
    static const QStringList notResources = {QStringLiteral("var"), QStringLiteral("local"),
        QStringLiteral("count"), QStringLiteral("each"), QStringLiteral("path"),
        QStringLiteral("self"), QStringLiteral("terraform")};
    if (i + 1 < n && parts->at(i).key.isEmpty() && !notResources.contains(parts->at(i).word)) {
        a.type = parts->at(i).word;
        a.name = parts->at(i + 1).word;
        a.key = parts->at(i + 1).key;
        i += 2;
    } else if (a.data) {
        *error = QStringLiteral("a data source without a type and a name");
        return std::nullopt;
    }
    QStringList rest;
    for (; i < n; ++i)
        rest.append(parts->at(i).word + parts->at(i).key);
    a.rest = rest.join(u'.');
    return a;
}

QString withoutKeys(const QString &modulePath)
{
    if (!modulePath.contains(u'['))
        return modulePath;
    QString out;
    out.reserve(modulePath.size());
    qsizetype i = 0;
    while (i < modulePath.size()) {
        const QChar c = modulePath[i];
        if (c != u'[') {
            out.append(c);
            ++i;
            continue;
        }
        ++i;
        bool quoted = false;
        while (i < modulePath.size()) {
            const QChar k = modulePath[i++];
            if (quoted && k == u'\\') {
                ++i;
            } else if (k == u'"') {
                quoted = !quoted;
            } else if (!quoted && k == u']') {
                break;
            }
        }
    }
    return out;
}

QString keyText(const QJsonValue &indexKey)
{
    if (indexKey.isDouble())
        return QStringLiteral("[%1]").arg(qint64(indexKey.toDouble()));
    if (indexKey.isString()) {
        QString s = indexKey.toString();
        s.replace(u'\\', QStringLiteral("\\\\"));
        s.replace(u'"', QStringLiteral("\\\""));
        return QStringLiteral("[\"%1\"]").arg(s);
    }
    return {};
}

QString inModule(const QString &module, const QString &local)
{
    if (module.isEmpty())
        return local;
    return local.isEmpty() ? module : module + u'.' + local;
}

} // namespace faultline::terraform
