// Whole names: a component's name wraps onto up to three lines before anything is cut; what is
// cut is the middle, never the end ("(2 of 3)"); the whole name is the canvas's tooltip and the
// <title> of the component in an SVG export.
#include "model/map/map.h"
#include "views/canvasitems.h"
#include "views/diagramexport.h"
#include "views/icons.h"
#include "views/mapdrawing.h"
#include "views/theme.h"

#include <QFontMetricsF>
#include <QTest>
#include <QXmlStreamReader>

using namespace faultline;

namespace {

qreal widest(const QStringList &lines)
{
    const QFontMetricsF fm(theme::nodeFont());
    qreal w = 0;
    for (const QString &l : lines)
        w = std::max(w, fm.horizontalAdvance(l));
    return w;
}

const QString ellipsis(QChar(0x2026));

} // namespace

class TestLabels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void shortNameIsOneLine()
    {
        QCOMPARE(drawing::labelLines(QStringLiteral("Checkout")), QStringList{"Checkout"});
    }

    // "Web tier us-east-1 (3 …" was what a two-line label kept of this name.
    void wrapsOntoThreeLinesBeforeCutting()
    {
        const QString name = QStringLiteral("Web tier us-east-1 (3 zones) (2 of 3)");
        const QStringList lines = drawing::labelLines(name);
        QVERIFY2(lines.size() <= 3, qPrintable(lines.join(u'|')));
        QCOMPARE(lines.join(QLatin1Char(' ')), name);
        QVERIFY(widest(lines) <= theme::nodeTextWidestWidth);
    }

    // A long word (a DNS name) is broken after a dot or dash, not cut.
    void breaksALongWord()
    {
        const QString name = QStringLiteral("dynamodb.us-east-1.amazonaws.com");
        const QStringList lines = drawing::labelLines(name);
        QVERIFY2(lines.size() >= 2 && lines.size() <= 3, qPrintable(lines.join(u'|')));
        QCOMPARE(lines.join(QString()), name);
        QVERIFY(!lines.join(QString()).contains(ellipsis));
        QVERIFY(widest(lines) <= theme::nodeTextWidestWidth);
    }

    // Too long for three lines: the middle goes, the beginning and the end stay.
    void cutsTheMiddleKeepingTheEnd()
    {
        const QString name = QStringLiteral(
            "Kubernetes worker nodes for the order pipeline in us-east-1 behind the internal "
            "load balancer (2 of 3)");
        const QStringList lines = drawing::labelLines(name);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.last().endsWith(QLatin1String("(2 of 3)")), qPrintable(lines.join(u'|')));
        QVERIFY2(lines.first().startsWith(QLatin1String("Kubernetes")), qPrintable(lines.first()));
        QVERIFY2(lines[1].endsWith(ellipsis), qPrintable(lines[1]));
        QVERIFY(widest(lines) <= theme::nodeTextWidestWidth);
    }

    void tooltipHoldsTheWholeName()
    {
        const QString name = QStringLiteral(
            "A very long component name that cannot fit on three short lines of a card (1 of 3)");
        const NodeItem item(QStringLiteral("x"), QStringLiteral("compute"), name);
        QCOMPARE(item.toolTip(), name);
        QVERIFY(item.look().lines.join(QLatin1Char(' ')) != name);
    }

    // The SVG export names every component in a <title>, the whole name, escaped.
    void svgTitlesHoldWholeNames()
    {
        Map map;
        map.name = QStringLiteral("Names");
        const QString longName = QStringLiteral(
            "Payments <primary> & its very long name that the card must cut somewhere (2 of 3)");
        Component region;
        region.id = QStringLiteral("region");
        region.name = QStringLiteral("us-east-1 (N. Virginia)");
        region.kind = QStringLiteral("region");
        Component db;
        db.id = QStringLiteral("db");
        db.name = longName;
        db.kind = QStringLiteral("database");
        db.parent = region.id;
        map.addComponent(region);
        map.addComponent(db);
        const diagramexport::Picture picture(map, Scenario());
        QXmlStreamReader xml(picture.svg());
        QStringList titles;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.name() == QLatin1String("title"))
                titles.append(xml.readElementText());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(titles.contains(longName), qPrintable(titles.join(u'|')));
        QVERIFY(titles.contains(region.name));
    }
};

QTEST_MAIN(TestLabels)
#include "tst_labels.moc"
