// The editing commands without a window: push (redo), check the map, undo, check that it is the
// original exactly, redo, check again. Every refusal is checked to leave map and stack alone.
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "tests/model/maptestutil.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace faultline;

using Planner = std::function<edit::Edit(MapDocument &)>;
Q_DECLARE_METATYPE(Planner)

namespace {

Component component(const QString &id, const QString &kind, const QString &parent = {})
{
    Component c;
    c.id = id;
    c.kind = kind;
    c.parent = parent;
    return c;
}

Dependency dependency(const QString &from, const QString &to,
    DependencyType type = DependencyType::Hard, const QString &label = {})
{
    Dependency d;
    d.from = from;
    d.to = to;
    d.type = type;
    d.label = label;
    return d;
}

// A provider with a region, two zones, a web pool (1 of 2) and a shop on it.
Map sampleMap()
{
    Map map;
    map.name = QStringLiteral("Sample");
    map.addComponent(component(QStringLiteral("aws"), QStringLiteral("provider")));
    map.addComponent(
        component(QStringLiteral("use1"), QStringLiteral("region"), QStringLiteral("aws")));
    map.addComponent(
        component(QStringLiteral("az1"), QStringLiteral("zone"), QStringLiteral("use1")));
    map.addComponent(
        component(QStringLiteral("az2"), QStringLiteral("zone"), QStringLiteral("use1")));
    map.addComponent(
        component(QStringLiteral("web-a"), QStringLiteral("compute"), QStringLiteral("az1")));
    map.addComponent(
        component(QStringLiteral("web-b"), QStringLiteral("compute"), QStringLiteral("az2")));
    Component web = component(QStringLiteral("web"), QStringLiteral("group"));
    web.name = QStringLiteral("Web pool");
    web.require = 1;
    map.addComponent(web);
    map.addComponent(
        component(QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("az1")));
    Component shop = component(QStringLiteral("shop"), QStringLiteral("service"));
    shop.name = QStringLiteral("Shop front");
    shop.business = true;
    shop.costPerHour = 100;
    map.addComponent(shop);

    map.addDependency(dependency(QStringLiteral("web"), QStringLiteral("web-a")));
    map.addDependency(dependency(QStringLiteral("web"), QStringLiteral("web-b")));
    map.addDependency(dependency(QStringLiteral("shop"), QStringLiteral("web"),
        DependencyType::Hard, QStringLiteral("HTTP")));
    map.addDependency(dependency(QStringLiteral("shop"), QStringLiteral("db")));
    map.addDependency(
        dependency(QStringLiteral("db"), QStringLiteral("web-a"), DependencyType::Soft));

    map.addScenario(testutil::scenario(QStringLiteral("az1 down"), {QStringLiteral("az1")}));
    map.addScenario(testutil::scenario(
        QStringLiteral("web-a"), {QStringLiteral("web-a")}, {QStringLiteral("db")}));
    map.setPosition(QStringLiteral("az1"), QPointF(10, 20));
    map.setPosition(QStringLiteral("web-a"), QPointF(30, 40));
    map.setPosition(QStringLiteral("shop"), QPointF(50, 60));
    return map;
}

const Component &get(const MapDocument &doc, const QString &id)
{
    static const Component none;
    const auto i = doc.map().findComponent(id);
    return i ? doc.map().component(*i) : none;
}

QString stateOf(const MapDocument &doc, const QString &id)
{
    return toString(doc.impact().state(*doc.map().findComponent(id)));
}

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    Map m_original;

