#include "app/about.h"

#include "model/layout/libraryversions.h"

#include <QGuiApplication>
#include <QIcon>
#include <QStringList>

namespace faultline::about {

QString version()
{
    return QStringLiteral(FAULTLINE_VERSION);
}

QString licence()
{
    return QStringLiteral("MIT");
}

QStringList components()
{
    // Qt's run-time version first, then the one it was built against when they differ.
    QString qt = QStringLiteral("Qt %1").arg(QLatin1String(qVersion()));
    if (QLatin1String(qVersion()) != QLatin1String(QT_VERSION_STR))
        qt += QStringLiteral(" (built with %1)").arg(QLatin1String(QT_VERSION_STR));
    return {QStringLiteral("Faultline %1").arg(version()), qt,
        QStringLiteral("Graphviz %1").arg(libraries::graphvizVersion()),
        QStringLiteral("SQLite %1").arg(libraries::sqliteVersion())};
}

void setApplicationIdentity()
{
    QGuiApplication::setApplicationName(QStringLiteral("Faultline"));
    QGuiApplication::setOrganizationName(QStringLiteral("Faultline"));
    QGuiApplication::setApplicationVersion(version());
    QGuiApplication::setDesktopFileName(QString::fromUtf16(appId));
    QGuiApplication::setWindowIcon(
        QIcon(QStringLiteral(":/icons/app/%1.svg").arg(QString::fromUtf16(appId))));
}

QString html()
{
    QString versions;
    for (const QString &line : components())
        versions += line.toHtmlEscaped() + QStringLiteral("<br>");
    return QStringLiteral("<h3>Faultline %1</h3>"
                          "<p>Map your services and the cloud under them, and see what goes "
                          "down when a part fails.</p><p>%2</p><p>Licence: %3</p>")
        .arg(version().toHtmlEscaped(), versions, licence());
}

} // namespace faultline::about
