// Where components go on the canvas while a map is built by hand (issue 11, bugs 3, 7 and 8):
// new ones never stack, a component moved into a parent goes inside its box, an import places
// only what it adds, a drag onto another cluster offers a re-parent; boxes of different
// parents never overlap.
#include "app/gui/editactions.h"
#include "app/gui/exportactions.h"
#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "tests/app/guitestutil.h"
#include "views/canvasitems.h"
#include "views/icons.h"
#include "views/inspector.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace faultline;
using namespace faultline::guitest;

namespace {

QRectF boxOf(MainWindow *w, const QString &id)
{
    if (const NodeItem *n = w->scene()->nodeItem(id))
        return n->isVisible() ? n->rect() : QRectF();
    if (const ClusterItem *c = w->scene()->clusterItem(id))
        return c->isVisible() ? c->rect() : QRectF();
    return {};
}

bool isInside(const Map &map, const QString &id, const QString &ancestor)
{
    for (auto i = map.findComponent(id); i && !map.component(*i).parent.isEmpty();
         i = map.findComponent(map.component(*i).parent)) {
        if (map.component(*i).parent == ancestor)
            return true;
    }
    return false;
}

// No two boxes overlap unless one is inside the other.
void checkNoOverlap(MainWindow *w)
{
    const Map &map = w->document()->map();
    for (const Component &a : map.components()) {
        const QRectF ra = boxOf(w, a.id);
        QVERIFY2(!ra.isNull(), qPrintable(a.id + QStringLiteral(" is not on the canvas")));
        for (const Component &b : map.components()) {
            if (a.id >= b.id || isInside(map, a.id, b.id) || isInside(map, b.id, a.id))
                continue;
            QVERIFY2(!ra.intersects(boxOf(w, b.id)),
                qPrintable(QStringLiteral("%1 %3 overlaps %2 %4")
                               .arg(a.id, b.id)
                               .arg(QDebug::toString(ra), QDebug::toString(boxOf(w, b.id)))));
        }
    }
}

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

// Insert from the canvas, then name it in the inspector, as a user does.
QString insert(MainWindow *w, const QString &name)
{
    w->view()->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(w->view(), Qt::Key_Insert);
    QWidget *field = QApplication::focusWidget();
    QTest::keyClicks(field, name);
    QTest::keyClick(field, Qt::Key_Return);
    return w->selection()->current();
}

// "Inside" in the inspector: open the drop-down, click the parent.
void putInside(MainWindow *w, const QString &id, const QString &parent)
{
    w->selection()->setComponents({id});
    auto *inside = w->editActions()->inspector()->findChild<QComboBox *>(QStringLiteral("parent"));
    QVERIFY(inside);
    const int row = inside->findData(parent);
    QVERIFY(row >= 0);
    inside->showPopup();
    QAbstractItemView *list = inside->view();
    QVERIFY(QTest::qWaitForWindowExposed(list->window()));
    list->scrollTo(list->model()->index(row, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
        list->visualRect(list->model()->index(row, 0)).center());
    QTRY_COMPARE(
        w->document()->map().component(*w->document()->map().findComponent(id)).parent, parent);
}

// Answers the question a drop asks, once it is up (looking every 20 ms for 20 s: a loaded
// machine may take a while to get there).
void answerNextQuestion(QMessageBox::StandardButton button, QString *text)
{
    auto *poll = new QTimer;
    auto tries = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, [=] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            *text = box->text();
            box->button(button)->click();
        }
        if (box || ++*tries > 1000)
            poll->deleteLater();
    });
    poll->start(20);
}

void drag(MainWindow *w, const QString &id, QPointF sceneTo)
{
    QWidget *vp = w->view()->viewport();
    w->view()->centerOn(sceneTo);
    QCoreApplication::processEvents();
    const QPoint from = w->view()->mapFromScene(w->scene()->nodeItem(id)->pos());
    const QPoint to = w->view()->mapFromScene(sceneTo);
    QTest::mousePress(vp, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 8; ++i)
        QTest::mouseMove(vp, from + (to - from) * i / 8);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
}

} // namespace

