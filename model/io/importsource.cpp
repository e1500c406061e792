#include "model/io/importsource.h"

#include <QJsonArray>

namespace faultline {

QStringList importSources(const QJsonObject &extra)
{
    QStringList out;
    for (const QJsonValue &v : extra.value(importSourcesKey()).toArray())
        out.append(v.toString());
    return out;
}

bool hasImportSource(const QJsonObject &extra, const QString &source)
{
    for (const QJsonValue &v : extra.value(importSourcesKey()).toArray()) {
        if (v.toString() == source)
            return true;
    }
    return false;
}

void addImportSource(QJsonObject &extra, const QString &source)
{
    QJsonArray sources = extra.value(importSourcesKey()).toArray();
    for (const QJsonValue &v : sources) {
        if (v.toString() == source)
            return;
    }
    sources.append(source);
    extra.insert(importSourcesKey(), sources);
}

void removeImportSource(QJsonObject &extra, const QString &source)
{
    QJsonArray sources = extra.value(importSourcesKey()).toArray();
    for (qsizetype i = sources.size() - 1; i >= 0; --i) {
        if (sources.at(i).toString() == source)
            sources.removeAt(i);
    }
    if (sources.isEmpty())
        extra.remove(importSourcesKey());
    else
        extra.insert(importSourcesKey(), sources);
}

} // namespace faultline
