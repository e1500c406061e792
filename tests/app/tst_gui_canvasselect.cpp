// Selecting on the canvas as diagram editors do (issue 11): a drag on the background draws a
// rubber band that selects the components inside it (Ctrl+drag adds to the selection); the
// middle button and Space+drag pan; Ctrl+arrows, and the arrows with nothing selected, scroll.
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "tests/app/guitestutil.h"
#include "views/icons.h"
#include "views/mapselection.h"

#include <QScrollBar>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace faultline;
using namespace faultline::guitest;

namespace {

// A cluster whose children are all components (no nested clusters), at least three of them:
// its children's ids and the scene rectangle just around their cards.
struct Group
{
    QStringList ids;
    QRectF band;
};

Group leafGroup(MainWindow *w)
{
    const Map &map = w->document()->map();
    for (const Component &parent : map.components()) {
        Group g;
        bool leaves = true;
        for (const Component &c : map.components()) {
            if (c.parent != parent.id)
                continue;
            const NodeItem *node = w->scene()->nodeItem(c.id);
            if (!node) {
                leaves = false;
                break;
            }
            g.ids.append(c.id);
            g.band = g.band.united(node->sceneBoundingRect());
        }
        if (leaves && g.ids.size() >= 3) {
            g.band.adjust(-8, -8, 8, 8);
            std::sort(g.ids.begin(), g.ids.end());
            return g;
        }
    }
    return {};
}

void drag(
    QWidget *vp, Qt::MouseButton button, Qt::KeyboardModifiers modifiers, QPoint from, QPoint to)
{
    QTest::mousePress(vp, button, modifiers, from);
    for (int i = 1; i <= 8; ++i)
        QTest::mouseMove(vp, from + (to - from) * i / 8);
    QTest::mouseRelease(vp, button, modifiers, to);
}

QStringList sorted(QStringList ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestGuiCanvasSelect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void rubberBandSelects()
    {
        auto w = openExample();
        MapView *view = w->view();
        view->resetZoom();
        const Group group = leafGroup(w.get());
        QVERIFY(!group.ids.isEmpty());
        view->centerOn(group.band.center());
        QCoreApplication::processEvents();
        const QPoint from = view->mapFromScene(group.band.topLeft());
        const QPoint to = view->mapFromScene(group.band.bottomRight());
        QVERIFY(view->viewport()->rect().contains(from) && view->viewport()->rect().contains(to));
        QVERIFY2(!view->itemAt(from), "the band starts on the background");
        const int h = view->horizontalScrollBar()->value(), v = view->verticalScrollBar()->value();

        drag(view->viewport(), Qt::LeftButton, {}, from, to);
        QCOMPARE(sorted(w->selection()->components()), group.ids);
        // The background drag selected; it did not pan.
        QCOMPARE(view->horizontalScrollBar()->value(), h);
        QCOMPARE(view->verticalScrollBar()->value(), v);

        // A band over a part of the group selects that part; Ctrl+drag adds the rest back.
        const QRectF first = w->scene()->nodeItem(group.ids.front())->sceneBoundingRect();
        QStringList others = group.ids.mid(1);
        const QString outside = w->document()->map().components().front().id;
        w->selection()->setComponents({outside});
        drag(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
            view->mapFromScene(first.topLeft() - QPointF(6, 6)),
            view->mapFromScene(first.bottomRight() + QPointF(6, 6)));
        QCOMPARE(sorted(w->selection()->components()), sorted({outside, group.ids.front()}));

        // A click on the background clears the selection.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, from);
        QVERIFY(w->selection()->components().isEmpty());
    }

    void middleButtonAndSpacePan()
    {
        auto w = openExample();
        MapView *view = w->view();
        view->resetZoom();
        const Group group = leafGroup(w.get());
        view->centerOn(group.band.center());
        QCoreApplication::processEvents();
        QWidget *vp = view->viewport();
        const QPoint centre = vp->rect().center();
        w->selection()->setComponents({group.ids.front()});

        const int h = view->horizontalScrollBar()->value(), v = view->verticalScrollBar()->value();
        drag(vp, Qt::MiddleButton, {}, centre, centre + QPoint(-120, -80));
        QCOMPARE(view->horizontalScrollBar()->value(), h + 120);
        QCOMPARE(view->verticalScrollBar()->value(), v + 80);
        QCOMPARE(w->selection()->components(), QStringList {group.ids.front()});

        view->setFocus(Qt::MouseFocusReason);
        QTest::keyPress(view, Qt::Key_Space);
        drag(vp, Qt::LeftButton, {}, centre, centre + QPoint(100, 60));
        QTest::keyRelease(view, Qt::Key_Space);
        QCOMPARE(view->horizontalScrollBar()->value(), h + 20);
        QCOMPARE(view->verticalScrollBar()->value(), v + 20);
        QCOMPARE(w->selection()->components(), QStringList {group.ids.front()});
        QCOMPARE(w->document()->undoStack()->count(), 0); // nothing was dragged along

        // Space released: the left button selects again.
        const QPoint from = view->mapFromScene(group.band.topLeft());
        drag(vp, Qt::LeftButton, {}, from, view->mapFromScene(group.band.bottomRight()));
        QCOMPARE(sorted(w->selection()->components()), group.ids);
    }

    void keyboardScrolls()
    {
        auto w = openExample();
        MapView *view = w->view();
        view->resetZoom();
        view->setFocus(Qt::MouseFocusReason);
        QScrollBar *h = view->horizontalScrollBar();
        h->setValue((h->minimum() + h->maximum()) / 2);
        w->selection()->clear();
        int before = h->value();
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(h->value() > before);
        const Group group = leafGroup(w.get());
        w->selection()->setComponents({group.ids.front()});
        before = h->value();
        QTest::keyClick(view, Qt::Key_Left, Qt::ControlModifier);
        QVERIFY(h->value() < before);
        QCOMPARE(w->selection()->components(), QStringList {group.ids.front()});
    }
};

QTEST_MAIN(TestGuiCanvasSelect)
#include "tst_gui_canvasselect.moc"
