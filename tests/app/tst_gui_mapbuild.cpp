// Building a map by hand, as a new user does in the first ten minutes (issue 11): each test
// drives keys, mouse and focus through the window and checks what the user would see.
#include "app/gui/editactions.h"
#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/whatifactions.h"
#include "model/editing/mapdocument.h"
#include "tests/app/guitestutil.h"
#include "views/canvasitems.h"
#include "views/componentspanel.h"
#include "views/dependencydialog.h"
#include "views/icons.h"
#include "views/inspector.h"
#include "views/mapdrawing.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace faultline;
using namespace faultline::guitest;

namespace {

// A window on File › New, shown and active.
std::unique_ptr<MainWindow> newMapWindow()
{
    auto w = std::make_unique<MainWindow>(false);
    w->resize(1400, 900);
    w->show();
    [&] {
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->files()->newAction()->trigger();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
    }();
    return w;
}

QLineEdit *field(MainWindow *w, const char *name)
{
    return w->editActions()->inspector()->findChild<QLineEdit *>(QLatin1String(name));
}

// Types into the focused widget and presses Enter, as at the keyboard.
void typeAndEnter(const QString &text)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClicks(focus, text);
    QTest::keyClick(focus, Qt::Key_Return);
}

bool selectedOnCanvas(MainWindow *w, const QString &id)
{
    const QGraphicsItem *item = w->scene()->nodeItem(id);
    if (!item)
        item = w->scene()->clusterItem(id);
    return item && item->isSelected();
}

QStringList selectedInTree(MainWindow *w)
{
    QStringList ids;
    const QTreeView *tree = w->componentsPanel()->tree();
    for (const QModelIndex &index : tree->selectionModel()->selectedRows())
        ids.append(index.data(Qt::UserRole + 1).toString());
    return ids;
}

} // namespace

