#pragma once

#include <QString>

namespace faultline {

class MainWindow;

// Renders the window as a user sees it, once its layout has finished, into a PNG. Returns an
// error message, empty on success.
QString saveScreenshot(MainWindow *window, const QString &path);

} // namespace faultline
