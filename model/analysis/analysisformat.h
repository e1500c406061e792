#pragma once

#include "model/analysis/availability.h"
#include "model/analysis/blastradius.h"
#include "model/analysis/cutsets.h"
#include "model/analysis/spof.h"
#include "model/map/map.h"

#include <QByteArray>

namespace faultline {

// The outputs of `faultline blast-radius`, `spof`, `cut-sets` and `availability`: pure
// functions of the map and a report made on it, returning UTF-8. JSON keys come in the order
// shown, one ranking row or cut set per line; numbers in their shortest exact form. CSV follows
// RFC 4180 with the formula-injection guard of impactformat::csvField (CRLF line ends). Text
// is for people: aligned columns, names rather than ids, money with thousands separators.
namespace analysisformat {

// {"ranking": [{"id", "name", "kind", "down", "degraded", "cost_per_hour"}]}. With a kind
// filter (the concentration view): {"kind", "total_business_cost_per_hour", "ranking": [{...,
// "business_cost_per_hour", "business_share"}]} (see BlastRadiusReport).
QByteArray json(const Map &map, const BlastRadiusReport &report);
// rank,id,name,kind,down,degraded,cost_per_hour[,business_cost_per_hour,business_share]
QByteArray csv(const Map &map, const BlastRadiusReport &report);
QByteArray text(const Map &map, const BlastRadiusReport &report);

// {"target": ID, "spof": [ids in map order]}
QByteArray json(const Map &map, const SpofReport &report);
// id,name,kind: one row per single point of failure.
QByteArray csv(const Map &map, const SpofReport &report);
QByteArray text(const Map &map, const SpofReport &report);

// {"target": ID, "cut_sets": [[ids in map order], ...]}, by size then map order.
QByteArray json(const Map &map, const CutSetReport &report);
// order,component_1,...,component_K (K the report's maximum order): one row per cut set, ids.
QByteArray csv(const Map &map, const CutSetReport &report);
QByteArray text(const Map &map, const CutSetReport &report);

// {"target": ID, "availability": A, "unavailability": 1 - A, "downtime_minutes_per_year": M,
// "contributors": [{"id", "name", "availability", "birnbaum", "criticality"}]}: the
// contributors most critical first, at most `maxContributors` of them (see
// AvailabilityContributor for the measures).
QByteArray json(const Map &map, const AvailabilityReport &report, int maxContributors = 10);
// target,availability,unavailability,downtime_minutes_per_year: one row.
QByteArray csv(const Map &map, const AvailabilityReport &report);
QByteArray text(const Map &map, const AvailabilityReport &report, int maxContributors = 10);

} // namespace analysisformat
} // namespace faultline
