#include "app/gui/guilog.h"

Q_LOGGING_CATEGORY(lcGui, "faultline.gui", QtInfoMsg)
