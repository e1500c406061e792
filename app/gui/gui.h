#pragma once

namespace faultline::gui {

// Opens the desktop app: `faultline` (the bundled example) or `faultline MAP`.
int run(int argc, char *argv[]);

} // namespace faultline::gui
