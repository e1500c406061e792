// libFuzzer target: the Backstage catalog import (YAML, one or several entity documents). The
// import reads files (a Location points at others), so each input is written to one scratch
// file per process and imported from there; a Location target that is missing is an error.
#include "model/io/backstage/catalogimport.h"
#include "tests/fuzz/fuzzutil.h"

#include <QDir>
#include <QFile>
#include <QString>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString folder = [] {
        const QString path =
            QDir::temp().filePath(QStringLiteral("faultline-fuzz-%1").arg(qint64(::getpid())));
        QDir().mkpath(path);
        return path;
    }();
    static const QString path = folder + QStringLiteral("/catalog-info.yaml");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    fuzz::importOne([&] { return faultline::backstageimport::readFile(path).map; });
    return 0;
}
