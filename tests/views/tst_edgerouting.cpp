// Edges that never lie: on the canvas (which the SVG, PNG and PDF exports render), no drawn
// edge passes through the box of a component or cluster other than its two ends and the
// clusters they sit in, on the bundled example, the import samples and generated maps; and an
// edge to a cluster ends on that cluster's border.
#include "model/editing/mapdocument.h"
#include "model/io/importfile.h"
#include "model/io/interchange.h"
#include "model/layout/edgerouting.h"
#include "model/layout/folding.h"
#include "model/layout/graphvizlayout.h"
#include "tests/bench/mapgenerator.h"
#include "views/canvasitems.h"
#include "views/icons.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/theme.h"

#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTest>

#include <memory>

using namespace faultline;

namespace {

// Liang–Barsky: does the segment a–b meet the open rectangle r?
bool segmentMeets(QPointF a, QPointF b, const QRectF &r)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] <= 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    return true;
}

struct Canvas
{
    MapDocument document;
    MapSelection selection;
    std::unique_ptr<MapScene> scene;

    explicit Canvas(const Map &map)
    {
        document.reset(map, QString(), true);
        scene = std::make_unique<MapScene>(&document, &selection);
        if (scene->hasUnplacedComponents()) {
            const layout::Request request = scene->layoutRequest();
            document.setPositions(scene->acceptLayout(request, layout::computeLayout(request)));
        }
    }
};

// Every drawn edge against every box it does not connect: "from -> to crosses X".
QStringList crossings(const Map &map, MapScene *scene, int *edgesChecked)
{
    const int n = map.componentCount();
    std::vector<QRectF> boxes(n);
    std::vector<int> parent(n, -1);
    for (int c = 0; c < n; ++c) {
        const Component &comp = map.components()[c];
        if (const auto p = map.findComponent(comp.parent))
            parent[c] = p->value;
        if (const NodeItem *node = scene->nodeItem(comp.id); node && node->isVisible())
            boxes[c] = node->rect();
        else if (const ClusterItem *cl = scene->clusterItem(comp.id); cl && cl->isVisible())
            boxes[c] = cl->rect();
    }
    QStringList found;
    *edgesChecked = 0;
    for (const Dependency &d : map.dependencies()) {
        const EdgeItem *edge = scene->edgeItem(d.from, d.to);
        if (!edge || !edge->isVisible())
            continue;
        ++*edgesChecked;
        std::vector<bool> allowed(n, false);
        for (int c : {map.findComponent(d.from)->value, map.findComponent(d.to)->value}) {
            for (int p = c; p >= 0; p = parent[p])
                allowed[p] = true;
        }
        // The stroke, then on to the tip (the arrowhead runs along that last stretch).
        std::vector<QPointF> points;
        for (const QPolygonF &poly : edge->path().toSubpathPolygons())
            points.insert(points.end(), poly.begin(), poly.end());
        points.push_back(edge->tip());
        for (int c = 0; c < n; ++c) {
            if (allowed[c] || boxes[c].isNull())
                continue;
            const QRectF inside = boxes[c].adjusted(0.5, 0.5, -0.5, -0.5);
            for (std::size_t i = 1; i < points.size(); ++i) {
                if (segmentMeets(points[i - 1], points[i], inside)) {
                    found.append(d.from + QStringLiteral(" -> ") + d.to
                        + QStringLiteral(" crosses ") + map.components()[c].id);
                    break;
                }
            }
        }
    }
    return found;
}

Map generated(int components)
{
    bench::MapShape shape;
    shape.components = components;
    shape.dependencies = components * 2;
    shape.providers = 2;
    shape.regionsPerProvider = 3;
    shape.zonesPerRegion = 3;
    return bench::generateMap(shape);
}

} // namespace

