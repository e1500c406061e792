// The recovery plan (model/recovery/recoveryplan.h): small maps with known plans, and random maps
// with cycles and k-of-n checked against a reference that simulates time minute by minute.
#include "maptestutil.h"

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/recovery/recoveryplan.h"

#include <QRandomGenerator>
#include <QTest>

using namespace faultline;
using namespace faultline::testutil;

namespace {

struct Planned
{
    Map map;
    ImpactResult impact;
    RecoveryPlan plan;
};

Planned planOf(const QString &text, const QString &fail, const QString &degrade = {})
{
    Planned p;
    p.map = parseMap(text);
    const ImpactGraph graph(p.map);
    p.impact = evaluateImpact(graph, resolveScenario(p.map, splitIds(fail), splitIds(degrade)));
    p.plan = recoveryPlan(p.map, graph, p.impact);
    return p;
}

QString idOf(const Map &map, ComponentIndex c)
{
    return map.component(c).id;
}

QString ids(const Map &map, const std::vector<ComponentIndex> &list)
{
    QStringList out;
    for (const ComponentIndex c : list)
        out.append(idOf(map, c));
    return out.join(u',');
}

QString time(const std::optional<double> &t)
{
    return t ? QString::number(*t) : QStringLiteral("never");
}

// Steps in plan order as "id start-back [waits]", e.g. "db 0-30 app 30-40[db]".
QString stepsOf(const Planned &p)
{
    QStringList out;
    for (const RecoveryStep &s : p.plan.steps) {
        QString text = idOf(p.map, s.component) + u' ' + time(s.start) + u'-' + time(s.back);
        if (!s.waitsFor.empty())
            text += u'[' + ids(p.map, s.waitsFor) + u']';
        out.append(text);
    }
    return out.join(u' ');
}

QString wavesOf(const Planned &p)
{
    QStringList out;
    for (const auto &wave : p.plan.waves)
        out.append(ids(p.map, wave));
    return out.join(u" | ");
}

// The reference: time goes minute by minute (RTOs are whole minutes). In each minute, until
// nothing changes: a waiting down component starts when its parent is not down or back and
// `require` of its hard dependencies are not down or back; a started one is back once its RTO
// has passed. A component that is not down works fully again at the first minute from which
// no down component that is not back yet reaches it through affected components.
struct Reference
{
    std::vector<int> start, back, recovered; // -1: never
};

Reference simulate(const Map &map, const ImpactGraph &graph, const ImpactResult &impact)
{
    const int n = graph.size();
    auto down = [&](int c) {
        return impact.state(ComponentIndex(c)) == State::Down;
    };
    int horizon = 1;
    for (const Component &c : map.components())
        horizon += int(c.rtoMinutes.value_or(0));
    Reference r;
    r.start.assign(n, -1);
    r.back.assign(n, -1);
    r.recovered.assign(n, -1);
    auto isBack = [&](int c) {
        return !down(c) || r.back[c] >= 0;
    };
    for (int t = 0; t <= horizon; ++t) {
        for (bool changed = true; changed;) {
            changed = false;
            for (int c = 0; c < n; ++c) {
                if (!down(c))
                    continue;
                if (r.start[c] < 0) {
                    const int p = graph.parent(c);
                    int hardBack = 0;
                    for (const ImpactGraph::Edge &e : graph.dependencies(c))
                        hardBack += e.hard && isBack(e.other) ? 1 : 0;
                    if ((p < 0 || isBack(p)) && hardBack >= graph.required(c)) {
                        r.start[c] = t;
                        changed = true;
                    }
                }
                const int rto = int(map.components()[c].rtoMinutes.value_or(0));
                if (r.start[c] >= 0 && r.back[c] < 0 && r.start[c] + rto <= t) {
                    r.back[c] = t;
                    changed = true;
                }
            }
        }
        // Still affected at t: spread from the down components that are not back.
        std::vector<char> affected(n, 0);
        std::vector<int> queue;
        for (int c = 0; c < n; ++c) {
            if (down(c) && r.back[c] < 0) {
                affected[c] = 1;
                queue.push_back(c);
            }
        }
        for (std::size_t i = 0; i < queue.size(); ++i) {
            auto spread = [&](int d) {
                if (!affected[d] && !down(d) && impact.state(ComponentIndex(d)) != State::Up) {
                    affected[d] = 1;
                    queue.push_back(d);
                }
            };
            for (const ImpactGraph::Edge &e : graph.dependents(queue[i]))
                spread(e.other);
            for (const std::int32_t child : graph.children(queue[i]))
                spread(child);
        }
        for (int c = 0; c < n; ++c) {
            if (r.recovered[c] < 0 && !down(c) && !affected[c])
                r.recovered[c] = t;
        }
    }
    return r;
}

// A random map: parents point to earlier components (no parent loops), dependencies anywhere
// (cycles), some pools requiring k of their hard dependencies, whole-minute RTOs, some missing.
Map randomMap(QRandomGenerator &random, int n)
{
    Map map;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        if (i > 0 && random.bounded(4) == 0)
            c.parent = QStringLiteral("c%1").arg(random.bounded(i));
        if (random.bounded(5) != 0)
            c.rtoMinutes = random.bounded(4) == 0 ? 0 : random.bounded(1, 30);
        if (random.bounded(4) == 0) {
            c.business = true;
            c.costPerHour = random.bounded(1, 100) * 100;
        }
        map.addComponent(c);
    }
    std::vector<int> hardCount(n, 0);
    const int edges = n + random.bounded(n * 2);
    for (int e = 0; e < edges; ++e) {
        const int from = random.bounded(n), to = random.bounded(n);
        const QString f = QStringLiteral("c%1").arg(from), t = QStringLiteral("c%1").arg(to);
        if (from == to || map.findDependency(f, t))
            continue;
        Dependency d;
        d.from = f;
        d.to = t;
        d.type = random.bounded(4) == 0 ? DependencyType::Soft : DependencyType::Hard;
        hardCount[from] += d.isHard() ? 1 : 0;
        map.addDependency(d);
    }
    for (int i = 0; i < n; ++i) {
        if (hardCount[i] >= 2 && random.bounded(2) == 0) {
            Component c = map.component(ComponentIndex(i));
            c.require = random.bounded(1, hardCount[i] + 1);
            map.setComponent(ComponentIndex(i), c);
        }
    }
    return map;
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private slots:
    void plans_data();
    void plans();
    void businessServicesAgainstTargets();
    void cyclesAreNamed();
    void dataAtRisk();
    void stepsThatStartTogetherPutBusinessCostFirst();
    void matchesMinuteByMinuteReference();
};

