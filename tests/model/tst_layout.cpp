// The Graphviz layout adapter: coordinate conversion, a small map's layout, the async runner.
#include "model/layout/graphvizlayout.h"
#include "model/layout/layoutrunner.h"

#include <QSignalSpy>
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

    void smallMapLayout()
    {
        const Request request = smallMap();
        const Result result = computeLayout(request);
        QCOMPARE(result.centres.size(), request.nodes.size());
        QCOMPARE(result.routes.size(), request.edges.size());
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
        for (const Route &route : result.routes) {
            QVERIFY(route.bezier.size() >= 4);
            QCOMPARE((route.bezier.size() - 1) % 3, 0u);
        }
        // The edge to the region cluster stops at its border.
        const Route &toRegion = result.routes[3];
        const QPointF end = toRegion.arrowTip.value_or(toRegion.bezier.back());
        QVERIFY(std::abs(end.y() - result.clusters[1].top()) < 2.0);
    }

    void reproducible()
    {
        const Result a = computeLayout(smallMap());
        const Result b = computeLayout(smallMap());
        QCOMPARE(a.centres, b.centres);
        QCOMPARE(a.clusters, b.clusters);
    }

    void runnerDelivers()
    {
        LayoutRunner runner;
        QSignalSpy finished(&runner, &LayoutRunner::finished);
        runner.start(smallMap());
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(20000));
        QVERIFY(!runner.isRunning());
        QCOMPARE(finished.first().first().value<Result>().centres.size(), smallMap().nodes.size());
    }

    void cancelledResultIsDropped()
    {
        LayoutRunner runner;
        QSignalSpy finished(&runner, &LayoutRunner::finished);
        runner.start(smallMap());
        runner.cancel();
        QVERIFY(!runner.isRunning());
        waitForLayoutThread();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 0);
    }

    void emptyMap()
    {
        const Result r = computeLayout(Request {});
        QVERIFY(r.centres.empty());
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