class TestEdgeRouting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void noEdgeCrossesAnUnrelatedBox_data()
    {
        QTest::addColumn<QString>("source"); // a file, or "generated:N"
        // The clusters at this depth folded (model/layout/folding.h) and the map laid out
        // folded; -1: nothing folded.
        QTest::addColumn<int>("foldDepth");
        const QString samples = QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/samples/");
        const QString example = QStringLiteral(FAULTLINE_EXAMPLE);
        QTest::newRow("bundled example") << example << -1;
        QTest::newRow("sample csv")
            << samples + QStringLiteral("online-boutique-components.csv") << -1;
        QTest::newRow("sample dot") << samples + QStringLiteral("online-boutique.dot") << -1;
        QTest::newRow("generated 100") << QStringLiteral("generated:100") << -1;
        QTest::newRow("generated 2000") << QStringLiteral("generated:2000") << -1;
        QTest::newRow("example, providers folded") << example << 0;
        QTest::newRow("example, regions folded") << example << 1;
        QTest::newRow("example, zones folded") << example << 2;
        QTest::newRow("generated 2000, regions folded") << QStringLiteral("generated:2000") << 1;
        QTest::newRow("generated 2000, zones folded") << QStringLiteral("generated:2000") << 2;
    }

    void noEdgeCrossesAnUnrelatedBox()
    {
        QFETCH(QString, source);
        QFETCH(int, foldDepth);
        Map map = source.startsWith(QLatin1String("generated:")) ? generated(source.mid(10).toInt())
                                                                 : importFile(source).map;
        if (foldDepth >= 0) {
            const QStringList folded = folding::clustersAtDepth(map, ImpactGraph(map), foldDepth);
            QVERIFY(!folded.isEmpty());
            map.extra = folding::withFolded(map.extra, folded);
            map.setPositions({}); // laid out folded, as a fold does
        }
        Canvas canvas(map);
        if (foldDepth >= 0) {
            // The folded boxes are drawn; what they hide is not, and no edge goes to it.
            for (const QString &id : folding::foldedIds(map)) {
                QVERIFY(canvas.scene->nodeItem(id) && canvas.scene->nodeItem(id)->isFolded());
                QVERIFY(!canvas.scene->clusterItem(id));
            }
            const folding::View &view = canvas.scene->view();
            QVERIFY(view.folded() > 0);
            for (int c = 0; c < map.componentCount(); ++c) {
                if (!view.isDrawn(c)) {
                    QVERIFY(!canvas.scene->nodeItem(map.components()[c].id));
                    QVERIFY(!canvas.scene->clusterItem(map.components()[c].id));
                }
            }
        }
        QVERIFY(!canvas.scene->hasUnplacedComponents());
        int checked = 0;
        const QStringList found = crossings(map, canvas.scene.get(), &checked);
        QVERIFY(checked > 0);
        QVERIFY2(found.isEmpty(),
            qPrintable(QStringLiteral("%1 of %2 edges cross: ").arg(found.size()).arg(checked)
                + found.mid(0, 10).join(QStringLiteral("; "))));
    }

    // The check sees what it is for: the straight lines between centres that the canvas used
    // to draw cross boxes on the same layout.
    void straightLinesWouldCross()
    {
        const Map map = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
        Canvas canvas(map);
        for (const Dependency &d : map.dependencies()) {
            EdgeItem *edge = canvas.scene->edgeItem(d.from, d.to);
            const auto rectOf = [&](const QString &id) {
                if (const NodeItem *n = canvas.scene->nodeItem(id))
                    return n->rect();
                return canvas.scene->clusterItem(id)->rect();
            };
            QPainterPath line(rectOf(d.from).center());
            line.lineTo(rectOf(d.to).center());
            edge->setRoute(line, rectOf(d.to).center());
        }
        int checked = 0;
        const qsizetype count = crossings(map, canvas.scene.get(), &checked).size();
        QVERIFY2(count >= 10, qPrintable(QString::number(count)));
    }

    // A dependency on a cluster ends on the cluster's border, not in its middle: from outside
    // (pager needs zone 1) and from inside (web-a needs its own region).
    void edgesToClustersMeetTheBorder()
    {
        Map map;
        auto add = [&map](const char *id, const char *kind, const char *parent) {
            Component c;
            c.id = QString::fromLatin1(id);
            c.kind = QString::fromLatin1(kind);
            c.parent = QString::fromLatin1(parent);
            map.addComponent(c);
        };
        add("aws", "provider", "");
        add("region", "region", "aws");
        add("zone-1", "zone", "region");
        add("zone-2", "zone", "region");
        add("web-a", "compute", "zone-1");
        add("web-b", "compute", "zone-2");
        add("db", "database", "zone-2");
        add("pager", "saas", "");
        auto dep = [&map](const char *from, const char *to) {
            Dependency d;
            d.from = QString::fromLatin1(from);
            d.to = QString::fromLatin1(to);
            map.addDependency(d);
        };
        dep("pager", "zone-1");
        dep("web-a", "region");
        dep("web-a", "db");
        dep("web-b", "db");
        Canvas canvas(map);
        for (const auto &[from, to] : {std::pair {"pager", "zone-1"}, {"web-a", "region"}}) {
            const ClusterItem *cluster = canvas.scene->clusterItem(QString::fromLatin1(to));
            const EdgeItem *edge =
                canvas.scene->edgeItem(QString::fromLatin1(from), QString::fromLatin1(to));
            QVERIFY(cluster && edge);
            const QRectF r = cluster->rect();
            const QPointF tip = edge->tip();
            const bool onBorder =
                (std::abs(tip.x() - r.left()) < 0.5 || std::abs(tip.x() - r.right()) < 0.5
                    || std::abs(tip.y() - r.top()) < 0.5 || std::abs(tip.y() - r.bottom()) < 0.5)
                && r.adjusted(-0.5, -0.5, 0.5, 0.5).contains(tip);
            QVERIFY2(onBorder, from);
        }
        int checked = 0;
        const QStringList found = crossings(map, canvas.scene.get(), &checked);
        QCOMPARE(checked, 4);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    }

    // Boxes dragged apart leave no stale route: an edge follows a moved component.
    void routesFollowAMove()
    {
        const Map map = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
        Canvas canvas(map);
        const Dependency &d = map.dependencies().front();
        const EdgeItem *edge = canvas.scene->edgeItem(d.from, d.to);
        QVERIFY(edge);
        const QPointF before = edge->tip();
        QHash<QString, QPointF> moved = map.positions();
        moved[d.to] += QPointF(0, 400);
        canvas.document.setPositions(moved);
        QVERIFY(edge->tip() != before);
    }

    // Level of detail: where a big map is fitted (below 7 %), ordinary edges are left out and
    // the edges that carry a failure are still drawn; at a readable size every edge is.
    void overviewLeavesOrdinaryEdgesOut()
    {
        EdgeItem edge(QStringLiteral("a"), QStringLiteral("b"), true);
        edge.setRoute(std::vector<QPointF> {{0, 0}, {0, 400}, {400, 400}});
        auto paints = [&edge](qreal scale, drawing::EdgeEmphasis emphasis) {
            drawing::EdgeLook look = edge.look();
            look.emphasis = emphasis;
            look.carried = theme::Look::Down;
            edge.setLook(look);
            QImage image(120, 120, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            painter.translate(10, 10);
            painter.scale(scale, scale);
            QStyleOptionGraphicsItem option;
            option.exposedRect = QRectF(-50, -50, 1000, 1000);
            edge.paint(&painter, &option, nullptr);
            painter.end();
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    if (qAlpha(image.pixel(x, y)) != 0)
                        return true;
                }
            }
            return false;
        };
        QVERIFY(paints(0.2, drawing::EdgeEmphasis::Normal));
        QVERIFY(!paints(0.05, drawing::EdgeEmphasis::Normal));
        QVERIFY(paints(0.05, drawing::EdgeEmphasis::Carries));
        // The exports' scene draws in full at any scale.
        const Map map = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
        Canvas canvas(map);
        canvas.scene->setFullDetail(true);
        edge.setLook(drawing::EdgeLook());
        canvas.scene->addItem(&edge);
        QVERIFY(paints(0.05, drawing::EdgeEmphasis::Normal));
        canvas.scene->removeItem(&edge);
    }

    // The router alone: a box between two others is gone round, not through.
    // A merged edge's count is drawn where it can be read, and left out below half size, where
    // it is a smudge that costs a sixth of a folded map's frame.
    void countOfAMergedEdgeOnlyWhereReadable()
    {
        EdgeItem edge(QStringLiteral("a"), QStringLiteral("b"), true);
        edge.setRoute(std::vector<QPointF> {{0, 0}, {0, 200}});
        auto whitePixels = [&edge](qreal scale, int count) {
            drawing::EdgeLook look = edge.look();
            look.count = count;
            edge.setLook(look);
            QImage image(300, 300, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::black);
            QPainter painter(&image);
            painter.translate(50, 10);
            painter.scale(scale, scale);
            QStyleOptionGraphicsItem option;
            option.exposedRect = QRectF(-50, -50, 400, 400);
            edge.paint(&painter, &option, nullptr);
            painter.end();
            int white = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x)
                    white += image.pixel(x, y) == qRgb(255, 255, 255);
            }
            return white;
        };
        QCOMPARE(whitePixels(1.0, 1), 0); // one dependency: no label
        QVERIFY(whitePixels(1.0, 7) > 20);
        QVERIFY(whitePixels(0.6, 7) > 5);
        QCOMPARE(whitePixels(0.4, 7), 0);
    }

    void routerGoesRound()
    {
        std::vector<layout::RouteBox> boxes(3);
        boxes[0].rect = QRectF(0, 0, 100, 40); // from
        boxes[1].rect = QRectF(0, 80, 100, 40); // in the way
        boxes[2].rect = QRectF(0, 160, 100, 40); // to
        const layout::EdgeRouter router(boxes);
        const std::vector<QPointF> points = router.route(0, 2);
        QVERIFY(points.size() >= 2);
        QCOMPARE(points.front().y(), 40.0);
        QCOMPARE(points.back().y(), 160.0);
        for (std::size_t i = 1; i < points.size(); ++i)
            QVERIFY(!segmentMeets(points[i - 1], points[i], boxes[1].rect));
    }
};

QTEST_MAIN(TestEdgeRouting)
#include "tst_edgerouting.moc"
