#include "model/io/importfile.h"

#include "model/io/backstage/catalogimport.h"
#include "model/io/csvimport.h"
#include "model/io/dotimport.h"
#include "model/io/fileio.h"
#include "model/io/importmerge.h"
#include "model/io/mapfile.h"
#include "model/io/terraform/terraformimport.h"
#include "model/map/errors.h"

#include <QFile>
#include <QFileInfo>

namespace faultline {

namespace {

// Whether a file's first bytes are JSON with the keys Terraform writes first (a state's
// "terraform_version" or "lineage", show -json's "format_version"), and not the interchange
// format's: a truncated file still tells which reader should name its error.
bool mayBeTerraform(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096);
    const QByteArray trimmed = head.trimmed();
    if (!trimmed.startsWith('{'))
        return false;
    if (head.contains("\"faultline-map\""))
        return false;
    for (const char *key : {"\"terraform_version\"", "\"format_version\"", "\"lineage\""}) {
        if (head.contains(key))
            return true;
    }
    return false;
}

bool mayBeCatalog(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096);
    return !head.trimmed().startsWith('{') && !head.startsWith("SQLite format 3")
        && backstageimport::looksLikeCatalog(head);
}

} // namespace

ImportResult importFile(const QString &path, const ImportOptions &options)
{
    if (!QFileInfo::exists(path))
        throw FormatError(QStringLiteral("%1: no such file").arg(path));
    const QString suffix = QFileInfo(path).suffix().toLower();
    ImportResult result;
    if (suffix == QLatin1String("csv")) {
        result.map = csvimport::readFile(path);
        result.format = QStringLiteral("csv");
    } else if (suffix == QLatin1String("dot") || suffix == QLatin1String("gv")) {
        result.map = dotimport::readFile(path);
        result.format = QStringLiteral("dot");
    } else if (mayBeTerraform(path)) {
        const QByteArray bytes = readWholeFile(path);
        terraformimport::Options o;
        o.allResources = options.allResources;
        o.rulesFile = options.rulesFile;
        o.source = options.source;
        auto r = terraformimport::read(bytes, path, o);
        result.map = std::move(r.map);
        result.warnings = r.warnings;
        result.format = QStringLiteral("terraform");
        result.source = options.source.isEmpty() ? terraformimport::sourceMark(path) : options.source;
    } else if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")
        || mayBeCatalog(path)) {
        backstageimport::Options o;
        o.source = options.source;
        o.existing = options.existing;
        auto r = backstageimport::readFile(path, o);
        result.map = std::move(r.map);
        result.warnings = r.warnings;
        result.format = QStringLiteral("backstage");
        result.source = options.source.isEmpty() ? backstageimport::sourceMark(path) : options.source;
    } else {
        result.map = loadMap(path);
        result.format = QStringLiteral("map");
    }
    return result;
}

Map newMapFrom(ImportResult result)
{
    if (result.source.isEmpty())
        return std::move(result.map);
    Map map;
    map.name = result.map.name;
    mergeImport(map, result.map, result.source);
    return map;
}

} // namespace faultline