class TestGuiPlacement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    // Bug 3: the web shop's containment built by hand. Nothing stacks, a component moved into
    // a parent goes inside that parent's box, and no two boxes of different parents overlap.
    void builtByHandNothingOverlaps()
    {
        auto w = newMapWindow();
        const QString aws = insert(w.get(), QStringLiteral("AWS"));
        const QString region = insert(w.get(), QStringLiteral("eu-west-1"));
        const QString zoneA = insert(w.get(), QStringLiteral("Zone A"));
        const QString zoneB = insert(w.get(), QStringLiteral("Zone B"));
        const QString web1 = insert(w.get(), QStringLiteral("Web 1"));
        const QString web2 = insert(w.get(), QStringLiteral("Web 2"));
        const QString lb = insert(w.get(), QStringLiteral("Load balancer"));
        QCOMPARE(w->document()->map().componentCount(), 7);
        checkNoOverlap(w.get());
        putInside(w.get(), region, aws);
        checkNoOverlap(w.get());
        putInside(w.get(), zoneA, region);
        checkNoOverlap(w.get());
        putInside(w.get(), zoneB, region);
        checkNoOverlap(w.get());
        putInside(w.get(), web1, zoneA);
        checkNoOverlap(w.get());
        putInside(w.get(), web2, zoneB);
        checkNoOverlap(w.get());
        QVERIFY(boxOf(w.get(), zoneA).contains(boxOf(w.get(), web1)));
        QVERIFY(boxOf(w.get(), aws).contains(boxOf(w.get(), zoneB)));
        QVERIFY(!boxOf(w.get(), aws).intersects(boxOf(w.get(), lb)));
        // Taking a component out to the top level puts it outside every box.
        putInside(w.get(), web2, QString());
        checkNoOverlap(w.get());
        // The context menu's insert goes where the mouse is, inside the box under it.
        const QPointF inRegion = boxOf(w.get(), region).bottomRight() + QPointF(-4, -4);
        const QString added = w->editActions()->newComponent(inRegion);
        QCOMPARE(w->document()->map().component(*w->document()->map().findComponent(added)).parent,
            region);
        checkNoOverlap(w.get());
        QVERIFY(QLineF(boxOf(w.get(), added).center(), inRegion).length() < 300);
    }

    // Bug 7: File › Import › Add to This Map places only what it adds; Undo gives back the map
    // exactly, unmodified.
    void importAddsWithoutMovingTheMap()
    {
        auto w = openExample();
        const auto before = w->document()->map().positions();
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("more.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"format": "faultline-map", "components": [
            {"id": "extra-zone", "kind": "zone"},
            {"id": "extra-1", "kind": "compute", "parent": "extra-zone"},
            {"id": "extra-2", "kind": "compute", "parent": "extra-zone"},
            {"id": "crm", "kind": "saas"}, {"id": "crm-sync", "kind": "service"}],
            "dependencies": [{"from": "crm-sync", "to": "crm"}]})");
        out.close();
        w->exportActions()->setInteractive(false);
        QVERIFY2(w->exportActions()->importFrom(file, ExportActions::ImportMode::Merge),
            qPrintable(w->exportActions()->lastError()));
        QVERIFY(w->waitForLayout());
        QTRY_VERIFY(!w->scene()->hasUnplacedComponents());
        const auto after = w->document()->map().positions();
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
        checkNoOverlap(w.get());
        w->document()->undoStack()->undo();
        QCOMPARE(w->document()->map().positions(), before);
        QVERIFY(!w->document()->isModified());
    }

    // Bug 8: a component dragged onto another cluster's box is offered a move there (one undo
    // step); dragged elsewhere it stays in its own parent, and no boxes overlap.
    void dragOntoAnotherCluster()
    {
        auto w = openExample();
        const QString id = QStringLiteral("payments-db-primary");
        const QString from = QStringLiteral("use1-az2"), to = QStringLiteral("use1-az3");
        QUndoStack *undo = w->document()->undoStack();
        const int steps = undo->count();
        const QPointF start = w->document()->map().positions().value(id);
        const QRectF target = boxOf(w.get(), to);
        QString question;
        answerNextQuestion(QMessageBox::Yes, &question);
        drag(w.get(), id, QPointF(target.center().x(), target.bottom() - 10));
        QTRY_VERIFY(!question.isEmpty());
        QVERIFY2(
            question.contains(QLatin1String("use1-az3")) || question.contains(QLatin1String("az3")),
            qPrintable(question));
        const Map &map = w->document()->map();
        QCOMPARE(map.component(*map.findComponent(id)).parent, to);
        QCOMPARE(undo->count(), steps + 1);
        QVERIFY(boxOf(w.get(), to).contains(boxOf(w.get(), id)));
        checkNoOverlap(w.get());
        undo->undo();
        QCOMPARE(
            w->document()->map().component(*w->document()->map().findComponent(id)).parent, from);
        QCOMPARE(w->document()->map().positions().value(id), start);

        // No: it goes back where it was.
        question.clear();
        answerNextQuestion(QMessageBox::No, &question);
        drag(w.get(), id, QPointF(target.center().x(), target.bottom() - 10));
        QTRY_VERIFY(!question.isEmpty());
        QCOMPARE(
            w->document()->map().component(*w->document()->map().findComponent(id)).parent, from);
        QCOMPARE(w->scene()->nodeItem(id)->pos(), start);
        QCOMPARE(undo->index(), steps);

        // Onto the empty canvas far away: it stays in its zone, and the zone's box does not
        // come to overlap the others.
        const QRectF all = w->scene()->mapBounds();
        drag(w.get(), id, QPointF(all.right() + 200, all.bottom() + 200));
        QCOMPARE(
            w->document()->map().component(*w->document()->map().findComponent(id)).parent, from);
        checkNoOverlap(w.get());
    }
};

QTEST_MAIN(TestGuiPlacement)
#include "tst_gui_placement.moc"
