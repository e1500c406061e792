// libFuzzer target: the Graphviz DOT import (our scanner, then libcgraph's parser), and the DOT
// export of what it accepts, which must import again with as many components and dependencies.
#include "model/io/dotexport.h"
#include "model/io/dotimport.h"
#include "tests/fuzz/fuzzutil.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace faultline;
    fuzz::importOne(
        [&] { return dotimport::read(fuzz::bytes(data, size), QStringLiteral("fuzz.dot")); },
        [](const Map &map) {
            const Map again = dotimport::read(dotexport::write(map), QStringLiteral("again.dot"));
            if (again.componentCount() != map.componentCount()
                || again.dependencyCount() != map.dependencyCount())
                __builtin_trap(); // the export lost or invented something
        });
    return 0;
}
