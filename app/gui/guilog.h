#pragma once

#include <QLoggingCategory>

// The desktop window's log ("faultline.gui"): files that could not be opened or saved, with the
// message the user saw.
Q_DECLARE_LOGGING_CATEGORY(lcGui)