void TestRecovery::plans_data()
{
    QTest::addColumn<QString>("map");
    QTest::addColumn<QString>("fail");
    QTest::addColumn<QString>("degrade");
    QTest::addColumn<QString>("steps");
    QTest::addColumn<QString>("waves");

    QTest::newRow("chain") << "db rto=30; app rto=10 -> db; shop rto=5 -> app"
                           << "db"
                           << ""
                           << "db 0-30 app 30-40[db] shop 40-45[app]"
                           << "db | app | shop";
    // g needs 2 of 3: it starts when the second of them is back. No RTO: back at once.
    QTest::newRow("k of n") << "a rto=10; b rto=20; c rto=30; g require=2 -> a,b,c"
                            << "a,b,c"
                            << ""
                            << "a 0-10 b 0-20 c 0-30 g 20-20[a,b]"
                            << "a,b,c | g";
    // What never went down counts as back: s needs one of p, q; q is up.
    QTest::newRow("never down counts as back") << "p; q; s require=1 rto=7 -> p,q"
                                               << "p,s"
                                               << ""
                                               << "p 0-0 s 0-7"
                                               << "p,s";
    QTest::newRow("parent first") << "zone rto=10; vm parent=zone rto=2; app rto=1 -> vm"
                                  << "zone"
                                  << ""
                                  << "zone 0-10 vm 10-12[zone] app 12-13[vm]"
                                  << "zone | vm | app";
    // The parent and the dependency: it waits for the later of them.
    QTest::newRow("parent and dependency") << "zone rto=10; db rto=25; vm parent=zone rto=2 -> db"
                                           << "zone,db"
                                           << ""
                                           << "zone 0-10 db 0-25 vm 25-27[zone,db]"
                                           << "zone,db | vm";
    // Soft dependencies do not hold a start back.
    QTest::newRow("soft ignored") << "cache rto=50; api rto=5 ~> cache"
                                  << "cache,api"
                                  << ""
                                  << "cache 0-50 api 0-5"
                                  << "cache,api";
    QTest::newRow("cycle") << "a rto=5 -> b; b rto=5 -> a; c rto=1 -> a; d rto=2"
                           << "a,d"
                           << ""
                           << "d 0-2 a never-never[b] b never-never[a] c never-never[a]"
                           << "d";
    QTest::newRow("cycle broken by k of n") << "x rto=3; a rto=5 require=1 -> b,x; b rto=5 -> a"
                                            << "a,x"
                                            << ""
                                            << "x 0-3 a 3-8[x] b 8-13[a]"
                                            << "x | a | b";
    QTest::newRow("nothing down") << "a; b -> a"
                                  << ""
                                  << "a"
                                  << ""
                                  << "";
}

void TestRecovery::plans()
{
    QFETCH(QString, map);
    QFETCH(QString, fail);
    QFETCH(QString, degrade);
    const Planned p = planOf(map, fail, degrade);
    QTEST(stepsOf(p), "steps");
    QTEST(wavesOf(p), "waves");
}

