// Folding and focus without a window (model/layout/folding.h, model/analysis/focus.h,
// model/editing/foldedits.h): what a folded view draws, the counts and worst state of a folded
// box against the engine's states, merged edges, the focus's cone, the fold as an undo step, and
// the folding kept by the interchange JSON and the document.
#include "model/analysis/focus.h"
#include "model/editing/foldedits.h"
#include "model/editing/mapdocument.h"
#include "model/impact/resolve.h"
#include "model/io/interchange.h"
#include "model/layout/folding.h"
#include "model/storage/faultlinefile.h"
#include "tests/model/maptestutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace faultline;

namespace {

int indexOf(const Map &map, const char *id)
{
    return map.findComponent(QString::fromLatin1(id))->value;
}

// Every component inside `cluster`, at any depth, by walking the map's parent ids (not the
// graph the code under test reads).
std::vector<int> inside(const Map &map, int cluster)
{
    std::vector<int> out;
    for (int c = 0; c < map.componentCount(); ++c) {
        QString p = map.components()[c].parent;
        while (!p.isEmpty()) {
            if (p == map.components()[cluster].id) {
                out.push_back(c);
                break;
            }
            p = map.component(*map.findComponent(p)).parent;
        }
    }
    return out;
}

// A provider with two regions, zones in one, and services that depend across them.
Map smallMap()
{
    return testutil::parseMap(
        QStringLiteral("p kind=provider; r1 parent=p kind=region; r2 parent=p kind=region;"
                       "z1 parent=r1 kind=zone; z2 parent=r1 kind=zone;"
                       "a parent=z1; b parent=z2; c parent=r2; d parent=r2;"
                       "shop -> a,b,c ~> d; a -> c; b -> c; c -> d; lone"));
}

} // namespace

class TestFolding : public QObject
{
    Q_OBJECT

private slots:
    void foldedViewHidesWhatItHolds()
    {
        const Map map = smallMap();
        const ImpactGraph graph(map);
        const auto flags = folding::foldedFlags(
            map, graph, {QStringLiteral("r1"), QStringLiteral("a"), QStringLiteral("nope")});
        QCOMPARE(int(flags[indexOf(map, "r1")]), 1);
        QCOMPARE(int(flags[indexOf(map, "a")]), 0); // no children: nothing to fold
        const folding::View view = folding::makeView(map, graph, flags);
        QCOMPARE(view.roles[indexOf(map, "r1")], folding::Role::FoldedCluster);
        QCOMPARE(view.roles[indexOf(map, "p")], folding::Role::OpenCluster);
        QCOMPARE(view.roles[indexOf(map, "r2")], folding::Role::OpenCluster);
        for (const char *id : {"z1", "z2", "a", "b"}) {
            QCOMPARE(view.roles[indexOf(map, id)], folding::Role::Hidden);
            QCOMPARE(view.drawnAs[indexOf(map, id)], indexOf(map, "r1"));
        }
        QCOMPARE(view.roles[indexOf(map, "shop")], folding::Role::Card);
        QCOMPARE(view.folded(), 1);
    }

    void mergedEdgesCountTheirDependencies()
    {
        const Map map = smallMap();
        const ImpactGraph graph(map);
        const folding::View view =
            folding::makeView(map, graph, folding::foldedFlags(map, graph, {QStringLiteral("r1")}));
        auto edge = [&](const char *from, const char *to) -> const folding::DrawnEdge * {
            for (const folding::DrawnEdge &e : view.edges) {
                if (e.from == indexOf(map, from) && e.to == indexOf(map, to))
                    return &e;
            }
            return nullptr;
        };
        // shop -> a and shop -> b become one edge to r1; a -> c and b -> c one edge r1 -> c.
        QVERIFY(edge("shop", "r1"));
        QCOMPARE(edge("shop", "r1")->dependencies.size(), std::size_t(2));
        QVERIFY(edge("r1", "c"));
        QCOMPARE(edge("r1", "c")->dependencies.size(), std::size_t(2));
        QVERIFY(edge("shop", "c"));
        QCOMPARE(edge("shop", "c")->dependencies.size(), std::size_t(1));
        QVERIFY(edge("shop", "d") && !edge("shop", "d")->hard); // soft stays soft
        QVERIFY(edge("r1", "c")->hard);
        // Every dependency is in exactly the edge it says, and no edge is inside one box.
        int total = 0;
        for (std::size_t e = 0; e < view.edges.size(); ++e) {
            QVERIFY(view.edges[e].from != view.edges[e].to);
            for (int d : view.edges[e].dependencies)
                QCOMPARE(view.edgeOf[d], int(e));
            total += int(view.edges[e].dependencies.size());
        }
        QCOMPARE(total, map.dependencyCount());
    }

