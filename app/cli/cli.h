#pragma once

namespace faultline::cli {

// True when argv[1] names a command (impact, import, export, ...) or asks for --help/--version.
bool isCommand(int argc, char *argv[]);
// Runs it with a QCoreApplication. Exit codes: 0 success, 1 bad input, 2 usage.
int run(int argc, char *argv[]);

} // namespace faultline::cli
