// The Graphviz layout adapter: coordinate conversion, a small map's layout, the async runner.
#include "model/io/interchange.h"
#include "model/layout/graphvizlayout.h"

#include <QElapsedTimer>

#include <QTest>

using namespace faultline;
using namespace faultline::layout;

class TestLayout : public QObject
{
    Q_OBJECT

private:
    // aws › region › zone › {web-a, web-b}; region › db; shop (business) and pager at the top
    // level; shop needs web-a, web-b and db; pager needs the region (a cluster).
    static Request smallMap()
    {
        Request r;
        auto node = [&r](const char *id, int parent, QSizeF size = {120, 44}, bool top = false) {
            Node n;
            n.id = QString::fromLatin1(id);
            n.parent = parent;
            n.top = top;
            n.size = size;
            r.nodes.push_back(n);
            return int(r.nodes.size() - 1);
        };
        const int aws = node("aws", -1, {});
        const int region = node("region", aws, {});
        const int zone = node("zone", region, {});
        const int webA = node("web-a", zone);
        const int webB = node("web-b", zone, {160, 60});
        const int db = node("db", region);
        const int shop = node("shop", -1, {120, 44}, true);
        const int pager = node("pager", -1);
        for (int c : {aws, region, zone})
            r.nodes[c].header = QSizeF(100, 30);
        r.edges = {{shop, webA}, {shop, webB}, {shop, db}, {pager, region}};
        return r;
    }

private slots:
    void conversion_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("top");
        QTest::addColumn<QPointF>("scene");
        QTest::newRow("origin") << 0.0 << 0.0 << 100.0 << QPointF(0, 100);
        QTest::newRow("top-left") << 0.0 << 100.0 << 100.0 << QPointF(0, 0);
        QTest::newRow("inside") << 36.0 << 72.0 << 200.0 << QPointF(36, 128);
    }

    void conversion()
    {
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, top);
        QFETCH(QPointF, scene);
        QCOMPARE(toScene(x, y, top), scene);
    }

    void inches() { QCOMPARE(toInches(72.0), 1.0); }

    // One rule for a cluster's box, for the layout and the canvas.
    void clusterRectAroundItsContents()
    {
        // Contents wider than the title: a margin round them, the title's room above.
        QCOMPARE(
            clusterRect(QRectF(10, 20, 100, 50), QSizeF(40, 18), 12), QRectF(-2, -10, 124, 92));
        // A title wider than the contents: as wide as the title, the contents centred.
        QCOMPARE(clusterRect(QRectF(10, 20, 20, 50), QSizeF(84, 18), 12), QRectF(-22, -10, 84, 92));
    }

    void depthsFollowParents()
    {
        const std::vector<int> parent {-1, 0, 1, -1, 3};
        QCOMPARE(depths(5, [&](int i) { return parent[i]; }), std::vector<int>({0, 1, 2, 0, 1}));
        // A parent loop stays finite.
        const std::vector<int> loop {1, 0};
        const std::vector<int> d = depths(2, [&](int i) { return loop[i]; });
        QVERIFY(d[0] <= 3 && d[1] <= 3);
    }

    void smallMapLayout()
    {
        const Request request = smallMap();
        const Result result = computeLayout(request);
        QCOMPARE(result.centres.size(), request.nodes.size());
        auto rectOf = [&](int i) {
            const Node &n = request.nodes[i];
            if (!result.clusters[i].isNull())
                return result.clusters[i];
            return QRectF(result.centres[i] - QPointF(n.size.width(), n.size.height()) / 2, n.size);
        };
        for (std::size_t i = 0; i < request.nodes.size(); ++i) {
            const bool cluster = request.nodes[i].size.isEmpty();
            QCOMPARE(result.clusters[i].isNull(), !cluster);
            QVERIFY2(
                result.bounds.contains(rectOf(int(i)).center()), qPrintable(request.nodes[i].id));
            // Every child lies inside its parent's cluster, below the title's room.
            const int p = request.nodes[i].parent;
            if (p >= 0) {
                QVERIFY2(
                    result.clusters[p].contains(rectOf(int(i))), qPrintable(request.nodes[i].id));
                QVERIFY(rectOf(int(i)).top() >= result.clusters[p].top() + 30 - 0.5);
            }
        }
        // No two leaves overlap.
        for (int a = 0; a < int(request.nodes.size()); ++a) {
            for (int b = a + 1; b < int(request.nodes.size()); ++b) {
                if (result.clusters[a].isNull() && result.clusters[b].isNull())
                    QVERIFY(!rectOf(a).intersects(rectOf(b)));
            }
        }
        // The business service is on top: above everything it needs.
        QVERIFY(result.centres[6].y() < result.clusters[0].top());
        // Clusters are sized as the canvas sizes them: contents, margin, title's room.
        QVERIFY(result.clusters[2].height() >= 60 + 2 * 12 + 30 - 0.5);
    }

    // The bundled example fits a window: near its shape, not a long strip.
    void exampleAspect()
    {
        const Map map = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
        Request request;
        QHash<QString, int> index;
        for (const Component &c : map.components())
            index.insert(c.id, int(index.size()));
        std::vector<bool> hasChildren(map.components().size(), false);
        for (const Component &c : map.components()) {
            if (!c.parent.isEmpty())
                hasChildren[index.value(c.parent)] = true;
        }
        for (const Component &c : map.components()) {
            Node n;
            n.id = c.id;
            n.parent = c.parent.isEmpty() ? -1 : index.value(c.parent);
            n.top = c.isBusiness();
            if (hasChildren[index.value(c.id)])
                n.header = QSizeF(180, 30);
            else
                n.size = QSizeF(170, 47); // about what the canvas measures
            request.nodes.push_back(n);
        }
        for (const Dependency &d : map.dependencies())
            request.edges.push_back({index.value(d.from), index.value(d.to)});
        const Result result = computeLayout(request);
        const double aspect = result.bounds.width() / result.bounds.height();
        qInfo("example: %.0f x %.0f pt, aspect %.2f", result.bounds.width(), result.bounds.height(),
            aspect);
        QVERIFY2(aspect > 0.9 && aspect < 2.4, qPrintable(QString::number(aspect)));
        // Fit in a 1,000 x 625 canvas shows it at 30 % or more (it was 17 %).
        QVERIFY(std::min(1000 / result.bounds.width(), 625 / result.bounds.height()) >= 0.30);
    }

    // A generated map of 2,000 components in 2 providers × 3 regions × 3 zones, with 4,000
    // dependencies mostly pointing down the stack, lays out in seconds.
    void bigMap()
    {
        Request r;
        auto add = [&r](const QString &id, int parent, bool cluster, bool top = false) {
            Node n;
            n.id = id;
            n.parent = parent;
            n.top = top;
            if (cluster)
                n.header = QSizeF(160, 30);
            else
                n.size = QSizeF(150, 44);
            r.nodes.push_back(n);
            return int(r.nodes.size() - 1);
        };
        std::vector<int> places;
        for (int p = 0; p < 2; ++p) {
            const int provider = add(QStringLiteral("p%1").arg(p), -1, true);
            for (int g = 0; g < 3; ++g) {
                const int region = add(QStringLiteral("p%1r%2").arg(p).arg(g), provider, true);
                places.push_back(region);
                for (int z = 0; z < 3; ++z)
                    places.push_back(
                        add(QStringLiteral("p%1r%2z%3").arg(p).arg(g).arg(z), region, true));
            }
        }
        quint32 seed = 20251020;
        auto random = [&seed](int below) {
            seed = seed * 1664525u + 1013904223u;
            return int((seed >> 8) % quint32(below));
        };
        while (r.nodes.size() < 2000) {
            const int k = int(r.nodes.size());
            const bool top = random(20) == 0;
            add(QStringLiteral("c%1").arg(k), top ? -1 : places[random(int(places.size()))], false,
                top);
        }
        for (int e = 0; e < 4000; ++e) {
            int a = 32 + random(2000 - 32), b = 32 + random(2000 - 32);
            if (a > b)
                std::swap(a, b);
            if (a != b)
                r.edges.push_back({a, b});
        }
        QElapsedTimer clock;
        clock.start();
        const Result result = computeLayout(r);
        qInfo("2,000 components: %lld ms, %.0f x %.0f pt", clock.elapsed(), result.bounds.width(),
            result.bounds.height());
        QCOMPARE(result.centres.size(), r.nodes.size());
        for (std::size_t i = 0; i < r.nodes.size(); ++i) {
            const int p = r.nodes[i].parent;
            if (p >= 0)
                QVERIFY(result.clusters[p].contains(result.centres[i]));
        }
    }

    void reproducible()
    {
        const Result a = computeLayout(smallMap());
        const Result b = computeLayout(smallMap());
        QCOMPARE(a.centres, b.centres);
        QCOMPARE(a.clusters, b.clusters);
    }

    void emptyMap()
    {
        const Result r = computeLayout(Request {});
        QVERIFY(r.centres.empty());
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
