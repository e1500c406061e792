// libFuzzer target: the CSV import. The first input byte picks how the rest is used: as a
// components file alone, or split at the first NUL into a components and a dependencies file.
#include "model/io/csvimport.h"
#include "tests/fuzz/fuzzutil.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype split = input.indexOf('\0');
    fuzz::importOne([&] {
        if (split < 0)
            return faultline::csvimport::read(input, QStringLiteral("fuzz-components.csv"));
        return faultline::csvimport::read(input.left(split), QStringLiteral("fuzz-components.csv"),
            input.mid(split + 1), QStringLiteral("fuzz-dependencies.csv"));
    });
    return 0;
}
