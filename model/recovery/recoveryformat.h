#pragma once

#include "model/map/map.h"
#include "model/map/scenario.h"
#include "model/recovery/recoveryplan.h"

#include <QByteArray>
#include <QString>

namespace faultline {

// The outputs of `faultline recovery` (DESIGN.md, "Recovery"): pure functions of a map, the
// plan of one scenario on it, and that scenario. Times are minutes from the failure; UTF-8.
namespace recoveryformat {

// {"scenario": {"name", "fail", "degrade"}, "summary": {"steps", "waves", "all_back"},
// "steps": [{"id", "name", "start", "back", "waits_for", "wave", "rto", "rto_missing"}],
// "waves": [[ids]], "business": [{"id", "name", "state", "back", "restored", "target_rto",
// "met", "late_by", "critical_path"}], "data_at_risk": [{"id", "name", "rpo", "services", "met"}],
// "unrecoverable": [ids], "cycles": [[ids]]}. A time is null when it never comes; "wave" is
// 1-based (null: never back); "rto" is null when the component has none (counted as 0);
// "met" is null without a target.
QByteArray json(const Map &map, const RecoveryPlan &plan, const Scenario &scenario);

// One row per step in plan order: id, name, kind, wave, start, back, rto_minutes, rto_missing,
// waits_for (ids joined by " "), business_cost_per_hour. Empty wave, start and back: never.
// RFC 4180 as impactformat::csv.
QByteArray csv(const Map &map, const RecoveryPlan &plan);

// For people: a headline, a summary, the steps wave by wave, the business services against
// their targets, the data at risk, and the cycles that block recovery.
QByteArray text(const Map &map, const RecoveryPlan &plan, const Scenario &scenario);

} // namespace recoveryformat
} // namespace faultline
