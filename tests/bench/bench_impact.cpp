// The impact benchmark of issue #2, item 10: on a generated map (100,000 components and 300,000
// dependencies by default) it times building the impact graph, a region failure against a bare
// breadth-first reachability over the same arrays, saving and loading the `.faultline` document
// and the interchange JSON. Run on demand (tests/bench/run_benchmarks.sh), never by ctest.
// Exits 1 when a target is missed, 2 on a usage error.
#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "model/storage/faultlinefile.h"
#include "tests/bench/mapgenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace faultline;

namespace {

constexpr double engineTargetMs = 20.0;
constexpr double bfsRatioTarget = 3.0;
constexpr double loadTargetMs = 1000.0;

struct Options
{
    bench::MapShape shape;
    int runs = 50;
    int loadRuns = 5;
    QString region; // empty: the busiest region
    QString keepDir;
    bool engineOnly = false; // skip the files: for profiling the engine under valgrind
};

void usage(std::FILE *to)
{
    std::fprintf(to,
        "usage: bench_impact [--components N] [--dependencies M] [--seed S]\n"
        "                    [--runs R] [--load-runs L] [--region ID] [--keep DIR]\n"
        "                    [--engine-only]\n"
        "  --keep DIR (or --out DIR): write the map files there and keep them\n"
        "  (mapNk.json, mapNk.faultline, region.txt); otherwise a temporary folder.\n"
        "  --engine-only: time the engine and the BFS only, not the files.\n");
}

// Returns false on a usage error.
bool parse(int argc, char *argv[], Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            std::exit(0);
        }
        if (arg == "--engine-only") {
            o.engineOnly = true;
            continue;
        }
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
            o.runs = std::atoi(value);
        else if (arg == "--load-runs")
            o.loadRuns = std::atoi(value);
        else if (arg == "--region")
            o.region = QString::fromLocal8Bit(value);
        else if (arg == "--keep" || arg == "--out")
            o.keepDir = QString::fromLocal8Bit(value);
        else
            return false;
    }
    return o.shape.components > 0 && o.shape.dependencies >= 0 && o.runs > 0 && o.loadRuns > 0;
}

using Clock = std::chrono::steady_clock;

double millisecondsOf(const std::function<void()> &f)
{
    const auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Timing
{
    double median = 0;
    double min = 0;
    int runs = 1;
};

Timing summarize(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    return {n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2, ms.front(), int(n)};
}

Timing repeat(int runs, const std::function<void()> &f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i)
        ms.push_back(millisecondsOf(f));
    return summarize(std::move(ms));
}

std::pair<Timing, Timing> repeatAlternately(
    int runs, const std::function<void()> &f, const std::function<void()> &g)
{
    std::vector<double> a, b;
    for (int i = 0; i < runs; ++i) {
        a.push_back(millisecondsOf(f));
        b.push_back(millisecondsOf(g));
    }
    return {summarize(std::move(a)), summarize(std::move(b))};
}

Timing once(const std::function<void()> &f)
{
    const double ms = millisecondsOf(f);
    return {ms, ms, 1};
}

// The bare baseline: breadth-first reachability over the engine's own arrays (children and
// dependents), with the same "reset only what the last run touched" discipline.
class Reachability
{
public:
    explicit Reachability(const ImpactGraph &graph) : m_graph(graph), m_seen(graph.size(), 0) { }

    int run(std::int32_t start)
    {
        for (std::int32_t c : m_queue)
            m_seen[c] = 0;
        m_queue.clear();
        visit(start);
        for (std::size_t head = 0; head < m_queue.size(); ++head) {
            const std::int32_t c = m_queue[head];
            for (std::int32_t child : m_graph.children(c))
                visit(child);
            for (const ImpactGraph::Edge &e : m_graph.dependents(c))
                visit(e.other);
        }
        return int(m_queue.size());
    }

private:
    void visit(std::int32_t c)
    {
        if (!m_seen[c]) {
            m_seen[c] = 1;
            m_queue.push_back(c);
        }
    }

    const ImpactGraph &m_graph;
    std::vector<std::uint8_t> m_seen;
    std::vector<std::int32_t> m_queue;
};

// The machine is shared: the load when the figures were taken says how far to trust them.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readLine()).section(QLatin1Char(' '), 0, 2);
}

QString fileSize(const QString &path)
{
    return QStringLiteral("%1 MB").arg(double(QFileInfo(path).size()) / 1e6, 0, 'f', 1);
}

class Report
{
public:
    void row(const char *what, const Timing &t, const QString &target = {}, bool met = true,
        const QString &note = {})
    {
        std::printf("  %-44s %9.1f ms %9.1f ms  %-10s %-6s %s\n", what, t.median, t.min,
            qPrintable(target), target.isEmpty() ? "" : (met ? "ok" : "MISSED"), qPrintable(note));
        if (!met)
            m_missed.append(QStringLiteral("%1: %2 ms, target %3")
                                .arg(QLatin1String(what))
                                .arg(t.median, 0, 'f', 1)
                                .arg(target));
    }

    void ratio(const char *what, double value, bool met)
    {
        std::printf("  %-44s %9.2fx    %12s  %-10s %-6s\n", what, value, "",
            qPrintable(QStringLiteral("<= %1x").arg(bfsRatioTarget)), met ? "ok" : "MISSED");
        if (!met)
            m_missed.append(QStringLiteral("%1: %2x, target <= %3x")
                                .arg(QLatin1String(what))
                                .arg(value, 0, 'f', 2)
                                .arg(bfsRatioTarget));
    }

    // A check that is not a timing: the figures mean little when it fails.
    void check(bool met, const QString &what)
    {
        if (!met) {
            std::printf("  %-44s MISSED\n", qPrintable(what));
            m_missed.append(what);
        }
    }

