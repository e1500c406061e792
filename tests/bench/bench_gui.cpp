// The canvas at scale: a generated 2,000-component map with nested parents, opened in the real
// window. Prints the time to build the scene, lay it out (Graphviz, on the layout thread),
// recolour for a region failure (engine + canvas + panels, no relayout) and paint a frame.
// Run under QT_QPA_PLATFORM=offscreen (set here when unset).
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "model/layout/graphvizlayout.h"
#include "tests/bench/mapgenerator.h"
#include "views/icons.h"
#include "views/mapscene.h"
#include "views/mapview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTextStream>

using namespace faultline;

namespace {

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    icons::initResources();
    QTextStream out(stdout);
    const int components = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;

    bench::MapShape shape;
    shape.components = components;
    shape.dependencies = components * 2;
    shape.providers = 2;
    shape.regionsPerProvider = 3;
    shape.zonesPerRegion = 3;
    Map map = bench::generateMap(shape);
    const QString region = bench::regionIds(map).value(0);
    out << "map: " << map.componentCount() << " components, " << map.dependencyCount()
        << " dependencies\n";

    MainWindow window(false);
    window.resize(1600, 1000);
    window.show();
    QCoreApplication::processEvents();

    QElapsedTimer t;
    t.start();
    window.document()->reset(map, QString(), false); // no positions: starts a layout
    out << "open (scene, panels): " << ms(t) << " ms\n";
    out.flush();
    t.start();
    window.waitForLayout(600000);
    out << "layout (until the window has the positions): " << ms(t) << " ms\n";
    out.flush();

    t.start();
    const layout::Result direct = layout::computeLayout(window.scene()->layoutRequest());
    out << "layout (Graphviz alone, this thread): " << ms(t) << " ms, " << direct.bounds.width()
        << " x " << direct.bounds.height() << " pt\n";
    out.flush();

    for (int round = 0; round < 3; ++round) {
        t.start();
        window.document()->setWhatIf({region}, {});
        const double apply = ms(t);
        const auto s = window.document()->impact().summary();
        t.start();
        window.document()->setWhatIf({}, {});
        out << "recolour, region " << region << " fails (" << s.down << " down, " << s.degraded
            << " degraded): " << apply << " ms; clear: " << ms(t) << " ms\n";
        out.flush();
    }
    // What the user waits for: the recolour and the next frame, at the fitted zoom.
    window.view()->fitToMap();
    QCoreApplication::processEvents();
    for (int round = 0; round < 3; ++round) {
        window.document()->setWhatIf({}, {});
        window.view()->viewport()->grab();
        t.start();
        window.document()->setWhatIf({region}, {});
        window.view()->viewport()->grab();
        out << "recolour and repaint the fitted map: " << ms(t) << " ms\n";
        out.flush();
    }

    window.view()->fitToMap();
    QCoreApplication::processEvents();
    t.start();
    for (int i = 0; i < 5; ++i)
        window.view()->viewport()->grab();
    out << "paint, whole map fitted (zoom " << window.view()->zoom() << "): " << ms(t) / 5
        << " ms/frame\n";
    out.flush();
    window.view()->resetZoom();
    QCoreApplication::processEvents();
    t.start();
    for (int i = 0; i < 5; ++i)
        window.view()->viewport()->grab();
    out << "paint at 100 %: " << ms(t) / 5 << " ms/frame\n";
    out.flush();
    return 0;
}
