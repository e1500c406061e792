#include "views/availabilityformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace faultline::availabilityformat {

QString percent(double unavailability)
{
    if (!(unavailability > 0.0))
        return QStringLiteral("100 %");
    const double missing = std::min(unavailability, 1.0) * 100.0;
    const int decimals = std::clamp(int(std::ceil(-std::log10(missing))) + 2, 2, 12);
    const QLocale locale;
    QString text = locale.toString(100.0 - missing, 'f', decimals);
    const QString point = locale.decimalPoint();
    while (text.endsWith(u'0') && text.size() - text.indexOf(point) - point.size() > 2)
        text.chop(1);
    return text + QStringLiteral(" %");
}

QString minutes(double minutes)
{
    if (!(minutes > 0.0))
        return QStringLiteral("0");
    const int decimals = minutes >= 100.0 ? 0
        : minutes >= 1.0                  ? 1
                                          : std::min(int(std::ceil(-std::log10(minutes))) + 1, 9);
    return QLocale().toString(minutes, 'f', decimals);
}

QString downtimePerYear(double m)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("faultline::availabilityformat", text);
    };
    QString text = tr("%1 minutes of downtime a year").arg(minutes(m));
    if (m >= 120.0)
        text += tr(" (%1 hours)").arg(QLocale().toString(m / 60.0, 'f', 1));
    return text;
}

QString share(double fraction)
{
    if (fraction >= 0.995)
        return QStringLiteral("100 %");
    if (fraction < 0.005)
        return QStringLiteral("<1 %");
    return QLocale().toString(fraction * 100.0, 'f', 0) + QStringLiteral(" %");
}

} // namespace faultline::availabilityformat
