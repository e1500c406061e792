#pragma once

#include "model/map/map.h"
#include "model/editing/mapdocument.h"
#include "views/theme.h"
