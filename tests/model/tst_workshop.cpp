// What workshop mode adds to an impact (issue 14): the round in which each component reached its
// state, exposed components, and comparisons of two impacts. Focused cases of each edge, then
// all three against the independent reference implementation of DESIGN.md's rules
// (tests/tools/impact_reference.py) on random maps with cycles, k-of-n groups and parents.

#include "model/impact/cascade.h"
#include "model/impact/comparison.h"
#include "model/impact/engine.h"
#include "model/impact/exposure.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/compareformat.h"
#include "model/io/impactformat.h"
#include "model/io/interchange.h"
#include "model/map/validation.h"
#include "tests/model/maptestutil.h"
#include "tests/model/randommaps.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace faultline;
using namespace faultline::testutil;
using namespace Qt::StringLiterals;

namespace {

// "id=round" for every component that is not up, in map order.
QString describeRounds(const Map &map, const ImpactResult &r)
{
    QStringList out;
    for (ComponentIndex c : r.affected())
        out.append(QStringLiteral("%1=%2").arg(map.component(c).id).arg(r.round(c)));
    return out.join(u' ');
}

QString idsOf(const Map &map, const std::vector<ComponentIndex> &list)
{
    QStringList out;
    for (ComponentIndex c : list)
        out.append(map.component(c).id);
    return out.join(u',');
}

Scenario scenarioOf(const QString &fail, const QString &degrade = {})
{
    Scenario s;
    s.fail = splitIds(fail);
    s.degrade = splitIds(degrade);
    return s;
}

ComparedSide sideOf(const Map &map, const QString &fail, const QString &degrade = {})
{
    return {&map, scenarioOf(fail, degrade),
        evaluateImpact(ImpactGraph(map), scenario(map, fail, degrade))};
}

void setBusiness(Map &map, const QString &id)
{
    const ComponentIndex c = *map.findComponent(id);
    Component component = map.component(c);
    component.business = true;
    map.setComponent(c, component);
}

// A second version of `map`: some costs changed, dependencies dropped and added, a component
// removed (with its dependencies; its children lose their parent) and one added. Requires
// shrink where hard dependencies went away, so the version stays valid.
Map mutated(const Map &map, QRandomGenerator &rng)
{
    Map out = map;
    auto clampRequires = [&out] {
        for (int i = 0; i < out.componentCount(); ++i) {
            Component c = out.component(ComponentIndex(i));
            if (!c.require)
                continue;
            int hard = 0;
            for (const Dependency &d : out.dependencies())
                hard += d.from == c.id && d.isHard() ? 1 : 0;
            if (*c.require > hard) {
                c.require = hard;
                out.setComponent(ComponentIndex(i), c);
            }
        }
    };
    for (int i = 0; i < out.componentCount(); ++i) {
        if (rng.generateDouble() < 0.15) {
            Component c = out.component(ComponentIndex(i));
            c.costPerHour = double(rng.bounded(100));
            out.setComponent(ComponentIndex(i), c);
        }
    }
    for (int i = out.dependencyCount() - 1; i >= 0; --i) {
        if (rng.generateDouble() < 0.1)
            out.removeDependency(DependencyIndex(i));
    }
    const int n = out.componentCount();
    for (int k = 0; k < 2 && n > 1; ++k) {
        const QString from = out.component(ComponentIndex(int(rng.bounded(n)))).id;
        const QString to = out.component(ComponentIndex(int(rng.bounded(n)))).id;
        if (from != to && !out.findDependency(from, to))
            out.addDependency({from, to,
                rng.generateDouble() < 0.7 ? DependencyType::Hard : DependencyType::Soft, {}, {}});
    }
    if (n > 2 && rng.generateDouble() < 0.6) {
        const ComponentIndex gone(int(rng.bounded(n)));
        const QString id = out.component(gone).id;
        for (int i = out.dependencyCount() - 1; i >= 0; --i) {
            const Dependency &d = out.dependency(DependencyIndex(i));
            if (d.from == id || d.to == id)
                out.removeDependency(DependencyIndex(i));
        }
        for (int i = 0; i < out.componentCount(); ++i) {
            Component c = out.component(ComponentIndex(i));
            if (c.parent == id) {
                c.parent.clear();
                out.setComponent(ComponentIndex(i), c);
            }
        }
        out.removeComponent(gone);
    }
    if (rng.generateDouble() < 0.6) {
        Component added;
        added.id = QStringLiteral("new%1").arg(rng.bounded(1000));
        if (!out.findComponent(added.id)) {
            const QString on =
                out.component(ComponentIndex(int(rng.bounded(out.componentCount())))).id;
            out.insertComponent(ComponentIndex(int(rng.bounded(out.componentCount() + 1))), added);
            out.addDependency({added.id, on, DependencyType::Hard, {}, {}});
            out.addDependency({on, added.id, DependencyType::Soft, {}, {}});
        }
    }
    clampRequires();
    return out;
}

QJsonObject documentOf(const Map &map)
{
    return QJsonDocument::fromJson(interchange::write(map)).object();
}

QJsonObject sideRequest(const Map &map, const Scenario &s)
{
    return {{u"map"_s, documentOf(map)}, {u"fail"_s, QJsonArray::fromStringList(s.fail)},
        {u"degrade"_s, QJsonArray::fromStringList(s.degrade)}};
}

} // namespace

