// `faultline recovery MAP [--scenario NAME] [--fail ID...] [--degrade ID...] [--format F]`
#include "app/cli/commands.h"

#include "model/impact/graph.h"
#include "model/io/mapfile.h"
#include "model/recovery/recoveryformat.h"
#include "model/recovery/recoveryplan.h"

namespace faultline::cli {

std::vector<OptionSpec> recoveryOptions()
{
    return impactOptions();
}

int runRecovery(const Arguments &args)
{
    const QString path = onePositional(args, QStringLiteral("MAP"));
    const QString format = args.isSet(QStringLiteral("format"))
        ? args.value(QStringLiteral("format"))
        : QStringLiteral("text");
    if (format != QLatin1String("text") && format != QLatin1String("json")
        && format != QLatin1String("csv"))
        throw UsageError {
            QStringLiteral("unknown --format \"%1\": use text, json or csv").arg(format)};
    requireScenario(args);

    const Map map = loadMap(path);
    const Evaluated e = evaluate(map, path, args);
    const RecoveryPlan plan = recoveryPlan(map, ImpactGraph(map), e.result);
    if (format == QLatin1String("json"))
        writeResult(recoveryformat::json(map, plan, e.scenario));
    else if (format == QLatin1String("csv"))
        writeResult(recoveryformat::csv(map, plan));
    else
        writeResult(recoveryformat::text(map, plan, e.scenario));
    return 0;
}

} // namespace faultline::cli
