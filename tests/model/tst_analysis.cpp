// The analyses against brute force: on many small random maps (groups, soft dependencies,
// parents, cycles) every failure set is run through ImpactEngine and the answers are read off
// the truth table; plus hand-made maps whose answers are known by heart.
#include "model/analysis/analyses.h"
#include "model/analysis/cone.h"
#include "model/impact/downevaluator.h"
#include "model/impact/engine.h"
#include "model/map/validation.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <random>

using namespace faultline;

namespace {

using Sets = std::vector<std::vector<int>>;

Map randomMap(std::mt19937 &rng, int n)
{
    auto chance = [&](double p) {
        return std::uniform_real_distribution<double>(0, 1)(rng) < p;
    };
    auto pick = [&](int below) {
        return std::uniform_int_distribution<int>(0, below - 1)(rng);
    };
    static const char *const kinds[] = {"service", "group", "zone", "database"};
    static const double availabilities[] = {0.5, 0.7, 0.9, 0.99, 0.999};
    Map map;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.kind = QString::fromLatin1(kinds[pick(4)]);
        if (i > 0 && chance(0.25))
            c.parent = QStringLiteral("c%1").arg(pick(i)); // earlier: parents never loop
        if (chance(0.8))
            c.availability = availabilities[pick(5)];
        if (chance(0.5))
            c.costPerHour = double(100 * (1 + pick(9)));
        if (chance(0.3))
            c.business = true;
        map.addComponent(c);
    }
    std::vector<int> hard(n, 0);
    for (int i = 0; i < n; ++i) {
        const int count = pick(4);
        for (int t = 0; t < count; ++t) {
            const int j = pick(n);
            const QString from = QStringLiteral("c%1").arg(i), to = QStringLiteral("c%1").arg(j);
            if (j == i || map.findDependency(from, to))
                continue;
            Dependency d {
                from, to, chance(0.75) ? DependencyType::Hard : DependencyType::Soft, {}, {}};
            hard[i] += d.isHard() ? 1 : 0;
            map.addDependency(d);
        }
    }
    for (int i = 0; i < n; ++i) {
        if (hard[i] > 0 && chance(0.6)) {
            Component c = map.components()[i];
            // Mostly "1 of n" pools; 0 included: never down through its dependencies.
            c.require = chance(0.5) ? 1 : pick(hard[i] + 1);
            map.setComponent(ComponentIndex(i), c);
        }
    }
    validate(map);
    return map;
}

// down[mask] = the down components (a bit mask) when exactly `mask` fails, by ImpactEngine.
std::vector<std::uint32_t> truthTable(const ImpactGraph &graph)
{
    const int n = graph.size();
    ImpactEngine engine(graph);
    std::vector<std::uint32_t> down(std::size_t(1) << n);
    std::vector<ComponentIndex> fail;
    for (std::uint32_t mask = 0; mask < down.size(); ++mask) {
        fail.clear();
        for (int i = 0; i < n; ++i) {
            if (mask & (1u << i))
                fail.emplace_back(i);
        }
        engine.run(fail);
        std::uint32_t d = 0;
        for (int i = 0; i < n; ++i)
            d |= engine.state(ComponentIndex(i)) == State::Down ? (1u << i) : 0;
        down[mask] = d;
    }
    return down;
}