class TestWorkshop : public QObject
{
    Q_OBJECT

private slots:
    void rounds_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("fail");
        QTest::addColumn<QString>("degrade");
        QTest::addColumn<QString>("expected");
        QTest::newRow("chain") << "a; b -> a; c -> b"
                               << "a"
                               << ""
                               << "a=0 b=1 c=2";
        QTest::newRow("parent") << "z; s parent=z; t parent=s"
                                << "z"
                                << ""
                                << "z=0 s=1 t=2";
        QTest::newRow("impaired") << "a; b -> a; c ~> a"
                                  << ""
                                  << "a"
                                  << "a=0 b=1 c=1";
        // The scenario impairs b, which then goes down: its final state came in round 1.
        QTest::newRow("impaired then down") << "a; b -> a"
                                            << "a"
                                            << "b"
                                            << "a=0 b=1";
        // c degrades in round 1 (soft on b) and goes down in round 2 (through x).
        QTest::newRow("degraded then down") << "a; x -> a; b; c -> x ~> b"
                                            << "a"
                                            << "b"
                                            << "a=0 x=1 b=0 c=2";
        QTest::newRow("spent redundancy") << "x; y; g require=1 -> x,y; s -> g"
                                          << "x"
                                          << ""
                                          << "x=0 g=1";
        QTest::newRow("cycle") << "a; b -> a,c; c -> b"
                               << "a"
                               << ""
                               << "a=0 b=1 c=2";
        QTest::newRow("failed twice over") << "a; b -> a"
                                           << "a,b"
                                           << ""
                                           << "a=0 b=0";
        QTest::newRow("nothing") << "a; b -> a"
                                 << ""
                                 << ""
                                 << "";
    }

    void rounds()
    {
        QFETCH(QString, map);
        QFETCH(QString, fail);
        QFETCH(QString, degrade);
        QFETCH(QString, expected);
        const Map m = parseMap(map);
        const ImpactGraph graph(m);
        const ImpactResult r = evaluateImpact(graph, scenario(m, fail, degrade));
        QCOMPARE(describeRounds(m, r), expected);
        // Up components have no round; the engine answers as its result does.
        ImpactEngine engine(graph);
        engine.run(scenario(m, fail, degrade));
        int last = -1;
        for (int i = 0; i < m.componentCount(); ++i) {
            const ComponentIndex c(i);
            QCOMPARE(engine.round(c), r.round(c));
            if (r.state(c) == State::Up)
                QCOMPARE(r.round(c), -1);
            last = std::max(last, r.round(c));
        }
        QCOMPARE(r.lastRound(), last);
    }

    void exposed_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("fail");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("via");
        const QString pool = QStringLiteral("x; y; g require=1 -> x,y; ");
        QTest::newRow("hard dependent") << pool + "shop -> g"
                                        << "x"
                                        << "shop"
                                        << "g";
        QTest::newRow("soft only") << pool + "shop ~> g"
                                   << "x"
                                   << ""
                                   << "";
        QTest::newRow("child") << pool + "vm parent=g"
                               << "x"
                               << "vm"
                               << "g";
        QTest::newRow("transitive") << pool + "api -> g; shop -> api"
                                    << "x"
                                    << "api,shop"
                                    << "g,g";
        QTest::newRow("dependency's parent") << pool + "vm parent=g; shop -> vm"
                                             << "x"
                                             << "vm,shop"
                                             << "g,g";
        QTest::newRow("cycle") << pool + "a -> g,b; b -> a"
                               << "x"
                               << "a,b"
                               << "g,g";
        QTest::newRow("soft then hard") << pool + "api ~> g; shop -> api"
                                        << "x"
                                        << ""
                                        << "";
        // The nearest at-risk component is named.
        QTest::newRow("nearest") << pool + "p; q; h require=1 -> p,q; api -> g; shop -> api,h"
                                 << "x,p"
                                 << "api,shop"
                                 << "g,h";
        QTest::newRow("nothing at risk") << pool + "shop -> g"
                                         << "x,y"
                                         << ""
                                         << "";
        QTest::newRow("down is not exposed") << pool + "shop -> g,x"
                                             << "x"
                                             << ""
                                             << "";
    }

    void exposed()
    {
        QFETCH(QString, map);
        QFETCH(QString, fail);
        QFETCH(QString, expected);
        QFETCH(QString, via);
        const Map m = parseMap(map);
        const ImpactGraph graph(m);
        const ImpactResult r = evaluateImpact(graph, scenario(m, fail));
        const Exposure exposure(graph, r);
        QCOMPARE(idsOf(m, exposure.exposed()), expected);
        QCOMPARE(exposure.count(), int(exposure.exposed().size()));
        std::vector<ComponentIndex> through;
        for (ComponentIndex c : exposure.exposed()) {
            QVERIFY(exposure.isExposed(c));
            QVERIFY(r.state(c) == State::Up);
            QVERIFY(r.state(exposure.via(c)) == State::AtRisk);
            through.push_back(exposure.via(c));
        }
        QCOMPARE(idsOf(m, through), via);
    }

    void compareTwoScenarios()
    {
        Map m = parseMap("x; y; g require=1 -> x,y; shop cost=10 -> g; mail; z cost=5 -> y");
        setBusiness(m, QStringLiteral("shop"));
        const ComparedSide a = sideOf(m, QStringLiteral("x"));
        const ComparedSide b = sideOf(m, QStringLiteral("x,y"), QStringLiteral("mail"));
        const Comparison c = compareImpacts(a, b);
        QStringList rows;
        for (const Comparison::Row &row : c.components)
            rows.append(QStringLiteral("%1:%2>%3%4")
                            .arg(row.id, toString(row.a), toString(row.b),
                                row.worse() ? QStringLiteral("+") : QStringLiteral("-")));
        QCOMPARE(rows.join(u' '),
            QStringLiteral("y:up>down+ g:at-risk>down+ shop:up>down+ mail:up>degraded+ "
                           "z:up>down+"));
        QVERIFY(c.added.isEmpty() && c.removed.isEmpty() && c.changed.isEmpty());
        QCOMPARE(c.a.exposed, 1);
        QCOMPARE(c.a.exposedBusiness, QStringList {QStringLiteral("shop")});
        QCOMPARE(c.b.exposed, 0);
        QCOMPARE(c.b.exposedBusiness, QStringList {});
        QCOMPARE(c.b.summary.costPerHour, 15.0);

        // Swapped, every difference is the other way round: better.
        const Comparison back = compareImpacts(b, a);
        QCOMPARE(back.components.size(), c.components.size());
        for (const Comparison::Row &row : back.components)
            QVERIFY(!row.worse());

        // The CSV: one row per difference, worse or better, nothing about the map.
        const QString csv = QString::fromUtf8(compareformat::csv(c, a, b));
        QVERIFY2(csv.startsWith(QStringLiteral("id,name,a,b,change,map\r\ny,y,up,down,worse,\r\n")),
            qPrintable(csv));
        QCOMPARE(csv.count(QStringLiteral("\r\n")), 6);
        const QString text = QString::fromUtf8(compareformat::text(c, a, b, u"m"_s, u"m"_s));
        QVERIFY2(text.contains(QStringLiteral("Exposed business services: A: shop; B: none")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Worse in B (5)")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Map changes")));
    }

    void compareTwoVersions()
    {
        const Map before = parseMap("zone; db parent=zone cost=9; cache; app -> db ~> cache; "
                                    "old -> app; keep");
        Map after = parseMap("zone; fresh; db parent=zone cost=9; cache; app -> db,fresh; keep");
        // app's dependencies changed (cache went, fresh came); db's cost did not change; old was
        // removed and fresh added.
        const ComparedSide a = sideOf(before, QStringLiteral("zone"));
        const ComparedSide b = sideOf(after, QStringLiteral("zone"));
        Comparison c = compareImpacts(a, b);
        QCOMPARE(c.added, QStringList {QStringLiteral("fresh")});
        QCOMPARE(c.removed, QStringList {QStringLiteral("old")});
        QCOMPARE(c.changed, QStringList {QStringLiteral("app")});
        // old was down in A, but is not in B: only components in both maps are compared.
        QVERIFY(c.components.empty());

        // A changed property and a relabelled dependency count as changes; order is B's.
        Component cache = after.component(*after.findComponent(QStringLiteral("cache")));
        cache.owner = QStringLiteral("team");
        after.setComponent(*after.findComponent(QStringLiteral("cache")), cache);
        Map relabelled = before;
        Dependency d = relabelled.dependency(*relabelled.findDependency(u"old"_s, u"app"_s));
        d.label = QStringLiteral("HTTP");
        relabelled.setDependency(*relabelled.findDependency(u"old"_s, u"app"_s), d);
        c = compareImpacts(a, sideOf(after, QStringLiteral("zone")));
        QCOMPARE(c.changed, (QStringList {QStringLiteral("cache"), QStringLiteral("app")}));
        c = compareImpacts(a, sideOf(relabelled, QStringLiteral("zone")));
        QCOMPARE(c.changed, QStringList {QStringLiteral("old")});

        const ComparedSide b2 = sideOf(after, QStringLiteral("zone"));
        c = compareImpacts(a, b2);
        const QString csv = QString::fromUtf8(compareformat::csv(c, a, b2));
        QVERIFY2(csv.contains(QStringLiteral("\r\nfresh,fresh,,up,,added\r\n")), qPrintable(csv));
        QVERIFY2(csv.endsWith(QStringLiteral("\r\nold,old,down,,,removed\r\n")), qPrintable(csv));
        const QString text = QString::fromUtf8(compareformat::text(c, a, b2, u"v1"_s, u"v2"_s));
        QVERIFY2(text.contains(QStringLiteral("Map changes: 1 added, 1 removed, 2 changed")),
            qPrintable(text));
    }

    // Presenter mode's steps: step k is the result with every component whose round is above
    // k still up, its tally counts what is shown, and the last step is the whole result.
    void cascadeStepsAreTheRounds()
    {
        QRandomGenerator rng(20261207);
        for (int iteration = 0; iteration < 300; ++iteration) {
            Map m = parseMap(randomMap(rng, 14, 0.3));
            for (int i = 0; i < m.componentCount(); ++i) {
                if (rng.generateDouble() < 0.3)
                    setBusiness(m, m.component(ComponentIndex(i)).id);
            }
            Scenario s;
            s.fail.append(m.component(ComponentIndex(int(rng.bounded(m.componentCount())))).id);
            const ImpactGraph graph(m);
            const ImpactResult r = evaluateImpact(graph, resolveScenario(m, s));
            const Cascade cascade(m, graph, r);
            QCOMPARE(cascade.lastStep(), std::max(0, r.lastRound()));
            std::vector<ComponentIndex> exposedBefore;
            for (int k = 0; k <= cascade.lastStep(); ++k) {
                const Cascade::Step step = cascade.step(k);
                QCOMPARE(step.index, k);
                ImpactSummary tally;
                std::vector<ComponentIndex> reached;
                for (int c = 0; c < m.componentCount(); ++c) {
                    const ComponentIndex i(c);
                    const bool shown = r.round(i) >= 0 && r.round(i) <= k;
                    QCOMPARE(toString(step.states[c]), toString(shown ? r.state(i) : State::Up));
                    if (r.round(i) == k)
                        reached.push_back(i);
                    tally.down += step.states[c] == State::Down ? 1 : 0;
                    tally.degraded += step.states[c] == State::Degraded ? 1 : 0;
                    tally.atRisk += step.states[c] == State::AtRisk ? 1 : 0;
                    if (step.states[c] == State::Down)
                        tally.costPerHour += graph.costPerHour(c);
                }
                QCOMPARE(idsOf(m, step.reached), idsOf(m, reached));
                QCOMPARE(step.summary.down, tally.down);
                QCOMPARE(step.summary.degraded, tally.degraded);
                QCOMPARE(step.summary.atRisk, tally.atRisk);
                QCOMPARE(step.summary.costPerHour, tally.costPerHour);
                const ImpactResult shownResult(
                    step.states, std::vector<std::int32_t>(step.states.size(), -1), {});
                std::vector<ComponentIndex> exposed;
                for (ComponentIndex c : Exposure(graph, shownResult).exposed()) {
                    if (m.component(c).isBusiness())
                        exposed.push_back(c);
                }
                QCOMPARE(idsOf(m, step.exposedBusiness), idsOf(m, exposed));
                std::vector<ComponentIndex> fresh;
                for (ComponentIndex c : exposed) {
                    if (std::find(exposedBefore.begin(), exposedBefore.end(), c)
                        == exposedBefore.end())
                        fresh.push_back(c);
                }
                QCOMPARE(idsOf(m, step.newlyExposedBusiness), idsOf(m, fresh));
                exposedBefore = exposed;
            }
            const Cascade::Step last = cascade.step(cascade.lastStep() + 5);
            QCOMPARE(last.index, cascade.lastStep());
            QVERIFY(last.states == r.states());
            QCOMPARE(last.summary.down, r.summary().down);
            QCOMPARE(last.summary.degraded, r.summary().degraded);
            QCOMPARE(last.summary.atRisk, r.summary().atRisk);
            QVERIFY(qFuzzyCompare(1 + last.summary.costPerHour, 1 + r.summary().costPerHour));
        }
    }

    // Rounds and exposed components (through impact's JSON) and comparisons (through compare's
    // JSON), against the reference implementation, all in one run of it.
    void randomMapsMatchReference()
    {
        QRandomGenerator rng(20261206);
        QJsonArray impacts, compares;
        std::vector<QJsonObject> oursImpact, oursCompare;
        std::vector<QString> where;
        for (int iteration = 0; iteration < 500; ++iteration) {
            const bool large = iteration >= 400;
            const QString text = large ? randomMap(rng, 40, 0.08) : randomMap(rng, 12, 0.3);
            Map m = parseMap(text);
            for (int i = 0; i < m.componentCount(); ++i) {
                if (rng.generateDouble() < 0.3)
                    setBusiness(m, m.component(ComponentIndex(i)).id);
            }
            QVERIFY2(!validationError(m), qPrintable(text));
            const Map next = mutated(m, rng);
            QVERIFY2(!validationError(next),
                qPrintable(text + u" mutated: "_s + validationError(next).value_or(QString())));
            const ImpactGraph graph(m);
            auto randomScenario = [&rng](const Map &in, const Map &also) {
                Scenario s;
                for (const Component &c : in.components()) {
                    if (!also.findComponent(c.id))
                        continue;
                    const double roll = rng.generateDouble();
                    if (roll < 0.12)
                        s.fail.append(c.id);
                    else if (roll < 0.2)
                        s.degrade.append(c.id);
                }
                return s;
            };
            for (int k = 0; k < 3; ++k) {
                // One single failure per map: sparse scenarios leave most at-risk components'
                // dependents up, which is where exposure shows.
                Scenario s = randomScenario(m, m);
                if (k == 0) {
                    s = {};
                    s.fail.append(
                        m.component(ComponentIndex(int(rng.bounded(m.componentCount())))).id);
                }
                const ImpactResult r = evaluateImpact(graph, resolveScenario(m, s));
                impacts.append(sideRequest(m, s));
                oursImpact.push_back(QJsonDocument::fromJson(impactformat::json(m, r, s)).object());
                where.push_back(QStringLiteral("map \"%1\" fail \"%2\" degrade \"%3\"")
                                    .arg(text, s.fail.join(u','), s.degrade.join(u',')));
            }
            // Two scenarios on one map, then one scenario on two versions.
            const Scenario sa = randomScenario(m, m);
            const Scenario sb = randomScenario(m, m);
            const ComparedSide a {&m, sa, evaluateImpact(graph, resolveScenario(m, sa))};
            const ComparedSide b {&m, sb, evaluateImpact(graph, resolveScenario(m, sb))};
            compares.append(
                QJsonObject {{u"a"_s, sideRequest(m, sa)}, {u"b"_s, sideRequest(m, sb)}});
            oursCompare.push_back(
                QJsonDocument::fromJson(compareformat::json(compareImpacts(a, b), a, b)).object());
            const Scenario both = randomScenario(m, next);
            const ComparedSide older {&m, both, evaluateImpact(graph, resolveScenario(m, both))};
            const ComparedSide newer {
                &next, both, evaluateImpact(ImpactGraph(next), resolveScenario(next, both))};
            compares.append(
                QJsonObject {{u"a"_s, sideRequest(m, both)}, {u"b"_s, sideRequest(next, both)}});
            oursCompare.push_back(QJsonDocument::fromJson(
                compareformat::json(compareImpacts(older, newer), older, newer))
                                      .object());
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile runs(dir.filePath(QStringLiteral("runs.json")));
        QVERIFY(runs.open(QIODevice::WriteOnly));
        runs.write(QJsonDocument(QJsonObject {{u"impact"_s, impacts}, {u"compare"_s, compares}})
                       .toJson(QJsonDocument::Compact));
        runs.close();
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!python.isEmpty(), "python3 is missing: packaging/install-deps.sh installs it");
        QProcess p;
        p.start(python,
            {QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/tools/impact_reference.py"),
                QStringLiteral("--batch"), runs.fileName()});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject answers = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonArray expectedImpacts = answers.value(u"impact").toArray();
        const QJsonArray expectedCompares = answers.value(u"compare").toArray();
        QCOMPARE(expectedImpacts.size(), qsizetype(oursImpact.size()));
        QCOMPARE(expectedCompares.size(), qsizetype(oursCompare.size()));

        int exposedSeen = 0, laterRounds = 0, differing = 0, mapChanges = 0;
        for (std::size_t i = 0; i < oursImpact.size(); ++i) {
            QJsonObject expected = expectedImpacts[qsizetype(i)].toObject();
            expected.remove(u"business"); // the reference's own extras
            expected.remove(u"states");
            QVERIFY2(oursImpact[i] == expected,
                qPrintable(where[i] + u"\n   ours:      "_s
                    + QString::fromUtf8(QJsonDocument(oursImpact[i]).toJson(QJsonDocument::Compact))
                    + u"\n   reference: "_s
                    + QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact))));
            exposedSeen += expected.value(u"exposed").toArray().isEmpty() ? 0 : 1;
            for (const QJsonValue &c : expected.value(u"components").toArray())
                laterRounds += c[u"round"].toInt() > 1 ? 1 : 0;
        }
        for (std::size_t i = 0; i < oursCompare.size(); ++i) {
            const QJsonObject expected = expectedCompares[qsizetype(i)].toObject();
            QVERIFY2(oursCompare[i] == expected,
                qPrintable(u"compare "_s
                    + QString::fromUtf8(QJsonDocument(compares[qsizetype(i)].toObject())
                                            .toJson(QJsonDocument::Compact))
                    + u"\n   ours:      "_s
                    + QString::fromUtf8(
                        QJsonDocument(oursCompare[i]).toJson(QJsonDocument::Compact))
                    + u"\n   reference: "_s
                    + QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact))));
            differing += expected.value(u"components").toArray().isEmpty() ? 0 : 1;
            mapChanges += expected.value(u"changed").toArray().size()
                + expected.value(u"added").toArray().size()
                + expected.value(u"removed").toArray().size();
        }
        qInfo("%d scenarios with exposed components, %d components in rounds after 1, %d "
              "comparisons with differences, %d map changes",
            exposedSeen, laterRounds, differing, mapChanges);
        // The random maps exercise what is checked.
        QVERIFY2(exposedSeen > 30, qPrintable(QString::number(exposedSeen)));
        QVERIFY2(laterRounds > 200, qPrintable(QString::number(laterRounds)));
        QVERIFY2(differing > 200, qPrintable(QString::number(differing)));
        QVERIFY2(mapChanges > 300, qPrintable(QString::number(mapChanges)));
    }
};

QTEST_GUILESS_MAIN(TestWorkshop)
#include "tst_workshop.moc"
