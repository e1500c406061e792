// Blast radius on long chains (issue 17, item 8): a component whose whole effect is to take one
// other down gets its row from that one's instead of an engine run. These check the derived
// rows against the engine on maps made of chains (with cycles, parents, soft dependencies,
// pools and kind filters, where the shortcut must not apply), and that a 100,000-long chain
// takes linear time.
#include "model/analysis/blastradius.h"
#include "model/impact/engine.h"
#include "model/map/validation.h"

#include <QElapsedTimer>
#include <QTest>

#include <random>

using namespace faultline;

namespace {

QString id(int i)
{
    return QStringLiteral("c%1").arg(i);
}

// Mostly chains: each component needs one or two of the few before it, hard or soft, now and
// then back up the chain (a cycle), some inside a parent, some pools.
Map chainyMap(std::mt19937 &rng, int n)
{
    auto chance = [&](double p) {
        return std::uniform_real_distribution<double>(0, 1)(rng) < p;
    };
    auto pick = [&](int below) {
        return std::uniform_int_distribution<int>(0, below - 1)(rng);
    };
    static const char *const kinds[] = {"service", "zone", "database"};
    Map map;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = id(i);
        c.kind = QString::fromLatin1(kinds[pick(3)]);
        if (i > 0 && chance(0.15))
            c.parent = id(i - 1 - pick(std::min(i, 3)));
        if (chance(0.6))
            c.costPerHour = double(1 + pick(1000)) / 7.0;
        c.business = chance(0.3);
        map.addComponent(c);
    }
    std::vector<int> hard(std::size_t(n), 0);
    for (int i = 1; i < n; ++i) {
        const int count = chance(0.8) ? 1 : 2;
        for (int t = 0; t < count; ++t) {
            const int j = chance(0.05) ? i + 1 + pick(3) : i - 1 - pick(std::min(i, 3));
            if (j >= n || map.findDependency(id(i), id(j)))
                continue;
            const Dependency d {
                id(i), id(j), chance(0.85) ? DependencyType::Hard : DependencyType::Soft, {}, {}};
            hard[std::size_t(i)] += d.isHard() ? 1 : 0;
            map.addDependency(d);
        }
    }
    for (int i = 0; i < n; ++i) {
        if (hard[std::size_t(i)] > 1 && chance(0.3)) {
            Component c = map.components()[i];
            c.require = 1;
            map.setComponent(ComponentIndex(i), c);
        }
    }
    validate(map);
    return map;
}

void compareWithEngine(const Map &map, const ImpactGraph &graph, const BlastRadiusReport &r)
{
    double total = 0.0;
    for (const Component &c : map.components())
        total += c.isBusiness() ? c.costPerHour.value_or(0.0) : 0.0;
    for (const BlastRadius &b : r.ranking) {
        const ImpactResult e = evaluateImpact(graph, {{b.component}, {}});
        QCOMPARE(b.down, e.summary().down - 1);
        QCOMPARE(b.degraded, e.summary().degraded);
        QCOMPARE(b.costPerHour, e.summary().costPerHour); // qFuzzyCompare: sums in other orders
        double business = 0.0;
        for (ComponentIndex c : e.affected()) {
            const Component &m = map.components()[c.value];
            if (e.state(c) == State::Down && m.isBusiness())
                business += m.costPerHour.value_or(0.0);
        }
        QVERIFY(qAbs(b.businessCostPerHour - business) <= 1e-9 * (1.0 + business));
        QVERIFY(qAbs(b.businessShare - (total > 0 ? business / total : 0.0)) <= 1e-12);
    }
}

Map chain(int n)
{
    Map map;
    map.reserve(n, n);
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = id(i);
        c.costPerHour = 1.0;
        map.addComponent(c);
    }
    for (int i = 1; i < n; ++i)
        map.addDependency({id(i), id(i - 1), DependencyType::Hard, {}, {}});
    return map;
}

} // namespace

class TestBlastRadius : public QObject
{
    Q_OBJECT

private slots:
    void chainsMatchEngine()
    {
        std::mt19937 rng(1717);
        for (int round = 0; round < 300; ++round) {
            const Map map = chainyMap(rng, 2 + round % 40);
            const ImpactGraph graph(map);
            const BlastRadiusReport all = blastRadius(map, graph);
            QCOMPARE(int(all.ranking.size()), map.componentCount());
            compareWithEngine(map, graph, all);
            // Only some kinds failed: the chains still run through the others.
            const BlastRadiusReport zones = blastRadius(map, graph, {QStringLiteral("zone")});
            for (const BlastRadius &b : zones.ranking)
                QCOMPARE(map.components()[b.component.value].kind, QStringLiteral("zone"));
            compareWithEngine(map, graph, zones);
        }
    }

    void cycleIsNotShortened()
    {
        // a <-> b, and c needs b: a's only dependent is b, but b's failure takes a down too,
        // so a's row is not b's plus a.
        Map map;
        for (const char *name : {"a", "b", "c"}) {
            Component c;
            c.id = QString::fromLatin1(name);
            c.costPerHour = 10.0;
            map.addComponent(c);
        }
        map.addDependency({QStringLiteral("b"), QStringLiteral("a"), DependencyType::Hard, {}, {}});
        map.addDependency({QStringLiteral("a"), QStringLiteral("b"), DependencyType::Hard, {}, {}});
        map.addDependency({QStringLiteral("c"), QStringLiteral("b"), DependencyType::Hard, {}, {}});
        const ImpactGraph graph(map);
        const BlastRadiusReport r = blastRadius(map, graph);
        QCOMPARE(int(r.ranking.size()), 3);
        for (int i : {0, 1}) { // a and b, each taking the other and c down
            QCOMPARE(r.ranking[i].down, 2);
            QCOMPARE(r.ranking[i].costPerHour, 30.0);
        }
        QCOMPARE(r.ranking[2].component, ComponentIndex(2));
        QCOMPARE(r.ranking[2].down, 0);
    }

    void longChainIsLinear()
    {
        // 100,000 levels: an engine run per component walked the rest of the chain (1.1 s at
        // 10,000, so about two minutes here); the derived rows take milliseconds.
        const int n = 100'000;
        const Map map = chain(n);
        const ImpactGraph graph(map);
        QElapsedTimer timer;
        timer.start();
        const BlastRadiusReport r = blastRadius(map, graph);
        const qint64 ms = timer.elapsed();
        QCOMPARE(int(r.ranking.size()), n);
        QCOMPARE(r.ranking.front().component, ComponentIndex(0));
        QCOMPARE(r.ranking.front().down, n - 1);
        QCOMPARE(r.ranking.front().costPerHour, double(n));
        QCOMPARE(r.ranking.back().down, 0);
        QVERIFY2(ms < 20'000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }
};

QTEST_GUILESS_MAIN(TestBlastRadius)
#include "tst_blastradius.moc"
