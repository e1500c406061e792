#include <QString>
#include <QColor>
#include <QtWidgets/QWidget>
