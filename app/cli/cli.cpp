#include "app/cli/cli.h"

#include <cstring>

namespace faultline::cli {

bool isCommand(int argc, char *argv[])
{
    return argc > 1 && std::strcmp(argv[1], "impact") == 0;
}

int run(int, char *[])
{
    return 2;
}

} // namespace faultline::cli
