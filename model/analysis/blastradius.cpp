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

// 1 for the components on a cycle of the ways a state spreads (to dependents and children),
// 0 for the rest: Tarjan's strongly connected components, without recursion (a chain may be
// 100,000 long), so linear.
std::vector<std::uint8_t> onCycle(const ImpactGraph &graph)
{
    const int n = graph.size();
    auto next = [&](std::int32_t c, std::size_t i) -> std::int32_t { // c's i-th reader or -1
        const auto dependents = graph.dependents(c);
        if (i < dependents.size())
            return dependents[i].other;
        i -= dependents.size();
        const auto children = graph.children(c);
        return i < children.size() ? children[i] : -1;
    };
    std::vector<std::int32_t> index(std::size_t(n), -1), low(std::size_t(n), 0);
    std::vector<std::uint8_t> onStack(std::size_t(n), 0), cyclic(std::size_t(n), 0);
    std::vector<std::int32_t> stack;
    std::vector<std::pair<std::int32_t, std::size_t>> calls; // component, next reader to visit
    std::int32_t counter = 0;
    for (std::int32_t root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        calls.emplace_back(root, 0);
        index[root] = low[root] = counter++;
        stack.push_back(root);
        onStack[root] = 1;
        while (!calls.empty()) {
            auto &[c, i] = calls.back();
            const std::int32_t s = next(c, i);
            if (s >= 0) {
                ++i;
                if (s == c) {
                    cyclic[c] = 1; // depends on itself
                } else if (index[s] < 0) {
                    index[s] = low[s] = counter++;
                    stack.push_back(s);
                    onStack[s] = 1;
                    calls.emplace_back(s, 0);
                } else if (onStack[s]) {
                    low[c] = std::min(low[c], index[s]);
                }
                continue;
            }
            const std::int32_t done = c;
            calls.pop_back();
            if (!calls.empty())
                low[calls.back().first] = std::min(low[calls.back().first], low[done]);
            if (low[done] == index[done]) { // the root of a component: pop it
                const bool several = stack.back() != done;
                std::int32_t m;
                do {
                    m = stack.back();
                    stack.pop_back();
                    onStack[m] = 0;
                    if (several)
                        cyclic[m] = 1;
                } while (m != done);
            }
        }
    }
    return cyclic;
}

// The one component whose failure alone is exactly c's, c aside; -1 where there is none.
//
// When everything that reads c's state (its dependents and children) is one component s, and
// c down takes s down (c is s's parent, or s tolerates no hard dependency down), then failing c
// is failing c and s together, and since c touches nothing but s, that is failing s plus c
// itself. So c's row is s's row with c added: one step instead of a run over everything s
// reaches, which made a chain of n quadratic (21 s for 40,000 levels). A c that s can reach
// back is left to the engine (s's run would count c already).
std::int32_t successorOf(const ImpactGraph &graph, std::int32_t c, std::uint8_t cyclic)
{
    if (cyclic)
        return -1;
    std::int32_t only = -1;
    bool takesDown = false;
    auto see = [&](std::int32_t s, bool down) {
        if (only >= 0 && s != only)
            return false;
        only = s;
        takesDown = takesDown || down;
        return true;
    };
    for (const ImpactGraph::Edge &e : graph.dependents(c)) {
        const std::int32_t s = e.other;
        if (!see(s, e.hard && graph.hardCount(s) - graph.required(s) <= 0))
            return -1;
    }
    for (std::int32_t s : graph.children(c)) {
        if (!see(s, true))
            return -1;
    }
    return takesDown ? only : -1;
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

    // Which failures the engine must run: for each subject, the end of its chain of
    // successors (successorOf). The rest are derived from those rows, one step each.
    const std::vector<std::uint8_t> cyclic = onCycle(graph);
    std::vector<std::int32_t> successor(std::size_t(n), -1);
    for (std::int32_t c = 0; c < n; ++c)
        successor[c] = successorOf(graph, c, cyclic[c]);
    // Successors never loop (a component on a cycle has none), so the walks end; each one
    // stops at the first component already met, so all of them together are linear.
    std::vector<std::int32_t> rowOf(std::size_t(n), -1); // index in `rows`, once known
    std::vector<std::int32_t> end(std::size_t(n), -1); // the last of c's chain of successors
    std::vector<std::int32_t> runs;
    std::vector<std::int32_t> walk;
    for (std::int32_t s : subjects) {
        walk.clear();
        std::int32_t c = s;
        while (end[c] < 0 && successor[c] >= 0) {
            walk.push_back(c);
            c = successor[c];
        }
        const std::int32_t last = end[c] >= 0 ? end[c] : c;
        end[c] = last;
        for (std::int32_t w : walk)
            end[w] = last;
        if (rowOf[last] == -1) {
            rowOf[last] = std::int32_t(runs.size());
            runs.push_back(last);
        }
    }

    std::vector<BlastRadius> rows(runs.size());
    Runner runner(graph, runs, businessCost, report.totalBusinessCostPerHour, rows);
    // Progress counts the runs of the engine (at most one per subject); the derived rows after
    // them take a step each.
    ProgressReporter reporter(progress, int(runs.size()), 1);
    std::vector<std::thread> helpers;
    std::exception_ptr failure;
    try {
        for (int t = 1; t < workerCount(options.threads, int(runs.size())); ++t)
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

    report.ranking.reserve(subjects.size());
    for (std::int32_t s : subjects) {
        // Down the chain to a known row, then back up adding each component to its successor's.
        std::int32_t c = s;
        walk.clear();
        while (rowOf[c] == -1) {
            walk.push_back(c);
            c = successor[c];
        }
        for (auto it = walk.rbegin(); it != walk.rend(); ++it) {
            BlastRadius r = rows[std::size_t(rowOf[c])];
            r.component = ComponentIndex(*it);
            r.down += 1; // the successor, now taken down with the rest
            r.costPerHour += graph.costPerHour(*it);
            r.businessCostPerHour += businessCost[std::size_t(*it)];
            r.businessShare = report.totalBusinessCostPerHour > 0.0
                ? r.businessCostPerHour / report.totalBusinessCostPerHour
                : 0.0;
            rowOf[*it] = std::int32_t(rows.size());
            rows.push_back(r);
            c = *it;
        }
        report.ranking.push_back(rows[std::size_t(rowOf[s])]);
    }

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
