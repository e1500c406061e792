// Issue 17, item 8: what a user can make quadratic with one long chain or one long name, at
// 10,000 and 100,000 levels or characters. Each line prints the processor time of one run; a
// linear step takes about ten times as long at 100,000 as at 10,000, a quadratic one a hundred
// times. Run on demand (never by ctest), built Release:
//   build/tests/bench/bench_hardening [--no-blast-radius]
// (--no-blast-radius leaves out the blast radius of every component of the chain.)
#include "model/analysis/analyses.h"
#include "model/analysis/analysisformat.h"
#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/csvimport.h"
#include "model/io/dotexport.h"
#include "model/io/impactformat.h"

#include <QString>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>

using namespace faultline;

namespace {

double cpuMs(const std::function<void()> &work)
{
    timespec a {}, b {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    work();
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    return double(b.tv_sec - a.tv_sec) * 1e3 + double(b.tv_nsec - a.tv_nsec) / 1e6;
}

// c0 <- c1 <- ... : each component needs the one before it (hard), so failing c0 takes all
// down and the target c(n-1) has every other component as a single point of failure.
Map chain(int n)
{
    Map map;
    map.reserve(n, n);
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        map.addComponent(c);
    }
    for (int i = 1; i < n; ++i)
        map.addDependency({QStringLiteral("c%1").arg(i), QStringLiteral("c%1").arg(i - 1),
            DependencyType::Hard, {}, {}});
    return map;
}

Map nested(int n)
{
    Map map;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        if (i > 0)
            c.parent = QStringLiteral("c%1").arg(i - 1);
        map.addComponent(c);
    }
    return map;
}

void line(const char *what, int n, double ms, qint64 bytes = -1)
{
    if (bytes >= 0)
        std::printf("%-52s %7d  %10.1f ms  %12lld bytes\n", what, n, ms, bytes);
    else
        std::printf("%-52s %7d  %10.1f ms\n", what, n, ms);
}

} // namespace

int main(int argc, char **argv)
{
    const bool blast = !(argc > 1 && std::strcmp(argv[1], "--no-blast-radius") == 0);
    std::printf("%-52s %7s  %13s\n", "what", "n", "cpu");
    for (int n : {10'000, 100'000}) {
        {
            // A name of n characters in the text tables (fit() shortened it one character at a
            // time before).
            Map map;
            Component c;
            c.id = QStringLiteral("long");
            c.name = QString(n, u'x');
            map.addComponent(c);
            const ImpactGraph graph(map);
            const BlastRadiusReport report = blastRadius(map, graph);
            qint64 size = 0;
            const double ms = cpuMs([&] { size = analysisformat::text(map, report).size(); });
            line("blast-radius text, one name of n characters", n, ms, size);
        }
        {
            QByteArray csv = "id,parent\n";
            for (int i = 0; i < n; ++i)
                csv += "c" + QByteArray::number(i) + ','
                    + (i ? "c" + QByteArray::number(i - 1) : QByteArray()) + '\n';
            const double ms =
                cpuMs([&] { csvimport::read(csv, QStringLiteral("chain-components.csv")); });
            line("CSV import, parent chain of n levels", n, ms);
        }
        const Map map = chain(n);
        const ImpactGraph graph(map);
        {
            SpofReport report;
            const double ms = cpuMs(
                [&] { report = singlePointsOfFailure(graph, ComponentIndex(n - 1)); });
            line("spof of the end of a chain of n", n, ms);
            if (int(report.spof.size()) != n - 1)
                std::printf("  wrong: %zu single points of failure\n", report.spof.size());
        }
        {
            Scenario scenario;
            scenario.fail = {QStringLiteral("c0")};
            const ImpactResult result = evaluateImpact(graph, resolveScenario(map, scenario));
            qint64 size = 0;
            double ms = cpuMs([&] {
                size = impactformat::json(map, result, scenario, impactformat::Paths::Without)
                           .size();
            });
            line("impact --format json --no-paths, chain of n", n, ms, size);
            if (n <= 10'000) {
                ms = cpuMs([&] { size = impactformat::json(map, result, scenario).size(); });
                line("impact --format json (with paths), chain of n", n, ms, size);
            }
        }
        {
            const Map deep = nested(n);
            qint64 size = 0;
            const double ms = cpuMs([&] { size = dotexport::write(deep).size(); });
            line("DOT export, n nested parents", n, ms, size);
        }
        if (blast) {
            // Linear since a component whose only effect is to take one other down takes that
            // one's row (1.1 s at 10,000 when every component was an engine run).
            BlastRadiusReport report;
            const double ms = cpuMs([&] { report = blastRadius(map, graph); });
            line("blast-radius of every component, chain of n", n, ms);
            if (report.ranking.front().down != n - 1)
                std::printf("  wrong: the first takes %d down\n", report.ranking.front().down);
        }
    }
    return 0;
}
