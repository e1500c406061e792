// `faultline report MAP [--scenario NAME] [--fail ID]... [--degrade ID]... -o FILE.html|FILE.pdf
//  [--hours H] [--page SIZE] [--landscape | --portrait]`, and the workshop pack of every saved
// scenario: `faultline report MAP --all-scenarios -o FILE.html|FILE.pdf`.
#include "app/cli/commands.h"

#include "model/io/mapfile.h"
#include "model/map/errors.h"
#include "model/report/reportdata.h"
#include "views/reportexport.h"

#include <QFileInfo>

namespace faultline::cli {

std::vector<OptionSpec> reportOptions()
{
    std::vector<OptionSpec> options = {
        {QStringLiteral("output"), u'o', QStringLiteral("FILE"), false,
            QStringLiteral("the report to write (required): .html or .pdf")},
    };
    for (OptionSpec &o : scenarioOptions())
        options.push_back(std::move(o));
    std::vector<OptionSpec> more = {
        {QStringLiteral("all-scenarios"), {}, {}, false,
            QStringLiteral("the workshop pack: every saved scenario in one document"), true},
        {QStringLiteral("hours"), {}, QStringLiteral("H"), false,
            QStringLiteral("the outage duration for the estimated loss (default 4)")},
        {QStringLiteral("page"), {}, QStringLiteral("SIZE"), false,
            QStringLiteral(".pdf page: A4 (the default), A3, A5, Letter, Legal or Tabloid")},
        {QStringLiteral("landscape"), {}, {}, false, QStringLiteral(".pdf in landscape"), true},
        {QStringLiteral("portrait"), {}, {}, false,
            QStringLiteral(".pdf in portrait (the default)"), true},
    };
    for (OptionSpec &o : more)
        options.push_back(std::move(o));
    return options;
}

int runReport(const Arguments &args)
{
    const QString input = onePositional(args, QStringLiteral("MAP"));
    const QString output = args.value(QStringLiteral("output"));
    if (output.isEmpty())
        throw UsageError {QStringLiteral("say where to write: -o FILE.html or -o FILE.pdf")};
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix != QLatin1String("html") && suffix != QLatin1String("htm")
        && suffix != QLatin1String("pdf"))
        throw UsageError {
            QStringLiteral("cannot tell what to write from \"%1\": -o must end in .html or .pdf")
                .arg(output)};
    const bool pack = args.isSet(QStringLiteral("all-scenarios"));
    if (pack) {
        for (const char *name : {"fail", "degrade", "scenario"}) {
            if (args.isSet(QLatin1String(name)))
                throw UsageError {QStringLiteral("--%1 does not go with --all-scenarios, which "
                                                 "reports every saved scenario")
                                      .arg(QLatin1String(name))};
        }
    } else {
        requireScenario(args);
    }
    reportexport::Options options;
    if (args.isSet(QStringLiteral("hours"))) {
        bool ok = false;
        const double hours = args.value(QStringLiteral("hours")).toDouble(&ok);
        if (!ok || !(hours > 0) || hours > 1e6)
            throw UsageError {QStringLiteral("--hours takes a positive number, not \"%1\"")
                                  .arg(args.value(QStringLiteral("hours")))};
        options.report.outageHours = hours;
    }
    options.page = pageSizeFrom(args);
    options.orientation = orientationFrom(args).value_or(QPageLayout::Portrait);

    const Map map = loadMap(input);
    if (pack) {
        if (map.scenarios().empty())
            throw ValidationError(QStringLiteral("%1: the map has no saved scenarios to put in a "
                                                 "workshop pack")
                                      .arg(input));
        reportexport::writePack(output, map, options);
        return 0;
    }
    Evaluated e = evaluate(map, input, args);
    if (const auto saved = map.findScenario(e.scenario.name)) {
        // --fail and --degrade on top of a saved scenario make a what-if of their own, which
        // the comparison of saved scenarios must not mark as the saved one.
        const Scenario &s = map.scenario(*saved);
        if (e.scenario.fail.size() != s.fail.size()
            || e.scenario.degrade.size() != s.degrade.size()) {
            e.scenario.description =
                QStringLiteral("The saved scenario \u201c%1\u201d with more failed or impaired "
                               "components.")
                    .arg(e.scenario.name);
            e.scenario.name.clear();
        } else {
            e.scenario.description = s.description;
        }
    }
    try {
        reportexport::write(output, map, e.scenario, options);
    } catch (const ValidationError &err) {
        throw ValidationError(QStringLiteral("%1: %2").arg(input, err.message()));
    }
    return 0;
}

} // namespace faultline::cli
