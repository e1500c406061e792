#pragma once

#include "model/impact/graph.h"
#include "model/impact/state.h"
#include "model/map/ids.h"
#include "model/map/map.h"
#include "model/recovery/policy.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace faultline {

// One way a service breaks a rule.
struct PolicyViolation
{
    ComponentIndex service;
    QStringList failure; // the ids that fail (survive, spof) or the scenario's failed ids
    std::optional<State> state; // the service's state then; none for availability
    QString evidence; // in words: the chain of causes, the late step, the figure
};

struct RuleResult
{
    const PolicyRule *rule = nullptr;
    std::vector<ComponentIndex> services; // the rule's services, map order
    // By service (map order), then failure in the order tried.
    std::vector<PolicyViolation> violations;
    bool holds() const { return violations.empty(); }
};

// Holds the map to every rule, asking the one impact engine (and the recovery plan, the single
// points of failure and the exact availability built on it):
// - survive: each component of the class (every component for each-component) fails alone;
//   a service worse than `worst` is a violation (its own failure is not tried on it);
// - no-single-point-of-failure: the service's single points of failure whose kind is not
//   ignored;
// - availability: the exact availability below the figure;
// - rto: in each scenario's recovery plan, a service with a target_rto_minutes back later
//   (or never);
// - rpo: in each scenario's plan, a down data store a service with a target_rpo_minutes needs
//   whose rpo_minutes is above that target.
// Throws ValidationError naming `source` and the rule for a service id or scenario name the map
// does not have.
std::vector<RuleResult> checkPolicy(
    const Map &map, const ImpactGraph &graph, const Policy &policy, const QString &source);

} // namespace faultline
