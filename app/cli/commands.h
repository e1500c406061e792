#pragma once

#include "app/cli/arguments.h"
#include "model/impact/engine.h"
#include "model/map/map.h"
#include "model/map/scenario.h"

#include <QByteArray>
#include <QPageLayout>
#include <QPageSize>
#include <QString>

#include <optional>
#include <vector>

namespace faultline::cli {

// The commands of DESIGN.md, "Command line". Each returns its exit code (0), throws
// UsageError for a usage mistake (exit 2) and faultline::Error for bad input (exit 1); cli.cpp
// turns those into messages on stderr. Only the result goes to stdout.

// Options shared by the commands that evaluate a scenario.
std::vector<OptionSpec> scenarioOptions();
// Throws UsageError unless --fail, --degrade or --scenario is given. Checked before any file
// is read, so that a usage mistake is reported as one.
void requireScenario(const Arguments &args);

// The scenario a command's options name: the saved scenario `savedName` (none when empty),
// then every --fail and --degrade, then, with a `side` ("a" or "b", for compare), that side's
// own --a-fail and --a-degrade. Ids keep the order given, without repeats. Throws FormatError
// naming `source` and the saved scenarios when `savedName` is not one of them.
Scenario scenarioFrom(const Map &map, const QString &source, const QString &savedName,
    const Arguments &args, const QString &side = {});

struct Evaluated
{
    Scenario scenario; // the saved --scenario (if any) plus every --fail and --degrade
    ImpactResult result;
};
// Runs the scenario the options name. Ids are kept in the order given, without repeats. Throws
// FormatError or ValidationError naming `source` and the scenario or id the map does not have.
Evaluated evaluate(const Map &map, const QString &source, const Arguments &args);

std::vector<OptionSpec> impactOptions();
int runImpact(const Arguments &args);

// comparecommand.cpp: `faultline compare`.
std::vector<OptionSpec> compareOptions();
int runCompare(const Arguments &args);

std::vector<OptionSpec> importOptions();
int runImport(const Arguments &args);

std::vector<OptionSpec> exportOptions();
int runExport(const Arguments &args);

// recoverycommand.cpp: `faultline recovery`, the recovery plan of a scenario.
std::vector<OptionSpec> recoveryOptions();
int runRecovery(const Arguments &args);
// checkcommand.cpp: `faultline check`, the policy rules; exit code 3 when a rule is broken.
std::vector<OptionSpec> checkOptions();
int runCheck(const Arguments &args);

// The analyses (analysiscommands.cpp): blast-radius, spof, cut-sets, availability.
std::vector<OptionSpec> blastRadiusOptions();
int runBlastRadius(const Arguments &args);
std::vector<OptionSpec> spofOptions();
int runSpof(const Arguments &args);
std::vector<OptionSpec> cutSetsOptions();
int runCutSets(const Arguments &args);
std::vector<OptionSpec> availabilityOptions();
int runAvailability(const Arguments &args);

// exportcommands.cpp: the diagram formats of export (.svg, .png, .pdf, .dot), and the page
// options the PDF outputs share. Throw UsageError for a bad value.
std::vector<OptionSpec> diagramOptions();
QPageSize::PageSizeId pageSizeFrom(const Arguments &args);
std::optional<QPageLayout::Orientation> orientationFrom(const Arguments &args);
int exportDiagram(const Arguments &args, const QString &input, const QString &output);

// reportcommand.cpp: `faultline report`.
std::vector<OptionSpec> reportOptions();
int runReport(const Arguments &args);

// The one positional argument a command takes (MAP or FILE); UsageError otherwise.
QString onePositional(const Arguments &args, const QString &what);
// Writes the result to stdout, unchanged; throws Error when it cannot (a full disk, /dev/full).
void writeResult(const QByteArray &bytes);
// The same for text meant for a terminal (the text formats, help): control characters in names
// (escape sequences that would move the cursor, retitle the window or worse) are written as
// visible escapes such as \x1B.
void writeText(const QByteArray &utf8);
// `utf8` with C0 and C1 control characters other than line feed and tab made visible.
QByteArray terminalSafe(const QByteArray &utf8);

} // namespace faultline::cli
