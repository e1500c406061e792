#pragma once

#include "views/theme.h"

#include <QIcon>

namespace faultline::theme {

// A small badge icon for a look, for lists and trees (empty for up).
QIcon stateIcon(Look look);

} // namespace faultline::theme