    // On the bundled example, regions folded, under each saved scenario: each folded box's
    // counts and worst state are the engine's states of its members; each merged edge counts
    // the dependencies between the two sides.
    void exampleFoldedMatchesTheEngine()
    {
        const Map map = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
        const ImpactGraph graph(map);
        const QStringList regions = folding::clustersAtDepth(map, graph, 1);
        QCOMPARE(regions, (QStringList {QStringLiteral("use1"), QStringLiteral("usw2")}));
        const auto flags = folding::foldedFlags(map, graph, regions);
        const folding::View view = folding::makeView(map, graph, flags);
        for (const Scenario &s : map.scenarios()) {
            const ImpactResult impact = evaluateImpact(graph, resolveScenario(map, s));
            for (const QString &id : regions) {
                const int r = map.findComponent(id)->value;
                const std::vector<int> members = inside(map, r);
                int down = 0, degraded = 0, atRisk = 0;
                State worst = impact.state(ComponentIndex(r));
                for (int c : members) {
                    const State st = impact.state(ComponentIndex(c));
                    down += st == State::Down;
                    degraded += st == State::Degraded;
                    atRisk += st == State::AtRisk;
                    worst = std::max(worst, st);
                    QCOMPARE(view.drawnAs[c], r);
                }
                const folding::FoldSummary sum = folding::summarize(graph, impact, r);
                QCOMPARE(sum.members, int(members.size()));
                QCOMPARE(sum.down, down);
                QCOMPARE(sum.degraded, degraded);
                QCOMPARE(sum.atRisk, atRisk);
                QCOMPARE(toString(sum.worst), toString(worst));
            }
        }
        // Merged counts: the dependencies whose ends are drawn as that pair.
        for (const folding::DrawnEdge &e : view.edges) {
            int expected = 0;
            for (const Dependency &d : map.dependencies()) {
                expected += view.drawnAs[map.findComponent(d.from)->value] == e.from
                    && view.drawnAs[map.findComponent(d.to)->value] == e.to;
            }
            QCOMPARE(int(e.dependencies.size()), expected);
        }
    }

    void summaryWords()
    {
        folding::FoldSummary s;
        s.members = 40;
        QCOMPARE(folding::summaryText(s), QStringLiteral("40 components"));
        s.members = 1;
        QCOMPARE(folding::summaryText(s), QStringLiteral("1 component"));
        s.members = 40;
        s.down = 12;
        QCOMPARE(folding::summaryText(s), QStringLiteral("12 of 40 down"));
        s.degraded = 3;
        QCOMPARE(folding::summaryText(s), QStringLiteral("12 of 40 down, 3 degraded"));
        s.down = 0;
        s.degraded = 0;
        s.atRisk = 2;
        QCOMPARE(folding::summaryText(s), QStringLiteral("2 of 40 at risk"));
    }

    void foldedAncestorsOutermostFirst()
    {
        const Map map = smallMap();
        const ImpactGraph graph(map);
        const auto flags = folding::foldedFlags(
            map, graph, {QStringLiteral("z1"), QStringLiteral("r1"), QStringLiteral("p")});
        const std::vector<int> got = folding::foldedAncestors(graph, flags, indexOf(map, "a"));
        QCOMPARE(
            got, (std::vector<int> {indexOf(map, "p"), indexOf(map, "r1"), indexOf(map, "z1")}));
        QVERIFY(folding::foldedAncestors(graph, flags, indexOf(map, "shop")).empty());
    }

