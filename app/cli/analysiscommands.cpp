// The analyses of DESIGN.md on the command line:
// `faultline blast-radius MAP [--kind KIND]`, `faultline spof MAP --target ID`,
// `faultline cut-sets MAP --target ID [--max-order K] [--only-with-availability]` and
// `faultline availability MAP --target ID`, each with `--format text|json|csv`. The work is
// model/analysis's; the outputs are model/analysis/analysisformat's.
#include "app/cli/commands.h"

#include "model/analysis/analyses.h"
#include "model/analysis/analysisformat.h"
#include "model/impact/graph.h"
#include "model/io/mapfile.h"
#include "model/map/errors.h"

namespace faultline::cli {

namespace {

enum class Format { Text, Json, Csv };

OptionSpec formatOption()
{
    return {QStringLiteral("format"), {}, QStringLiteral("FORMAT"), false,
        QStringLiteral("text (the default), json or csv")};
}

OptionSpec targetOption()
{
    return {QStringLiteral("target"), {}, QStringLiteral("ID"), false,
        QStringLiteral("the component whose failure is analysed (required)")};
}

Format formatOf(const Arguments &args)
{
    if (!args.isSet(QStringLiteral("format")))
        return Format::Text;
    const QString format = args.value(QStringLiteral("format"));
    if (format == QLatin1String("text"))
        return Format::Text;
    if (format == QLatin1String("json"))
        return Format::Json;
    if (format == QLatin1String("csv"))
        return Format::Csv;
    throw UsageError {QStringLiteral("unknown --format \"%1\": use text, json or csv").arg(format)};
}

// Usage checks come before the map is read, so that a usage mistake is reported as one.
QString requireTarget(const Arguments &args)
{
    if (!args.isSet(QStringLiteral("target")) || args.value(QStringLiteral("target")).isEmpty())
        throw UsageError {QStringLiteral("say which component to analyse: --target ID")};
    return args.value(QStringLiteral("target"));
}

ComponentIndex targetIn(const Map &map, const QString &source, const QString &id)
{
    const auto target = map.findComponent(id);
    if (!target)
        throw ValidationError(
            QStringLiteral("%1: --target \"%2\": no component with that id").arg(source, id));
    return *target;
}

template<typename Report>
void write(const Map &map, const Report &report, Format format)
{
    switch (format) {
    case Format::Json:
        writeResult(analysisformat::json(map, report));
        break;
    case Format::Csv:
        writeResult(analysisformat::csv(map, report));
        break;
    case Format::Text:
        writeText(analysisformat::text(map, report));
        break;
    }
}

} // namespace

std::vector<OptionSpec> blastRadiusOptions()
{
    return {
        {QStringLiteral("kind"), {}, QStringLiteral("KIND"), false,
            QStringLiteral("rank only components of this kind (provider, region, zone: "
                           "concentration)")},
        formatOption(),
    };
}

int runBlastRadius(const Arguments &args)
{
    const QString path = onePositional(args, QStringLiteral("MAP"));
    const Format format = formatOf(args);
    BlastRadiusOptions options;
    options.kind = args.value(QStringLiteral("kind"));
    if (args.isSet(QStringLiteral("kind")) && options.kind.isEmpty())
        throw UsageError {QStringLiteral("--kind needs a kind, such as region")};

    const Map map = loadMap(path);
    const ImpactGraph graph(map);
    write(map, blastRadius(map, graph, options), format);
    return 0;
}

std::vector<OptionSpec> spofOptions()
{
    return {targetOption(), formatOption()};
}

int runSpof(const Arguments &args)
{
    const QString path = onePositional(args, QStringLiteral("MAP"));
    const Format format = formatOf(args);
    const QString id = requireTarget(args);

    const Map map = loadMap(path);
    const ComponentIndex target = targetIn(map, path, id);
    const ImpactGraph graph(map);
    write(map, singlePointsOfFailure(graph, target), format);
    return 0;
}

std::vector<OptionSpec> cutSetsOptions()
{
    const OptionSpec only {QStringLiteral("only-with-availability"), {}, QString(), false,
        QStringLiteral("only components with an availability may be in a set"), true};
    return {
        targetOption(),
        {QStringLiteral("max-order"), {}, QStringLiteral("K"), false,
            QStringLiteral("sets of at most K components, 1 to 10 (default 3)")},
        only,
        formatOption(),
    };
}

int runCutSets(const Arguments &args)
{
    const QString path = onePositional(args, QStringLiteral("MAP"));
    const Format format = formatOf(args);
    const QString id = requireTarget(args);
    CutSetOptions options;
    if (args.isSet(QStringLiteral("max-order"))) {
        const QString text = args.value(QStringLiteral("max-order"));
        bool ok = false;
        options.maxOrder = text.toInt(&ok);
        if (!ok || options.maxOrder < 1 || options.maxOrder > 10)
            throw UsageError {
                QStringLiteral("--max-order \"%1\": give a whole number from 1 to 10").arg(text)};
    }
    options.onlyWithAvailability = args.isSet(QStringLiteral("only-with-availability"));

    const Map map = loadMap(path);
    const ComponentIndex target = targetIn(map, path, id);
    const ImpactGraph graph(map);
    write(map, minimalCutSets(map, graph, target, options), format);
    return 0;
}

std::vector<OptionSpec> availabilityOptions()
{
    return {targetOption(), formatOption()};
}

int runAvailability(const Arguments &args)
{
    const QString path = onePositional(args, QStringLiteral("MAP"));
    const Format format = formatOf(args);
    const QString id = requireTarget(args);

    const Map map = loadMap(path);
    const ComponentIndex target = targetIn(map, path, id);
    const ImpactGraph graph(map);
    write(map, availability(map, graph, target), format);
    return 0;
}

} // namespace faultline::cli
