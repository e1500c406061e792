#pragma once

#include <QLoggingCategory>

// The views' log ("faultline.views"): background jobs that failed or were dropped, states a
// view recovers from. Debug messages are off unless QT_LOGGING_RULES turns them on.
Q_DECLARE_LOGGING_CATEGORY(lcViews)
