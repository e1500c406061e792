// Editing one property of several components at once (model/editing/bulkedits.h), without a
// window: one command, one undo step that gives the map back exactly, and refusals that name
// the component and leave map and stack alone.
#include "model/editing/bulkedits.h"
#include "model/editing/mapdocument.h"

#include "maptestutil.h"

#include <QTest>
#include <QUndoStack>

using namespace faultline;

using Change = std::function<void(Component &)>;
Q_DECLARE_METATYPE(Change)

class TestBulkEdits : public QObject
{
    Q_OBJECT

private slots:
    void setsOneProperty_data();
    void setsOneProperty();
    void oneChangedComponentReadsAsOne();
    void nothingChangedPushesNothing();
    void refusals_data();
    void refusals();
};

namespace {

// Three web servers in two zones, a pool that needs one of them, a shop on the pool.
Map webMap()
{
    Map map = testutil::parseMap(QStringLiteral(
        "az1; az2; a parent=az1; b parent=az1; c parent=az2; pool require=1 -> a,b,c; "
        "shop business=true -> pool"));
    map.setPosition(QStringLiteral("a"), QPointF(10, 10));
    return map;
}

const QStringList abc = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};

} // namespace

void TestBulkEdits::setsOneProperty_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("text");
    QTest::newRow("owner") << Change([](Component &c) { c.owner = QStringLiteral("web-team"); })
                           << QStringLiteral("Set the owner of 3 components");
    QTest::newRow("cost") << Change([](Component &c) { c.costPerHour = 250; })
                          << QStringLiteral("Set the cost per hour of 3 components");
    QTest::newRow("kind") << Change([](Component &c) { c.kind = QStringLiteral("compute"); })
                          << QStringLiteral("Set the kind of 3 components to “compute”");
    QTest::newRow("parent") << Change([](Component &c) { c.parent = QStringLiteral("az2"); })
                            << QStringLiteral("Move 2 components into “az2”");
    QTest::newRow("two properties") << Change([](Component &c) {
        c.owner = QStringLiteral("x");
        c.tier = 2;
    }) << QStringLiteral("Edit 3 components");
}

void TestBulkEdits::setsOneProperty()
{
    QFETCH(Change, change);
    QFETCH(QString, text);
    MapDocument doc;
    doc.reset(webMap(), {}, false);
    const Map before = doc.map();
    QCOMPARE(edit::tryPush(doc, edit::editComponents(doc, abc, change)), std::nullopt);
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.undoStack()->undoText(), text);
    for (const QString &id : abc) {
        Component expected = before.component(*before.findComponent(id));
        change(expected);
        QCOMPARE(doc.map().component(*doc.map().findComponent(id)), expected);
    }
    doc.undoStack()->undo();
    QVERIFY(doc.map() == before);
    doc.undoStack()->redo();
    QCOMPARE(doc.undoStack()->undoText(), text);
    QVERIFY(!(doc.map() == before));
}

void TestBulkEdits::oneChangedComponentReadsAsOne()
{
    MapDocument doc;
    Map map = webMap();
    Component b = map.component(*map.findComponent(QStringLiteral("b")));
    b.owner = QStringLiteral("ops");
    map.setComponent(*map.findComponent(QStringLiteral("b")), b);
    map.setComponent(*map.findComponent(QStringLiteral("c")), [&] {
        Component c = map.component(*map.findComponent(QStringLiteral("c")));
        c.owner = QStringLiteral("ops");
        return c;
    }());
    doc.reset(map, {}, false);
    QCOMPARE(
        edit::tryPush(doc,
            edit::editComponents(doc, abc, [](Component &c) { c.owner = QStringLiteral("ops"); })),
        std::nullopt);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Change the owner of “a”"));
}

void TestBulkEdits::nothingChangedPushesNothing()
{
    MapDocument doc;
    doc.reset(webMap(), {}, false);
    const edit::Edit e = edit::editComponents(doc, abc, [](Component &) {});
    QVERIFY(e.isNoop());
    QVERIFY(edit::editComponents(doc, {QStringLiteral("nope")}, [](Component &c) {
        c.owner = QStringLiteral("x");
    }).isNoop());
}

void TestBulkEdits::refusals_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("one id for several")
        << abc << Change([](Component &c) { c.id = QStringLiteral("same"); })
        << QStringLiteral("Several components cannot share one id.");
    QTest::newRow("negative cost") << abc << Change([](Component &c) { c.costPerHour = -1; })
                                   << QStringLiteral("“a”: Cost per hour cannot be negative.");
    QTest::newRow("availability") << abc << Change([](Component &c) { c.availability = 2; })
                                  << QStringLiteral(
                                         "“a”: Availability must be between 0 and 1 (for "
                                         "example 0.9995).");
    QTest::newRow("parent loop") << QStringList {QStringLiteral("az1"), QStringLiteral("b")}
                                 << Change([](Component &c) { c.parent = QStringLiteral("a"); })
                                 << QStringLiteral(
                                        "“a” cannot be the parent of “az1”: it is inside “az1”.");
    QTest::newRow("require") << QStringList {QStringLiteral("pool"), QStringLiteral("shop")}
                             << Change([](Component &c) { c.require = 2; })
                             << QStringLiteral(
                                    "“shop” has 1 hard dependency; it cannot require 2.");
}

void TestBulkEdits::refusals()
{
    QFETCH(QStringList, ids);
    QFETCH(Change, change);
    QFETCH(QString, message);
    MapDocument doc;
    doc.reset(webMap(), {}, false);
    const Map before = doc.map();
    QCOMPARE(edit::tryPush(doc, edit::editComponents(doc, ids, change)), message);
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(doc.map() == before);
}

QTEST_GUILESS_MAIN(TestBulkEdits)
#include "tst_bulkedits.moc"
