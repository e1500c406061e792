#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace faultline {

// Which imports a component or dependency came from: the extra key "import_sources", a list
// of marks such as "terraform:prod.tfstate" or "backstage:catalog-info.yaml". A component that
// two imports meet in (a catalog Resource tied to a Terraform address) has both. Components
// without the key were made by hand; `faultline import --into` never removes them.
inline QString importSourcesKey()
{
    return QStringLiteral("import_sources");
}

QStringList importSources(const QJsonObject &extra);
bool hasImportSource(const QJsonObject &extra, const QString &source);
void addImportSource(QJsonObject &extra, const QString &source);
// Removes the mark; the key goes when no mark is left.
void removeImportSource(QJsonObject &extra, const QString &source);

} // namespace faultline
