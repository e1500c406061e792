// The desktop window driven as a user would: open a map, apply a scenario, read the canvas,
// select, fail with a shortcut, drag, save and reopen.
#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/whatifactions.h"
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "model/impact/resolve.h"
#include "model/io/mapfile.h"
#include "tests/app/guitestutil.h"
#include "views/canvasitems.h"
#include "views/icons.h"
#include "views/impactpanel.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/scenariospanel.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace faultline;
using namespace faultline::guitest;

class TestGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void opensAndLaysOut()
    {
        auto w = openExample();
        const Map &map = w->document()->map();
        QVERIFY(map.componentCount() > 50);
        for (const Component &c : map.components()) {
            QVERIFY2(map.positions().contains(c.id), qPrintable(c.id));
            if (NodeItem *n = w->scene()->nodeItem(c.id))
                QVERIFY(n->isVisible());
        }
        // Clusters hold their children.
        for (const Component &c : map.components()) {
            if (c.parent.isEmpty())
                continue;
            const ClusterItem *parent = w->scene()->clusterItem(c.parent);
            QVERIFY(parent);
            const QRectF child = w->scene()->nodeItem(c.id) ? w->scene()->nodeItem(c.id)->rect()
                                                            : w->scene()->clusterItem(c.id)->rect();
            QVERIFY2(parent->rect().contains(child), qPrintable(c.id));
        }
        // Opening positions is not an edit.
        QVERIFY(!w->document()->isModified());
        QVERIFY(w->windowTitle().contains(QLatin1String("acme-on-aws.json")));
    }

    void scenarioRecolours()
    {
        auto w = openExample();
        QListWidget *list = w->scenariosPanel()->list();
        QList<QListWidgetItem *> hits =
            list->findItems(QStringLiteral("us-east-1 down"), Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        list->scrollToItem(hits.front());
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualItemRect(hits.front()).center());
        QCOMPARE(w->document()->failed(), QStringList {QStringLiteral("use1")});
        checkCanvasMatchesEngine(w.get());
        QCOMPARE(w->scene()->lookName(QStringLiteral("use1")), QStringLiteral("failed"));
        QCOMPARE(w->scene()->lookName(QStringLiteral("use1-az1")), QStringLiteral("down"));
        QVERIFY(w->impactPanel()->summaryText().contains(QLatin1String("down")));
        // The edge that carried the failure is highlighted.
        int carrying = 0;
        for (QGraphicsItem *item : w->scene()->items()) {
            if (auto *e = qgraphicsitem_cast<EdgeItem *>(item))
                carrying += e->look().emphasis == drawing::EdgeEmphasis::Carries;
        }
        QVERIFY(carrying > 0);
        // Every saved scenario paints what the engine says.
        for (int i = 0; i < list->count(); ++i) {
            QVERIFY(w->whatIf()->applyScenario(list->item(i)->text()));
            checkCanvasMatchesEngine(w.get());
        }
        QTest::keyClick(w->view(), Qt::Key_Escape);
        QVERIFY(w->document()->failed().isEmpty());
        checkCanvasMatchesEngine(w.get());
    }

    void selectionShowsChain()
    {
        auto w = openExample();
        QVERIFY(w->whatIf()->applyScenario(QStringLiteral("us-east-1 down")));
        const QString id = QStringLiteral("checkout");
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w.get(), id));
        QCOMPARE(w->selection()->current(), id);
        const Map &map = w->document()->map();
        const auto c = map.findComponent(id);
        const std::vector<ComponentIndex> path = w->document()->impact().path(*c);
        QVERIFY(path.size() >= 2);
        QSet<QString> onChain;
        for (ComponentIndex p : path)
            onChain.insert(map.component(p).id);
        for (const Component &comp : map.components()) {
            const bool chain = w->scene()->nodeItem(comp.id)
                ? w->scene()->nodeItem(comp.id)->look().chain
                : w->scene()->clusterItem(comp.id)->look().chain;
            QCOMPARE(chain, onChain.contains(comp.id));
        }
        for (std::size_t k = 0; k + 1 < path.size(); ++k) {
            if (EdgeItem *e =
                    w->scene()->edgeItem(map.component(path[k]).id, map.component(path[k + 1]).id))
                QCOMPARE(e->look().emphasis, drawing::EdgeEmphasis::Chain);
        }
        const QString chain = w->impactPanel()->chainText();
        for (ComponentIndex p : path)
            QVERIFY2(chain.contains(map.component(p).displayName().toHtmlEscaped()),
                qPrintable(map.component(p).id));
    }

    void failWithShortcut()
    {
        auto w = openExample();
        const QString id = QStringLiteral("payvine");
        QTest::mouseClick(w->view()->viewport(), Qt::LeftButton, {}, viewPoint(w.get(), id));
        QTest::keyClick(w->view(), Qt::Key_F);
        QCOMPARE(w->document()->failed(), QStringList {id});
        QCOMPARE(w->scene()->lookName(id), QStringLiteral("failed"));
        checkCanvasMatchesEngine(w.get());
        QTest::keyClick(w->view(), Qt::Key_D);
        QCOMPARE(w->document()->degraded(), QStringList {id});
        QVERIFY(w->document()->failed().isEmpty());
        QTest::keyClick(w->view(), Qt::Key_C);
        QVERIFY(w->document()->degraded().isEmpty());
        QCOMPARE(w->scene()->lookName(id), QStringLiteral("up"));
        // A what-if is not an edit.
        QVERIFY(!w->document()->isModified());
    }

    void dragIsOneUndoStep()
    {
        auto w = openExample();
        const QString id = QStringLiteral("blog");
        QUndoStack *undo = w->document()->undoStack();
        const int steps = undo->count();
        const QPointF before = w->document()->map().positions().value(id);
        const QPoint start = viewPoint(w.get(), id);
        QWidget *vp = w->view()->viewport();
        QTest::mousePress(vp, Qt::LeftButton, {}, start);
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(vp, start + QPoint(12 * i, 6 * i));
        QTest::mouseRelease(vp, Qt::LeftButton, {}, start + QPoint(60, 30));
        QCOMPARE(undo->count(), steps + 1);
        const QPointF after = w->document()->map().positions().value(id);
        QVERIFY(after != before);
        QCOMPARE(w->scene()->nodeItem(id)->pos(), after);
        QVERIFY(w->document()->isModified());
        QVERIFY(w->windowTitle().contains(QLatin1String("[*]")) || w->isWindowModified());
        undo->undo();
        QCOMPARE(w->document()->map().positions().value(id), before);
        QCOMPARE(w->scene()->nodeItem(id)->pos(), before);
        undo->redo();
        QCOMPARE(w->scene()->nodeItem(id)->pos(), after);
    }

    void scenarioEditsAreUndoable()
    {
        auto w = openExample();
        QUndoStack *undo = w->document()->undoStack();
        const int scenarios = int(w->document()->map().scenarios().size());
        w->document()->setWhatIf({QStringLiteral("route53")}, {});
        emit w->scenariosPanel()->saveRequested(QStringLiteral("DNS down"));
        QCOMPARE(int(w->document()->map().scenarios().size()), scenarios + 1);
        emit w->scenariosPanel()->renameRequested(
            QStringLiteral("DNS down"), QStringLiteral("Route 53 down"));
        QVERIFY(w->document()->map().findScenario(QStringLiteral("Route 53 down")));
        emit w->scenariosPanel()->removeRequested(QStringLiteral("us-east-1 down"));
        QVERIFY(!w->document()->map().findScenario(QStringLiteral("us-east-1 down")));
        QCOMPARE(undo->count(), 3);
        undo->undo();
        undo->undo();
        undo->undo();
        QCOMPARE(int(w->document()->map().scenarios().size()), scenarios);
        QVERIFY(w->document()->map().findScenario(QStringLiteral("us-east-1 down")));
        QCOMPARE(w->scenariosPanel()->list()->count(), scenarios);
    }

    // The app recognises a map file as the command line does (model/io/mapfile.h): by its
    // content when the name does not say, so interchange JSON under another name opens too.
    void opensByContentWhateverTheName()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("acme-export.txt"));
        QVERIFY(QFile::copy(QStringLiteral(FAULTLINE_EXAMPLE), json));
        const QString document = dir.filePath(QStringLiteral("acme.backup"));
        {
            auto w = openExample();
            QVERIFY(w->files()->saveTo(document));
        }
        MainWindow w(false);
        QVERIFY(w.files()->open(json));
        QCOMPARE(w.document()->map(), loadMap(json));
        QVERIFY(w.document()->filePath().isEmpty()); // imported: untitled until saved
        QVERIFY(w.files()->open(document));
        QCOMPARE(w.document()->map(), loadMap(document));
        QCOMPARE(w.document()->filePath(), QFileInfo(document).absoluteFilePath());
    }

    // View › Fit shows the whole of a map of thousands, however wide: the view zooms out as
    // far as it takes (at 5 % a map of 10,000 components did not fit its window).
    void fitShowsTheWholeOfAWideMap()
    {
        Map map;
        for (int i = 0; i < 1500; ++i) {
            Component c;
            c.id = QStringLiteral("c%1").arg(i);
            c.kind = QStringLiteral("service");
            map.addComponent(c);
            map.setPosition(c.id, QPointF((i % 150) * 160.0, (i / 150) * 80.0));
        }
        MainWindow w(false);
        w.resize(1600, 1000); // the canvas gets about 730 points of it
        w.show();
        w.document()->reset(map, QString(), false);
        QVERIFY(!w.isLayoutRunning());
        w.view()->fitToMap();
        const QRectF shown = w.view()->mapToScene(w.view()->viewport()->rect()).boundingRect();
        for (const QString id : {QStringLiteral("c0"), QStringLiteral("c149"),
                 QStringLiteral("c1350"), QStringLiteral("c1499")}) {
            const QRectF box = w.scene()->nodeItem(id)->sceneBoundingRect();
            QVERIFY2(shown.contains(box),
                qPrintable(QStringLiteral("%1 %2,%3 %4x%5 in %6,%7 %8x%9 zoom %10")
                               .arg(id)
                               .arg(box.x())
                               .arg(box.y())
                               .arg(box.width())
                               .arg(box.height())
                               .arg(shown.x())
                               .arg(shown.y())
                               .arg(shown.width())
                               .arg(shown.height())
                               .arg(w.view()->zoom())));
        }
    }

    void saveAndReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("acme.faultline"));
        Map saved;
        {
            auto w = openExample();
            w->document()->setWhatIf({QStringLiteral("use1-az2")}, {});
            emit w->scenariosPanel()->saveRequested(QStringLiteral("az2 down"));
            QVERIFY(w->files()->saveTo(path));
            QVERIFY(!w->document()->isModified());
            QCOMPARE(w->document()->filePath(), path);
            saved = w->document()->map();
        }
        MainWindow w(false);
        w.show();
        QVERIFY(w.files()->open(path));
        // Positions are stored: no layout at open.
        QVERIFY(!w.isLayoutRunning());
        QVERIFY(w.waitForLayout());
        QCOMPARE(w.document()->map(), saved);
        QVERIFY(w.document()->map().findScenario(QStringLiteral("az2 down")));
        for (auto it = saved.positions().cbegin(); it != saved.positions().cend(); ++it) {
            if (NodeItem *n = w.scene()->nodeItem(it.key()))
                QCOMPARE(n->pos(), it.value());
        }
        QVERIFY(w.windowTitle().startsWith(QLatin1String("acme.faultline")));
    }

    void relayoutIsOneUndoStep()
    {
        auto w = openExample();
        QUndoStack *undo = w->document()->undoStack();
        w->relayout();
        QVERIFY(w->isLayoutRunning());
        QVERIFY(w->waitForLayout());
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->text(0), QStringLiteral("Re-layout"));
    }

    void cancelKeepsPicture()
    {
        auto w = openExample();
        w->relayout();
        QVERIFY(w->isLayoutRunning());
        QPushButton *cancel = nullptr;
        for (QPushButton *b : w->findChildren<QPushButton *>()) {
            if (b->text() == QLatin1String("Cancel") && b->isVisible())
                cancel = b;
        }
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!w->isLayoutRunning());
        QVERIFY(w->waitForLayout()); // until Graphviz has ended, and what is due delivered
        QCoreApplication::processEvents();
        // The late result is dropped: no Re-layout step.
        QCOMPARE(w->document()->undoStack()->count(), 0);
    }

    void editDuringLayoutLaysOutTheEditedMap()
    {
        // The layout runs on the GUI's BackgroundJob: an edit while Graphviz runs drops its
        // result (the map it laid out is gone), and the map as edited is laid out instead, so
        // the Re-layout step places the component added meanwhile. (The runner of before
        // applied the stale positions and left it unplaced.)
        auto w = openExample();
        QUndoStack *undo = w->document()->undoStack();
        w->relayout();
        QVERIFY(w->isLayoutRunning());
        Component c;
        c.id = QStringLiteral("added-during-layout");
        c.kind = QStringLiteral("service");
        QVERIFY(!edit::tryPush(*w->document(), edit::addComponent(*w->document(), c)));
        QVERIFY(w->waitForLayout());
        QCOMPARE(undo->count(), 2);
        QCOMPARE(undo->text(1), QStringLiteral("Re-layout"));
        QVERIFY(w->document()->map().positions().contains(c.id));
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
