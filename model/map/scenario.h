#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace faultline {

// A named what-if: the components that fail (down) and those that are impaired (degraded).
struct Scenario
{
    QString name;
    QStringList fail;
    QStringList degrade;
    QString description;
    QJsonObject extra;

    bool operator==(const Scenario &) const = default;
};

} // namespace faultline