    // Pushes a planned edit that must be accepted; checks it is one undo step.
    void push(edit::Edit e)
    {
        QVERIFY2(!e.isRefused(), qPrintable(e.refusal));
        QVERIFY(e.command);
        const int before = m_doc->undoStack()->index();
        QCOMPARE(edit::tryPush(*m_doc, std::move(e)), std::nullopt);
        QCOMPARE(m_doc->undoStack()->index(), before + 1);
        QCOMPARE(m_doc->undoStack()->count(), before + 1);
    }
    // Undo gives back the original exactly; redo gives back `after` exactly.
    void checkUndoRedo()
    {
        const Map after = m_doc->map();
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == m_original);
        m_doc->undoStack()->redo();
        QVERIFY(m_doc->map() == after);
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == m_original);
    }

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(sampleMap(), {}, false);
        m_original = m_doc->map();
    }
    void cleanup()
    {
        delete m_doc;
        m_doc = nullptr;
    }

    void addComponent()
    {
        Component c =
            component(QStringLiteral("cache"), QStringLiteral("cache"), QStringLiteral("az2"));
        c.name = QStringLiteral("Redis");
        push(edit::addComponent(*m_doc, c, QPointF(5, 6)));
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Add “Redis”"));
        QCOMPARE(get(*m_doc, QStringLiteral("cache")), c);
        QCOMPARE(m_doc->map().components().back().id, QStringLiteral("cache"));
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("cache")), QPointF(5, 6));
        checkUndoRedo();
        QVERIFY(!m_doc->map().positions().contains(QStringLiteral("cache")));
    }

    void deleteComponentRestoresEverything()
    {
        // az1 hosts web-a and db, is failed by a scenario and has a position.
        push(edit::deleteComponents(*m_doc, {QStringLiteral("az1")}));
        QVERIFY(!m_doc->map().findComponent(QStringLiteral("az1")));
        QCOMPARE(get(*m_doc, QStringLiteral("web-a")).parent, QStringLiteral("use1"));
        QCOMPARE(get(*m_doc, QStringLiteral("db")).parent, QStringLiteral("use1"));
        QVERIFY(m_doc->map().scenarios()[0].fail.isEmpty());
        QVERIFY(!m_doc->map().positions().contains(QStringLiteral("az1")));
        checkUndoRedo();
    }

    void deleteComponentRemovesDependenciesBothWays()
    {
        push(edit::deleteComponents(*m_doc, {QStringLiteral("web-a")}));
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Delete “web-a”"));
        for (const Dependency &d : m_doc->map().dependencies()) {
            QVERIFY(d.from != QStringLiteral("web-a"));
            QVERIFY(d.to != QStringLiteral("web-a"));
        }
        QCOMPARE(m_doc->map().dependencyCount(), 3);
        QCOMPARE(m_doc->map().scenarios()[1].fail, QStringList());
        QCOMPARE(m_doc->map().scenarios()[1].degrade, QStringList {QStringLiteral("db")});
        checkUndoRedo();
        // The same order as before, not just the same set.
        QCOMPARE(m_doc->map().dependencies(), m_original.dependencies());
        QCOMPARE(m_doc->map().components(), m_original.components());
    }

    void deleteSeveralComponents()
    {
        // A parent and its child at once; web loses both its members.
        push(edit::deleteComponents(
            *m_doc, {QStringLiteral("az1"), QStringLiteral("web-a"), QStringLiteral("web-b")}));
        QCOMPARE(m_doc->map().componentCount(), m_original.componentCount() - 3);
        QCOMPARE(get(*m_doc, QStringLiteral("db")).parent, QStringLiteral("use1"));
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, 0);
        QVERIFY(m_doc->undoStack()->text(0).startsWith(QStringLiteral("Delete 3 components")));
        checkUndoRedo();
    }

    void deleteLowersRequire()
    {
        push(edit::setRequire(*m_doc, QStringLiteral("web"), 2));
        m_original = m_doc->map();
        push(edit::deleteComponents(*m_doc, {QStringLiteral("web-b")}));
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, 1);
        QVERIFY(m_doc->undoStack()
                    ->text(m_doc->undoStack()->index() - 1)
                    .contains(QStringLiteral("require of “Web pool” lowered to 1")));
        checkUndoRedo();
    }

    void renameIdUpdatesReferences()
    {
        m_doc->setWhatIf({QStringLiteral("az1")}, {});
        Component c = get(*m_doc, QStringLiteral("az1"));
        c.id = QStringLiteral("use1-az1");
        push(edit::editComponent(*m_doc, QStringLiteral("az1"), c));
        QCOMPARE(
            m_doc->undoStack()->text(0), QStringLiteral("Change the id of “az1” to “use1-az1”"));
        QCOMPARE(get(*m_doc, QStringLiteral("web-a")).parent, QStringLiteral("use1-az1"));
        QCOMPARE(get(*m_doc, QStringLiteral("db")).parent, QStringLiteral("use1-az1"));
        QCOMPARE(m_doc->map().scenarios()[0].fail, QStringList {QStringLiteral("use1-az1")});
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("use1-az1")), QPointF(10, 20));
        QVERIFY(!m_doc->map().positions().contains(QStringLiteral("az1")));
        QCOMPARE(m_doc->failed(), QStringList {QStringLiteral("use1-az1")});
        checkUndoRedo();
        QCOMPARE(m_doc->failed(), QStringList {QStringLiteral("az1")});
    }

    void renameIdInDependencies()
    {
        Component c = get(*m_doc, QStringLiteral("web-a"));
        c.id = QStringLiteral("web-1");
        push(edit::editComponent(*m_doc, QStringLiteral("web-a"), c));
        QVERIFY(m_doc->map().findDependency(QStringLiteral("web"), QStringLiteral("web-1")));
        QVERIFY(m_doc->map().findDependency(QStringLiteral("db"), QStringLiteral("web-1")));
        QVERIFY(!m_doc->map().findDependency(QStringLiteral("web"), QStringLiteral("web-a")));
        QCOMPARE(m_doc->map().scenarios()[1].fail, QStringList {QStringLiteral("web-1")});
        checkUndoRedo();
    }

    void editProperties()
    {
        Component c = get(*m_doc, QStringLiteral("shop"));
        c.name = QStringLiteral("Shop API");
        push(edit::editComponent(*m_doc, QStringLiteral("shop"), c));
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Rename “Shop front” to “Shop API”"));
        checkUndoRedo();

        c = get(*m_doc, QStringLiteral("shop"));
        c.owner = QStringLiteral("web-team");
        c.availability = 0.999;
        c.tags = QStringList {QStringLiteral("edge")};
        push(edit::editComponent(*m_doc, QStringLiteral("shop"), c));
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Edit “Shop front”"));
        QCOMPARE(get(*m_doc, QStringLiteral("shop")), c);
        checkUndoRedo();
    }

    void setParent()
    {
        push(edit::setParent(*m_doc, QStringLiteral("shop"), QStringLiteral("az2")));
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Move “Shop front” into “az2”"));
        QCOMPARE(get(*m_doc, QStringLiteral("shop")).parent, QStringLiteral("az2"));
        checkUndoRedo();
        push(edit::setParent(*m_doc, QStringLiteral("az1"), {}));
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Move “az1” to the top level"));
        checkUndoRedo();
    }

    void setRequireMergesIntoOneStep()
    {
        push(edit::setRequire(*m_doc, QStringLiteral("web"), 2));
        QCOMPARE(m_doc->undoStack()->text(0),
            QStringLiteral("Require 2 of 2 hard dependencies for “Web pool”"));
        // A second click on the same spin box merges.
        QCOMPARE(edit::tryPush(*m_doc, edit::setRequire(*m_doc, QStringLiteral("web"), {})),
            std::nullopt);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, std::nullopt);
        QCOMPARE(m_doc->undoStack()->text(0),
            QStringLiteral("Require all hard dependencies of “Web pool”"));
        checkUndoRedo();
        // Back where it started: the merged command is obsolete and goes.
        m_doc->undoStack()->redo();
        QCOMPARE(edit::tryPush(*m_doc, edit::setRequire(*m_doc, QStringLiteral("web"), 1)),
            std::nullopt);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QVERIFY(m_doc->map() == m_original);
    }

    void addDependency()
    {
        push(edit::addDependency(*m_doc,
            dependency(QStringLiteral("shop"), QStringLiteral("aws"), DependencyType::Soft,
                QStringLiteral("DNS"))));
        QCOMPARE(m_doc->undoStack()->text(0),
            QStringLiteral("Add soft dependency “Shop front” → “aws”"));
        QCOMPARE(m_doc->map().dependencies().back(),
            dependency(QStringLiteral("shop"), QStringLiteral("aws"), DependencyType::Soft,
                QStringLiteral("DNS")));
        checkUndoRedo();
    }

    void deleteDependencyLowersRequire()
    {
        push(edit::setRequire(*m_doc, QStringLiteral("web"), 2));
        m_original = m_doc->map();
        push(edit::deleteDependency(*m_doc, QStringLiteral("web"), QStringLiteral("web-a")));
        QVERIFY(!m_doc->map().findDependency(QStringLiteral("web"), QStringLiteral("web-a")));
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, 1);
        QCOMPARE(m_doc->undoStack()->text(1),
            QStringLiteral("Delete dependency “Web pool” → “web-a” (require of “Web pool” "
                           "lowered to 1)"));
        checkUndoRedo();
    }

    void softenDependencyLowersRequire()
    {
        push(edit::setRequire(*m_doc, QStringLiteral("web"), 2));
        m_original = m_doc->map();
        push(edit::setDependencyType(
            *m_doc, QStringLiteral("web"), QStringLiteral("web-b"), DependencyType::Soft));
        QVERIFY(m_doc->undoStack()->text(1).startsWith(
            QStringLiteral("Make “Web pool” → “web-b” soft")));
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, 1);
        checkUndoRedo();
    }

    void editDependencyLabel()
    {
        Dependency d = dependency(QStringLiteral("shop"), QStringLiteral("web"),
            DependencyType::Hard, QStringLiteral("HTTPS"));
        push(edit::editDependency(*m_doc, QStringLiteral("shop"), QStringLiteral("web"), d));
        QCOMPARE(m_doc->undoStack()->text(0),
            QStringLiteral("Change the label of “Shop front” → “Web pool”"));
        QCOMPARE(m_doc->map().dependency(
                     *m_doc->map().findDependency(QStringLiteral("shop"), QStringLiteral("web"))),
            d);
        checkUndoRedo();
    }

    void noChangePushesNothing()
    {
        const edit::Edit e = edit::editComponent(
            *m_doc, QStringLiteral("shop"), get(*m_doc, QStringLiteral("shop")));
        QVERIFY(e.isNoop());
        QCOMPARE(edit::tryPush(
                     *m_doc, edit::setParent(*m_doc, QStringLiteral("db"), QStringLiteral("az1"))),
            std::nullopt);
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void impactFollowsEdits()
    {
        m_doc->setWhatIf({QStringLiteral("az1")}, {});
        QCOMPARE(
            stateOf(*m_doc, QStringLiteral("shop")), QStringLiteral("down")); // needs db, in az1
        QSignalSpy impact(m_doc, &MapDocument::impactChanged);
        QSignalSpy changed(m_doc, &MapDocument::mapChanged);
        push(edit::deleteDependency(*m_doc, QStringLiteral("shop"), QStringLiteral("db")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(impact.count() >= 1);
        QCOMPARE(stateOf(*m_doc, QStringLiteral("shop")), QStringLiteral("up"));
        m_doc->undoStack()->undo();
        QCOMPARE(stateOf(*m_doc, QStringLiteral("shop")), QStringLiteral("down"));
    }

    void deletedFailedComponentComesBackFailed()
    {
        m_doc->setWhatIf({QStringLiteral("az1")}, {QStringLiteral("web-b")});
        push(edit::deleteComponents(*m_doc, {QStringLiteral("az1")}));
        QCOMPARE(m_doc->failed(), QStringList());
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->failed(), QStringList {QStringLiteral("az1")});
        QCOMPARE(m_doc->degraded(), QStringList {QStringLiteral("web-b")});
    }

    void checkNewDependency()
    {
        const Map &map = m_doc->map();
        QCOMPARE(edit::checkNewDependency(map, QStringLiteral("web"), QStringLiteral("db")),
            std::nullopt);
        QCOMPARE(edit::checkNewDependency(map, QStringLiteral("web"), QStringLiteral("web")),
            QStringLiteral("A component cannot depend on itself."));
        // Dependency cycles are allowed; only the same pair twice is not.
        QCOMPARE(edit::checkNewDependency(map, QStringLiteral("web-a"), QStringLiteral("web")),
            std::nullopt);
    }

    void uniqueId()
    {
        QCOMPARE(edit::uniqueComponentId(m_doc->map(), QStringLiteral("cache")),
            QStringLiteral("cache"));
        QCOMPARE(
            edit::uniqueComponentId(m_doc->map(), QStringLiteral("web")), QStringLiteral("web-2"));
        QCOMPARE(edit::uniqueComponentId(m_doc->map(), QString()), QStringLiteral("component"));
    }

    void refusals_data()
    {
        QTest::addColumn<Planner>("plan");
        QTest::addColumn<QString>("message");
        const auto with = [](const QString &id, std::function<void(Component &)> change) {
            return Planner([id, change](MapDocument &doc) {
                Component c = doc.map().component(*doc.map().findComponent(id));
                change(c);
                return edit::editComponent(doc, id, c);
            });
        };
        const auto dep = [](const char *from, const char *to) {
            return Planner([from, to](MapDocument &doc) {
                return edit::addDependency(
                    doc, dependency(QString::fromUtf8(from), QString::fromUtf8(to)));
            });
        };
        QTest::newRow("self dependency")
            << dep("web", "web") << QStringLiteral("A component cannot depend on itself.");
        QTest::newRow("duplicate pair")
            << dep("shop", "web") << QStringLiteral("“Shop front” already depends on “Web pool”.");
        QTest::newRow("unknown from")
            << dep("nope", "web") << QStringLiteral("There is no component “nope”.");
        QTest::newRow("unknown to")
            << dep("web", "nope") << QStringLiteral("There is no component “nope”.");
        QTest::newRow("parent loop")
            << with(QStringLiteral("use1"), [](Component &c) { c.parent = QStringLiteral("az1"); })
            << QStringLiteral("“az1” cannot be the parent of “use1”: it is inside “use1”.");
        QTest::newRow("own parent")
            << with(QStringLiteral("use1"), [](Component &c) { c.parent = QStringLiteral("use1"); })
            << QStringLiteral("A component cannot be its own parent.");
        QTest::newRow("unknown parent")
            << with(QStringLiteral("use1"), [](Component &c) { c.parent = QStringLiteral("gcp"); })
            << QStringLiteral("There is no component “gcp”.");
        QTest::newRow("duplicate id")
            << with(QStringLiteral("web-a"), [](Component &c) { c.id = QStringLiteral("web-b"); })
            << QStringLiteral("There is already a component with the id “web-b”.");
        QTest::newRow("empty id") << with(QStringLiteral("web-a"), [](Component &c) {
            c.id = QStringLiteral(" ");
        }) << QStringLiteral("A component needs an id.");
        QTest::newRow("require above hard count") << Planner([](MapDocument &doc) {
            return edit::setRequire(doc, QStringLiteral("web"), 3);
        }) << QStringLiteral("“Web pool” has 2 hard dependencies; it cannot require 3.");
        QTest::newRow("negative require") << Planner([](MapDocument &doc) {
            return edit::setRequire(doc, QStringLiteral("web"), -1);
        }) << QStringLiteral("Require cannot be negative.");
        QTest::newRow("availability above 1")
            << with(QStringLiteral("shop"), [](Component &c) { c.availability = 1.5; })
            << QStringLiteral("Availability must be between 0 and 1 (for example 0.9995).");
        QTest::newRow("availability below 0")
            << with(QStringLiteral("shop"), [](Component &c) { c.availability = -0.1; })
            << QStringLiteral("Availability must be between 0 and 1 (for example 0.9995).");
        QTest::newRow("negative cost")
            << with(QStringLiteral("shop"), [](Component &c) { c.costPerHour = -1; })
            << QStringLiteral("Cost per hour cannot be negative.");
        QTest::newRow("negative rto")
            << with(QStringLiteral("shop"), [](Component &c) { c.rtoMinutes = -5; })
            << QStringLiteral("RTO cannot be negative.");
        QTest::newRow("add: empty id") << Planner([](MapDocument &doc) {
            return edit::addComponent(doc, component({}, QStringLiteral("service")));
        }) << QStringLiteral("A component needs an id.");
        QTest::newRow("add: duplicate id") << Planner([](MapDocument &doc) {
            return edit::addComponent(doc, component(QStringLiteral("db"), {}));
        }) << QStringLiteral("There is already a component with the id “db”.");
        QTest::newRow("add: unknown parent") << Planner([](MapDocument &doc) {
            return edit::addComponent(doc, component(QStringLiteral("x"), {}, QStringLiteral("y")));
        }) << QStringLiteral("There is no component “y”.");
        QTest::newRow("add: require without dependencies") << Planner([](MapDocument &doc) {
            Component c = component(QStringLiteral("pool"), QStringLiteral("group"));
            c.require = 1;
            return edit::addComponent(doc, c);
        }) << QStringLiteral("“pool” has no hard dependencies yet; it cannot require 1.");
        QTest::newRow("delete: unknown") << Planner([](MapDocument &doc) {
            return edit::deleteComponents(doc, {QStringLiteral("nope")});
        }) << QStringLiteral("There is no component “nope”.");
        QTest::newRow("delete dependency: unknown") << Planner([](MapDocument &doc) {
            return edit::deleteDependency(doc, QStringLiteral("web"), QStringLiteral("db"));
        }) << QStringLiteral("There is no dependency “Web pool” → “db”.");
        QTest::newRow("reconnect onto an existing pair") << Planner([](MapDocument &doc) {
            return edit::editDependency(doc, QStringLiteral("web"), QStringLiteral("web-a"),
                dependency(QStringLiteral("web"), QStringLiteral("web-b")));
        }) << QStringLiteral("“Web pool” already depends on “web-b”.");
    }

    void refusals()
    {
        QFETCH(Planner, plan);
        QFETCH(QString, message);
        edit::Edit e = plan(*m_doc);
        QVERIFY(!e.command);
        QCOMPARE(e.refusal, message);
        QCOMPARE(edit::tryPush(*m_doc, plan(*m_doc)), message);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QVERIFY(m_doc->map() == m_original);
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
