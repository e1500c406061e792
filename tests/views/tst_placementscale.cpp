// Where a new component goes among thousands (views/placement.h), without a window: a node put
// into a cluster hemmed in on every side makes room by pushing its neighbours aside, and that
// stays quick at 5,000 boxes (it looked at every pair of boxes for each push: minutes), and
// leaves no two boxes of different families overlapping.
#include "model/layout/layout.h"
#include "views/placement.h"

#include <QElapsedTimer>
#include <QTest>

using namespace faultline;

namespace {

constexpr int clustersPerSide = 8, columns = 8, rows = 10;
const QSizeF node(100, 40), header(120, 30);
constexpr double margin = 10, spacing = 10;

// 64 clusters in a grid, each packed with 80 cards: nowhere is there room for one more.
placement::Canvas packedCanvas()
{
    placement::Canvas canvas;
    canvas.margin = margin;
    // Clusters 9 apart: one more than the gap placement keeps between boxes.
    const QRectF one =
        layout::clusterRect(QRectF(0, 0, columns * (node.width() + spacing) - spacing,
                                rows * (node.height() + spacing) - spacing),
            header, margin);
    const double clusterWidth = one.width() + 9, clusterHeight = one.height() + 9;
    for (int c = 0; c < clustersPerSide * clustersPerSide; ++c) {
        const int cluster = int(canvas.boxes.size());
        canvas.boxes.push_back({QStringLiteral("zone-%1").arg(c), QRectF(), -1, header, {}});
        const QPointF origin(
            (c % clustersPerSide) * clusterWidth, (c / clustersPerSide) * clusterHeight);
        QRectF content;
        for (int k = 0; k < columns * rows; ++k) {
            const QRectF r(origin
                    + QPointF((k % columns) * (node.width() + spacing),
                        (k / columns) * (node.height() + spacing)),
                node);
            canvas.boxes[cluster].children.push_back(int(canvas.boxes.size()));
            canvas.boxes.push_back(
                {QStringLiteral("n-%1-%2").arg(c).arg(k), r, cluster, header, {}});
            content = content.united(r);
        }
        canvas.boxes[cluster].rect = layout::clusterRect(content, header, margin);
    }
    return canvas;
}

bool overlap(const QRectF &a, const QRectF &b)
{
    return a.intersects(b);
}

} // namespace

class TestPlacementScale : public QObject
{
    Q_OBJECT

private slots:
    void hemmedInAmongThousands()
    {
        placement::Canvas canvas = packedCanvas();
        QCOMPARE(int(canvas.boxes.size()), 64 * 81);
        const int zone = 27 * 81; // in the middle of the grid
        QElapsedTimer t;
        t.start();
        const placement::Spot spot =
            placement::place(canvas, zone, node, canvas.boxes[zone].rect.center());
        const qint64 ms = t.elapsed();
        qInfo("placed among %d boxes in %lld ms, %lld boxes pushed aside", int(canvas.boxes.size()),
            ms, qint64(spot.pushed.size()));
        QVERIFY2(ms < 10000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        QVERIFY(!spot.pushed.isEmpty());

        // The canvas after the step: the new node, the pushed cards, the clusters regrown.
        const int added = int(canvas.boxes.size());
        canvas.boxes.push_back({QStringLiteral("new"),
            QRectF(spot.at - QPointF(node.width(), node.height()) / 2, node), zone, header, {}});
        canvas.boxes[zone].children.push_back(added);
        for (placement::Box &b : canvas.boxes) {
            if (spot.pushed.contains(b.id))
                b.rect.moveCenter(spot.pushed.value(b.id));
        }
        for (int c = 0; c < 64; ++c)
            placement::regrow(canvas, c * 81);
        // No two clusters overlap, nor two cards of different clusters.
        for (int a = 0; a < 64; ++a) {
            for (int b = a + 1; b < 64; ++b)
                QVERIFY2(!overlap(canvas.boxes[a * 81].rect, canvas.boxes[b * 81].rect),
                    qPrintable(canvas.boxes[a * 81].id + QStringLiteral(" and ")
                        + canvas.boxes[b * 81].id));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlacementScale)
#include "tst_placementscale.moc"
