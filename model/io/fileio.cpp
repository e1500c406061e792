#include "model/io/fileio.h"

#include "model/map/errors.h"
#include "model/map/limits.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace faultline {

namespace {

QString mebibytes(qint64 bytes)
{
    return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
}

[[noreturn]] void tooLarge(const QString &path)
{
    throw FormatError(QStringLiteral("%1: cannot read: larger than the %2 Faultline reads from "
                                     "one file")
                          .arg(path, mebibytes(limits::maxImportFileBytes)));
}

} // namespace

QByteArray readWholeFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        throw FormatError(QStringLiteral("%1: cannot read: it is a folder").arg(path));
    if (info.isFile() && info.size() > limits::maxImportFileBytes)
        tooLarge(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw FormatError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    // Read in pieces up to the limit: a pipe or a device (/dev/zero behind a .json name) has no
    // size to check beforehand and may never end.
    QByteArray data;
    constexpr qint64 piece = 1024 * 1024;
    for (;;) {
        const QByteArray chunk = file.read(piece);
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError)
                throw FormatError(
                    QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
            break;
        }
        data += chunk;
        if (data.size() > limits::maxImportFileBytes)
            tooLarge(path);
    }
    return data;
}

void writeWholeFile(const QString &path, const QByteArray &data)
{
    // QSaveFile replaces the file (through a symbolic link, the link's target) with a new regular
    // file: a named pipe, a device or a socket would silently become one.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        throw FormatError(
            QStringLiteral("%1: cannot write: %2").arg(path,
                info.isDir() ? QStringLiteral("it is a folder")
                             : QStringLiteral("not a regular file (a pipe, device or socket); "
                                              "write to a regular file")));
    // Unbuffered: Qt 6.4's QSaveFile::commit() reports success when flushing its buffer fails
    // on a full disk, and renames an empty file into place.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        throw FormatError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    // A write the disk could only partly take returns short with no error set ("Unknown
    // error"); writing the rest gets the system's reason (e.g. "No space left on device").
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = file.write(data.constData() + written, data.size() - written);
        if (n <= 0)
            throw FormatError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
        written += n;
    }
    if (!file.commit())
        throw FormatError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
}

} // namespace faultline
