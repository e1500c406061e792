// The canvas at scale: a generated 2,000-component map with nested parents, opened in the real
// window. Prints the time to build the scene, lay it out (Graphviz, on the layout thread),
// recolour for a region failure (engine + canvas + panels, no relayout) and paint a frame; then
// fold every region, paint, open them again, and focus on one component; where new
// components go (views/placement.h): Insert near the view's centre, and the context menu's
// insert into the busiest zone, whose neighbours must make room. Last, saves through
// File › Save (off the GUI thread) and prints the longest the GUI thread went without
// processing events meanwhile, and the memory of the process.
// `bench_gui N --placed` skips the layout (components get grid positions): for 100,000.
// Run under QT_QPA_PLATFORM=offscreen (set here when unset).
#include "app/gui/editactions.h"
#include "app/gui/fileactions.h"
#include "app/gui/foldactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "model/layout/edgerouting.h"
#include "model/layout/graphvizlayout.h"
#include "tests/bench/mapgenerator.h"
#include "views/canvasitems.h"
#include "views/icons.h"
#include "views/mapscene.h"
#include "views/mapview.h"
#include "views/placement.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

#include <ctime>

using namespace faultline;

namespace {

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// Processor time of this thread: on a shared machine the wall time also counts the others.
double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Resident and peak memory of the process (Linux /proc), in MiB.
QString memory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    QString rss, peak;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const auto kib = [&line] {
            return QString::number(line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024);
        };
        if (line.startsWith("VmRSS:"))
            rss = kib();
        else if (line.startsWith("VmHWM:"))
            peak = kib();
    }
    return QStringLiteral("%1 MiB resident (peak %2 MiB)").arg(rss, peak);
}

