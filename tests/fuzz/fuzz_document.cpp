// libFuzzer target: opening a .faultline document (SQLite, our schema and checksum checks, the
// reader, validation). Each input is written to one scratch file per process, which is then
// opened as a user's file would be.
#include "model/io/fileio.h"
#include "model/storage/faultlinefile.h"
#include "tests/fuzz/fuzzutil.h"

#include <QDir>
#include <QFile>
#include <QString>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = QDir::temp().filePath(
        QStringLiteral("faultline-fuzz-%1.faultline").arg(qint64(::getpid())));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QFile::remove(path + QStringLiteral("-journal"));
    fuzz::importOne([&] { return faultline::faultlinefile::load(path).map; });
    return 0;
}
