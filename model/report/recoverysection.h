#pragma once

#include "model/report/reportdata.h"

#include <QString>

namespace faultline::report {

// The recovery part of the workshop report as XHTML: the plan (steps by wave, with start, back
// and what each waits for), the business services against their target RTO, and the data at
// risk. Empty when the scenario takes nothing down. The same markup rules as html().
QString recoverySection(const ReportData &data);

} // namespace faultline::report