// File › Save of the open map, measured as the user feels it: the longest time the GUI thread
// went without running a 1 ms timer while the save ran, and the whole save.
void measureSave(MainWindow &window, QTextStream &out)
{
    QTemporaryDir dir;
    window.document()->undoStack()->resetClean(); // "modified": a save to do
    // The title's modified mark repaints the window: not part of the save.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QElapsedTimer sinceTick, t;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longest = std::max(longest, sinceTick.elapsed());
        sinceTick.start();
    });
    t.start();
    {
        const Map snapshot = window.document()->map();
        out << "copy of the map (what the save writes), on the GUI thread: " << t.elapsed()
            << " ms\n";
    }
    window.files()->setInteractive(false);
    ticker.start();
    sinceTick.start();
    t.start();
    const bool saved = window.files()->saveTo(dir.filePath(QStringLiteral("bench.faultline")));
    const qint64 took = t.elapsed();
    longest = std::max(longest, sinceTick.elapsed());
    ticker.stop();
    out << "save " << (saved ? "" : "FAILED ") << took
        << " ms; the window's longest wait: " << longest << " ms\n";
    out.flush();
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
    const bool placed = argc > 2 && QByteArray(argv[2]) == "--placed";

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
    out << "memory, empty window: " << memory() << "\n";

    QElapsedTimer t;
    if (placed) {
        QHash<QString, QPointF> grid;
        int i = 0;
        for (const Component &c : map.components()) {
            grid.insert(c.id, QPointF((i % 200) * 160.0, (i / 200) * 80.0));
            ++i;
        }
        map.setPositions(std::move(grid));
        t.start();
        window.document()->reset(map, QString(), false);
        window.view()->fitToMap();
        window.view()->viewport()->grab();
        out << "open with grid positions, until the first fitted frame: " << ms(t) << " ms\n";
        out << "memory, map open: " << memory() << "\n";
        out.flush();
        measureSave(window, out);
        out << "memory after the save: " << memory() << "\n";
        return 0;
    }
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

    // Edge routing alone (model/layout/edgerouting.h), over the layout just made.
    {
        const layout::Request request = window.scene()->layoutRequest();
        t.start();
        std::vector<layout::RouteBox> boxes(request.nodes.size());
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const layout::Node &node = request.nodes[i];
            boxes[i].parent = node.parent;
            boxes[i].header = node.header.height();
            boxes[i].titleWidth = node.header.width();
            boxes[i].rect = direct.clusters[i].isNull()
                ? QRectF(direct.centres[i] - QPointF(node.size.width(), node.size.height()) / 2,
                    node.size)
                : direct.clusters[i];
        }
        const layout::EdgeRouter router(std::move(boxes));
        const double build = ms(t);
        std::size_t points = 0;
        for (const layout::Edge &e : request.edges)
            points +=
                router.route(e.from, e.to, unsigned(e.from) * 7u + unsigned(e.to) * 3u).size();
        out << "edge routing: " << build << " ms to index the boxes, " << ms(t) - build
            << " ms to route " << request.edges.size() << " edges (" << points << " points)\n";
        out.flush();
    }

    // Open the map again with the positions it now has, as a saved document opens: until the
    // window has shown its first frame.
    {
        Map placed = window.document()->map();
        window.document()->reset(Map(), QString(), false);
        QCoreApplication::processEvents();
        t.start();
        const double cpu = cpuMs();
        window.document()->reset(placed, QString(), false);
        window.view()->fitToMap();
        window.view()->viewport()->grab();
        out << "open with stored positions, until the first fitted frame: " << ms(t)
            << " ms (processor " << cpuMs() - cpu << " ms)\n";
        out.flush();
    }

    // Placement: the canvas as boxes, then Insert (free space near the view's centre) and the
    // context menu's insert at a zone's centre (inside the zone; its neighbours pushed aside),
    // each the whole user action: plan, push, the scene's update. Undone after each.
    {
        const QString zone = [&] {
            for (const Component &c : window.document()->map().components()) {
                if (c.kind == QLatin1String("zone") && c.parent == region)
                    return c.id;
            }
            return QString();
        }();
        t.start();
        const placement::Canvas canvas = placement::canvasOf(*window.document(), *window.scene());
        out << "placement: the canvas as " << canvas.boxes.size() << " boxes: " << ms(t) << " ms\n";
        out.flush();
        const QPointF zoneCentre = window.scene()->clusterItem(zone)->rect().center();
        const int zoneIndex = window.document()->map().findComponent(zone)->value;
        const QSizeF card(100, 40);
        const QPointF viewCentre =
            window.view()->mapToScene(window.view()->viewport()->rect().center());
        t.start();
        const QPointF free = placement::freeSpot(canvas, -1, card, viewCentre);
        const double freeMs = ms(t);
        t.start();
        const placement::Spot spot = placement::place(canvas, zoneIndex, card, zoneCentre);
        out << "placement alone: free space near the view's centre " << freeMs
            << " ms; into the zone " << ms(t) << " ms (" << spot.pushed.size()
            << " boxes pushed aside)\n";
        out.flush();
        Q_UNUSED(free);
        for (int round = 0; round < 3; ++round) {
            t.start();
            window.editActions()->newComponent();
            const double insert = ms(t);
            window.document()->undoStack()->undo();
            t.start();
            window.editActions()->newComponent(zoneCentre);
            const double inZone = ms(t);
            const int moved = window.document()->undoStack()->undoText().isEmpty() ? 0 : 1;
            window.document()->undoStack()->undo();
            out << "insert a component: " << insert << " ms; into zone " << zone
                << " at its centre: " << inZone << " ms" << (moved ? "" : " (refused)") << "\n";
            out.flush();
        }
    }

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
        const double cpu = cpuMs();
        window.document()->setWhatIf({region}, {});
        window.view()->viewport()->grab();
        out << "recolour and repaint the fitted map: " << ms(t) << " ms (processor "
            << cpuMs() - cpu << " ms)\n";
        out.flush();
    }

    window.view()->fitToMap();
    QCoreApplication::processEvents();
    t.start();
    double cpu = cpuMs();
    for (int i = 0; i < 5; ++i)
        window.view()->viewport()->grab();
    out << "paint, whole map fitted (zoom " << window.view()->zoom() << "): " << ms(t) / 5
        << " ms/frame (processor " << (cpuMs() - cpu) / 5 << " ms)\n";
    out.flush();
    window.view()->resetZoom();
    QCoreApplication::processEvents();
    t.start();
    cpu = cpuMs();
    for (int i = 0; i < 5; ++i)
        window.view()->viewport()->grab();
    out << "paint at 100 %: " << ms(t) / 5 << " ms/frame (processor " << (cpuMs() - cpu) / 5
        << " ms)\n";
    out << "memory, map open: " << memory() << "\n";
    out.flush();

    // Folding (model/layout/folding.h): View › Collapse to Level › Regions, until the window has
    // laid out the folded view and made the fold; then a fitted frame of it, and back open.
    t.start();
    window.foldActions()->collapseToDepth(1);
    window.waitForLayout(600000);
    out << "collapse to regions (layout of the folded view and the edit): " << ms(t) << " ms, "
        << window.scene()->view().folded() << " boxes\n";
    window.view()->fitToMap();
    QCoreApplication::processEvents();
    t.start();
    cpu = cpuMs();
    for (int i = 0; i < 5; ++i)
        window.view()->viewport()->grab();
    out << "paint, regions folded, fitted (zoom " << window.view()->zoom() << ", "
        << window.scene()->view().edges.size() << " drawn edges): " << ms(t) / 5
        << " ms/frame (processor " << (cpuMs() - cpu) / 5 << " ms)\n";
    t.start();
    window.foldActions()->collapseToDepth(-1);
    window.waitForLayout(600000);
    out << "open everything again: " << ms(t) << " ms\n";
    // Focus on the first component's cone: the scene is rebuilt with the rest hidden.
    const QString first = window.document()->map().components().back().id;
    t.start();
    window.foldActions()->focusOn(first);
    out << "focus on " << first << " (" << window.scene()->items().size() << " items): " << ms(t)
        << " ms; ";
    t.start();
    window.foldActions()->showAll();
    out << "show all: " << ms(t) << " ms\n";
    out.flush();
    measureSave(window, out);
    return 0;
}
