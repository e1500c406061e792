#pragma once

#include "model/impact/comparison.h"

#include <QByteArray>
#include <QString>

namespace faultline {

// The outputs of `faultline compare` (DESIGN.md, "Command line"), pure functions of a
// comparison and the two sides it was made of. UTF-8.
namespace compareformat {

// {"a": {"fail", "degrade"}, "b": {...}, "components": [{"id", "name", "a", "b"}],
// "added": [ids], "removed": [ids], "changed": [ids], "summary": {"a": {"down", "degraded",
// "at_risk", "exposed", "cost_per_hour", "exposed_business"}, "b": {...}}}: keys in this
// order, one component per line; states spelt as in `impact`, up included.
QByteArray json(const Comparison &comparison, const ComparedSide &a, const ComparedSide &b);

// A header row `id,name,a,b,change,map`, then one row per component whose state differs or
// that the maps add, remove or change: in the order of the second map, then the removed ones
// in the order of the first. `a` or `b` is empty where the component is not in that map;
// `change` is worse, better or empty; `map` is added, removed, changed or empty. Quoted and
// guarded as impact's CSV.
QByteArray csv(const Comparison &comparison, const ComparedSide &a, const ComparedSide &b);

// For people: what A and B are, a table of the counts, exposed components and cost per hour
// with the change from A to B, the exposed business services of each side, the components
// that got worse and better, then the map changes when the maps differ.
QByteArray text(const Comparison &comparison, const ComparedSide &a, const ComparedSide &b,
    const QString &labelA, const QString &labelB);

} // namespace compareformat
} // namespace faultline
