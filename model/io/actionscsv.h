#pragma once

#include "model/map/map.h"

#include <QByteArray>

namespace faultline::actionscsv {

// Every action item of every saved scenario, for a tracker (`faultline export MAP -o FILE.csv
// --actions`): a header, then one row per item in scenario order then the scenario's order,
// columns scenario,what,owner,due,status (due as YYYY-MM-DD, status open, in-progress or
// done). RFC 4180 with CRLF line ends, quoted and guarded against formulas as the impact CSV
// (impactformat::csvField).
QByteArray write(const Map &map);

} // namespace faultline::actionscsv
