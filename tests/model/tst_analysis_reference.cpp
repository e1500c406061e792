// The analyses on coherent fault trees of the Aralia benchmark set, converted to maps
// (tests/data/fault-trees/README.md): minimal cut set counts by order (three trees) and the
// top event's probability (all eight) must match the published results, which SCRAM's BDD
// engine confirms.
#include "model/analysis/analyses.h"
#include "model/impact/engine.h"
#include "model/io/interchange.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>

using namespace faultline;

namespace {

QString treePath(const QString &name)
{
    return QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/fault-trees/%1.json")
        .arg(name);
}

} // namespace

class TestAnalysisReference : public QObject
{
    Q_OBJECT

private slots:
    void cutSetCounts_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QList<int>>("counts"); // by order 1, 2, 3, ...
        QTest::newRow("chinese") << QStringLiteral("chinese")
                                 << QList<int> {0, 12, 0, 24, 188, 168};
        QTest::newRow("baobab2") << QStringLiteral("baobab2")
                                 << QList<int> {0, 6, 121, 268, 630, 3780};
        QTest::newRow("isp9605") << QStringLiteral("isp9605")
                                 << QList<int> {0, 0, 13, 88, 462, 27, 5040};
    }

    void cutSetCounts()
    {
        QFETCH(QString, tree);
        QFETCH(QList<int>, counts);
        const Map map = interchange::readFile(treePath(tree));
        const ImpactGraph graph(map);
        const ComponentIndex top = *map.findComponent(QStringLiteral("g:r1"));
        QElapsedTimer timer;
        timer.start();
        const CutSetReport r = minimalCutSets(map, graph, top, {int(counts.size()), true});
        const std::vector<int> got = r.countByOrder();
        QCOMPARE(QList<int>(got.begin(), got.end()), counts);
        qInfo("%s: %d sets to order %d in %lld ms", qPrintable(tree), int(r.cutSets.size()),
            int(counts.size()), timer.elapsed());

        // Every set of order <= 4 takes the top event down on the engine, and no set without
        // one of its members does.
        ImpactEngine engine(graph);
        for (const auto &set : r.cutSets) {
            if (set.size() > 4)
                continue;
            engine.run(set);
            QVERIFY(engine.state(top) == State::Down);
            for (std::size_t drop = 0; drop < set.size(); ++drop) {
                std::vector<ComponentIndex> fewer = set;
                fewer.erase(fewer.begin() + std::ptrdiff_t(drop));
                engine.run(fewer);
                QVERIFY(engine.state(top) != State::Down);
            }
        }
    }

    void topEventProbability_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<double>("published");
        QTest::newRow("chinese") << QStringLiteral("chinese") << 0.0011705818107586692;
        QTest::newRow("baobab2") << QStringLiteral("baobab2") << 0.000713018259790331;
        QTest::newRow("isp9605") << QStringLiteral("isp9605") << 1.3717088054554768e-05;
        // The five hard trees of the benchmark (tests/bench/bench_fault_trees).
        QTest::newRow("edf9202") << QStringLiteral("edf9202") << 0.7813024513333078;
        QTest::newRow("edf9204") << QStringLiteral("edf9204") << 0.5253742884675057;
        QTest::newRow("elf9601") << QStringLiteral("elf9601") << 0.09662909854254606;
        QTest::newRow("edfpa14o") << QStringLiteral("edfpa14o") << 0.2970571107512771;
        QTest::newRow("edfpa15o") << QStringLiteral("edfpa15o") << 0.362955915219753;
    }

    void topEventProbability()
    {
        QFETCH(QString, tree);
        QFETCH(double, published);
        const Map map = interchange::readFile(treePath(tree));
        const ImpactGraph graph(map);
        const ComponentIndex top = *map.findComponent(QStringLiteral("g:r1"));
        const AvailabilityReport r = availability(map, graph, top);
        qInfo("%s: P(top) = %.17g, published %.17g, difference %.3g", qPrintable(tree),
            r.unavailability, published, r.unavailability - published);
        // Relative to the figure: 1e-12 of P(top), and of the availability 1 - P(top).
        QVERIFY(std::abs(r.unavailability - published) < 1e-12 * published);
        QVERIFY(std::abs(r.availability - (1.0 - published)) < 1e-12 * (1.0 - published));
        QVERIFY(!r.contributors.empty());
    }

    // The work on the hard trees stays small: the diagrams of the modules (their size depends
    // on the variable order) and every node built on the way (intermediate results included:
    // the time goes there). Pairwise construction in the plain depth-first order built 3.4
    // million nodes on edf9204 for diagrams of 418,000, and 690,000 on edfpa14o for 259,000.
    void hardTreesStaySmall_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<int>("maxDiagram");
        QTest::addColumn<int>("maxBuilt");
        QTest::newRow("edf9202") << QStringLiteral("edf9202") << 250'000 << 400'000;
        QTest::newRow("edf9204") << QStringLiteral("edf9204") << 200'000 << 400'000;
        QTest::newRow("edfpa14o") << QStringLiteral("edfpa14o") << 180'000 << 300'000;
        QTest::newRow("edfpa15o") << QStringLiteral("edfpa15o") << 80'000 << 150'000;
    }

    void hardTreesStaySmall()
    {
        QFETCH(QString, tree);
        QFETCH(int, maxDiagram);
        QFETCH(int, maxBuilt);
        const Map map = interchange::readFile(treePath(tree));
        const ImpactGraph graph(map);
        const AvailabilityReport r =
            availability(map, graph, *map.findComponent(QStringLiteral("g:r1")));
        qInfo("%s: diagrams of %d nodes, %lld built", qPrintable(tree), r.diagramSize,
            static_cast<long long>(r.nodesBuilt));
        QVERIFY(r.diagramSize < maxDiagram);
        QVERIFY(r.nodesBuilt < maxBuilt);
    }

    // No single basic event takes any of the three trees down (order 1 count is 0).
    void noSinglePointOfFailure()
    {
        for (const char *tree : {"chinese", "baobab2", "isp9605"}) {
            const Map map = interchange::readFile(treePath(QString::fromLatin1(tree)));
            const ImpactGraph graph(map);
            const ComponentIndex top = *map.findComponent(QStringLiteral("g:r1"));
            QVERIFY(singlePointsOfFailure(graph, top).spof.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalysisReference)
#include "tst_analysis_reference.moc"
