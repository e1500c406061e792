// Folding and focus in the window, driven as a user would under offscreen: double-click a
// region to fold it, − and + on a selected cluster, View › Collapse to Level, Undo; the folding
// saved and reopened; an export of a folded map with the folded box and without what it hides;
// a component selected from the tree opening the box that hides it; the focus hiding exactly
// what its cone leaves out, its banner, and Esc showing everything again.
#include "app/gui/exportactions.h"
#include "app/gui/foldactions.h"
#include "app/gui/whatifactions.h"
#include "model/analysis/focus.h"
#include "model/editing/edits.h"
#include "model/layout/folding.h"
#include "model/storage/faultlinefile.h"
#include "tests/app/guitestutil.h"
#include "views/diagramexport.h"
#include "views/mapselection.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace faultline;

namespace {

QStringList folded(MainWindow *w)
{
    return folding::foldedIds(w->document()->map());
}

bool isFoldedBox(MainWindow *w, const QString &id)
{
    const NodeItem *n = w->scene()->nodeItem(id);
    return n && n->isFolded() && n->isVisible() && !w->scene()->clusterItem(id);
}

// A point on the title bar of cluster `id`, in the viewport's coordinates.
QPoint titlePoint(MainWindow *w, const QString &id)
{
    const ClusterItem *c = w->scene()->clusterItem(id);
    w->view()->centerOn(c->rect().topLeft() + QPointF(60, 15));
    QCoreApplication::processEvents();
    return w->view()->mapFromScene(c->rect().topLeft() + QPointF(60, 15));
}

} // namespace

class TestGuiFolding : public QObject
{
    Q_OBJECT

private slots:
    void doubleClickFoldsAndOpens()
    {
        auto w = guitest::openExample();
        const QString region = QStringLiteral("use1");
        QVERIFY(w->scene()->clusterItem(region));
        QTest::mouseDClick(w->view()->viewport(), Qt::LeftButton, {}, titlePoint(w.get(), region));
        QVERIFY(w->waitForLayout());
        QCOMPARE(folded(w.get()), QStringList {region});
        QVERIFY(isFoldedBox(w.get(), region));
        QVERIFY(w->document()->isModified());
        // What it holds has no item; the canvas still shows the engine's states.
        QVERIFY(!w->scene()->nodeItem(QStringLiteral("use1-az1")));
        QVERIFY(!w->scene()->clusterItem(QStringLiteral("use1-az1")));
        // The box's summary is the engine's count.
        w->whatIf()->applyScenario(QStringLiteral("us-east-1 down"));
        const folding::FoldSummary sum = folding::summarize(w->document()->graph(),
            w->document()->impact(), w->document()->map().findComponent(region)->value);
        QCOMPARE(w->scene()->nodeItem(region)->look().summary, folding::summaryText(sum));
        QVERIFY(sum.down > 0 && sum.down == sum.members);
        QCOMPARE(w->scene()->lookName(region), QStringLiteral("failed"));
        // Double-click the box: it opens again.
        const QPoint box = guitest::viewPoint(w.get(), region);
        QTest::mouseDClick(w->view()->viewport(), Qt::LeftButton, {}, box);
        QVERIFY(w->waitForLayout());
        QVERIFY(folded(w.get()).isEmpty());
        QVERIFY(w->scene()->clusterItem(region));
        // Undo gives the fold back, and undo again the picture before it.
        w->document()->undoStack()->undo();
        QCOMPARE(folded(w.get()), QStringList {region});
        w->document()->undoStack()->undo();
        QVERIFY(folded(w.get()).isEmpty());
        QVERIFY(!w->document()->isModified());
    }

