#include "model/editing/edits.h"
#include "app/gui/editactions.h"
