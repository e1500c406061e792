// `faultline report MAP --scenario NAME -o FILE.html|FILE.pdf [--hours H]`
#include "app/cli/commands.h"

#include "model/io/mapfile.h"
#include "model/map/errors.h"
#include "model/report/reportdata.h"
#include "views/reportexport.h"

#include <QFileInfo>

namespace faultline::cli {

std::vector<OptionSpec> reportOptions()
{
    return {
        {QStringLiteral("output"), u'o', QStringLiteral("FILE"), false,
            QStringLiteral("the report to write (required): .html or .pdf")},
        {QStringLiteral("scenario"), {}, QStringLiteral("NAME"), false,
            QStringLiteral("the saved scenario to report on (required)")},
        {QStringLiteral("hours"), {}, QStringLiteral("H"), false,
            QStringLiteral("the outage duration for the estimated loss (default 4)")},
        {QStringLiteral("page"), {}, QStringLiteral("SIZE"), false,
            QStringLiteral(".pdf page: A4 (the default), A3, A5, Letter, Legal or Tabloid")},
        {QStringLiteral("landscape"), {}, {}, false, QStringLiteral(".pdf in landscape"), true},
        {QStringLiteral("portrait"), {}, {}, false,
            QStringLiteral(".pdf in portrait (the default)"), true},
    };
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
    if (!args.isSet(QStringLiteral("scenario")))
        throw UsageError {QStringLiteral("say which saved scenario: --scenario NAME")};
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
    const Evaluated e = evaluate(map, input, args);
    try {
        reportexport::write(output, map, e.scenario, options);
    } catch (const ValidationError &err) {
        throw ValidationError(QStringLiteral("%1: %2").arg(input, err.message()));
    }
    return 0;
}

} // namespace faultline::cli
