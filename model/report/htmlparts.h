#pragma once

#include "model/impact/state.h"
#include "model/impact/statecolours.h"
#include "model/report/reportdata.h"

#include <QString>
#include <QStringList>

// The pieces the workshop report (htmlreport.h) and the workshop pack (workshoppack.h) are
// both made of, so that the two documents look alike. Every text from the map is escaped
// (htmlreport.h's escaped()).
namespace faultline::report {

QString latin(const char *s);
// The currency, then the amount with separators ("$111,900").
QString money(const ReportData &d, double amount);
// "4-hour".
QString hours(double h);
// How a state is drawn; what the scenario fails or impairs itself has a look of its own.
palette::Look lookOf(State s, bool setByScenario);
QString stateWord(palette::Look look);
// The style sheet of both documents: simple selectors that QTextDocument understands too (the
// PDF is that HTML printed), plus print rules browsers use.
QString styleSheet();
// A state as a coloured word.
QString badge(palette::Look look);
// The names, escaped, joined with commas.
QString names(const QStringList &list);
// The table of affected components with their chains of causes, under a heading of
// `heading` ("h2", "h3").
QString affectedSection(const ReportData &d, const QString &heading);

} // namespace faultline::report
