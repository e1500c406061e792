#pragma once

#include "model/impact/state.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace faultline {

// A resilience policy (DESIGN.md, "Policies"): rules that `faultline check` holds a map to, each
// over a set of services. Read from a policy file ({"format": "faultline-policy", "version": 1,
// "rules": [...]}) or from the "policy" key of a map (kept in Map::extra, so the interchange
// file and the document both store it).
struct PolicyRule
{
    enum class Kind { Survive, NoSinglePointOfFailure, Availability, Rto, Rpo };

    QString name; // as written, or made from the rule when the file gives none
    Kind kind = Kind::Survive;

    // "business", "tier<=N", or ids.
    enum class Services { Business, TierAtMost, Ids };
    Services services = Services::Business;
    int tierAtMost = 0;
    QStringList serviceIds;

    // survive: "each-zone", "each-region", "each-provider", "each-component" or
    // "each-of-kind:KIND", as the kind of components that fail one at a time (empty: all).
    QString failureClass;
    QString failureKind;
    State worst = State::Degraded; // the services may be at most this

    QStringList ignoreKinds; // no-single-point-of-failure: failures of these kinds are allowed

    double minimumAvailability = 0.0; // availability

    // rto, rpo: the saved scenarios whose recovery plans are checked; all of them when
    // allScenarios.
    bool allScenarios = false;
    QStringList scenarios;
};

struct Policy
{
    std::vector<PolicyRule> rules;
};

namespace policy {

// Throws FormatError naming `source` and the rule or key at fault: not JSON, a wrong format or
// newer version, an unknown key (at the top or in a rule), a rule with no kind or two, a wrong
// type or value. Service ids and scenario names are checked against a map by checkPolicy().
Policy read(const QByteArray &json, const QString &source);
Policy fromJson(const QJsonObject &object, const QString &source);
// The policy stored in a map's "policy" key; nullopt when it has none.
std::optional<Policy> fromMap(const QJsonObject &mapExtra, const QString &source);

} // namespace policy
} // namespace faultline
