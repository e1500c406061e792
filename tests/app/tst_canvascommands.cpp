// The canvas's and the scenarios panel's undo commands without a window: moves (a drag, a
// re-layout) and saved scenarios. Each is pushed (redo), checked, undone, checked against the
// original exactly, and redone.
#include "app/edit/movecommand.h"
#include "app/edit/scenariocommands.h"
#include "views/mapdocument.h"

#include <QSignalSpy>
#include <QTest>

using namespace faultline;

namespace {

Component component(const QString &id, const QString &parent = {})
{
    Component c;
    c.id = id;
    c.kind = QStringLiteral("service");
    c.parent = parent;
    return c;
}

Map sampleMap()
{
    Map map;
    map.name = QStringLiteral("Sample");
    map.addComponent(component(QStringLiteral("zone")));
    map.addComponent(component(QStringLiteral("web"), QStringLiteral("zone")));
    map.addComponent(component(QStringLiteral("db"), QStringLiteral("zone")));
    map.addScenario({QStringLiteral("zone down"), {QStringLiteral("zone")}, {}, {}, {}});
    map.addScenario({QStringLiteral("db lost"), {QStringLiteral("db")}, {}, {}, {}});
    map.addScenario({QStringLiteral("web slow"), {}, {QStringLiteral("web")}, {}, {}});
    map.setPosition(QStringLiteral("web"), QPointF(10, 20));
    map.setPosition(QStringLiteral("db"), QPointF(30, 40));
    return map;
}

QStringList scenarioNames(const Map &map)
{
    QStringList names;
    for (const Scenario &s : map.scenarios())
        names << s.name;
    return names;
}

} // namespace

class TestCanvasCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MapDocument> m_doc;

