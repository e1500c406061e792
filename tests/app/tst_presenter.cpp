// Presenter mode (View › Present, F5) driven with the keys a presenter uses: the canvas at each
// step shows exactly what the engine's rounds say, the caption tells the step and the tally,
// no other key acts while presenting, and leaving gives the window back as it was.
#include "app/gui/mainwindow.h"
#include "app/gui/presentermode.h"
#include "app/gui/whatifactions.h"
#include "model/editing/mapdocument.h"
#include "model/impact/resolve.h"
#include "tests/app/guitestutil.h"
#include "views/canvasitems.h"
#include "views/icons.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/presentercaption.h"
#include "views/theme.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>

using namespace faultline;
using namespace faultline::guitest;

namespace {

const QString dynamoDb = QStringLiteral("DynamoDB DNS failure (Oct 2025)");

// A key as the user presses it: to whatever has the focus, or the window.
void press(MainWindow *w, int key, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : w, Qt::Key(key), mods);
    QCoreApplication::processEvents();
}

// Step k shows every component whose round is at most k in its final state, the rest up (what
// the scenario impairs shows impaired from step 0); the edges that carried a state in step k
// are drawn fresh, earlier ones as carrying.
void checkStep(MainWindow *w, const ImpactResult &expected, int k)
{
    MapDocument *doc = w->document();
    const Map &map = doc->map();
    QCOMPARE(w->presenter()->step(), k);
    for (int c = 0; c < map.componentCount(); ++c) {
        const ComponentIndex i(c);
        const QString &id = map.components()[c].id;
        const int round = expected.round(i);
        const State shown = round >= 0 && round <= k ? expected.state(i) : State::Up;
        const theme::Look look =
            theme::lookFor(shown, doc->failed().contains(id), doc->degraded().contains(id));
        QVERIFY2(w->scene()->lookName(id) == theme::lookName(look),
            qPrintable(QStringLiteral("step %1, %2: %3, expected %4")
                           .arg(k)
                           .arg(id, w->scene()->lookName(id), theme::lookName(look))));
        if (round >= 0 && round <= k && expected.cause(i).isValid()) {
            const QString &cause = map.component(expected.cause(i)).id;
            if (EdgeItem *edge = w->scene()->edgeItem(id, cause)) {
                QCOMPARE(edge->look().emphasis,
                    round == k ? drawing::EdgeEmphasis::Fresh : drawing::EdgeEmphasis::Carries);
            }
        }
    }
    QVERIFY2(w->presenter()->caption()->text().contains(
                 QStringLiteral("Step %1 of %2").arg(k).arg(expected.lastRound())),
        qPrintable(w->presenter()->caption()->text()));
}