void TestRecovery::businessServicesAgainstTargets()
{
    // shop is down and late; api is degraded (soft dependency on db) and on time; web is up.
    const Planned p =
        planOf("db rto=30; app rto=10 -> db; shop business=true target_rto=30 rto=5 -> app;"
               " api business=true target_rto=45 ~> db; web business=true target_rto=1;"
               " feed business=true -> app",
            "db");
    QCOMPARE(int(p.plan.business.size()), 4);
    const BusinessRecovery &shop = p.plan.business[0];
    QCOMPARE(idOf(p.map, shop.service), QStringLiteral("shop"));
    QCOMPARE(shop.back, std::optional<double>(45));
    QCOMPARE(shop.met, std::optional<bool>(false));
    QCOMPARE(ids(p.map, shop.criticalPath), QStringLiteral("shop,app,db"));
    const BusinessRecovery &api = p.plan.business[1];
    QCOMPARE(idOf(p.map, api.service), QStringLiteral("api"));
    QCOMPARE(api.back, std::optional<double>(30));
    QCOMPARE(api.met, std::optional<bool>(true));
    QCOMPARE(ids(p.map, api.criticalPath), QStringLiteral("api,db"));
    const BusinessRecovery &web = p.plan.business[2]; // up: back at once, target met
    QCOMPARE(idOf(p.map, web.service), QStringLiteral("web"));
    QVERIFY(web.state == State::Up);
    QCOMPARE(web.back, std::optional<double>(0));
    QCOMPARE(web.met, std::optional<bool>(true));
    QVERIFY(web.criticalPath.empty());
    const BusinessRecovery &feed = p.plan.business[3];
    QCOMPARE(feed.back, std::optional<double>(40)); // no RTO: back with app
    QVERIFY(!feed.met && !feed.targetRto);
    QCOMPARE(p.plan.allBack, std::optional<double>(45));

    // An at-risk service still serves: back at once, its redundancy restored with what it needs.
    const Planned pool =
        planOf("a rto=10; b; pool business=true target_rto=5 require=1 -> a,b", "a");
    const BusinessRecovery &r = pool.plan.business.front();
    QVERIFY(r.state == State::AtRisk);
    QCOMPARE(r.back, std::optional<double>(0));
    QCOMPARE(r.restored, std::optional<double>(10));
    QCOMPARE(r.met, std::optional<bool>(true));
    const RecoveryStep *step = p.plan.step(*p.map.findComponent(QStringLiteral("feed")));
    QVERIFY(step && step->rtoMissing && step->rto == 0);
    QVERIFY(!p.plan.step(*p.map.findComponent(QStringLiteral("db")))->rtoMissing);
}

void TestRecovery::cyclesAreNamed()
{
    const Planned p =
        planOf("a rto=5 -> b; b rto=5 -> c; c -> a; d rto=1 -> a; e -> f; f -> e; g", "a,e,g");
    QCOMPARE(ids(p.map, p.plan.unrecoverable), QStringLiteral("a,b,c,d,e,f"));
    QCOMPARE(int(p.plan.cycles.size()), 2);
    QCOMPARE(ids(p.map, p.plan.cycles[0]), QStringLiteral("a,b,c"));
    QCOMPARE(ids(p.map, p.plan.cycles[1]), QStringLiteral("e,f"));
    QVERIFY(!p.plan.allBack);
    QVERIFY(!p.plan.recovered[3]);
    QCOMPARE(p.plan.recovered[6], std::optional<double>(0));
}

void TestRecovery::dataAtRisk()
{
    const Planned p =
        planOf("db rto=30 rpo=15; app -> db; shop business=true target_rpo=5 -> app;"
               " report business=true ~> db; other business=true;"
               " logs rpo=1; pool require=1 -> db,logs; api business=true target_rpo=60 -> pool;"
               " cache rpo=2; ok business=true target_rpo=10 -> cache",
            "db,logs,cache");
    QCOMPARE(int(p.plan.dataAtRisk.size()), 3);
    const DataAtRisk &db = p.plan.dataAtRisk[0];
    QCOMPARE(idOf(p.map, db.component), QStringLiteral("db"));
    QCOMPARE(db.rpo, 15.0);
    QCOMPARE(ids(p.map, db.services), QStringLiteral("shop,report,api"));
    QCOMPARE(db.met, std::optional<bool>(false)); // shop accepts 5 minutes
    const DataAtRisk &logs = p.plan.dataAtRisk[1];
    QCOMPARE(ids(p.map, logs.services), QStringLiteral("api"));
    QCOMPARE(logs.met, std::optional<bool>(true));
    const DataAtRisk &cache = p.plan.dataAtRisk[2];
    QCOMPARE(ids(p.map, cache.services), QStringLiteral("ok"));
    QCOMPARE(cache.met, std::optional<bool>(true));

    // No service with a target: met says nothing.
    const Planned q = planOf("db rpo=5; shop business=true -> db", "db");
    QCOMPARE(int(q.plan.dataAtRisk.size()), 1);
    QVERIFY(!q.plan.dataAtRisk[0].met);
}

