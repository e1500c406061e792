// The Workshop Notes panel in the main window on the bundled example: it follows the scenario
// applied from the Scenarios list, and keys typed in its fields are its own: F, D, C, U and
// Del never act on the what-if or the map there.
#include "guitestutil.h"

#include "views/scenariospanel.h"
#include "views/workshopnotespanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>
#include <QUndoStack>

using namespace faultline;
using namespace faultline::guitest;

class TestGuiWorkshopNotes : public QObject
{
    Q_OBJECT

private slots:
    void followsTheAppliedScenario()
    {
        auto w = openExample();
        QListWidget *list = w->scenariosPanel()->list();
        const QList<QListWidgetItem *> hits =
            list->findItems(QStringLiteral("one zone down"), Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        list->scrollToItem(hits.front());
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualItemRect(hits.front()).center());
        WorkshopNotesPanel *panel = w->workshopNotesPanel();
        QCOMPARE(panel->scenario(), QStringLiteral("one zone down"));
        QCOMPARE(panel->notesEdit()->toPlainText(),
            w->document()
                ->map()
                .scenario(*w->document()->map().findScenario(QStringLiteral("one zone down")))
                .notes);
        QCOMPARE(panel->decisionList()->count(), 2);
    }

    void lettersInItsFieldsAreText()
    {
        auto w = openExample();
        MapDocument *doc = w->document();
        const Map before = doc->map();
        QAction *take = w->findChild<QAction *>(QStringLiteral("workshopNotesAction"));
        QVERIFY(take);
        take->trigger();
        WorkshopNotesPanel *panel = w->workshopNotesPanel();
        QTRY_VERIFY(panel->notesEdit()->hasFocus());
        // The notes go on where they end.
        QCOMPARE(
            panel->notesEdit()->textCursor().position(), panel->notesEdit()->toPlainText().size());
        const QString scenario = panel->scenario();

        // Each field: the letters go in, Del deletes a character, nothing else happens.
        for (QWidget *field : {static_cast<QWidget *>(panel->notesEdit()),
                 static_cast<QWidget *>(panel->decisionField()),
                 static_cast<QWidget *>(panel->whatField()),
                 static_cast<QWidget *>(panel->ownerField())}) {
            field->setFocus();
            QTRY_VERIFY(field->hasFocus());
            QTest::keyClicks(field, QStringLiteral("fdcuFDCU"));
            QTest::keyClick(field, Qt::Key_Left);
            QTest::keyClick(field, Qt::Key_Delete);
            QVERIFY(doc->failed().isEmpty());
            QVERIFY(doc->degraded().isEmpty());
            QCOMPARE(doc->map().componentCount(), before.componentCount());
        }
        QCOMPARE(panel->decisionField()->text(), QStringLiteral("fdcuFDC"));
        QCOMPARE(panel->whatField()->text(), QStringLiteral("fdcuFDC"));
        // Enter in the owner field adds the action item; the notes were committed on leaving.
        QTest::keyClick(panel->ownerField(), Qt::Key_Return);
        const Scenario &s = doc->map().scenario(*doc->map().findScenario(scenario));
        QVERIFY(s.notes.endsWith(QStringLiteral("fdcuFDC")));
        QCOMPARE(s.actions.back().what, QStringLiteral("fdcuFDC"));
        QCOMPARE(s.actions.back().owner, QStringLiteral("fdcuFDC"));
        QCOMPARE(doc->undoStack()->count(), 2);

        // Ctrl+Z from the panel undoes both, one step each.
        panel->whatField()->setFocus();
        QTest::keyClick(panel->whatField(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(panel->whatField(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->map(), before);
    }
};

QTEST_MAIN(TestGuiWorkshopNotes)
#include "tst_gui_workshopnotes.moc"
