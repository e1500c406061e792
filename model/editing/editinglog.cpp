#include "model/editing/editinglog.h"

Q_LOGGING_CATEGORY(lcEditing, "faultline.editing", QtInfoMsg)
