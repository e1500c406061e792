// libFuzzer target: the interchange JSON reader (interchange::read), and the writer on what it
// accepts, which must read back as the same map.
#include "model/io/interchange.h"
#include "tests/fuzz/fuzzutil.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace faultline;
    fuzz::importOne(
        [&] { return interchange::read(fuzz::bytes(data, size), QStringLiteral("fuzz.json")); },
        [](const Map &map) {
            const Map again =
                interchange::read(interchange::write(map), QStringLiteral("again.json"));
            if (!(again == map))
                __builtin_trap(); // the interchange format did not round-trip
        });
    return 0;
}
