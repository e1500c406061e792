#include <QUndoStack>
#include <QWidget>
#include "app/gui/mainwindow.h"