private slots:
    void init()
    {
        m_doc = std::make_unique<MapDocument>();
        m_doc->reset(sampleMap(), {}, false);
    }

    void moveSetsPositionsAndUndoRestoresThem()
    {
        QSignalSpy moved(m_doc.get(), &MapDocument::positionsChanged);
        QSignalSpy changed(m_doc.get(), &MapDocument::mapChanged);
        m_doc->undoStack()->push(new MoveCommand(m_doc.get(),
            {{QStringLiteral("web"), QPointF(10, 20)}},
            {{QStringLiteral("web"), QPointF(110, 120)}}, QStringLiteral("Move Web")));
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("web")), QPointF(110, 120));
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("db")), QPointF(30, 40));
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Move Web"));
        QVERIFY(moved.count() >= 1);
        QCOMPARE(changed.count(), 0); // a move never asks for a relayout
        QVERIFY(m_doc->isModified());

        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == sampleMap());
        QVERIFY(!m_doc->isModified());
        m_doc->undoStack()->redo();
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("web")), QPointF(110, 120));
    }

    void movesOfOneGestureAreOneStep()
    {
        const int drag = MoveCommand::newGesture();
        QVERIFY(drag != 0);
        QVERIFY(MoveCommand::newGesture() != drag);
        auto *stack = m_doc->undoStack();
        stack->push(new MoveCommand(m_doc.get(), {{QStringLiteral("web"), QPointF(10, 20)}},
            {{QStringLiteral("web"), QPointF(11, 21)}}, QStringLiteral("Move"), drag));
        stack->push(new MoveCommand(m_doc.get(), {{QStringLiteral("web"), QPointF(11, 21)}},
            {{QStringLiteral("web"), QPointF(12, 22)}}, QStringLiteral("Move"), drag));
        // A second component joins the same drag (a multiple selection).
        stack->push(new MoveCommand(m_doc.get(), {{QStringLiteral("db"), QPointF(30, 40)}},
            {{QStringLiteral("db"), QPointF(31, 41)}}, QStringLiteral("Move"), drag));
        QCOMPARE(stack->count(), 1);
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("web")), QPointF(12, 22));
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("db")), QPointF(31, 41));
        stack->undo();
        QVERIFY(m_doc->map() == sampleMap());
    }

    void separateGesturesAndLayoutsNeverMerge()
    {
        auto *stack = m_doc->undoStack();
        stack->push(new MoveCommand(m_doc.get(), {{QStringLiteral("web"), QPointF(10, 20)}},
            {{QStringLiteral("web"), QPointF(11, 21)}}, QStringLiteral("Move"),
            MoveCommand::newGesture()));
        stack->push(new MoveCommand(m_doc.get(), {{QStringLiteral("web"), QPointF(11, 21)}},
            {{QStringLiteral("web"), QPointF(12, 22)}}, QStringLiteral("Move"),
            MoveCommand::newGesture()));
        // Two re-layouts (gesture 0) stay two steps.
        stack->push(new MoveCommand(m_doc.get(), {{QStringLiteral("db"), QPointF(30, 40)}},
            {{QStringLiteral("db"), QPointF(0, 0)}}, QStringLiteral("Lay Out")));
        stack->push(new MoveCommand(m_doc.get(), {{QStringLiteral("db"), QPointF(0, 0)}},
            {{QStringLiteral("db"), QPointF(5, 5)}}, QStringLiteral("Lay Out")));
        QCOMPARE(stack->count(), 4);
        stack->undo();
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("db")), QPointF(0, 0));
        stack->undo();
        stack->undo();
        QCOMPARE(m_doc->map().positions().value(QStringLiteral("web")), QPointF(11, 21));
        stack->undo();
        QVERIFY(m_doc->map() == sampleMap());
    }

    void addScenario()
    {
        const Scenario both {QStringLiteral("both"), {QStringLiteral("web"), QStringLiteral("db")},
            {}, {}, {}};
        m_doc->undoStack()->push(new AddScenarioCommand(m_doc.get(), both));
        QCOMPARE(scenarioNames(m_doc->map()),
            (QStringList {"zone down", "db lost", "web slow", "both"}));
        QCOMPARE(m_doc->map().scenarios().back().fail, both.fail);
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == sampleMap());
        m_doc->undoStack()->redo();
        QCOMPARE(m_doc->map().scenarios().size(), std::size_t(4));
    }

    void renameScenarioFollowsItsNameThroughOtherEdits()
    {
        auto *stack = m_doc->undoStack();
        stack->push(new RenameScenarioCommand(
            m_doc.get(), QStringLiteral("db lost"), QStringLiteral("database lost")));
        QCOMPARE(scenarioNames(m_doc->map()),
            (QStringList {"zone down", "database lost", "web slow"}));
        // Another edit moves the scenario to another index; undo still finds it by name.
        stack->push(new RemoveScenarioCommand(m_doc.get(), QStringLiteral("zone down")));
        QCOMPARE(scenarioNames(m_doc->map()), (QStringList {"database lost", "web slow"}));
        stack->undo();
        stack->undo();
        QVERIFY(m_doc->map() == sampleMap());
        stack->redo();
        QCOMPARE(m_doc->map().scenarios()[1].name, QStringLiteral("database lost"));
        QCOMPARE(m_doc->map().scenarios()[1].fail, QStringList {QStringLiteral("db")});
    }

    void removeScenarioPutsItBackWhereItWas()
    {
        m_doc->undoStack()->push(new RemoveScenarioCommand(m_doc.get(), QStringLiteral("db lost")));
        QCOMPARE(scenarioNames(m_doc->map()), (QStringList {"zone down", "web slow"}));
        m_doc->undoStack()->undo();
        QCOMPARE(scenarioNames(m_doc->map()), (QStringList {"zone down", "db lost", "web slow"}));
        QVERIFY(m_doc->map() == sampleMap());
        QVERIFY(!m_doc->isModified());
    }
};

QTEST_GUILESS_MAIN(TestCanvasCommands)
#include "tst_canvascommands.moc"
