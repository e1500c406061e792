#pragma once

#include <QLoggingCategory>

// The editing layer's log ("faultline.editing"): refused edits, documents loaded. Debug
// messages are off unless QT_LOGGING_RULES turns them on.
Q_DECLARE_LOGGING_CATEGORY(lcEditing)