void TestRecovery::stepsThatStartTogetherPutBusinessCostFirst()
{
    const Planned p = planOf("a rto=5; b rto=5; c rto=5; cheap business=true cost=10 -> a;"
                             " dear business=true cost=1000 -> c; mid business=true cost=100 -> b",
        "a,b,c");
    QCOMPARE(stepsOf(p), QStringLiteral("c 0-5 b 0-5 a 0-5 dear 5-5[c] mid 5-5[b] cheap 5-5[a]"));
}

void TestRecovery::matchesMinuteByMinuteReference()
{
    QRandomGenerator random(20251020);
    int compared = 0, unrecoverable = 0, pools = 0;
    for (int round = 0; round < 400; ++round) {
        const Map map = randomMap(random, 5 + random.bounded(40));
        const ImpactGraph graph(map);
        QStringList fail, degrade;
        for (int k = random.bounded(1, 4); k > 0; --k)
            fail.append(QStringLiteral("c%1").arg(random.bounded(map.componentCount())));
        if (random.bounded(2) == 0)
            degrade.append(QStringLiteral("c%1").arg(random.bounded(map.componentCount())));
        fail.removeDuplicates();
        const ImpactResult impact = evaluateImpact(graph, resolveScenario(map, fail, degrade));
        const RecoveryPlan plan = recoveryPlan(map, graph, impact);
        const Reference ref = simulate(map, graph, impact);
        auto asTime = [](int t) {
            return t < 0 ? std::optional<double>() : std::optional<double>(t);
        };
        for (int c = 0; c < map.componentCount(); ++c) {
            const QString where =
                QStringLiteral("round %1, %2").arg(round).arg(map.components()[c].id);
            const RecoveryStep *step = plan.step(ComponentIndex(c));
            if (impact.state(ComponentIndex(c)) == State::Down) {
                QVERIFY2(step, qPrintable(where));
                QVERIFY2(step->start == asTime(ref.start[c]), qPrintable(where));
                QVERIFY2(step->back == asTime(ref.back[c]), qPrintable(where));
                QVERIFY2(plan.recovered[c] == asTime(ref.back[c]), qPrintable(where));
                unrecoverable += ref.back[c] < 0 ? 1 : 0;
                pools += graph.required(c) < graph.hardCount(c) ? 1 : 0;
                ++compared;
            } else {
                QVERIFY2(!step, qPrintable(where));
                QVERIFY2(plan.recovered[c] == asTime(ref.recovered[c]), qPrintable(where));
            }
        }
        // Steps by start; a wave waits only for earlier waves, and for the one before it.
        for (std::size_t i = 1; i < plan.steps.size(); ++i) {
            QVERIFY(plan.steps[i - 1].start.value_or(1e300) <= plan.steps[i].start.value_or(1e300));
        }
        for (const RecoveryStep &s : plan.steps) {
            if (s.wave < 0) {
                QVERIFY(!s.back);
                continue;
            }
            int latest = -1;
            double latestBack = 0;
            for (const ComponentIndex d : s.waitsFor) {
                latest = std::max(latest, plan.step(d)->wave);
                latestBack = std::max(latestBack, *plan.step(d)->back);
            }
            QCOMPARE(s.wave, latest + 1);
            if (!s.waitsFor.empty())
                QCOMPARE(latestBack, *s.start);
        }
        // Every component that never comes back waits, through others that never do, on a
        // named cycle.
        std::vector<char> inCycle(map.componentCount(), 0);
        for (const auto &cycle : plan.cycles) {
            for (const ComponentIndex c : cycle)
                inCycle[c.value] = 1;
        }
        for (const ComponentIndex c : plan.unrecoverable) {
            std::vector<char> seen(map.componentCount(), 0);
            std::vector<ComponentIndex> queue {c};
            bool reaches = false;
            for (std::size_t i = 0; i < queue.size() && !reaches; ++i) {
                reaches = inCycle[queue[i].value];
                for (const ComponentIndex d : plan.step(queue[i])->waitsFor) {
                    QVERIFY(!plan.step(d)->back);
                    if (!seen[d.value]) {
                        seen[d.value] = 1;
                        queue.push_back(d);
                    }
                }
            }
            QVERIFY2(reaches, qPrintable(map.component(c).id));
        }
    }
    // The random maps did exercise what they are for.
    QVERIFY2(compared > 2000, qPrintable(QString::number(compared)));
    QVERIFY2(unrecoverable > 100, qPrintable(QString::number(unrecoverable)));
    QVERIFY2(pools > 100, qPrintable(QString::number(pools)));
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
