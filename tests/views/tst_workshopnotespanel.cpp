// The Workshop Notes panel, driven from the keyboard as a facilitator would: every change is
// one undo step, a refused one changes nothing and says why, undoing everything gives the map
// back, and Del in its lists removes an entry of the panel, never anything else.

#include "model/editing/mapdocument.h"
#include "model/editing/workshopedits.h"
#include "tests/model/maptestutil.h"
#include "views/workshopnotespanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace faultline;
using namespace faultline::testutil;

namespace {

Map twoScenarios()
{
    Map map = parseMap("zone-a; zone-b; web require=1 -> zone-a,zone-b; shop -> web");
    map.addScenario(testutil::scenario(QStringLiteral("zone a down"), {QStringLiteral("zone-a")}));
    map.addScenario(testutil::scenario(
        QStringLiteral("both down"), {QStringLiteral("zone-a"), QStringLiteral("zone-b")}));
    return map;
}

const Scenario &scenario(const MapDocument &doc, int i)
{
    return doc.map().scenario(ScenarioIndex(i));
}

} // namespace

class TestWorkshopNotesPanel : public QObject
{
    Q_OBJECT

    MapDocument *m_doc = nullptr;
    WorkshopNotesPanel *m_panel = nullptr;
    QLineEdit *m_elsewhere = nullptr; // where focus goes when a field is left
    QWidget *m_window = nullptr;

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(twoScenarios(), {}, false);
        m_window = new QWidget;
        m_panel = new WorkshopNotesPanel(m_doc, m_window);
        m_elsewhere = new QLineEdit(m_window);
        auto *layout = new QVBoxLayout(m_window);
        layout->addWidget(m_panel);
        layout->addWidget(m_elsewhere);
        m_window->resize(700, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->activateWindow();
    }

    void cleanup()
    {
        delete m_window;
        delete m_doc;
    }

    void showsTheFirstScenarioAndFollowsTheChoice()
    {
        QCOMPARE(m_panel->scenario(), QStringLiteral("zone a down"));
        m_panel->scenarioBox()->setCurrentText(QStringLiteral("both down"));
        QCOMPARE(m_panel->scenario(), QStringLiteral("both down"));
        m_panel->showScenario(QStringLiteral("zone a down"));
        QCOMPARE(m_panel->scenarioBox()->currentText(), QStringLiteral("zone a down"));
    }

