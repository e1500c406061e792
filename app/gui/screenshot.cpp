#include "app/gui/screenshot.h"

#include "app/gui/mainwindow.h"
#include "views/mapview.h"

#include <QCoreApplication>
#include <QPixmap>

namespace faultline {

QString saveScreenshot(MainWindow *window, const QString &path)
{
    if (!window->waitForLayout())
        return QCoreApplication::translate("faultline", "The layout did not finish in time.");
    window->view()->fitToMap();
    QCoreApplication::processEvents();
    const QPixmap shot = window->grab();
    if (!shot.save(path, "PNG"))
        return QCoreApplication::translate("faultline", "Cannot write %1.").arg(path);
    return {};
}

} // namespace faultline
