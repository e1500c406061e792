#include "model/io/mapfile.h"

#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "model/storage/faultlinefile.h"

#include <QFile>
#include <QFileInfo>

namespace faultline {

namespace {

// Looks at the first bytes only: a document can be large and is read by SQLite anyway.
MapFileKind sniff(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw FormatError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(512);
    static const QByteArray sqliteHeader("SQLite format 3\0", 16);
    if (head.startsWith(sqliteHeader))
        return MapFileKind::Document;
    QByteArray text = head;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    if (text.trimmed().startsWith('{'))
        return MapFileKind::Interchange;
    throw FormatError(QStringLiteral("%1: not a Faultline map: expected a .%2 document or an "
                                     "interchange .json file")
                          .arg(path, QLatin1String(faultlinefile::fileSuffix)));
}

} // namespace

MapFileKind mapFileKind(const QString &path)
{
    // Checked here so that every form reports a missing file the same way, and so that SQLite
    // is never asked to open (and possibly create) a file that is not there.
    const QFileInfo info(path);
    if (!info.exists())
        throw FormatError(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        throw FormatError(QStringLiteral("%1: is a folder, not a map file").arg(path));

    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("json"))
        return MapFileKind::Interchange;
    if (suffix == QLatin1String(faultlinefile::fileSuffix))
        return MapFileKind::Document;
    return sniff(path);
}

Map loadMap(const QString &path)
{
    if (mapFileKind(path) == MapFileKind::Document)
        return faultlinefile::load(path).map;
    return interchange::readFile(path);
}

} // namespace faultline
