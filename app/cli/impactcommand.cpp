// `faultline impact MAP --fail ID... --degrade ID... [--scenario NAME] [--format text|json|csv]
// [--rounds]`
#include "app/cli/commands.h"

#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/impactformat.h"
#include "model/io/mapfile.h"
#include "model/map/errors.h"

namespace faultline::cli {

namespace {

void appendUnique(QStringList &list, const QStringList &more)
{
    for (const QString &id : more) {
        if (!list.contains(id))
            list.append(id);
    }
}

} // namespace

Scenario scenarioFrom(const Map &map, const QString &source, const QString &savedName,
    const Arguments &args, const QString &side)
{
    Scenario scenario;
    if (!savedName.isEmpty()) {
        const auto saved = map.findScenario(savedName);
        if (!saved) {
            QStringList names;
            for (const Scenario &s : map.scenarios())
                names.append(QStringLiteral("\"%1\"").arg(s.name));
            throw FormatError(QStringLiteral("%1: no scenario named \"%2\" (saved scenarios: %3)")
                                  .arg(source, savedName,
                                      names.isEmpty() ? QStringLiteral("none")
                                                      : names.join(QStringLiteral(", "))));
        }
        scenario.name = savedName;
        appendUnique(scenario.fail, map.scenario(*saved).fail);
        appendUnique(scenario.degrade, map.scenario(*saved).degrade);
    }
    appendUnique(scenario.fail, args.values(QStringLiteral("fail")));
    appendUnique(scenario.degrade, args.values(QStringLiteral("degrade")));
    if (!side.isEmpty()) {
        appendUnique(scenario.fail, args.values(side + QStringLiteral("-fail")));
        appendUnique(scenario.degrade, args.values(side + QStringLiteral("-degrade")));
    }
    return scenario;
}

std::vector<OptionSpec> scenarioOptions()
{
    return {
        {QStringLiteral("fail"), {}, QStringLiteral("ID"), true,
            QStringLiteral("the component ID fails (is down); repeat for more")},
        {QStringLiteral("degrade"), {}, QStringLiteral("ID"), true,
            QStringLiteral("the component ID is impaired (degraded); repeat for more")},
        {QStringLiteral("scenario"), {}, QStringLiteral("NAME"), false,
            QStringLiteral("the scenario saved in the map as NAME; --fail and --degrade add to "
                           "it")},
    };
}

void requireScenario(const Arguments &args)
{
    for (const char *name : {"fail", "degrade", "scenario"}) {
        if (args.isSet(QLatin1String(name)))
            return;
    }
    throw UsageError {QStringLiteral("say what fails: --fail ID, --degrade ID or --scenario NAME")};
}

Evaluated evaluate(const Map &map, const QString &source, const Arguments &args)
{
    Evaluated out;
    const QString name = args.value(QStringLiteral("scenario"));
    if (args.isSet(QStringLiteral("scenario")) && name.isEmpty())
        throw UsageError {QStringLiteral("--scenario needs the name of a saved scenario")};
    out.scenario = scenarioFrom(map, source, name, args);
    ScenarioSpec spec;
    try {
        spec = resolveScenario(map, out.scenario);
    } catch (const ValidationError &e) {
        throw ValidationError(QStringLiteral("%1: %2").arg(source, e.message()));
    }
    const ImpactGraph graph(map);
    out.result = evaluateImpact(graph, spec);
    return out;
}

std::vector<OptionSpec> impactOptions()
{
    std::vector<OptionSpec> options = scenarioOptions();
    options.push_back({QStringLiteral("format"), {}, QStringLiteral("FORMAT"), false,
        QStringLiteral("text (the default), json or csv")});
    options.push_back({QStringLiteral("rounds"), {}, {}, false,
        QStringLiteral("text only: list the cascade round by round"), true});
    options.push_back({QStringLiteral("no-paths"), {}, {}, false,
        QStringLiteral("give each component its direct cause only, not the whole chain (which "
                       "grows with the square of a long chain's length)"),
        true});
    return options;
}

int runImpact(const Arguments &args)
{
    const QString path = onePositional(args, QStringLiteral("MAP"));
    const QString format = args.isSet(QStringLiteral("format"))
        ? args.value(QStringLiteral("format"))
        : QStringLiteral("text");
    if (format != QLatin1String("text") && format != QLatin1String("json")
        && format != QLatin1String("csv"))
        throw UsageError {
            QStringLiteral("unknown --format \"%1\": use text, json or csv").arg(format)};
    const bool byRound = args.isSet(QStringLiteral("rounds"));
    if (byRound && format != QLatin1String("text"))
        throw UsageError {QStringLiteral(
            "--rounds is for --format text; json gives each component its \"round\"")};
    requireScenario(args);

    const Map map = loadMap(path);
    const Evaluated e = evaluate(map, path, args);
    const auto paths = args.isSet(QStringLiteral("no-paths")) ? impactformat::Paths::Without
                                                              : impactformat::Paths::With;
    if (format == QLatin1String("json"))
        writeResult(impactformat::json(map, e.result, e.scenario, paths));
    else if (format == QLatin1String("csv"))
        writeResult(impactformat::csv(map, e.result, paths));
    else if (byRound)
        writeText(impactformat::rounds(map, e.result, e.scenario));
    else
        writeText(impactformat::text(map, e.result, e.scenario, paths));
    return 0;
}

} // namespace faultline::cli