    void keysFoldTheSelectedCluster()
    {
        auto w = guitest::openExample();
        const QString zone = QStringLiteral("use1-az1");
        w->selection()->setComponents({zone});
        w->view()->setFocus();
        QTest::keyClick(w->view(), Qt::Key_Minus);
        QVERIFY(w->waitForLayout());
        QCOMPARE(folded(w.get()), QStringList {zone});
        QVERIFY(isFoldedBox(w.get(), zone));
        QVERIFY(w->foldActions()->openAction()->isEnabled());
        // A new id for the folded zone keeps it folded, and so does the undo of it.
        Component renamed =
            w->document()->map().component(*w->document()->map().findComponent(zone));
        renamed.id = QStringLiteral("zone-one");
        QVERIFY(!edit::tryPush(*w->document(), edit::editComponent(*w->document(), zone, renamed)));
        QCOMPARE(folded(w.get()), QStringList {QStringLiteral("zone-one")});
        QVERIFY(isFoldedBox(w.get(), QStringLiteral("zone-one")));
        w->document()->undoStack()->undo();
        QCOMPARE(folded(w.get()), QStringList {zone});
        QVERIFY(isFoldedBox(w.get(), zone));
        w->selection()->setComponents({zone});
        QTest::keyClick(w->view(), Qt::Key_Plus);
        QVERIFY(w->waitForLayout());
        QVERIFY(folded(w.get()).isEmpty());
    }

    void collapseToRegionsSavesAndReopens()
    {
        auto w = guitest::openExample();
        QAction *regions = nullptr;
        for (QAction *a : w->foldActions()->collapseMenu()->actions()) {
            if (a->objectName() == QLatin1String("collapseTo2"))
                regions = a;
        }
        QVERIFY(regions);
        regions->trigger();
        QVERIFY(w->waitForLayout());
        const QStringList want {QStringLiteral("use1"), QStringLiteral("usw2")};
        QCOMPARE(folded(w.get()), want);
        for (const QString &id : want)
            QVERIFY(isFoldedBox(w.get(), id));
        QVERIFY(w->scene()->clusterItem(QStringLiteral("aws"))); // the provider stays open

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("folded.faultline"));
        QVERIFY(w->files()->saveTo(path));
        QCOMPARE(folding::foldedIds(faultlinefile::load(path).map), want);

        auto again = std::make_unique<MainWindow>(false);
        again->show();
        QVERIFY(again->files()->open(path));
        QVERIFY(again->waitForLayout());
        for (const QString &id : want)
            QVERIFY(isFoldedBox(again.get(), id));
        QVERIFY(!again->document()->isModified());

