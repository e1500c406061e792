#include "model/io/fileio.h"

#include "model/map/errors.h"

#include <QFile>
#include <QSaveFile>

namespace faultline {

QByteArray readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw FormatError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    return file.readAll();
}

void writeWholeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw FormatError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    if (file.write(data) != data.size() || !file.commit())
        throw FormatError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
}

} // namespace faultline