class TestGuiMapBuild : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    // Bug 1: insert, name it, change its id, click the empty canvas, insert again, name it: the
    // second name goes to the second component; an id change keeps the selection everywhere.
    void editsLandOnTheSelectedComponent()
    {
        auto w = newMapWindow();
        MapDocument *doc = w->document();
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_Insert);
        QCOMPARE(doc->map().componentCount(), 1);
        const QString firstId = doc->map().components()[0].id;
        QCOMPARE(QApplication::focusWidget(), field(w.get(), "name"));
        typeAndEnter(QStringLiteral("Alpha"));
        QLineEdit *id = field(w.get(), "id");
        QTest::mouseClick(id, Qt::LeftButton);
        id->selectAll();
        typeAndEnter(QStringLiteral("alpha"));
        QVERIFY(doc->map().findComponent(QStringLiteral("alpha")));
        QCOMPARE(w->selection()->components(), QStringList {QStringLiteral("alpha")});
        QVERIFY(selectedOnCanvas(w.get(), QStringLiteral("alpha")));
        QCOMPARE(selectedInTree(w.get()), QStringList {QStringLiteral("alpha")});
        QCOMPARE(w->editActions()->inspector()->componentId(), QStringLiteral("alpha"));

        // Undoing the id change keeps the component selected under its old id.
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w->selection()->components(), QStringList {firstId});
        QVERIFY(selectedOnCanvas(w.get(), firstId));
        QCOMPARE(field(w.get(), "id")->text(), firstId);
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w->selection()->components(), QStringList {QStringLiteral("alpha")});

        // A click on the empty canvas selects nothing; the inspector shows nothing.
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, QPoint(20, 20));
        QVERIFY(w->selection()->components().isEmpty());
        QCOMPARE(w->editActions()->inspector()->componentId(), QString());

        QTest::keyClick(w->view(), Qt::Key_Insert);
        QCOMPARE(doc->map().componentCount(), 2);
        const QString secondId = doc->map().components()[1].id;
        QCOMPARE(w->editActions()->inspector()->componentId(), secondId);
        typeAndEnter(QStringLiteral("Bravo"));
        const Map &map = doc->map();
        QCOMPARE(map.component(*map.findComponent(QStringLiteral("alpha"))).name,
            QStringLiteral("Alpha"));
        QCOMPARE(map.component(*map.findComponent(secondId)).name, QStringLiteral("Bravo"));
        QVERIFY2(!doc->undoStack()->undoText().contains(QLatin1String("Alpha")),
            qPrintable(doc->undoStack()->undoText()));
    }

    // Bug 2: the single-letter what-if keys belong to the focused widget. In the inspector's
    // "Inside" drop-down they do nothing to the what-if; on the canvas they act, and clearing
    // the what-if with one Esc too many can be undone.
    void whatIfLettersBelongToTheFocusedWidget()
    {
        auto w = openExample();
        MapDocument *doc = w->document();
        const QString id = QStringLiteral("payvine");
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w.get(), id));
        QCOMPARE(w->selection()->current(), id);
        QTest::keyClick(w->view(), Qt::Key_F);
        QCOMPARE(doc->failed(), QStringList {id});

        w->inspectorDock()->show();
        w->inspectorDock()->raise();
        QLineEdit *owner = field(w.get(), "owner");
        QVERIFY(QTest::qWaitFor([&] { return owner->isVisible(); }));
        QTest::mouseClick(owner, Qt::LeftButton);
        QTest::keyClick(owner, Qt::Key_Tab, Qt::ShiftModifier);
        auto *inside =
            w->editActions()->inspector()->findChild<QComboBox *>(QStringLiteral("parent"));
        QCOMPARE(QApplication::focusWidget(), inside);
        QAction *dim = nullptr;
        for (QAction *a : w->findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::Key_U))
                dim = a;
        QVERIFY(dim);
        for (Qt::Key key :
            {Qt::Key_F, Qt::Key_D, Qt::Key_R, Qt::Key_C, Qt::Key_U, Qt::Key_Escape}) {
            QTest::keyClick(QApplication::focusWidget(), key);
            QCOMPARE(doc->failed(), QStringList {id});
            QVERIFY(doc->degraded().isEmpty());
            QVERIFY(!dim->isChecked());
        }

        // On the canvas: Esc clears, and Ctrl+Z brings the what-if back.
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_U);
        QVERIFY(dim->isChecked());
        QTest::keyClick(w->view(), Qt::Key_Escape);
        QVERIFY(doc->failed().isEmpty());
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->failed(), QStringList {id});
        QCOMPARE(w->scene()->lookName(id), QStringLiteral("failed"));
        // From the components list too, and the undo is one step: the next Ctrl+Z has no
        // what-if to bring back and the map has no edit to undo.
        w->componentsPanel()->tree()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->componentsPanel()->tree(), Qt::Key_C);
        QVERIFY(doc->failed().isEmpty());
        QTest::keyClick(w->componentsPanel()->tree(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->failed(), QStringList {id});
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->failed(), QStringList {id});
        QVERIFY(!doc->isModified());
        QVERIFY(!w->whatIf()->canRestoreCleared());
    }

    // Bug 6: no key is bound to two actions (Qt calls it ambiguous and runs neither).
    void noShortcutIsBoundTwice()
    {
        auto w = openExample();
        QMap<QString, QStringList> owners;
        for (QAction *a : w->findChildren<QAction *>()) {
            for (const QKeySequence &key : a->shortcuts()) {
                const QString name = key.toString(QKeySequence::PortableText);
                if (!owners[name].contains(a->text()))
                    owners[name].append(a->text());
                else
                    QFAIL(qPrintable(QStringLiteral("%1 twice on %2").arg(name, a->text())));
            }
        }
        QVERIFY(owners.size() > 20);
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1,
                qPrintable(
                    it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", "))));
        // Ctrl+I shows and hides the inspector.
        w->view()->setFocus(Qt::MouseFocusReason);
        const bool shown = w->inspectorDock()->isVisible();
        QTest::keyClick(w->view(), Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(w->inspectorDock()->isVisible(), !shown);
        // Save As has its key on every desktop.
        QVERIFY(w->files()->saveAsAction()->shortcuts().contains(
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    }

    // Bug 4: names stay readable at every depth of the Components tree, at the dock's default
    // width; the tooltip holds the whole name.
    void treeNamesReadableAtEveryDepth()
    {
        auto w = openExample();
        QTreeView *tree = w->componentsPanel()->tree();
        tree->expandAll();
        QCoreApplication::processEvents();
        const QFontMetrics fm = tree->fontMetrics();
        const int icon = tree->style()->pixelMetric(QStyle::PM_SmallIconSize);
        const Map &map = w->document()->map();
        int checked = 0;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < tree->model()->rowCount(parent); ++r) {
                const QModelIndex index = tree->model()->index(r, 0, parent);
                const QString id = index.data(Qt::UserRole + 1).toString();
                const QString name = map.component(*map.findComponent(id)).displayName();
                tree->scrollTo(index);
                const int room = tree->visualRect(index).width() - icon - 12;
                const int wanted = std::min(fm.horizontalAdvance(name),
                    fm.horizontalAdvance(QStringLiteral("Abcdefghijklmn")));
                QVERIFY2(room >= wanted,
                    qPrintable(QStringLiteral("%1: %2 px for %3").arg(id).arg(room).arg(wanted)));
                QVERIFY(index.data(Qt::ToolTipRole).toString().contains(name));
                ++checked;
                walk(index);
            }
        };
        walk(QModelIndex());
        QCOMPARE(checked, map.componentCount());
    }

    // Bug 5: the legend is painted over the viewport; scrolling the canvas leaves no copy of
    // it behind. The window's pixels (the backing store) match a fresh paint of the view.
    void scrollingLeavesNoGhostLegend()
    {
        auto w = openExample();
        MapView *view = w->view();
        QVERIFY(view->isLegendVisible());
        view->resetZoom();
        QTest::qWait(100);
        QScreen *screen = w->screen();
        const QPoint origin = view->viewport()->mapTo(w.get(), QPoint(0, 0));
        const QSize size = view->viewport()->size();
        for (const QString &id :
            {QStringLiteral("checkout"), QStringLiteral("use1-az2"), QStringLiteral("payvine")}) {
            view->centreOn(id);
            QTest::qWait(100);
            const QImage shown =
                screen->grabWindow(w->winId(), origin.x(), origin.y(), size.width(), size.height())
                    .toImage()
                    .convertToFormat(QImage::Format_RGB32);
            const QImage fresh =
                view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
            QCOMPARE(shown.size(), fresh.size());
            int different = 0;
            for (int y = 0; y < shown.height(); ++y) {
                const auto *a = reinterpret_cast<const QRgb *>(shown.constScanLine(y));
                const auto *b = reinterpret_cast<const QRgb *>(fresh.constScanLine(y));
                for (int x = 0; x < shown.width(); ++x) {
                    different += std::abs(qRed(a[x]) - qRed(b[x])) > 24
                        || std::abs(qGreen(a[x]) - qGreen(b[x])) > 24
                        || std::abs(qBlue(a[x]) - qBlue(b[x])) > 24;
                }
            }
            QVERIFY2(different < shown.width() * shown.height() / 500,
                qPrintable(QStringLiteral("%1 pixels differ after scrolling to %2")
                               .arg(different)
                               .arg(id)));
        }
    }

    // Bug 9: a dependency that closes a cycle is added, and the user is told which cycle.
    void cycleIsNamed()
    {
        auto w = openExample();
        const QString from = QStringLiteral("k8s-use1"), to = QStringLiteral("checkout");
        QVERIFY(w->document()->map().findDependency(to, from));
        w->selection()->setComponents({from, to});
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(w->editActions()->dependencyDialog());
        auto *box = w->editActions()->dependencyDialog()->findChild<QDialogButtonBox *>();
        QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(w->document()->map().findDependency(from, to));
        auto *notice = w->findChild<QMessageBox *>(QStringLiteral("noticeBox"));
        QVERIFY(notice);
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QLatin1String("cycle")), qPrintable(notice->text()));
        const Map &map = w->document()->map();
        for (const QString &id : {from, to})
            QVERIFY2(notice->text().contains(map.component(*map.findComponent(id)).displayName()),
                qPrintable(notice->text()));
        notice->close();
        QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("noticeBox")));
        // A dependency that closes nothing says nothing.
        QVERIFY(
            w->editActions()->addDependency(QStringLiteral("recs"), QStringLiteral("loyalty-db")));
        QVERIFY(!w->findChild<QMessageBox *>(QStringLiteral("noticeBox")));
    }

    // Bug 9: deleting a component that saved scenarios fail says which; Undo puts it back in
    // them.
    void deletingSaysWhichScenariosLoseIt()
    {
        auto w = openExample();
        const QString id = QStringLiteral("payments-db-primary");
        const QString scenario = QStringLiteral("Payments DB primary lost — failover holds");
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w.get(), id));
        QCOMPARE(w->selection()->current(), id);
        QTest::keyClick(w->view(), Qt::Key_Delete);
        const Map &map = w->document()->map();
        QVERIFY(!map.findComponent(id));
        QVERIFY(map.scenario(*map.findScenario(scenario)).fail.isEmpty());
        auto *notice = w->findChild<QMessageBox *>(QStringLiteral("noticeBox"));
        QVERIFY(notice);
        QVERIFY2(notice->text().contains(scenario), qPrintable(notice->text()));
        QVERIFY(!notice->text().contains(QLatin1String("us-east-1 down")));
        notice->close();
        QTest::keyClick(w->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w->document()->map().scenario(*w->document()->map().findScenario(scenario)).fail,
            QStringList {id});
    }
};

QTEST_MAIN(TestGuiMapBuild)
#include "tst_gui_mapbuild.moc"
