// `faultline compare MAP [--scenario A] [--scenario B] [--a-fail ID]... [--b-fail ID]...` and
// `faultline compare OLD_MAP NEW_MAP [--scenario NAME] [--fail ID]...`: two impacts side by
// side (DESIGN.md, "Command line").
#include "app/cli/commands.h"

#include "model/impact/comparison.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/compareformat.h"
#include "model/io/mapfile.h"
#include "model/map/errors.h"

namespace faultline::cli {

namespace {

ComparedSide evaluateSide(const Map &map, const QString &source, Scenario scenario)
{
    ScenarioSpec spec;
    try {
        spec = resolveScenario(map, scenario);
    } catch (const ValidationError &e) {
        throw ValidationError(QStringLiteral("%1: %2").arg(source, e.message()));
    }
    return {&map, std::move(scenario), evaluateImpact(ImpactGraph(map), spec)};
}

} // namespace

std::vector<OptionSpec> compareOptions()
{
    auto option = [](const char *name, const char *value, bool repeatable, const char *help) {
        return OptionSpec {
            QLatin1String(name), {}, QLatin1String(value), repeatable, QLatin1String(help)};
    };
    return {
        option("scenario", "NAME", true,
            "a saved scenario: with one MAP, the first is A and the second B (once: both); "
            "with two maps, run on both"),
        option("fail", "ID", true, "the component ID fails on both sides; repeat for more"),
        option("degrade", "ID", true, "the component ID is impaired on both sides"),
        option("a-fail", "ID", true, "the component ID fails on side A only"),
        option("a-degrade", "ID", true, "the component ID is impaired on side A only"),
        option("b-fail", "ID", true, "the component ID fails on side B only"),
        option("b-degrade", "ID", true, "the component ID is impaired on side B only"),
        option("format", "FORMAT", false, "text (the default), json or csv"),
    };
}

int runCompare(const Arguments &args)
{
    if (args.positional.isEmpty())
        throw UsageError {QStringLiteral("missing MAP")};
    if (args.positional.size() > 2)
        throw UsageError {QStringLiteral("one MAP, or OLD_MAP and NEW_MAP; unexpected \"%1\"")
                              .arg(args.positional.at(2))};
    const bool twoMaps = args.positional.size() == 2;
    const QStringList scenarios = args.values(QStringLiteral("scenario"));
    if (scenarios.size() > (twoMaps ? 1 : 2))
        throw UsageError {twoMaps
                ? QStringLiteral("with two maps, give --scenario once: it runs on both")
                : QStringLiteral("give --scenario at most twice: A, then B")};
    const QString format = args.isSet(QStringLiteral("format"))
        ? args.value(QStringLiteral("format"))
        : QStringLiteral("text");
    if (format != QLatin1String("text") && format != QLatin1String("json")
        && format != QLatin1String("csv"))
        throw UsageError {
            QStringLiteral("unknown --format \"%1\": use text, json or csv").arg(format)};
    bool saysWhat = false;
    for (const char *name :
        {"scenario", "fail", "degrade", "a-fail", "a-degrade", "b-fail", "b-degrade"})
        saysWhat = saysWhat || args.isSet(QLatin1String(name));
    if (!saysWhat)
        throw UsageError {QStringLiteral(
            "say what fails: --scenario NAME, --fail ID, --a-fail ID, --b-fail ID ...")};

    const QString pathA = args.positional.at(0);
    const QString pathB = args.positional.value(1, pathA);
    const Map mapA = loadMap(pathA);
    const Map mapB = twoMaps ? loadMap(pathB) : Map();
    const Map &second = twoMaps ? mapB : mapA;
    const QString nameA = scenarios.value(0);
    const QString nameB = scenarios.value(scenarios.size() > 1 ? 1 : 0);
    const ComparedSide a =
        evaluateSide(mapA, pathA, scenarioFrom(mapA, pathA, nameA, args, QStringLiteral("a")));
    const ComparedSide b =
        evaluateSide(second, pathB, scenarioFrom(second, pathB, nameB, args, QStringLiteral("b")));
    const Comparison comparison = compareImpacts(a, b);
    if (format == QLatin1String("json"))
        writeResult(compareformat::json(comparison, a, b));
    else if (format == QLatin1String("csv"))
        writeResult(compareformat::csv(comparison, a, b));
    else
        writeText(compareformat::text(comparison, a, b, pathA, pathB));
    return 0;
}

} // namespace faultline::cli