Sets bruteCutSets(const std::vector<std::uint32_t> &down, int n, int target, int maxOrder,
    std::uint32_t allowed = ~0u)
{
    std::vector<std::uint32_t> cuts;
    for (std::uint32_t mask = 0; mask < down.size(); ++mask) {
        if ((mask & ~allowed) || (mask >> target) & 1 || !((down[mask] >> target) & 1)
            || std::popcount(mask) > maxOrder)
            continue;
        bool minimal = true; // no proper subset, however small, takes the target down
        for (std::uint32_t sub = (mask - 1) & mask;; sub = (sub - 1) & mask) {
            if ((down[sub] >> target) & 1) {
                minimal = false;
                break;
            }
            if (sub == 0)
                break;
        }
        if (minimal)
            cuts.push_back(mask);
    }
    Sets out;
    for (std::uint32_t m : cuts) {
        std::vector<int> s;
        for (int i = 0; i < n; ++i) {
            if (m & (1u << i))
                s.push_back(i);
        }
        out.push_back(s);
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    return out;
}

Sets asInts(const CutSetReport &r)
{
    Sets out;
    for (const auto &s : r.cutSets) {
        std::vector<int> v;
        for (ComponentIndex c : s)
            v.push_back(c.value);
        out.push_back(v);
    }
    return out;
}

// P(target down) by summing over every failure set of the components that can fail.
double bruteUnavailability(const Map &map, const std::vector<std::uint32_t> &down, int target,
    int given = -1, bool givenFailed = false)
{
    const int n = map.componentCount();
    double total = 0.0;
    for (std::uint32_t mask = 0; mask < down.size(); ++mask) {
        double p = 1.0;
        for (int i = 0; i < n && p > 0.0; ++i) {
            const bool failed = (mask >> i) & 1;
            if (i == given) {
                p *= failed == givenFailed ? 1.0 : 0.0;
                continue;
            }
            const double q = 1.0 - map.components()[i].availability.value_or(1.0);
            p *= failed ? q : 1.0 - q;
        }
        if (p > 0.0 && ((down[mask] >> target) & 1))
            total += p;
    }
    return total;
}

Map build(std::initializer_list<Component> components,
    std::initializer_list<std::pair<const char *, const char *>> hardDeps)
{
    Map map;
    for (const Component &c : components)
        map.addComponent(c);
    for (const auto &[from, to] : hardDeps)
        map.addDependency(
            {QString::fromLatin1(from), QString::fromLatin1(to), DependencyType::Hard, {}, {}});
    validate(map);
    return map;
}

Component comp(const char *id, std::optional<double> a = {}, std::optional<int> require = {},
    const char *parent = "")
{
    Component c;
    c.id = QString::fromLatin1(id);
    c.kind = QStringLiteral("service");
    c.availability = a;
    c.require = require;
    c.parent = QString::fromLatin1(parent);
    return c;
}

ComponentIndex at(const Map &map, const char *id)
{
    return *map.findComponent(QString::fromLatin1(id));
}

QStringList ids(const Map &map, const std::vector<ComponentIndex> &cs)
{
    QStringList out;
    for (ComponentIndex c : cs)
        out << map.component(c).id;
    return out;
}

QList<QStringList> idSets(const Map &map, const CutSetReport &r)
{
    QList<QStringList> out;
    for (const auto &s : r.cutSets)
        out << ids(map, s);
    return out;
}

} // namespace

class TestAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void downEvaluatorMatchesEngine()
    {
        std::mt19937 rng(7);
        for (int round = 0; round < 200; ++round) {
            const Map map = randomMap(rng, 1 + round % 12);
            const ImpactGraph graph(map);
            const int n = graph.size();
            const std::vector<std::uint32_t> down = truthTable(graph);
            DownEvaluator evaluator(graph);
            for (std::uint32_t mask = 0; mask < down.size(); ++mask) {
                std::vector<std::int32_t> fail;
                for (int i = 0; i < n; ++i) {
                    if (mask & (1u << i))
                        fail.push_back(i);
                }
                evaluator.run(fail);
                std::uint32_t d = 0;
                for (std::int32_t c : evaluator.down())
                    d |= 1u << c;
                QCOMPARE(d, down[mask]);
                // Limited to a cone and stopping early, the watched answer is the same.
                const int target = int(mask % std::uint32_t(n));
                const Cone cone(graph, target);
                evaluator.setScope(cone.flags());
                QCOMPARE(evaluator.run(fail, target), bool((down[mask] >> target) & 1));
                evaluator.setScope({});
            }
        }
    }

    void spofMatchesBruteForce()
    {
        std::mt19937 rng(11);
        for (int round = 0; round < 300; ++round) {
            const Map map = randomMap(rng, 1 + round % 12);
            const ImpactGraph graph(map);
            const std::vector<std::uint32_t> down = truthTable(graph);
            for (int t = 0; t < graph.size(); ++t) {
                std::vector<ComponentIndex> expected;
                for (int c = 0; c < graph.size(); ++c) {
                    if (c != t && ((down[1u << c] >> t) & 1))
                        expected.emplace_back(c);
                }
                const SpofReport r = singlePointsOfFailure(graph, ComponentIndex(t));
                QCOMPARE(ids(map, r.spof), ids(map, expected));
            }
        }
    }

    void cutSetsMatchBruteForce()
    {
        std::mt19937 rng(13);
        int cyclicCones = 0, higherOrderSets = 0;
        for (int round = 0; round < 300; ++round) {
            const Map map = randomMap(rng, 1 + round % 12);
            const ImpactGraph graph(map);
            const int n = graph.size();
            const std::vector<std::uint32_t> down = truthTable(graph);
            std::uint32_t withAvailability = 0;
            for (int i = 0; i < n; ++i)
                withAvailability |= map.components()[i].availability ? 1u << i : 0;
            for (int t = 0; t < n; ++t) {
                const Cone cone(graph, t);
                cyclicCones += cone.partCount() < cone.size() ? 1 : 0;
                for (const auto &s : bruteCutSets(down, n, t, n))
                    higherOrderSets += s.size() > 1 ? 1 : 0;
                for (int k : {1, 2, 3, n}) {
                    const CutSetReport r =
                        minimalCutSets(map, graph, ComponentIndex(t), CutSetOptions {k});
                    const Sets expected = bruteCutSets(down, n, t, k);
                    const CutSetReport fallible =
                        minimalCutSets(map, graph, ComponentIndex(t), CutSetOptions {k, true});
                    if (asInts(fallible) != bruteCutSets(down, n, t, k, withAvailability))
                        QFAIL(qPrintable(QStringLiteral("round %1 target %2 order %3: only "
                                                        "components with an availability")
                                             .arg(round)
                                             .arg(t)
                                             .arg(k)));
                    if (asInts(r) != expected)
                        QFAIL(qPrintable(QStringLiteral("round %1 target %2 order %3: %4 sets, "
                                                        "expected %5")
                                             .arg(round)
                                             .arg(t)
                                             .arg(k)
                                             .arg(r.cutSets.size())
                                             .arg(expected.size())));
                }
            }
        }
        // The random maps do exercise cycles and redundancy.
        QVERIFY2(cyclicCones > 300, qPrintable(QString::number(cyclicCones)));
        QVERIFY2(higherOrderSets > 500, qPrintable(QString::number(higherOrderSets)));
    }

    void availabilityMatchesBruteForce()
    {
        std::mt19937 rng(17);
        for (int round = 0; round < 300; ++round) {
            const Map map = randomMap(rng, 1 + round % 12);
            const ImpactGraph graph(map);
            const std::vector<std::uint32_t> down = truthTable(graph);
            for (int t = 0; t < graph.size(); ++t) {
                const AvailabilityReport r = availability(map, graph, ComponentIndex(t));
                const double q = bruteUnavailability(map, down, t);
                QVERIFY2(std::abs(r.unavailability - q) < 1e-12,
                    qPrintable(QStringLiteral("round %1 target %2: %3 vs %4")
                                   .arg(round)
                                   .arg(t)
                                   .arg(r.unavailability, 0, 'g', 17)
                                   .arg(q, 0, 'g', 17)));
                QVERIFY(std::abs(r.availability - (1.0 - q)) < 1e-12);
                QVERIFY(std::abs(r.downtimeMinutesPerYear - q * 525600.0) < 1e-6);
                for (const AvailabilityContributor &c : r.contributors) {
                    const double birnbaum =
                        bruteUnavailability(map, down, t, c.component.value, true)
                        - bruteUnavailability(map, down, t, c.component.value, false);
                    QVERIFY(std::abs(c.birnbaum - birnbaum) < 1e-12);
                    QVERIFY(std::abs(c.criticality - birnbaum * c.unavailability / q) < 1e-9);
                }
                for (std::size_t i = 1; i < r.contributors.size(); ++i)
                    QVERIFY(r.contributors[i - 1].criticality >= r.contributors[i].criticality);
            }
        }
    }

    // Contribution = U(target) - U(target | the component never fails), by brute force: every
    // component whose perfection lowers U is listed (largest first), no other.
    void contributorsMatchBruteForce()
    {
        std::mt19937 rng(31);
        int nonTrivial = 0;
        for (int round = 0; round < 200; ++round) {
            const Map map = randomMap(rng, 1 + round % 12);
            const ImpactGraph graph(map);
            const std::vector<std::uint32_t> down = truthTable(graph);
            for (int t = 0; t < graph.size(); ++t) {
                const double u = bruteUnavailability(map, down, t);
                const AvailabilityReport r =
                    availabilityContributors(map, graph, ComponentIndex(t), -1);
                QVERIFY(std::abs(r.unavailability - u) < 1e-12);
                std::vector<double> expected(graph.size(), 0.0);
                int positive = 0;
                for (int c = 0; c < graph.size(); ++c) {
                    if (!map.components()[c].availability)
                        continue;
                    expected[c] = u - bruteUnavailability(map, down, t, c, false);
                    positive += expected[c] > 1e-12 ? 1 : 0;
                }
                for (const AvailabilityContributor &c : r.contributors) {
                    QVERIFY2(std::abs(c.contribution - expected[c.component.value]) < 1e-12,
                        qPrintable(QStringLiteral("round %1 target %2 component %3: %4 vs %5")
                                       .arg(round)
                                       .arg(t)
                                       .arg(c.component.value)
                                       .arg(c.contribution, 0, 'g', 17)
                                       .arg(expected[c.component.value], 0, 'g', 17)));
                    QVERIFY(c.contribution > 0.0);
                }
                for (std::size_t i = 1; i < r.contributors.size(); ++i)
                    QVERIFY(r.contributors[i - 1].contribution >= r.contributors[i].contribution);
                // Everything that contributes is listed (rounding aside).
                QVERIFY(int(r.contributors.size()) >= positive);
                nonTrivial += positive > 1 ? 1 : 0;
                // A limit keeps the first ones.
                const AvailabilityReport two =
                    availabilityContributors(map, graph, ComponentIndex(t), 2);
                QCOMPARE(two.contributors.size(), std::min<std::size_t>(2, r.contributors.size()));
                for (std::size_t i = 0; i < two.contributors.size(); ++i)
                    QCOMPARE(two.contributors[i].component, r.contributors[i].component);
            }
        }
        QVERIFY2(nonTrivial > 200, qPrintable(QString::number(nonTrivial)));
    }

    void contributorsSeriesParallelTwoOfThree()
    {
        // Series: making one perfect leaves the product of the others.
        const Map series = build({comp("app", 0.99), comp("db", 0.999), comp("zone", 0.9999)},
            {{"app", "db"}, {"db", "zone"}});
        const AvailabilityReport s = availabilityContributors(series, at(series, "app"), 2);
        const double u = 1 - 0.99 * 0.999 * 0.9999;
        QCOMPARE(ids(series, {s.contributors[0].component, s.contributors[1].component}),
            (QStringList {"app", "db"}));
        QVERIFY(std::abs(s.contributors[0].contribution - (u - (1 - 0.999 * 0.9999))) < 1e-15);
        QVERIFY(std::abs(s.contributors[1].contribution - (u - (1 - 0.99 * 0.9999))) < 1e-15);

        // Parallel: either one perfect and the pool never fails; ties in map order.
        const Map parallel =
            build({comp("svc"), comp("pool", {}, 1), comp("a", 0.9), comp("b", 0.8)},
                {{"svc", "pool"}, {"pool", "a"}, {"pool", "b"}});
        const AvailabilityReport p = availabilityContributors(parallel, at(parallel, "svc"), 5);
        QCOMPARE(p.contributors.size(), std::size_t(2));
        QCOMPARE(ids(parallel, {p.contributors[0].component, p.contributors[1].component}),
            (QStringList {"a", "b"}));
        for (const AvailabilityContributor &c : p.contributors)
            QVERIFY(std::abs(c.contribution - 0.02) < 1e-15);

        // 2 of 3: with one perfect, down only when both others are.
        const Map vote = build({comp("g", {}, 2), comp("a", 0.9), comp("b", 0.9), comp("c", 0.9)},
            {{"g", "a"}, {"g", "b"}, {"g", "c"}});
        const AvailabilityReport v = availabilityContributors(vote, at(vote, "g"), 5);
        QCOMPARE(v.contributors.size(), std::size_t(3));
        const double whole = 3 * 0.9 * 0.01 + 0.001;
        QVERIFY(std::abs(v.unavailability - whole) < 1e-15);
        for (const AvailabilityContributor &c : v.contributors)
            QVERIFY(std::abs(c.contribution - (whole - 0.01)) < 1e-15);

        // Nothing with an availability: nothing contributes.
        const Map none = build({comp("x"), comp("y")}, {{"x", "y"}});
        const AvailabilityReport n = availabilityContributors(none, at(none, "x"), 5);
        QCOMPARE(n.variableCount, 0);
        QVERIFY(n.contributors.empty());
        QCOMPARE(n.availability, 1.0);
    }

    void blastRadiusMatchesEngine()
    {
        std::mt19937 rng(19);
        for (int round = 0; round < 100; ++round) {
            const Map map = randomMap(rng, 1 + round % 12);
            const ImpactGraph graph(map);
            const BlastRadiusReport r = blastRadius(map, graph);
            QCOMPARE(int(r.ranking.size()), map.componentCount());
            for (std::size_t i = 0; i < r.ranking.size(); ++i) {
                const BlastRadius &b = r.ranking[i];
                const ImpactResult e = evaluateImpact(graph, {{b.component}, {}});
                QCOMPARE(b.down, e.summary().down - 1);
                QCOMPARE(b.degraded, e.summary().degraded);
                QCOMPARE(b.costPerHour, e.summary().costPerHour);
                if (i > 0) {
                    const BlastRadius &a = r.ranking[i - 1];
                    QVERIFY(a.down > b.down
                        || (a.down == b.down
                            && (a.costPerHour > b.costPerHour
                                || (a.costPerHour == b.costPerHour && a.component < b.component))));
                }
            }
        }
    }

    void blastRadiusSameOnAnyNumberOfThreads()
    {
        std::mt19937 rng(29);
        const Map map = randomMap(rng, 900);
        const ImpactGraph graph(map);
        const BlastRadiusReport one = blastRadius(map, graph, {{}, 1});
        const BlastRadiusReport three = blastRadius(map, graph, {{}, 3});
        QCOMPARE(three.ranking.size(), one.ranking.size());
        for (std::size_t i = 0; i < one.ranking.size(); ++i) {
            QCOMPARE(three.ranking[i].component, one.ranking[i].component);
            QCOMPARE(three.ranking[i].down, one.ranking[i].down);
            QCOMPARE(three.ranking[i].degraded, one.ranking[i].degraded);
            QCOMPARE(three.ranking[i].businessCostPerHour, one.ranking[i].businessCostPerHour);
        }
        const ProgressFn stopHalfway = [](int done, int total) {
            return done < total / 2;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, blastRadius(map, graph, {{}, 3}, stopHalfway));
    }

    void series()
    {
        const Map map = build({comp("app", 0.99), comp("db", 0.999), comp("zone", 0.9999)},
            {{"app", "db"}, {"db", "zone"}});
        const ImpactGraph graph(map);
        const ComponentIndex app = at(map, "app");
        QCOMPARE(ids(map, singlePointsOfFailure(graph, app).spof), (QStringList {"db", "zone"}));
        QCOMPARE(
            idSets(map, minimalCutSets(map, graph, app)), (QList<QStringList> {{"db"}, {"zone"}}));
        QVERIFY(
            std::abs(availability(map, graph, app).availability - 0.99 * 0.999 * 0.9999) < 1e-15);
    }

    void parallel()
    {
        const Map map = build({comp("svc"), comp("pool", {}, 1), comp("a", 0.9), comp("b", 0.8)},
            {{"svc", "pool"}, {"pool", "a"}, {"pool", "b"}});
        const ImpactGraph graph(map);
        const ComponentIndex svc = at(map, "svc");
        QCOMPARE(ids(map, singlePointsOfFailure(graph, svc).spof), (QStringList {"pool"}));
        QCOMPARE(idSets(map, minimalCutSets(map, graph, svc)),
            (QList<QStringList> {{"pool"}, {"a", "b"}}));
        QCOMPARE(
            idSets(map, minimalCutSets(map, graph, svc, {1})), (QList<QStringList> {{"pool"}}));
        const AvailabilityReport r = availability(map, graph, svc);
        QVERIFY(std::abs(r.unavailability - 0.1 * 0.2) < 1e-15);
        // Birnbaum of a: P(down | a failed) - P(down | a up) = q_b.
        QCOMPARE(int(r.contributors.size()), 2);
        for (const AvailabilityContributor &c : r.contributors) {
            const double other = c.component == at(map, "a") ? 0.2 : 0.1;
            QVERIFY(std::abs(c.birnbaum - other) < 1e-15);
            QVERIFY(std::abs(c.criticality - 1.0) < 1e-12); // both failed whenever it is down
        }
    }

    void twoOfThree()
    {
        const Map map = build({comp("g", {}, 2), comp("a", 0.9), comp("b", 0.9), comp("c", 0.9)},
            {{"g", "a"}, {"g", "b"}, {"g", "c"}});
        const ImpactGraph graph(map);
        const ComponentIndex g = at(map, "g");
        QVERIFY(singlePointsOfFailure(graph, g).spof.empty());
        QCOMPARE(idSets(map, minimalCutSets(map, graph, g)),
            (QList<QStringList> {{"a", "b"}, {"a", "c"}, {"b", "c"}}));
        const double p = 0.9, q = 0.1;
        QVERIFY(std::abs(availability(map, graph, g).availability - (p * p * p + 3 * p * p * q))
            < 1e-15);
    }

    void sharedDependency()
    {
        // Two replicas in one zone: the pool's redundancy is an illusion, the zone is a SPOF.
        const Map map = build({comp("zone", 0.99), comp("r1", 0.9, {}, "zone"),
                                  comp("r2", 0.9, {}, "zone"), comp("pool", {}, 1), comp("app")},
            {{"pool", "r1"}, {"pool", "r2"}, {"app", "pool"}});
        const ImpactGraph graph(map);
        const ComponentIndex app = at(map, "app");
        QCOMPARE(ids(map, singlePointsOfFailure(graph, app).spof), (QStringList {"zone", "pool"}));
        QCOMPARE(idSets(map, minimalCutSets(map, graph, app)),
            (QList<QStringList> {{"zone"}, {"pool"}, {"r1", "r2"}}));
        const double expected = 0.99 * (1 - 0.1 * 0.1);
        QVERIFY(std::abs(availability(map, graph, app).availability - expected) < 1e-15);
    }

    void cycleNeverHoldsItselfDown()
    {
        // a needs 1 of {b, y}; b needs a. Failing y alone leaves a up (b is up while a is);
        // failing b alone leaves a up on y.
        const Map map = build({comp("a", {}, 1), comp("b", 0.9), comp("y", 0.8)},
            {{"a", "b"}, {"a", "y"}, {"b", "a"}});
        const ImpactGraph graph(map);
        const ComponentIndex a = at(map, "a");
        QVERIFY(singlePointsOfFailure(graph, a).spof.empty());
        QCOMPARE(idSets(map, minimalCutSets(map, graph, a)), (QList<QStringList> {{"b", "y"}}));
        QVERIFY(std::abs(availability(map, graph, a).unavailability - 0.1 * 0.2) < 1e-15);
        // b's down function: b failed, or a down (y and b): just b.
        QCOMPARE(
            idSets(map, minimalCutSets(map, graph, at(map, "b"))), (QList<QStringList> {{"a"}}));
    }

    void parentAndRequireZero()
    {
        // A group requiring none of its members never goes down through them.
        const Map map = build({comp("region", 0.999), comp("svc", 0.99, {}, "region"),
                                  comp("opt", {}, 0), comp("x", 0.5)},
            {{"svc", "opt"}, {"opt", "x"}});
        const ImpactGraph graph(map);
        const ComponentIndex svc = at(map, "svc");
        QCOMPARE(ids(map, singlePointsOfFailure(graph, svc).spof), (QStringList {"region", "opt"}));
        QVERIFY(std::abs(availability(map, graph, svc).availability - 0.999 * 0.99) < 1e-15);
    }

    void targetWithoutDependencies()
    {
        const Map map = build({comp("lonely", 0.995), comp("other", 0.5)}, {});
        const ImpactGraph graph(map);
        const ComponentIndex t = at(map, "lonely");
        const SpofReport s = singlePointsOfFailure(graph, t);
        QVERIFY(s.spof.empty());
        QCOMPARE(s.coneSize, 1);
        QVERIFY(minimalCutSets(map, graph, t).cutSets.empty());
        const AvailabilityReport a = availability(map, graph, t);
        QCOMPARE(a.availability, 0.995);
        QCOMPARE(a.contributors.size(), std::size_t(1)); // itself
        // Without an availability a component never fails.
        const Map never = build({comp("x")}, {});
        const ImpactGraph neverGraph(never);
        QCOMPARE(availability(never, neverGraph, ComponentIndex(0)).availability, 1.0);
        QVERIFY(availability(never, neverGraph, ComponentIndex(0)).contributors.empty());
    }

    void emptyMap()
    {
        const Map map;
        const ImpactGraph graph(map);
        const BlastRadiusReport r = blastRadius(map, graph);
        QVERIFY(r.ranking.empty());
        QCOMPARE(r.totalBusinessCostPerHour, 0.0);
    }

    void blastRadiusKindAndConcentration()
    {
        Map map;
        auto add = [&](const char *id, const char *kind, const char *parent, double cost,
                       bool business) {
            Component c;
            c.id = QString::fromLatin1(id);
            c.kind = QString::fromLatin1(kind);
            c.parent = QString::fromLatin1(parent);
            if (cost > 0)
                c.costPerHour = cost;
            if (business)
                c.business = true;
            map.addComponent(c);
        };
        add("r1", "region", "", 0, false);
        add("r2", "region", "", 0, false);
        add("shop", "service", "r1", 300, true);
        add("api", "service", "r2", 100, true);
        add("batch", "service", "r2", 50, false);
        map.addDependency(
            {QStringLiteral("shop"), QStringLiteral("api"), DependencyType::Soft, {}, {}});
        validate(map);
        const ImpactGraph graph(map);
        const BlastRadiusReport r = blastRadius(map, graph, {QStringLiteral("region")});
        QCOMPARE(r.totalBusinessCostPerHour, 400.0);
        QCOMPARE(int(r.ranking.size()), 2);
        QCOMPARE(map.component(r.ranking[0].component).id, QStringLiteral("r2"));
        QCOMPARE(r.ranking[0].down, 2);
        QCOMPARE(r.ranking[0].degraded, 1); // shop, through its soft dependency
        QCOMPARE(r.ranking[0].costPerHour, 150.0);
        QCOMPARE(r.ranking[0].businessCostPerHour, 100.0);
        QCOMPARE(r.ranking[0].businessShare, 0.25);
        QCOMPARE(r.ranking[1].down, 1);
        QCOMPARE(r.ranking[1].businessShare, 0.75);
    }

    void progressAndCancel()
    {
        std::mt19937 rng(23);
        const Map map = randomMap(rng, 12);
        const ImpactGraph graph(map);
        int last = -1, total = -1;
        const ProgressFn record = [&](int done, int all) {
            if (done < last)
                return false; // never goes back
            last = done;
            total = all;
            return true;
        };
        blastRadius(map, graph, {}, record);
        QCOMPARE(last, total);
        QVERIFY(total >= 1 && total <= 12); // engine runs: components whose row is derived need none
        const ProgressFn stop = [](int, int) {
            return false;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, blastRadius(map, graph, {}, stop));
        QVERIFY_THROWS_EXCEPTION(Cancelled, singlePointsOfFailure(graph, ComponentIndex(0), stop));
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, minimalCutSets(map, graph, ComponentIndex(0), {}, stop));
        QVERIFY_THROWS_EXCEPTION(Cancelled, availability(map, graph, ComponentIndex(0), stop));
        try {
            availability(map, graph, ComponentIndex(0), stop);
        } catch (const Error &e) { // a faultline::Error, caught where the app catches them
            QVERIFY(!e.message().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
