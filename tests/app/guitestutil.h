#pragma once

// What the desktop suites share: the bundled example in a real main window, points on the
// canvas, and the check that the canvas shows what the engine says.

#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "model/impact/engine.h"
#include "model/impact/resolve.h"
#include "views/canvasitems.h"
#include "views/mapscene.h"
#include "views/mapview.h"

#include <QCoreApplication>
#include <QTest>

#include <memory>

namespace faultline::guitest {

// The bundled example, shown, exposed, laid out and active (keyboard tests need the focus).
inline std::unique_ptr<MainWindow> openExample()
{
    auto w = std::make_unique<MainWindow>(false);
    w->resize(1400, 900);
    w->show();
    [&] {
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QVERIFY(w->files()->open(QStringLiteral(FAULTLINE_EXAMPLE)));
    }();
    [&] {
        QVERIFY(w->waitForLayout());
    }();
    w->activateWindow();
    return w;
}

// Where component `id` is in the view's coordinates, after scrolling it into view.
inline QPoint viewPoint(MainWindow *w, const QString &id)
{
    w->view()->centreOn(id);
    QCoreApplication::processEvents();
    return w->view()->mapFromScene(w->scene()->nodeItem(id)->pos());
}

// Every canvas item shows what the engine says, evaluated afresh here.
inline void checkCanvasMatchesEngine(MainWindow *w)
{
    MapDocument *doc = w->document();
    const Map &map = doc->map();
    const ImpactGraph graph(map);
    const ImpactResult expected =
        evaluateImpact(graph, resolveScenario(map, doc->failed(), doc->degraded()));
    for (int c = 0; c < map.componentCount(); ++c) {
        const QString &id = map.components()[c].id;
        QString want = toString(expected.state(ComponentIndex(c)));
        if (doc->failed().contains(id))
            want = QStringLiteral("failed");
        else if (doc->degraded().contains(id) && want != QLatin1String("down"))
            want = QStringLiteral("impaired");
        QCOMPARE(w->scene()->lookName(id), want);
    }
}

} // namespace faultline::guitest