    // Typing is one step, committed when the field is left; Ctrl+Enter commits too.
    void notesAreOneStepWhenTheFieldIsLeft()
    {
        QPlainTextEdit *notes = m_panel->notesEdit();
        notes->setFocus();
        QTest::keyClicks(notes, QStringLiteral("fdcu: the room agreed"));
        QCOMPARE(m_doc->undoStack()->count(), 0); // not committed while typing
        m_elsewhere->setFocus();
        QCOMPARE(scenario(*m_doc, 0).notes, QStringLiteral("fdcu: the room agreed"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        notes->setFocus();
        notes->moveCursor(QTextCursor::End);
        QTest::keyClicks(notes, QStringLiteral(" twice"));
        QTest::keyClick(notes, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(scenario(*m_doc, 0).notes, QStringLiteral("fdcu: the room agreed twice"));
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(notes->toPlainText(), QStringLiteral("fdcu: the room agreed"));
        m_doc->undoStack()->undo();
        QCOMPARE(notes->toPlainText(), QString());
        QCOMPARE(m_doc->map(), twoScenarios());
    }

    // Another scenario chosen with notes typed: they go to the scenario they were typed for.
    void notesTypedGoToTheirScenario()
    {
        m_panel->notesEdit()->setFocus();
        QTest::keyClicks(m_panel->notesEdit(), QStringLiteral("about zone a"));
        m_panel->scenarioBox()->setCurrentText(QStringLiteral("both down"));
        QCOMPARE(scenario(*m_doc, 0).notes, QStringLiteral("about zone a"));
        QCOMPARE(scenario(*m_doc, 1).notes, QString());
        QCOMPARE(m_panel->notesEdit()->toPlainText(), QString());
    }

    void decisionsByKeyboard()
    {
        QLineEdit *field = m_panel->decisionField();
        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("Keep two zones"));
        QTest::keyClick(field, Qt::Key_Return);
        QTest::keyClicks(field, QStringLiteral("Add a third"));
        QTest::keyClick(field, Qt::Key_Enter);
        QTest::keyClick(field, Qt::Key_Return); // empty: refused, nothing added
        QVERIFY(!m_panel->messageLabel()->text().isEmpty());
        QCOMPARE(scenario(*m_doc, 0).decisions,
            QStringList({QStringLiteral("Keep two zones"), QStringLiteral("Add a third")}));
        QCOMPARE(m_doc->undoStack()->count(), 2);

        // F2 edits in place; Del removes the current one (the list's own key).
        QListWidget *list = m_panel->decisionList();
        list->setFocus();
        list->setCurrentRow(1);
        list->item(1)->setText(QStringLiteral("Add a third zone"));
        QCOMPARE(scenario(*m_doc, 0).decisions.value(1), QStringLiteral("Add a third zone"));
        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(scenario(*m_doc, 0).decisions, QStringList({QStringLiteral("Add a third zone")}));
        QCOMPARE(m_doc->undoStack()->count(), 4);
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->map(), twoScenarios());
        QCOMPARE(list->count(), 0);
    }

    void actionItemsByKeyboard()
    {
        m_panel->whatField()->setFocus();
        QTest::keyClicks(m_panel->whatField(), QStringLiteral("Add a NAT gateway per zone"));
        QTest::keyClick(m_panel->whatField(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("network-team"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_panel->dueField());
        QTest::keyClicks(m_panel->dueField(), QStringLiteral("next week"));
        QTest::keyClick(m_panel->dueField(), Qt::Key_Return);
        // Not a date: said, and nothing added.
        QVERIFY(m_panel->messageLabel()->text().contains(QStringLiteral("is not a date")));
        QVERIFY(scenario(*m_doc, 0).actions.empty());
        m_panel->dueField()->clear();
        QTest::keyClicks(m_panel->dueField(), QStringLiteral("2026-12-20"));
        m_panel->statusBox()->setCurrentIndex(1);
        QTest::keyClick(m_panel->dueField(), Qt::Key_Return);
        QCOMPARE(int(scenario(*m_doc, 0).actions.size()), 1);
        const ActionItem &a = scenario(*m_doc, 0).actions[0];
        QCOMPARE(a.what, QStringLiteral("Add a NAT gateway per zone"));
        QCOMPARE(a.owner, QStringLiteral("network-team"));
        QCOMPARE(a.due, QDate(2026, 12, 20));
        QVERIFY(a.status == ActionStatus::InProgress);
        QVERIFY(m_panel->whatField()->text().isEmpty());
        QCOMPARE(m_doc->undoStack()->count(), 1);

        // Edited in the table: a status, then a date that is not one (refused, put back).
        QTableWidget *table = m_panel->actionTable();
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("in progress"));
        table->item(0, 3)->setText(QStringLiteral("done"));
        QVERIFY(scenario(*m_doc, 0).actions[0].status == ActionStatus::Done);
        table->item(0, 2)->setText(QStringLiteral("31/12/2026"));
        QCOMPARE(scenario(*m_doc, 0).actions[0].due, QDate(2026, 12, 20));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("2026-12-20"));
        QCOMPARE(m_doc->undoStack()->count(), 2);

        // Del on the table removes the item, not anything else.
        table->setFocus();
        table->setCurrentCell(0, 0);
        QTest::keyClick(table, Qt::Key_Delete);
        QVERIFY(scenario(*m_doc, 0).actions.empty());
        QCOMPARE(m_doc->map().componentCount(), twoScenarios().componentCount());
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->map(), twoScenarios());
    }

    // Typing on the table (not in a cell's editor) edits nothing: only F2 or a double-click
    // opens a cell. Tab goes notes, new decision, decisions, the new action item's fields.
    void typingOnTheTableEditsNothing()
    {
        QVERIFY(!edit::tryPush(*m_doc, edit::addAction(*m_doc, QStringLiteral("zone a down"), [] {
            ActionItem a;
            a.what = QStringLiteral("Keep me");
            return a;
        }())));
        QTableWidget *table = m_panel->actionTable();
        table->setFocus();
        table->setCurrentCell(0, 0);
        QTest::keyClicks(table, QStringLiteral("overwritten"));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(scenario(*m_doc, 0).actions[0].what, QStringLiteral("Keep me"));

        m_panel->notesEdit()->setFocus();
        QTest::keyClick(m_panel->notesEdit(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_panel->decisionField());
        QTest::keyClick(m_panel->decisionField(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_panel->decisionList());
        QTest::keyClick(m_panel->decisionList(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_panel->whatField());
    }

    // A rename keeps the scenario's notes shown; a map without scenarios says how to start.
    void followsTheMap()
    {
        Map none = parseMap("a");
        m_doc->reset(none, {}, false);
        QVERIFY(!m_panel->scenarioBox()->isEnabled());
        QVERIFY(!m_panel->notesEdit()->isVisible());
        m_doc->reset(twoScenarios(), {}, false);
        QVERIFY(m_panel->notesEdit()->isVisible());
        QCOMPARE(m_panel->scenario(), QStringLiteral("zone a down"));
    }
};

QTEST_MAIN(TestWorkshopNotesPanel)
#include "tst_workshopnotespanel.moc"
