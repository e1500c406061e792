#include "views/mapscene.h"
#include "model/editing/edits.h"
#include <QWidget>
