// One executable for the desktop and the shell: a first argument that names a command runs the
// command line without a display; anything else opens the desktop app.
#include "app/cli/cli.h"
#include "app/cli/memorytuning.h"
#include "app/gui/gui.h"

int main(int argc, char *argv[])
{
    if (faultline::cli::isCommand(argc, argv)) {
        faultline::cli::tuneMemoryForLargeMaps();
        return faultline::cli::run(argc, argv);
    }
    return faultline::gui::run(argc, argv);
}
