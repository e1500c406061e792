#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace faultline {

// One thing on the map. `id` is the stable text id of DESIGN.md; the optional properties stay
// optional so that a map written back out says exactly what it was given.
struct Component
{
    QString id;
    QString name; // empty: shown as the id
    QString kind;
    QString parent; // id of the hosting component, empty at top level
    std::optional<int> require;
    QString owner;
    std::optional<int> tier;
    QString description;
    std::optional<QStringList> tags;
    std::optional<double> availability;
    // Recovery (DESIGN.md, "Recovery"): minutes to come back once what it needs is back; the
    // minutes of data written before a failure that may be lost; the targets a business service
    // is held to.
    std::optional<double> rtoMinutes;
    std::optional<double> rpoMinutes;
    std::optional<double> targetRtoMinutes;
    std::optional<double> targetRpoMinutes;
    std::optional<double> costPerHour;
    std::optional<bool> business;
    QJsonObject extra; // keys this version does not know, kept as they came

    QString displayName() const { return name.isEmpty() ? id : name; }
    bool isBusiness() const { return business.value_or(false); }
    bool operator==(const Component &) const = default;
};

// The kinds DESIGN.md names; any other kind is kept and drawn with a generic icon.
const QStringList &knownKinds();
bool isKnownKind(const QString &kind);

} // namespace faultline
