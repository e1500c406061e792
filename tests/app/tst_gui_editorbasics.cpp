// What every diagram editor has (issue 11), driven as a user would: keys in tooltips and in a
// shortcuts page, an empty map that says how to start, a search that says when nothing
// matches, File › New and Close that start clean, the map's name, Ctrl+A then Del.
#include "app/gui/autosave.h"
#include "app/gui/editactions.h"
#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "tests/app/guitestutil.h"
#include "views/analysispanel.h"
#include "views/icons.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/search.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QFile>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QSysInfo>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace faultline;
using namespace faultline::guitest;

namespace {

QAction *actionNamed(MainWindow *w, const QString &text)
{
    for (QAction *a : w->findChildren<QAction *>()) {
        if (a->text().remove(QLatin1Char('&')) == text)
            return a;
    }
    return nullptr;
}

// Runs `answer` on the modal dialog a step opens, once it is up (looking every 20 ms for 20 s:
// a loaded machine may take a while).
void whenModal(std::function<void(QWidget *)> answer)
{
    auto *poll = new QTimer;
    auto tries = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, [=] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal)
            answer(modal);
        if (modal || ++*tries > 1000)
            poll->deleteLater();
    });
    poll->start(20);
}

} // namespace

class TestGuiEditorBasics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    // Every action's keys show in its tooltip and on Help › Keyboard Shortcuts.
    void shortcutsAreShown()
    {
        auto w = openExample();
        int withKeys = 0;
        for (QAction *a : w->findChildren<QAction *>()) {
            if (a->shortcut().isEmpty())
                continue;
            ++withKeys;
            const QString key = a->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(a->toolTip().contains(key),
                qPrintable(a->text() + QStringLiteral(": ") + a->toolTip()));
        }
        QVERIFY(withKeys > 20);
        QAction *page = actionNamed(w.get(), QStringLiteral("Keyboard Shortcuts"));
        QVERIFY(page);
        page->trigger();
        auto *dialog = w->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>();
        QCOMPARE(table->rowCount(), withKeys);
        QVERIFY(!table->findItems(QStringLiteral("Ctrl+Shift+S"), Qt::MatchContains).isEmpty());
        dialog->close();
    }

    // An empty map says how to start; the hint goes once there is a component.
    void emptyMapSaysHowToStart()
    {
        auto w = openExample();
        QVERIFY(w->view()->hint().isEmpty());
        w->files()->newAction()->trigger();
        QVERIFY(w->view()->hint().contains(QLatin1String("Insert")));
        QVERIFY(w->view()->hint().contains(QLatin1String("Import")));
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_Insert);
        QCOMPARE(w->document()->map().componentCount(), 1);
        QVERIFY(w->view()->hint().isEmpty());
        // The status bar says to name it, until it is named.
        QVERIFY(w->statusBar()->currentMessage().contains(QLatin1String("name it")));
        QWidget *name = QApplication::focusWidget();
        QCOMPARE(name->objectName(), QStringLiteral("name"));
        QTest::keyClicks(name, QStringLiteral("Web"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(w->document()->map().components().front().name, QStringLiteral("Web"));
        QCOMPARE(w->statusBar()->currentMessage(), QString());
    }

    // The search box says when nothing matches.
    void searchSaysWhenNothingMatches()
    {
        auto w = openExample();
        ComponentSearch *search = w->editActions()->search();
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), search);
        QTest::keyClicks(search, QStringLiteral("zzqx"));
        QVERIFY2(search->status().contains(QLatin1String("No component matches")),
            qPrintable(search->status()));
        QTest::keyClick(search, Qt::Key_Backspace);
        QTest::keyClick(search, Qt::Key_Backspace);
        QTest::keyClick(search, Qt::Key_Backspace);
        QTest::keyClick(search, Qt::Key_Backspace);
        QTest::keyClicks(search, QStringLiteral("checkout"));
        QVERIFY(search->status().isEmpty());
    }

    // File › New and File › Close start clean: no search text, no dimming, no analysis
    // results of the map before.
    void newMapStartsClean()
    {
        auto w = openExample();
        QAction *dim = actionNamed(w.get(), QStringLiteral("Dim Unaffected"));
        QVERIFY(dim);
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_U);
        QVERIFY(dim->isChecked());
        w->editActions()->search()->setText(QStringLiteral("checkout"));
        w->analysisPanel()->runBlastRadius();
        QTRY_VERIFY(w->analysisPanel()->blastTable()->rowCount() > 0);
        w->files()->newAction()->trigger();
        QCOMPARE(w->document()->map().componentCount(), 0);
        QVERIFY(!dim->isChecked());
        QVERIFY(w->editActions()->search()->text().isEmpty());
        QCOMPARE(w->analysisPanel()->blastTable()->rowCount(), 0);

        // Close (Ctrl+W) leaves an empty map too.
        QVERIFY(w->files()->openExample());
        QVERIFY(w->waitForLayout());
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(w->document()->map().componentCount(), 0);
    }

    // File › Map Properties… renames the map: the title follows, and Undo takes it back.
    void mapNameIsEditable()
    {
        auto w = openExample();
        w->files()->newAction()->trigger();
        whenModal([](QWidget *modal) {
            auto *dialog = qobject_cast<QInputDialog *>(modal);
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Web shop"));
            dialog->accept();
        });
        QVERIFY(w->files()->propertiesAction());
        w->files()->propertiesAction()->trigger();
        QCOMPARE(w->document()->map().name, QStringLiteral("Web shop"));
        QVERIFY(w->windowTitle().startsWith(QLatin1String("Web shop")));
        QVERIFY(w->document()->isModified());
        w->document()->undoStack()->undo();
        QVERIFY(w->document()->map().name != QStringLiteral("Web shop"));
    }

    // Two windows of Faultline share the clipboard: copy in one, paste in the other. The
    // clipboard holds the components under Faultline's MIME type and as plain-text JSON, and
    // the text alone (from a text editor) pastes too.
    void pasteAcrossTwoWindows()
    {
        auto first = openExample();
        auto second = std::make_unique<MainWindow>(false);
        second->resize(1000, 700);
        second->show();
        QVERIFY(QTest::qWaitForWindowExposed(second.get()));
        QVERIFY(second->files()->newAction());
        second->files()->newAction()->trigger();
        QCOMPARE(second->document()->map().componentCount(), 0);

        const QString from = QStringLiteral("checkout"), to = QStringLiteral("carts");
        first->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(first.get()));
        first->selection()->setComponents({from, to});
        first->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(first->view(), Qt::Key_C, Qt::ControlModifier);
        const QMimeData *data = QGuiApplication::clipboard()->mimeData();
        QVERIFY(data);
        QVERIFY(data->hasFormat(QStringLiteral("application/x-faultline-components")));
        QVERIFY(data->hasText());
        QCOMPARE(data->text().toUtf8(),
            data->data(QStringLiteral("application/x-faultline-components")));
        QVERIFY(data->text().contains(QLatin1String("\"faultline-map\"")));

        second->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(second.get()));
        second->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(second->view(), Qt::Key_V, Qt::ControlModifier);
        const Map &pasted = second->document()->map();
        QCOMPARE(pasted.componentCount(), 2);
        QVERIFY(pasted.findDependency(from, to));
        QCOMPARE(pasted.component(*pasted.findComponent(from)).name,
            first->document()->map().component(*first->document()->map().findComponent(from)).name);
        QCOMPARE(second->document()->undoStack()->undoText(), QStringLiteral("Paste 2 components"));
        QCOMPARE(first->document()->undoStack()->count(), 0); // the first window is untouched

        // Plain text only, as a text editor would put it: it pastes too, with fresh ids.
        const QString text = data->text();
        QGuiApplication::clipboard()->setText(text);
        QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(
            QStringLiteral("application/x-faultline-components")));
        QTest::keyClick(second->view(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(pasted.componentCount(), 4);
        QCOMPARE(second->document()->undoStack()->count(), 2);
    }

    // Duplicate (Ctrl+D) a web server: the copy goes into the same zone, on free space; copy and
    // paste into a new map brings the dependencies among the copied components; Undo removes
    // a paste in one step.
    void copyPasteDuplicate()
    {
        auto w = openExample();
        MapDocument *doc = w->document();
        const QString web = QStringLiteral("web-use1-a");
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w.get(), web));
        QCOMPARE(w->selection()->current(), web);
        const int n = doc->map().componentCount();
        QTest::keyClick(w->view(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(doc->map().componentCount(), n + 1);
        const QString copy = w->selection()->current();
        QVERIFY(copy != web);
        const Map &map = doc->map();
        QCOMPARE(map.component(*map.findComponent(copy)).parent,
            map.component(*map.findComponent(web)).parent);
        QCOMPARE(map.component(*map.findComponent(copy)).kind,
            map.component(*map.findComponent(web)).kind);
        // Placed by the paste itself, in its undo step: no layout after it, and Redo puts the
        // copy back exactly where it was.
        QVERIFY(map.positions().contains(copy));
        QVERIFY(!w->scene()->hasUnplacedComponents());
        const QPointF at = map.positions().value(copy);
        const QRectF copyBox = w->scene()->nodeItem(copy)->sceneBoundingRect();
        QVERIFY(!copyBox.intersects(w->scene()->nodeItem(web)->sceneBoundingRect()));
        const auto zone = map.findComponent(map.component(*map.findComponent(web)).parent);
        QVERIFY(w->scene()->clusterItem(map.component(*zone).id)->rect().contains(at));
        const Map duplicated = doc->map();
        doc->undoStack()->undo();
        doc->undoStack()->redo();
        QVERIFY(doc->map() == duplicated);
        QCOMPARE(doc->map().positions().value(copy), at);
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->map().componentCount(), n);

        // Copy two components that depend on each other, paste into a new map.
        const QString from = QStringLiteral("checkout"), to = QStringLiteral("carts");
        QVERIFY(doc->map().findDependency(from, to));
        w->selection()->setComponents({from, to});
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_C, Qt::ControlModifier);
        QVERIFY(!doc->failed().contains(from)); // Ctrl+C is not C (clear what-if) nor copy-fail
        w->files()->newAction()->trigger();
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(doc->map().componentCount(), 2);
        QVERIFY(doc->map().findDependency(from, to));
        QVERIFY(w->waitForLayout());
        QTRY_VERIFY(!w->scene()->hasUnplacedComponents());
        // Pasted again: fresh ids, the dependency between the copies.
        QTest::keyClick(w->view(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(doc->map().componentCount(), 4);
        QCOMPARE(doc->map().dependencyCount(), 2);
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->map().componentCount(), 2);
    }

    // Unsaved changes are auto-saved to a recovery file; saving removes it; one left by a
    // Faultline that did not close is offered at the next start, and Restore brings it back.
    void autoSaveAndRecovery()
    {
        QTemporaryDir dir;
        auto w = openExample();
        w->enableAutoSave(dir.path(), 50);
        const QString file = w->autoSave()->recoveryFile();
        const int n = w->document()->map().componentCount();
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {},
            viewPoint(w.get(), QStringLiteral("payvine")));
        QTest::keyClick(w->view(), Qt::Key_Delete);
        QCOMPARE(w->document()->map().componentCount(), n - 1);
        QTRY_VERIFY(QFile::exists(file));
        QVERIFY(AutoSave::sourceOf(file).contains(QLatin1String("Acme")));
        // Not left behind while its window runs.
        QVERIFY(AutoSave::leftBehind(dir.path()).isEmpty());
        // As a crash would leave it: a recovery file nobody holds.
        const QString orphan = dir.filePath(QStringLiteral("recovery-crashed.faultline"));
        QVERIFY(QFile::copy(file, orphan));
        QVERIFY(QFile::copy(file + QStringLiteral(".source"), orphan + QStringLiteral(".source")));
        QCOMPARE(AutoSave::leftBehind(dir.path()), QStringList {orphan});
        // Saved: nothing to recover for this window any more.
        QVERIFY(w->files()->saveTo(dir.filePath(QStringLiteral("saved.faultline"))));
        QTRY_VERIFY(!QFile::exists(file));
        w.reset();

        auto next = openExample();
        whenModal([](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            for (QAbstractButton *b : box->buttons()) {
                if (b->text().remove(QLatin1Char('&')) == QLatin1String("Restore"))
                    b->click();
            }
        });
        QVERIFY(next->offerRecovery(dir.path()));
        QCOMPARE(next->document()->map().componentCount(), n - 1);
        QVERIFY(next->windowTitle().contains(QLatin1String("recovered")));
        // Saved nowhere yet: marked unsaved, so that closing asks and auto-save keeps it.
        QVERIFY(next->document()->isModified());
        QVERIFY(next->isWindowModified());
        QVERIFY(QFile::exists(orphan)); // until the restored map is saved
        QVERIFY(next->files()->saveTo(dir.filePath(QStringLiteral("restored.faultline"))));
        QVERIFY(!QFile::exists(orphan));
        QVERIFY(AutoSave::leftBehind(dir.path()).isEmpty());
        // The lock of a window that died with nothing unsaved is swept away.
        const QString lock = dir.filePath(QStringLiteral("recovery-gone.faultline.lock"));
        QFile stale(lock);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("2147483646\nfaultline\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        stale.close();
        QVERIFY(AutoSave::leftBehind(dir.path()).isEmpty());
        QVERIFY(!QFile::exists(lock));
    }

    // View › Zoom to Selection (Ctrl+2): the selected component fills the middle of the view.
    void zoomToSelection()
    {
        auto w = openExample();
        const QString id = QStringLiteral("payvine");
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w.get(), id));
        w->view()->fitToMap();
        const qreal fitted = w->view()->zoom();
        QTest::keyClick(w->view(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(w->view()->zoom() > fitted);
        const QPoint at = w->view()->mapFromScene(w->scene()->nodeItem(id)->pos());
        QVERIFY((at - w->view()->viewport()->rect().center()).manhattanLength() < 20);
    }

    // On the canvas the arrow keys walk from component to component; Shift+arrows nudge.
    void arrowKeys()
    {
        auto w = openExample();
        const QString id = QStringLiteral("payvine");
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w.get(), id));
        QCOMPARE(w->selection()->current(), id);
        const Map &map = w->document()->map();
        const QPointF at = map.positions().value(id);
        QTest::keyClick(w->view(), Qt::Key_Left);
        const QString left = w->selection()->current();
        QVERIFY(left != id);
        QVERIFY(w->scene()->nodeItem(left));
        QVERIFY(w->scene()->nodeItem(left)->pos().x() < at.x());
        QTest::keyClick(w->view(), Qt::Key_Right);
        QCOMPARE(w->selection()->current(), id);
        QTest::keyClick(w->view(), Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(w->document()->map().positions().value(id), at + QPointF(10, 0));
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w->document()->map().positions().value(id), at);
    }

    // Ctrl+A on the canvas selects every component; Del deletes them as one step.
    void selectAllThenDelete()
    {
        auto w = openExample();
        const int n = w->document()->map().componentCount();
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(int(w->selection()->components().size()), n);
        QTest::keyClick(w->view(), Qt::Key_Delete);
        QCOMPARE(w->document()->map().componentCount(), 0);
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w->document()->map().componentCount(), n);
    }
};

QTEST_MAIN(TestGuiEditorBasics)
#include "tst_gui_editorbasics.moc"
