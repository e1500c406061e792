// Editing through the window as a user would: the inspector, the Edit menu's shortcuts, the
// dependency dialog, the canvas's Shift+drag and click-to-connect, the search box; every edit
// undone and redone, a refused one changing nothing.
#include "app/gui/fileactions.h"
#include "app/gui/editactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "model/impact/resolve.h"
#include "tests/app/guitestutil.h"
#include "views/canvasitems.h"
#include "views/dependencydialog.h"
#include "views/icons.h"
#include "views/inspector.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/search.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace faultline;
using namespace faultline::guitest;

class TestGuiEdit : public QObject
{
    Q_OBJECT

private:
    static void clickOn(MainWindow *w, const QString &id)
    {
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w, id));
    }

    static QString label(MainWindow *w, const QString &id)
    {
        const NodeItem *n = w->scene()->nodeItem(id);
        return n ? n->look().lines.join(QLatin1Char(' ')) : QString();
    }

private slots:
    void initTestCase() { icons::initResources(); }

    void docksAreFilled()
    {
        auto w = openExample();
        QVERIFY(qobject_cast<Inspector *>(w->inspectorDock()->widget()));
        QVERIFY(w->tableDock()->widget()->inherits("faultline::ComponentTable"));
        QVERIFY(w->findChild<ComponentSearch *>());
        // The table dock toggles from the View menu's action and its shortcut.
        QVERIFY(!w->tableDock()->isVisible());
        QVERIFY(!w->tableDock()->toggleViewAction()->shortcut().isEmpty());
        w->tableDock()->toggleViewAction()->trigger();
        QVERIFY(w->tableDock()->isVisible());
        for (QAction *a : {w->editActions()->newComponentAction(), w->editActions()->deleteAction(),
                 w->editActions()->addDependencyAction(), w->editActions()->findAction()})
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
    }

    void renameInInspectorUndoRedo()
    {
        auto w = openExample();
        const QString id = QStringLiteral("blog");
        const QString oldName =
            w->document()->map().component(*w->document()->map().findComponent(id)).name;
        const auto positions = w->document()->map().positions();
        clickOn(w.get(), id);
        QCOMPARE(w->selection()->current(), id);
        w->inspectorDock()->show();
        w->inspectorDock()->raise();
        auto *name = w->editActions()->inspector()->findChild<QLineEdit *>(QStringLiteral("name"));
        QVERIFY(name);
        QCOMPARE(name->text(), oldName);
        QVERIFY(QTest::qWaitFor([&] { return name->isVisible(); }));
        QTest::mouseClick(name, Qt::LeftButton);
        name->selectAll();
        QTest::keyClick(name, Qt::Key_Backspace);
        QTest::keyClicks(name, QStringLiteral("Engineering blog"));
        QCOMPARE(name->text(), QStringLiteral("Engineering blog"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(w->editActions()->inspector()->message(), QString());
        QCOMPARE(w->editActions()->inspector()->componentId(), id);
        const auto c = w->document()->map().findComponent(id);
        QTRY_COMPARE(w->document()->map().component(*c).name, QStringLiteral("Engineering blog"));
        QCOMPARE(label(w.get(), id), QStringLiteral("Engineering blog"));
        QCOMPARE(w->scene()->nodeItem(id)->toolTip(), QStringLiteral("Engineering blog"));
        // A property edit keeps the picture: no layout, the same positions.
        QVERIFY(!w->isLayoutRunning());
        QCOMPARE(w->document()->map().positions(), positions);
        QCOMPARE(w->scene()->nodeItem(id)->pos(), positions.value(id));

        w->view()->setFocus();
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w->document()->map().component(*c).name, oldName);
        QCOMPARE(name->text(), oldName);
        QCOMPARE(w->scene()->nodeItem(id)->toolTip(), oldName);
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w->document()->map().component(*c).name, QStringLiteral("Engineering blog"));
        QCOMPARE(label(w.get(), id), QStringLiteral("Engineering blog"));
        QVERIFY(!w->isLayoutRunning());
        QCOMPARE(w->document()->map().positions(), positions);
    }

    // Undo and redo from the keyboard with focus in the inspector's fields: a committed edit is
    // undone and redone in the document (the field shows it); typing not yet committed is
    // undone in the field first, then the keys go back to the document.
    void undoRedoKeysWithFocusInTheInspector()
    {
        auto w = openExample();
        MapDocument *doc = w->document();
        const QString id = QStringLiteral("blog");
        const auto c = doc->map().findComponent(id);
        const QString oldName = doc->map().component(*c).name;
        const QString oldOwner = doc->map().component(*c).owner;
        clickOn(w.get(), id);
        w->inspectorDock()->show();
        w->inspectorDock()->raise();
        Inspector *inspector = w->editActions()->inspector();
        auto *name = inspector->findChild<QLineEdit *>(QStringLiteral("name"));
        auto *owner = inspector->findChild<QLineEdit *>(QStringLiteral("owner"));
        QVERIFY(QTest::qWaitFor([&] { return name->isVisible(); }));
        QTest::mouseClick(name, Qt::LeftButton);
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Engineering blog"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(doc->map().component(*c).name, QStringLiteral("Engineering blog"));
        QCOMPARE(QApplication::focusWidget(), name);
        const int edits = doc->undoStack()->count();

        const auto press = [](QWidget *target, Qt::Key key, Qt::KeyboardModifiers modifiers) {
            QCOMPARE(QApplication::focusWidget(), target);
            QTest::keyClick(target, key, modifiers);
        };
        const auto nameIs = [&](const QString &expected) {
            QCOMPARE(doc->map().component(*c).name, expected);
            QCOMPARE(name->text(), expected);
            QCOMPARE(label(w.get(), id), expected);
        };
        press(name, Qt::Key_Z, Qt::ControlModifier);
        nameIs(oldName);
        press(name, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        nameIs(QStringLiteral("Engineering blog"));
        press(name, Qt::Key_Z, Qt::ControlModifier);
        nameIs(oldName);
        press(name, Qt::Key_Y, Qt::ControlModifier);
        nameIs(QStringLiteral("Engineering blog"));
        QCOMPARE(doc->undoStack()->count(), edits); // nothing new was pushed
        QVERIFY(!name->isModified());

        // Typing not yet committed in another field: Ctrl+Z takes the typing back first...
        QTest::mouseClick(owner, Qt::LeftButton);
        owner->end(false);
        QTest::keyClicks(owner, QStringLiteral(" and friends"));
        press(owner, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(owner->text(), oldOwner);
        QCOMPARE(doc->map().component(*c).name, QStringLiteral("Engineering blog"));
        // ...redo brings it back, and a redo with typing pending leaves the document alone...
        press(owner, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(owner->text(), oldOwner + QStringLiteral(" and friends"));
        press(owner, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(owner->text(), oldOwner + QStringLiteral(" and friends"));
        QCOMPARE(doc->undoStack()->index(), edits);
        // ...then the next Ctrl+Z undoes the last edit of the document, and redo redoes that
        // (the typing undone before it is older).
        press(owner, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(owner->text(), oldOwner);
        press(owner, Qt::Key_Z, Qt::ControlModifier);
        nameIs(oldName);
        QCOMPARE(doc->map().component(*c).owner, oldOwner);
        press(owner, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        nameIs(QStringLiteral("Engineering blog"));
        QCOMPARE(owner->text(), oldOwner);
        press(owner, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(owner->text(), oldOwner);
        QCOMPARE(doc->undoStack()->index(), edits);

        // The same keys from the search box and from the canvas.
        auto *search = w->editActions()->search();
        search->setFocus(Qt::ShortcutFocusReason);
        press(search, Qt::Key_Z, Qt::ControlModifier);
        nameIs(oldName);
        press(search, Qt::Key_Y, Qt::ControlModifier);
        nameIs(QStringLiteral("Engineering blog"));
        w->view()->setFocus(Qt::OtherFocusReason);
        press(w->view(), Qt::Key_Z, Qt::ControlModifier);
        nameIs(oldName);
        press(w->view(), Qt::Key_Y, Qt::ControlModifier);
        nameIs(QStringLiteral("Engineering blog"));
        press(w->view(), Qt::Key_Z, Qt::ControlModifier);
        press(w->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        nameIs(QStringLiteral("Engineering blog"));
        QCOMPARE(doc->undoStack()->count(), edits);
    }

    void deleteWithTheKeyAndUndo()
    {
        auto w = openExample();
        const QString id = QStringLiteral("payvine");
        const Map before = w->document()->map();
        clickOn(w.get(), id);
        w->view()->setFocus();
        QTest::keyClick(w->view(), Qt::Key_Delete);
        QVERIFY(!w->document()->map().findComponent(id));
        QVERIFY(!w->scene()->nodeItem(id));
        QVERIFY(w->selection()->components().isEmpty());
        QVERIFY(w->document()->isModified());
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(w->document()->map() == before);
        QVERIFY(w->scene()->nodeItem(id));
        QCOMPARE(w->scene()->nodeItem(id)->pos(), before.positions().value(id));
        QVERIFY(!w->isLayoutRunning());
    }

    void deleteSelectedDependency()
    {
        auto w = openExample();
        const Dependency d = w->document()->map().dependencies().front();
        w->selection()->setDependency(d.from, d.to);
        QVERIFY(w->editActions()->deleteAction()->isEnabled());
        w->editActions()->deleteAction()->trigger();
        QVERIFY(!w->scene()->edgeItem(d.from, d.to));
        w->document()->undoStack()->undo();
        QVERIFY(w->scene()->edgeItem(d.from, d.to));
    }

    void addDependencyWithTheDialog()
    {
        auto w = openExample();
        const QString from = QStringLiteral("recs"), to = QStringLiteral("loyalty-db");
        QVERIFY(!edit::checkNewDependency(w->document()->map(), from, to));
        QVERIFY(!w->scene()->edgeItem(from, to));
        // A what-if that the new dependency carries: the map recolours after the edit.
        w->selection()->setComponents({to});
        QTest::keyClick(w->view(), Qt::Key_F);
        QCOMPARE(w->scene()->lookName(from), QStringLiteral("up"));

        w->selection()->setComponents({from, to});
        QTest::keyClick(w->view(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        DependencyDialog *dialog = w->editActions()->dependencyDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto *box = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(box);
        QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !w->editActions()->dependencyDialog(); }));
        QVERIFY(w->document()->map().findDependency(from, to));
        QVERIFY(w->scene()->edgeItem(from, to));
        QCOMPARE(w->scene()->lookName(from), QStringLiteral("down"));
        checkCanvasMatchesEngine(w.get());
        QVERIFY(!w->isLayoutRunning());
        w->document()->undoStack()->undo();
        QVERIFY(!w->scene()->edgeItem(from, to));
        QCOMPARE(w->scene()->lookName(from), QStringLiteral("up"));
    }

    void shiftDragConnects()
    {
        auto w = openExample();
        const QString from = QStringLiteral("recs"), to = QStringLiteral("loyalty-db");
        const int steps = w->document()->undoStack()->count();
        const auto positions = w->document()->map().positions();
        // Both ends in view at once.
        w->view()->fitToMap();
        QCoreApplication::processEvents();
        QWidget *vp = w->view()->viewport();
        const QPoint a = w->view()->mapFromScene(positions.value(from));
        const QPoint b = w->view()->mapFromScene(positions.value(to));
        QVERIFY2(vp->rect().contains(a) && vp->rect().contains(b), "both ends visible");
        // The canvas owns the gesture and asks for the dependency; the window makes the edit.
        QSignalSpy requested(w->scene(), &MapScene::dependencyRequested);
        QTest::mousePress(vp, Qt::LeftButton, Qt::ShiftModifier, a);
        QCOMPARE(w->scene()->connectingFrom(), from);
        QCOMPARE(w->editActions()->connectingFrom(), from);
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(vp, a + (b - a) * i / 5);
        QTest::mouseRelease(vp, Qt::LeftButton, Qt::ShiftModifier, b);
        QVERIFY(w->editActions()->connectingFrom().isEmpty());
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.front(), QVariantList({from, to}));
        QVERIFY(w->scene()->edgeItem(from, to));
        QCOMPARE(w->document()->undoStack()->count(), steps + 1);
        // The drag made a dependency, it moved nothing.
        QCOMPARE(w->document()->map().positions(), positions);
    }

    void refusedSelfDependencyChangesNothing()
    {
        auto w = openExample();
        const QString id = QStringLiteral("recs");
        const Map before = w->document()->map();
        const int steps = w->document()->undoStack()->count();
        clickOn(w.get(), id);
        QVERIFY(w->editActions()->dependencyFromHereAction()->isEnabled());
        w->editActions()->dependencyFromHereAction()->trigger();
        QCOMPARE(w->editActions()->connectingFrom(), id);
        // The click on the target: the component itself.
        clickOn(w.get(), id);
        QVERIFY(w->editActions()->connectingFrom().isEmpty());
        QVERIFY(!w->editActions()->lastRefusal().isEmpty());
        QCOMPARE(w->statusBar()->currentMessage(), w->editActions()->lastRefusal());
        auto *box = w->findChild<QMessageBox *>(QStringLiteral("refusalBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(!box->isModal());
        QCOMPARE(box->text(), w->editActions()->lastRefusal());
        QVERIFY(w->document()->map() == before);
        QCOMPARE(w->document()->undoStack()->count(), steps);
        QVERIFY(!w->document()->isModified());
        box->close();
    }

    void newComponentIsPlacedWithoutRelayout()
    {
        auto w = openExample();
        const auto positions = w->document()->map().positions();
        const int count = w->document()->map().componentCount();
        w->view()->setFocus();
        QTest::keyClick(w->view(), Qt::Key_Insert);
        QCOMPARE(w->document()->map().componentCount(), count + 1);
        const QString id = w->selection()->current();
        QVERIFY(w->document()->map().findComponent(id));
        QVERIFY(w->scene()->nodeItem(id));
        QVERIFY(w->document()->map().positions().contains(id));
        QVERIFY(!w->scene()->hasUnplacedComponents());
        QVERIFY(!w->isLayoutRunning());
        for (auto it = positions.cbegin(); it != positions.cend(); ++it)
            QCOMPARE(w->document()->map().positions().value(it.key()), it.value());
        // The inspector shows it with the name ready to type over.
        QCOMPARE(w->editActions()->inspector()->componentId(), id);
        auto *name = w->editActions()->inspector()->findChild<QLineEdit *>(QStringLiteral("name"));
        QVERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Fraud check"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(label(w.get(), id), QStringLiteral("Fraud check"));
        w->document()->undoStack()->undo();
        w->document()->undoStack()->undo();
        QCOMPARE(w->document()->map().componentCount(), count);
    }

    void searchSelectsAndCentres()
    {
        auto w = openExample();
        w->view()->setFocus();
        QTest::keyClick(w->view(), Qt::Key_F, Qt::ControlModifier);
        ComponentSearch *search = w->editActions()->search();
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("loyalty d"));
        search->suggestionCompleter()->popup()->hide();
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(w->selection()->current(), QStringLiteral("loyalty-db"));
        const QPointF centre = w->view()->mapToScene(w->view()->viewport()->rect().center());
        const QPointF at = w->scene()->nodeItem(QStringLiteral("loyalty-db"))->pos();
        QVERIFY(w->view()->viewport()->rect().contains(w->view()->mapFromScene(at)));
        Q_UNUSED(centre);
        QVERIFY(w->view()->hasFocus());
    }

    // Grabs the editing screens (into FAULTLINE_SHOTS=DIR when set, to look at them).
    void screenshots()
    {
        QTemporaryDir scratch;
        const QString dir = qEnvironmentVariable("FAULTLINE_SHOTS", scratch.path());
        auto w = openExample();
        w->selection()->setComponents({QStringLiteral("checkout")});
        w->view()->centreOn(QStringLiteral("checkout"));
        w->inspectorDock()->show();
        w->inspectorDock()->raise();
        QTest::qWait(200);
        QVERIFY(w->grab().save(dir + QStringLiteral("/inspector.png")));
        w->tableDock()->show();
        w->selection()->setDependency(QStringLiteral("checkout"), QStringLiteral("carts"));
        QTest::qWait(200);
        QVERIFY(w->grab().save(dir + QStringLiteral("/dependency-table.png")));
    }
};

QTEST_MAIN(TestGuiEdit)
#include "tst_gui_edit.moc"