    // The focus keeps the cone, and exactly the cone's boxes (with their ancestors) are drawn.
    void focusHidesTheComplementOfTheCone()
    {
        const Map map = smallMap();
        const ImpactGraph graph(map);
        const auto flags = focus::cone(graph, indexOf(map, "c"));
        // c needs r2, p (hosts) and d; shop, a, b need c; nothing else.
        std::set<QString> want {QStringLiteral("c"), QStringLiteral("r2"), QStringLiteral("p"),
            QStringLiteral("d"), QStringLiteral("shop"), QStringLiteral("a"), QStringLiteral("b")};
        for (int c = 0; c < map.componentCount(); ++c)
            QCOMPARE(bool(flags[c]), want.count(map.components()[c].id) == 1);
        const folding::View view = folding::makeView(map, graph, {}, flags);
        for (int c = 0; c < map.componentCount(); ++c) {
            const QString &id = map.components()[c].id;
            // a and b are in focus, so their zones and region keep their boxes.
            const bool drawn = want.count(id) == 1 || id == QLatin1String("z1")
                || id == QLatin1String("z2") || id == QLatin1String("r1");
            QVERIFY2(view.isDrawn(c) == drawn, qPrintable(id));
        }
        // One hop: c's parent and d, and what needs c directly.
        const auto near = focus::cone(graph, indexOf(map, "c"), 1);
        QCOMPARE(focus::count(near), 6); // c, r2, d, shop, a, b
        QVERIFY(!near[indexOf(map, "p")]);
        QVERIFY(!near[indexOf(map, "lone")]);
        // A folded box in focus when what it holds is.
        const folding::View both = folding::makeView(
            map, graph, folding::foldedFlags(map, graph, {QStringLiteral("r1")}), flags);
        QCOMPARE(both.roles[indexOf(map, "r1")], folding::Role::FoldedCluster);
        QVERIFY(!both.isDrawn(indexOf(map, "lone")));
    }

    void focusMatchesTagOwnerKind()
    {
        Map map = smallMap();
        Component a = map.component(ComponentIndex(indexOf(map, "a")));
        a.tags = QStringList {QStringLiteral("PCI")};
        a.owner = QStringLiteral("payments");
        map.setComponent(ComponentIndex(indexOf(map, "a")), a);
        QCOMPARE(focus::count(focus::matching(map, focus::Field::Tag, QStringLiteral("pci"))), 1);
        QCOMPARE(
            focus::count(focus::matching(map, focus::Field::Owner, QStringLiteral("Payments"))), 1);
        QCOMPARE(focus::count(focus::matching(map, focus::Field::Kind, QStringLiteral("zone"))), 2);
        QCOMPARE(focus::count(focus::matching(map, focus::Field::Kind, QStringLiteral("x"))), 0);
    }

    // A fold is one undo step with its positions: redo, check, undo, check.
    void foldIsAnUndoableViewEdit()
    {
        MapDocument doc;
        Map map = smallMap();
        map.setPosition(QStringLiteral("shop"), QPointF(1, 2));
        doc.reset(map, QString(), false);
        const Map before = doc.map();
        const quint64 revision = doc.revision();
        QVERIFY(!doc.isModified());
        const QHash<QString, QPointF> positions {
            {QStringLiteral("r1"), QPointF(50, 60)}, {QStringLiteral("shop"), QPointF(5, 6)}};
        QVERIFY(!edit::tryPush(
            doc, edit::setFolding(doc, {QStringLiteral("r1")}, positions, QStringLiteral("Fold"))));
        QCOMPARE(folding::foldedIds(doc.map()), QStringList {QStringLiteral("r1")});
        QCOMPARE(doc.map().positions().value(QStringLiteral("r1")), QPointF(50, 60));
        QCOMPARE(doc.map().positions().value(QStringLiteral("shop")), QPointF(5, 6));
        QVERIFY(doc.isModified());
        QCOMPARE(doc.revision(), revision); // a view edit: analyses stay valid
        doc.undoStack()->undo();
        QVERIFY(folding::foldedIds(doc.map()).isEmpty());
        QCOMPARE(doc.map().positions().value(QStringLiteral("shop")), QPointF(1, 2));
        QVERIFY(!doc.map().extra.contains(folding::foldedKey()));
        QCOMPARE(doc.map().name, before.name);
        doc.undoStack()->redo();
        QCOMPARE(folding::foldedIds(doc.map()), QStringList {QStringLiteral("r1")});
        // The same folding and positions again: nothing to do.
        QVERIFY(
            edit::setFolding(doc, {QStringLiteral("r1")}, positions, QStringLiteral("x")).isNoop());
    }

    void foldingIsSavedWithTheMap()
    {
        Map map = smallMap();
        map.extra = folding::withFolded(map.extra, {QStringLiteral("r1"), QStringLiteral("z1")});
        // Interchange JSON: a top-level "folded" list.
        const QByteArray json = interchange::write(map);
        QVERIFY(json.contains("\"folded\""));
        const Map again = interchange::read(json, QStringLiteral("test.json"));
        QCOMPARE(
            folding::foldedIds(again), (QStringList {QStringLiteral("r1"), QStringLiteral("z1")}));
        // The document: the map row's extra keys.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.faultline"));
        faultlinefile::save(map, path);
        QCOMPARE(folding::foldedIds(faultlinefile::load(path).map),
            (QStringList {QStringLiteral("r1"), QStringLiteral("z1")}));
        QVERIFY(folding::withFolded(map.extra, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFolding)
#include "tst_folding.moc"