ImpactResult engineResult(MainWindow *w)
{
    const Map &map = w->document()->map();
    const ImpactGraph graph(map);
    return evaluateImpact(
        graph, resolveScenario(map, w->document()->failed(), w->document()->degraded()));
}

} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void stepsShowTheEngineRounds()
    {
        auto w = openExample();
        QVERIFY(w->whatIf()->applyScenario(dynamoDb));
        const ImpactResult expected = engineResult(w.get());
        QCOMPARE(expected.lastRound(), 9);
        w->view()->setFocus();
        press(w.get(), Qt::Key_F5);
        QVERIFY(w->presenter()->isPresenting());
        QCOMPARE(w->presenter()->lastStep(), 9);
        const QString caption0 = w->presenter()->caption()->text();
        QVERIFY2(caption0.contains(QStringLiteral("Acme Outfitters on AWS — ") + dynamoDb),
            qPrintable(caption0));
        QVERIFY2(caption0.contains(QLatin1String("1 down")), qPrintable(caption0));
        checkStep(w.get(), expected, 0);
        // Step 0 names what the scenario fails, in large type beside it.
        QCOMPARE(int(w->view()->calloutList().size()), 1);
        QCOMPARE(w->view()->calloutList()[0].id, QStringLiteral("ddb-dns-ctl"));

        // Forward with every key a presenter's remote or keyboard sends.
        const int forward[] = {Qt::Key_Right, Qt::Key_Space, Qt::Key_PageDown};
        for (int k = 1; k <= 9; ++k) {
            press(w.get(), forward[k % 3]);
            checkStep(w.get(), expected, k);
            int reached = 0;
            for (int c = 0; c < expected.size(); ++c)
                reached += expected.round(ComponentIndex(c)) == k ? 1 : 0;
            QCOMPARE(int(w->view()->calloutList().size()), reached);
        }
        // Business services are called out as they fall; exposed ones too.
        press(w.get(), Qt::Key_Home);
        checkStep(w.get(), expected, 0);
        for (int k = 0; k < 6; ++k)
            press(w.get(), Qt::Key_Right);
        const QString caption6 = w->presenter()->caption()->text();
        QVERIFY2(caption6.contains(QLatin1String("Checkout is down")), qPrintable(caption6));
        QVERIFY2(caption6.contains(QLatin1String("Storefront (acmeoutfitters.com) is degraded")),
            qPrintable(caption6));
        QVERIFY2(caption6.contains(QLatin1String("is exposed")), qPrintable(caption6));
        QVERIFY2(!caption6.contains(QLatin1String("Mobile app (iOS & Android) is down")),
            qPrintable(caption6));
        // Past the end stays at the end; End and the tally of the whole result.
        press(w.get(), Qt::Key_End);
        checkStep(w.get(), expected, 9);
        press(w.get(), Qt::Key_Right);
        checkStep(w.get(), expected, 9);
        const QString last = w->presenter()->caption()->text();
        QVERIFY2(last.contains(QLatin1String("35 down"))
                && last.contains(QLatin1String("9 degraded"))
                && last.contains(QLatin1String("2 at risk"))
                && last.contains(QLatin1String("$111,900/h lost")),
            qPrintable(last));
        // Back.
        press(w.get(), Qt::Key_Left);
        checkStep(w.get(), expected, 8);
        press(w.get(), Qt::Key_PageUp);
        checkStep(w.get(), expected, 7);
        press(w.get(), Qt::Key_Home);
        checkStep(w.get(), expected, 0);
        press(w.get(), Qt::Key_Left);
        checkStep(w.get(), expected, 0);
        press(w.get(), Qt::Key_Escape);
        QVERIFY(!w->presenter()->isPresenting());
        // The canvas shows the what-if whole again.
        checkCanvasMatchesEngine(w.get());
    }

    void keysWorkWhereverFocusIsAndNothingElseActs()
    {
        auto w = openExample();
        QVERIFY(w->whatIf()->applyScenario(dynamoDb));
        // Focus in a text field when presenting starts: F5 there still presents.
        auto *search = w->findChild<QLineEdit *>();
        QVERIFY(search);
        search->setFocus();
        QCoreApplication::processEvents();
        w->selection()->setComponents({QStringLiteral("checkout")});
        press(w.get(), Qt::Key_F5);
        QVERIFY(w->presenter()->isPresenting());
        const QStringList failed = w->document()->failed();
        const int undo = w->document()->undoStack()->count();
        // Letters, Delete and Ctrl+Z would fail, clear, delete or undo: none acts.
        for (int key :
            {Qt::Key_F, Qt::Key_D, Qt::Key_C, Qt::Key_U, Qt::Key_R, Qt::Key_Delete, Qt::Key_Insert})
            press(w.get(), key);
        press(w.get(), Qt::Key_Z, Qt::ControlModifier);
        press(w.get(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(w->presenter()->isPresenting());
        QCOMPARE(w->document()->failed(), failed);
        QCOMPARE(w->document()->undoStack()->count(), undo);
        QVERIFY(!w->scene()->dimUnaffected());
        // Keys sent to the window itself, whatever has the focus, step too.
        QTest::keyClick(w.get(), Qt::Key_Right);
        QCOMPARE(w->presenter()->step(), 1);
        QTest::keyClick(w->presenter()->caption(), Qt::Key_End);
        QCOMPARE(w->presenter()->step(), 9);
        // F5 again leaves.
        press(w.get(), Qt::Key_F5);
        QTRY_VERIFY(!w->presenter()->isPresenting());
        QCOMPARE(w->document()->failed(), failed);
    }

    void leavingRestoresTheWindow()
    {
        auto w = openExample();
        QVERIFY(w->whatIf()->applyScenario(dynamoDb));
        w->view()->zoomIn();
        w->view()->centreOn(QStringLiteral("checkout"));
        w->selection()->setComponents({QStringLiteral("checkout")});
        QCoreApplication::processEvents();
        const QRect geometry = w->geometry();
        const QByteArray state = w->saveState();
        const QTransform transform = w->view()->transform();
        const QPointF centre = w->view()->mapToScene(w->view()->viewport()->rect().center());
        QStringList visibleDocks;
        for (QDockWidget *d : w->findChildren<QDockWidget *>()) {
            if (d->isVisible())
                visibleDocks.append(d->objectName());
        }
        QVERIFY(visibleDocks.size() >= 3);
        w->view()->setFocus();
        press(w.get(), Qt::Key_F5);
        QVERIFY(w->presenter()->isPresenting());
        QVERIFY(w->isFullScreen());
        for (QDockWidget *d : w->findChildren<QDockWidget *>())
            QVERIFY2(!d->isVisible(), qPrintable(d->objectName()));
        for (QToolBar *t : w->findChildren<QToolBar *>())
            QVERIFY(!t->isVisible());
        QVERIFY(!w->menuBar()->isVisible());
        QVERIFY(!w->statusBar()->isVisible());
        QVERIFY(w->presenter()->caption()->isVisible());
        // Another saved scenario from the keyboard (3: "one zone down"), a few steps.
        press(w.get(), Qt::Key_3);
        QCOMPARE(w->document()->failed(), w->document()->map().scenarios()[2].fail);
        QCOMPARE(w->presenter()->step(), 0);
        press(w.get(), Qt::Key_Right);
        press(w.get(), Qt::Key_Escape);
        QTRY_VERIFY(!w->presenter()->isPresenting());
        QTest::qWait(50);
        QVERIFY(!w->isFullScreen());
        QCOMPARE(w->geometry(), geometry);
        QCOMPARE(w->saveState(), state);
        QStringList after;
        for (QDockWidget *d : w->findChildren<QDockWidget *>()) {
            if (d->isVisible())
                after.append(d->objectName());
        }
        QCOMPARE(after, visibleDocks);
        for (QToolBar *t : w->findChildren<QToolBar *>())
            QVERIFY(t->isVisible());
        QVERIFY(w->menuBar()->isVisible());
        QVERIFY(w->statusBar()->isVisible());
        QVERIFY(!w->presenter()->caption()->isVisible());
        QVERIFY(w->view()->isLegendVisible());
        QVERIFY(w->view()->calloutList().empty());
        QCOMPARE(w->view()->transform(), transform);
        const QPointF centreAfter = w->view()->mapToScene(w->view()->viewport()->rect().center());
        QVERIFY2(QLineF(centre, centreAfter).length() * transform.m11() < 2, // pixels
            qPrintable(QStringLiteral("%1,%2 -> %3,%4")
                           .arg(centre.x())
                           .arg(centre.y())
                           .arg(centreAfter.x())
                           .arg(centreAfter.y())));
        // The what-if and the selection of before.
        QCOMPARE(w->document()->failed(), w->document()->map().scenarios()[0].fail);
        QCOMPARE(w->selection()->components(), QStringList {QStringLiteral("checkout")});
        checkCanvasMatchesEngine(w.get());
    }

    void closingTheWindowLeavesPresenting()
    {
        auto w = openExample();
        QVERIFY(w->whatIf()->applyScenario(dynamoDb));
        w->presenter()->presentAction()->trigger();
        QVERIFY(w->presenter()->isPresenting());
        QVERIFY(!w->close());
        QVERIFY(!w->presenter()->isPresenting());
        QVERIFY(w->isVisible());
    }

    void withoutAWhatIfItAsksForAScenario()
    {
        auto w = openExample();
        QVERIFY(w->document()->failed().isEmpty());
        w->view()->setFocus();
        press(w.get(), Qt::Key_F5);
        QVERIFY(w->presenter()->isPresenting());
        const QString caption = w->presenter()->caption()->text();
        QVERIFY2(caption.contains(QLatin1String("choose a scenario")), qPrintable(caption));
        QVERIFY2(caption.contains(QLatin1String("1 ") + dynamoDb), qPrintable(caption));
        QVERIFY(!w->scene()->hasLooksOverride());
        // A key past the saved scenarios does nothing; 1 presents the first.
        press(w.get(), Qt::Key_9);
        QVERIFY(w->document()->failed().isEmpty());
        press(w.get(), Qt::Key_1);
        QCOMPARE(w->document()->failed(), w->document()->map().scenarios()[0].fail);
        const ImpactResult expected = engineResult(w.get());
        checkStep(w.get(), expected, 0);
        press(w.get(), Qt::Key_End);
        checkStep(w.get(), expected, 9);
        press(w.get(), Qt::Key_Escape);
        QTRY_VERIFY(!w->presenter()->isPresenting());
        // Leaving takes back the scenario chosen while presenting.
        QVERIFY(w->document()->failed().isEmpty());
        checkCanvasMatchesEngine(w.get());
    }
};

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
