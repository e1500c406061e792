// `faultline check MAP [--policy FILE.json] [--format text|json] [--junit FILE.xml]`
#include "app/cli/commands.h"

#include "model/impact/graph.h"
#include "model/io/fileio.h"
#include "model/io/mapfile.h"
#include "model/recovery/policy.h"
#include "model/recovery/policycheck.h"
#include "model/recovery/policyformat.h"

namespace faultline::cli {

std::vector<OptionSpec> checkOptions()
{
    return {
        {QStringLiteral("policy"), {}, QStringLiteral("FILE"), false,
            QStringLiteral("the policy file (faultline-policy JSON); without it, the policy "
                           "stored in the map")},
        {QStringLiteral("format"), {}, QStringLiteral("FORMAT"), false,
            QStringLiteral("text (the default) or json")},
        {QStringLiteral("junit"), {}, QStringLiteral("FILE"), false,
            QStringLiteral("also write the results as JUnit XML to FILE (for CI)")},
    };
}

int runCheck(const Arguments &args)
{
    const QString path = onePositional(args, QStringLiteral("MAP"));
    const QString format = args.isSet(QStringLiteral("format"))
        ? args.value(QStringLiteral("format"))
        : QStringLiteral("text");
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError {QStringLiteral("unknown --format \"%1\": use text or json").arg(format)};
    if (args.isSet(QStringLiteral("junit")) && args.value(QStringLiteral("junit")).isEmpty())
        throw UsageError {QStringLiteral("--junit needs a file name")};

    const Map map = loadMap(path);
    Policy policy;
    if (args.isSet(QStringLiteral("policy"))) {
        const QString file = args.value(QStringLiteral("policy"));
        policy = policy::read(readWholeFile(file), file);
    } else if (auto stored = policy::fromMap(map.extra, path)) {
        policy = std::move(*stored);
    } else {
        throw UsageError {QStringLiteral("%1 stores no policy: give --policy FILE.json").arg(path)};
    }

    const ImpactGraph graph(map);
    const std::vector<RuleResult> results = checkPolicy(map, graph, policy, path);
    if (args.isSet(QStringLiteral("junit")))
        writeWholeFile(args.value(QStringLiteral("junit")), policyformat::junit(map, results));
    writeResult(format == QLatin1String("json") ? policyformat::json(map, results)
                                                : policyformat::text(map, results));
    for (const RuleResult &r : results) {
        if (!r.holds())
            return 3;
    }
    return 0;
}

} // namespace faultline::cli
