#include "model/analysis/blastradius.h"

#include "model/impact/engine.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <thread>

namespace faultline {

namespace {

// Fails each subject alone and fills its row; run by every worker on its own engine, taking
// blocks of subjects from a shared counter.
class Runner
{
public:
    Runner(const ImpactGraph &graph, const std::vector<std::int32_t> &subjects,
        const std::vector<double> &businessCost, double totalBusinessCost,
        std::vector<BlastRadius> &rows)
        : m_graph(graph), m_subjects(subjects), m_businessCost(businessCost),
          m_totalBusinessCost(totalBusinessCost), m_rows(rows)
    { }

    // Returns after the subjects run out or stop() was called. `onBlock` runs after each
    // block on the calling worker (the progress reporter, on the thread that asked).
    void work(const std::function<void()> &onBlock = {})
    {
        ImpactEngine engine(m_graph);
        const int n = int(m_subjects.size());
        for (;;) {
            const int begin = m_next.fetch_add(block);
            if (begin >= n || m_stop.load())
                return;
            const int end = std::min(n, begin + block);
            for (int i = begin; i < end; ++i)
                m_rows[std::size_t(i)] = measure(engine, m_subjects[std::size_t(i)]);
            m_done.fetch_add(end - begin);
            if (onBlock)
                onBlock();
        }
    }

    void stop() { m_stop.store(true); }
    int done() const { return m_done.load(); }

private:
    static constexpr int block = 32;

    BlastRadius measure(ImpactEngine &engine, std::int32_t i) const
    {
        const ComponentIndex failed(i);
        engine.run(std::span(&failed, 1));
        const ImpactSummary s = engine.summary();
        BlastRadius r;
        r.component = failed;
        r.down = s.down - 1;
        r.degraded = s.degraded;
        r.costPerHour = s.costPerHour;
        for (std::int32_t c : engine.affected()) {
            if (engine.state(ComponentIndex(c)) == State::Down)
                r.businessCostPerHour += m_businessCost[c];
        }
        if (m_totalBusinessCost > 0.0)
            r.businessShare = r.businessCostPerHour / m_totalBusinessCost;
        return r;
    }

    const ImpactGraph &m_graph;
    const std::vector<std::int32_t> &m_subjects;
    const std::vector<double> &m_businessCost;
    double m_totalBusinessCost;
    std::vector<BlastRadius> &m_rows;
    std::atomic<int> m_next {0}, m_done {0};
    std::atomic<bool> m_stop {false};
};

int workerCount(int asked, int subjects)
{
    const int hardware = int(std::max(1u, std::thread::hardware_concurrency()));
    const int wanted = asked > 0 ? asked : std::min(hardware, 8);
    // A thread is worth starting for a few hundred runs, not for a handful.
    return std::max(1, std::min(wanted, subjects / 256));
}

} // namespace

BlastRadiusReport blastRadius(const Map &map, const ImpactGraph &graph,
    const BlastRadiusOptions &options, const ProgressFn &progress)
{
    BlastRadiusReport report;
    report.kind = options.kind;

    const int n = map.componentCount();
    std::vector<double> businessCost(n, 0.0);
    std::vector<std::int32_t> subjects;
    for (int i = 0; i < n; ++i) {
        const Component &c = map.components()[i];
        if (c.isBusiness()) {
            businessCost[i] = c.costPerHour.value_or(0.0);
            report.totalBusinessCostPerHour += businessCost[i];
        }
        if (options.kind.isEmpty() || c.kind == options.kind)
            subjects.push_back(i);
    }

    report.ranking.resize(subjects.size());
    Runner runner(graph, subjects, businessCost, report.totalBusinessCostPerHour, report.ranking);
    ProgressReporter reporter(progress, int(subjects.size()), 1);
    std::vector<std::thread> helpers;
    std::exception_ptr failure;
    try {
        for (int t = 1; t < workerCount(options.threads, int(subjects.size())); ++t)
            helpers.emplace_back([&runner] { runner.work(); });
        int reported = 0;
        runner.work([&] {
            const int done = runner.done();
            if (progress && done - reported >= 256) {
                reported = done;
                reporter.report(done);
            }
        });
    } catch (...) {
        failure = std::current_exception();
        runner.stop();
    }
    for (std::thread &t : helpers)
        t.join();
    if (failure)
        std::rethrow_exception(failure);

    std::sort(report.ranking.begin(), report.ranking.end(),
        [](const BlastRadius &a, const BlastRadius &b) {
            if (a.down != b.down)
                return a.down > b.down;
            if (a.costPerHour != b.costPerHour)
                return a.costPerHour > b.costPerHour;
            return a.component < b.component;
        });
    reporter.finish();
    return report;
}

} // namespace faultline