    const QStringList &missed() const { return m_missed; }

private:
    QStringList m_missed;
};

int benchmark(const Options &o)
{
    QTemporaryDir temporary;
    const QString dir = o.keepDir.isEmpty() ? temporary.path() : o.keepDir;
    if (!QDir().mkpath(dir))
        throw Error(QStringLiteral("%1: cannot create the folder").arg(dir));
    const int n = o.shape.components;
    const QString base = QDir(dir).filePath(
        n % 1000 == 0 ? QStringLiteral("map%1k").arg(n / 1000) : QStringLiteral("map%1").arg(n));
    const QString documentPath = base + QStringLiteral(".faultline");
    const QString jsonPath = base + QStringLiteral(".json");

    Report report;
    std::printf("Faultline impact benchmark: seed %llu, %d hardware threads, load average %s, "
                "%d runs per evaluation\n\n",
        static_cast<unsigned long long>(o.shape.seed), QThread::idealThreadCount(),
        qPrintable(loadAverage()), o.runs);
    std::printf("  %-44s %12s %12s  %-10s\n", "", "median", "min", "target");

    Map map;
    report.row("generate the map", once([&] { map = bench::generateMap(o.shape); }));
    report.row("validate()", once([&] { validate(map); }));

    std::unique_ptr<ImpactGraph> graph;
    report.row("build the ImpactGraph", once([&] { graph = std::make_unique<ImpactGraph>(map); }));

    const QString region = o.region.isEmpty() ? bench::regionIds(map).value(0) : o.region;
    const ScenarioSpec spec = resolveScenario(map, QStringList {region}, {});
    if (!o.keepDir.isEmpty()) {
        QSaveFile file(QDir(dir).filePath(QStringLiteral("region.txt")));
        if (!file.open(QIODevice::WriteOnly) || file.write(region.toUtf8() + '\n') < 0
            || !file.commit())
            throw Error(
                QStringLiteral("%1: cannot write: %2").arg(file.fileName(), file.errorString()));
    }
    ImpactEngine engine(*graph);
    Reachability bfs(*graph);
    int reachable = 0;
    // Warm up, then alternate the two so that whatever else the machine does weighs on both.
    engine.run(spec);
    bfs.run(spec.fail.front().value);
    const auto [impact, bare] = repeatAlternately(
        o.runs, [&] { engine.run(spec); }, [&] { reachable = bfs.run(spec.fail.front().value); });
    const ImpactSummary summary = engine.summary();
    report.row("region failure: ImpactEngine::run", impact,
        QStringLiteral("< %1 ms").arg(engineTargetMs), impact.median < engineTargetMs);
    report.row("bare BFS over the same arrays", bare);
    const double ratio = impact.median / bare.median;
    report.ratio("ImpactEngine::run / bare BFS (medians)", ratio, ratio <= bfsRatioTarget);
    std::printf("  %-44s %9.2fx\n", "  (the same, of the minimums)", impact.min / bare.min);
    report.row("evaluateImpact (fresh engine and result)",
        repeat(std::max(1, o.runs / 5), [&] { evaluateImpact(*graph, spec); }));
    report.check(int(engine.affected().size()) <= reachable,
        QStringLiteral("every affected component is reachable"));
    std::printf("  (%d components, %d dependencies; %s failed: %d down, %d degraded, %d at-risk, "
                "%d reachable)\n",
        map.componentCount(), map.dependencyCount(), qPrintable(region), summary.down,
        summary.degraded, summary.atRisk, reachable);

    if (o.engineOnly)
        return report.missed().isEmpty() ? 0 : 1;

    const Timing writeJson = once([&] { interchange::writeFile(map, jsonPath); });
    report.row("write .json (interchange::writeFile)", writeJson, {}, true, fileSize(jsonPath));
    Map fromJson;
    report.row("read .json (interchange::readFile)",
        repeat(std::max(1, o.loadRuns / 2), [&] { fromJson = interchange::readFile(jsonPath); }));
    report.check(fromJson == map, QStringLiteral("interchange round trip gives an equal map"));

    // The document is timed last and on its own: a storage failure still leaves the figures
    // above, and the JSON file for run_benchmarks.sh.
    try {
        const Timing save = once([&] {
            QFile::remove(documentPath);
            faultlinefile::save(map, documentPath);
        });
        report.row("save .faultline (faultlinefile::save)", save, {}, true, fileSize(documentPath));
        faultlinefile::Loaded loaded;
        const Timing load = repeat(o.loadRuns, [&] { loaded = faultlinefile::load(documentPath); });
        report.row("open .faultline (faultlinefile::load)", load,
            QStringLiteral("< %1 ms").arg(loadTargetMs), load.median < loadTargetMs);
        report.check(loaded.map == map, QStringLiteral("document round trip gives an equal map"));
    } catch (const Error &e) {
        report.check(false, QStringLiteral("document save and load: %1").arg(e.message()));
    }
    std::printf("  (files: %s, %s)\n", qPrintable(documentPath), qPrintable(jsonPath));

    if (report.missed().isEmpty()) {
        std::printf("\nAll targets met.\n");
        return 0;
    }
    std::fflush(stdout); // the table first, then the verdict, even through a pipe
    std::fprintf(stderr, "\nbench_impact: %d target(s) missed:\n", int(report.missed().size()));
    for (const QString &m : report.missed())
        std::fprintf(stderr, "  %s\n", qPrintable(m));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    Options options;
    if (!parse(argc, argv, options)) {
        usage(stderr);
        return 2;
    }
    try {
        return benchmark(options);
    } catch (const Error &e) {
        std::fprintf(stderr, "bench_impact: %s\n", qPrintable(e.message()));
        return 1;
    }
}
