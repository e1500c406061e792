#pragma once

#include "model/map/workshopnotes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace faultline {

// A named what-if: the components that fail (down) and those that are impaired (degraded),
// with what a workshop wrote down about it: free notes, the decisions taken and the action
// items agreed (model/map/workshopnotes.h).
struct Scenario
{
    QString name;
    QStringList fail;
    QStringList degrade;
    QString description;
    QString notes;
    QStringList decisions; // in the order they were taken; none is empty
    std::vector<ActionItem> actions;
    QJsonObject extra;

    bool operator==(const Scenario &) const = default;
};

} // namespace faultline
