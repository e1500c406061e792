// The recovery benchmark of issue #15: the recovery plan of a region failure on a generated map
// of 10,000 components (< 1 s, engine and plan), and `check` of a survive each-zone rule over
// every business service on it (< 5 s). The generator (tests/bench/mapgenerator.h) makes no
// recovery fields, so each component gets a deterministic rto_minutes (1 to 120), data stores
// an rpo_minutes and business services targets. Run on demand, never by ctest; build Release.
// Exits 1 when a target is missed, 2 on a usage error.
#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/recovery/policy.h"
#include "model/recovery/policycheck.h"
#include "model/recovery/recoveryplan.h"
#include "tests/bench/mapgenerator.h"

#include <QString>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

using namespace faultline;

namespace {

struct Options
{
    bench::MapShape shape {10'000, 30'000};
    int runs = 3;
};

// The best of `runs` wall-clock times, in milliseconds.
double timeMs(int runs, const std::function<void()> &work)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const std::chrono::duration<double, std::milli> d =
            std::chrono::steady_clock::now() - start;
        best = std::min(best, d.count());
    }
    return best;
}

// Recovery fields from a fixed hash of the index: the same on every run and platform.
Map withRecoveryFields(Map map)
{
    for (int i = 0; i < map.componentCount(); ++i) {
        Component c = map.component(ComponentIndex(i));
        const std::uint32_t h = std::uint32_t(i) * 2654435761u;
        c.rtoMinutes = 1 + int(h % 120);
        if (c.kind == u"database" || c.kind == u"storage" || c.kind == u"queue")
            c.rpoMinutes = int((h >> 8) % 60);
        if (c.isBusiness()) {
            c.targetRtoMinutes = 60 + int((h >> 4) % 600);
            c.targetRpoMinutes = int((h >> 12) % 30);
        }
        map.setComponent(ComponentIndex(i), c);
    }
    return map;
}

bool parse(int argc, char *argv[], Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            return false;
        const char *value = argv[++i];
        if (arg == "--components")
            o.shape.components = std::atoi(value);
        else if (arg == "--dependencies")
            o.shape.dependencies = std::atoi(value);
        else if (arg == "--seed")
            o.shape.seed = std::strtoull(value, nullptr, 10);
        else if (arg == "--runs")
            o.runs = std::max(1, std::atoi(value));
        else
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    Options o;
    if (!parse(argc, argv, o)) {
        std::fprintf(stderr,
            "usage: bench_recovery [--components N] [--dependencies M] [--seed S] [--runs R]\n");
        return 2;
    }
    const Map map = withRecoveryFields(bench::generateMap(o.shape));
    const ImpactGraph graph(map);
    std::printf("map: %d components, %d dependencies (seed %llu)\n", map.componentCount(),
        map.dependencyCount(), static_cast<unsigned long long>(o.shape.seed));
    int missed = 0;

    const QString region = bench::regionIds(map).front();
    const ScenarioSpec spec = resolveScenario(map, {region}, {});
    RecoveryPlan plan;
    const double planMs = timeMs(o.runs, [&] {
        const ImpactResult impact = evaluateImpact(graph, spec);
        plan = recoveryPlan(map, graph, impact);
    });
    int never = int(plan.unrecoverable.size());
    std::printf("  %-44s %9.1f ms  (target < 1000 ms)  %-6s %d steps, %d waves, %d never back, "
                "%d business, %d data at risk\n",
        qPrintable(QStringLiteral("recovery plan, %1 fails").arg(region)), planMs,
        planMs < 1000 ? "ok" : "MISSED", int(plan.steps.size()), int(plan.waves.size()), never,
        int(plan.business.size()), int(plan.dataAtRisk.size()));
    missed += planMs < 1000 ? 0 : 1;

    const Policy policy =
        policy::read("{\"format\": \"faultline-policy\", \"version\": 1, \"rules\": [{\"survive\": "
                     "\"each-zone\", \"services\": \"business\"}]}",
            QStringLiteral("bench"));
    std::vector<RuleResult> results;
    const double checkMs =
        timeMs(o.runs, [&] { results = checkPolicy(map, graph, policy, QStringLiteral("bench")); });
    int zones = 0;
    for (const Component &c : map.components())
        zones += c.kind == u"zone" ? 1 : 0;
    std::printf(
        "  %-44s %9.1f ms  (target < 5000 ms)  %-6s %d zones x %d services, %d violations\n",
        "check: survive each-zone, business", checkMs, checkMs < 5000 ? "ok" : "MISSED", zones,
        int(results.front().services.size()), int(results.front().violations.size()));
    missed += checkMs < 5000 ? 0 : 1;

    if (missed > 0) {
        std::printf("%d target(s) missed\n", missed);
        return 1;
    }
    std::printf("all targets met\n");
    return 0;
}
