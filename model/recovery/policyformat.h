#pragma once

#include "model/map/map.h"
#include "model/recovery/policycheck.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace faultline {

// The outputs of `faultline check` (DESIGN.md, "Policies"). UTF-8.
namespace policyformat {

// {"rules": [{"name", "holds", "services": [ids], "violations": [{"service", "failure": [ids],
// "state", "evidence"}]}], "holds": bool}: rules in policy order, violations by service in map
// order. "state" is null for an availability rule.
QByteArray json(const Map &map, const std::vector<RuleResult> &results);

// A headline, then per rule PASS or FAIL with its violations, one per line.
QByteArray text(const Map &map, const std::vector<RuleResult> &results);

// JUnit XML as CI systems read it: one <testsuite> per rule, one <testcase> per rule and
// service (named by the service), a <failure> listing its violations.
QByteArray junit(const Map &map, const std::vector<RuleResult> &results);

} // namespace policyformat
} // namespace faultline
