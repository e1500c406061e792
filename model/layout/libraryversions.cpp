#include "model/layout/libraryversions.h"

#include "model/layout/graphvizlock.h"

#include <QMutexLocker>

#include <graphviz/gvc.h>
#include <sqlite3.h>

namespace faultline::libraries {

QString graphvizVersion()
{
    // Graphviz reports its version through a context; the layout's own is private to the
    // layout thread, so this makes a short-lived one under the process-wide lock.
    const QMutexLocker lock(&graphviz::graphvizMutex());
    GVC_t *gvc = gvContext();
    const QString version = QString::fromUtf8(gvcVersion(gvc));
    gvFreeContext(gvc);
    return version;
}

QString sqliteVersion()
{
    return QString::fromUtf8(sqlite3_libversion());
}

} // namespace faultline::libraries
