#pragma once

#include <QString>

namespace faultline {

struct AvailabilityReport;

// How an availability and its downtime show, wherever they show (the inspector of a business
// service, the Analysis panel's Availability tab): one figure, written one way.
namespace availabilityformat {

// An availability as a percentage with enough digits to show its nines and then three
// significant digits of what is missing, trailing zeros dropped down to two decimals:
// "99.9873 %", "99.95 %", "99.90 %"; "100 %" when it never fails. Takes the unavailability,
// computed without cancellation.
QString percent(double unavailability);
// Minutes with a precision that suits their size: "4,380", "66.8", "0.042".
QString minutes(double minutes);
// "66.8 minutes of downtime a year", with the hours when that is two or more:
// "4,380 minutes of downtime a year (73.0 hours)".
QString downtimePerYear(double minutes);
// A share of a whole: "100 %", "<1 %", "37 %".
QString share(double fraction);

} // namespace availabilityformat
} // namespace faultline
