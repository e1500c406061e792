#include "views/viewslog.h"

Q_LOGGING_CATEGORY(lcViews, "faultline.views", QtInfoMsg)