        // An export shows the folded boxes and not what they hide (the command line draws the
        // same Picture from the saved map).
        const QByteArray svg =
            diagramexport::Picture(faultlinefile::load(path).map, Scenario()).svg();
        QVERIFY(svg.contains("<title>us-east-1 (N. Virginia)</title>"));
        const Map &map = again->document()->map();
        const Component &hidden = map.component(*map.findComponent(QStringLiteral("use1-az1")));
        QVERIFY(!svg.contains("<title>" + hidden.displayName().toUtf8() + "</title>"));
        QVERIFY(!svg.contains(">" + hidden.displayName().toUtf8() + "<"));
    }

    void selectingAHiddenComponentOpensItsBoxes()
    {
        auto w = guitest::openExample();
        w->foldActions()->collapseToDepth(1);
        QVERIFY(w->waitForLayout());
        const QString inner = QStringLiteral("use1-az1");
        const Map &map = w->document()->map();
        // A component inside the zone, as the tree (or search, the table, "Why?") selects it.
        QString member;
        for (const Component &c : map.components()) {
            if (c.parent == inner)
                member = c.id;
        }
        QVERIFY(!member.isEmpty());
        QVERIFY(!w->scene()->nodeItem(member));
        // Select All does not open every box.
        QStringList all;
        for (const Component &c : map.components())
            all.append(c.id);
        w->selection()->setComponents(all);
        QVERIFY(w->waitForLayout());
        QCOMPARE(folded(w.get()), (QStringList {QStringLiteral("use1"), QStringLiteral("usw2")}));
        w->selection()->setComponents({member});
        QVERIFY(w->waitForLayout());
        QCOMPARE(folded(w.get()), QStringList {QStringLiteral("usw2")});
        QVERIFY(w->scene()->nodeItem(member) && w->scene()->nodeItem(member)->isVisible());
        QVERIFY(w->scene()->nodeItem(member)->isSelected());
    }

    void focusHidesTheRestAndEscShowsAll()
    {
        auto w = guitest::openExample();
        const QString target = QStringLiteral("checkout");
        QVERIFY(w->document()->map().findComponent(target));
        w->selection()->setComponents({target});
        w->view()->setFocus();
        QAction *focus = w->foldActions()->focusSelectionAction();
        QCOMPARE(focus->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        QTest::keyClick(w->view(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(w->scene()->isFocused());
        const Map &map = w->document()->map();
        const ImpactGraph &graph = w->document()->graph();
        const auto cone = focus::cone(graph, map.findComponent(target)->value);
        // Exactly the cone's cards are drawn; the rest (not its ancestors) is hidden.
        for (int c = 0; c < map.componentCount(); ++c) {
            const QString &id = map.components()[c].id;
            if (!graph.children(c).empty())
                continue;
            const NodeItem *n = w->scene()->nodeItem(id);
            QVERIFY2(bool(n) == bool(cone[c]), qPrintable(id));
        }
        QVERIFY(w->document()->map().componentCount() == 101); // nothing deleted
        QVERIFY(!w->document()->isModified());
        QVERIFY(w->foldActions()->banner()->isVisible());
        const auto *text =
            w->foldActions()->banner()->findChild<QLabel *>(QStringLiteral("focusBannerText"));
        QVERIFY(text->text().contains(QStringLiteral("Focused on Checkout")));
        QVERIFY(text->text().contains(QStringLiteral("Esc")));
        // One step each way: what Checkout needs directly and what needs it directly.
        auto *steps =
            w->foldActions()->banner()->findChild<QSpinBox *>(QStringLiteral("focusSteps"));
        QVERIFY(steps && steps->isVisible());
        steps->setValue(1);
        const auto near = focus::cone(graph, map.findComponent(target)->value, 1);
        QVERIFY(focus::count(near) < focus::count(cone));
        QCOMPARE(w->scene()->focusFilter(), near);
        steps->setValue(0);
        QCOMPARE(w->scene()->focusFilter(), cone);
        // An export from the window shows the focus.
        QTemporaryDir dir;
        const QString svgPath = dir.filePath(QStringLiteral("focus.svg"));
        w->exportActions()->setInteractive(false);
        QVERIFY(w->exportActions()->exportTo(svgPath, Scenario()));
        QFile svg(svgPath);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray bytes = svg.readAll();
        QVERIFY(bytes.contains("<title>Checkout</title>"));
        QVERIFY(!bytes.contains("<title>Trail Journal (guides &amp; blog)</title>"));

        // Esc ends the focus (and does not clear the what-if while it does).
        w->whatIf()->applyScenario(QStringLiteral("one zone down"));
        QTest::keyClick(w->view(), Qt::Key_Escape);
        QVERIFY(!w->scene()->isFocused());
        QVERIFY(!w->foldActions()->banner()->isVisible());
        QVERIFY(!w->document()->failed().isEmpty());
        for (const Component &c : map.components())
            QVERIFY(w->scene()->nodeItem(c.id) || w->scene()->clusterItem(c.id));
        // Then Esc clears the what-if, as it always did.
        QTest::keyClick(w->view(), Qt::Key_Escape);
        QVERIFY(w->document()->failed().isEmpty());
        // A focus does not outlive its map, even when the next one has as many components.
        w->foldActions()->focusOn(target);
        QVERIFY(w->scene()->isFocused());
        QVERIFY(w->files()->open(QStringLiteral(FAULTLINE_EXAMPLE)));
        QVERIFY(!w->scene()->isFocused());
        QVERIFY(!w->foldActions()->banner()->isVisible());
    }
};

QTEST_MAIN(TestGuiFolding)
#include "tst_gui_folding.moc"
