// The workshop report: its numbers come from the engine, its HTML is well-formed XHTML without
// script, every text from the map is escaped, and the comparison has one column per saved
// scenario.

#include "model/impact/exposure.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "model/report/htmlreport.h"
#include "model/report/reportdata.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace faultline;

namespace {

const QDateTime fixedDate(QDate(2025, 10, 20), QTime(9, 30));

report::Options options(double hours = 4.0)
{
    report::Options o;
    o.outageHours = hours;
    o.date = fixedDate;
    return o;
}

Map example()
{
    return interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
}

// The parsed page: all text, the texts of the cells of each table (by class), header cells.
struct Page
{
    QString error;
    QString text;
    QHash<QString, QList<QStringList>> rows; // table class -> rows of cell texts
    QStringList images; // src of every <img>
};

Page parse(const QByteArray &html)
{
    Page page;
    QXmlStreamReader xml(html);
    QString tableClass;
    QStringList row;
    QString cell;
    int cellDepth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"table")
                tableClass = xml.attributes().value(QLatin1String("class")).toString();
            else if (name == u"tr")
                row.clear();
            else if (name == u"td" || name == u"th") {
                cell.clear();
                cellDepth = 1;
            } else if (name == u"img")
                page.images.append(xml.attributes().value(QLatin1String("src")).toString());
            else if (name == u"br" && cellDepth)
                cell += u' ';
        } else if (xml.isEndElement()) {
            const auto name = xml.name();
            if (name == u"td" || name == u"th") {
                row.append(cell.simplified());
                cellDepth = 0;
            } else if (name == u"tr") {
                page.rows[tableClass].append(row);
            }
        } else if (xml.isCharacters()) {
            page.text += xml.text();
            if (cellDepth)
                cell += xml.text();
        }
    }
    if (xml.hasError())
        page.error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return page;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void numbersComeFromTheEngine();
    void htmlIsWellFormedWithoutScript();
    void summaryInHtml();
    void affectedTable();
    void comparisonHasOneColumnPerScenario();
    void exposedBusinessServices();
    void escaping();
    void diagramIsInlineBase64();
    void recoveryPlanAndDataAtRisk();
    void unknownScenario();
    void formatMinutes_data();
    void formatMinutes();
};

void TestReport::numbersComeFromTheEngine()
{
    const Map map = example();
    QVERIFY(!map.scenarios().empty());
    const ImpactGraph graph(map);
    for (const Scenario &s : map.scenarios()) {
        const report::ReportData d = report::buildReport(map, s, options(2.5));
        const ImpactResult r = evaluateImpact(graph, resolveScenario(map, s));
        QCOMPARE(d.summary, r.summary());
        QCOMPARE(d.estimatedLoss, r.summary().costPerHour * 2.5);
        QCOMPARE(
            int(d.affected.size()), r.summary().down + r.summary().degraded + r.summary().atRisk);
        int business = 0;
        for (ComponentIndex i : r.affected()) {
            if (map.component(i).isBusiness() && r.state(i) >= State::Degraded)
                ++business;
        }
        QCOMPARE(d.businessHit.size(), business);
        QStringList exposed;
        for (ComponentIndex i : Exposure(graph, r).exposed()) {
            if (map.component(i).isBusiness())
                exposed.append(map.component(i).displayName());
        }
        QCOMPARE(d.businessExposed, exposed);
        // Rows: down first, then degraded, then at risk; each row's chain is the engine's path.
        State last = State::Down;
        for (const report::AffectedRow &row : d.affected) {
            QVERIFY(row.state <= last);
            last = row.state;
            const auto i = map.findComponent(row.id);
            QCOMPARE(row.causes.size(), qsizetype(r.path(*i).size()) - 1);
        }
        QCOMPARE(d.comparison.size(), map.scenarios().size());
    }
}

void TestReport::htmlIsWellFormedWithoutScript()
{
    const Map map = example();
    const QByteArray html =
        report::html(report::buildReport(map, map.scenarios().front(), options()),
            {QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>")});
    const Page page = parse(html);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QVERIFY(!html.toLower().contains("<script"));
    QVERIFY(!html.toLower().contains("javascript:"));
    // No event handler attributes, nothing loaded from elsewhere.
    QVERIFY(
        !QString::fromUtf8(html).contains(QRegularExpression(QStringLiteral("\\son\\w+\\s*="))));
    QVERIFY(!html.contains("src=\"http"));
    QVERIFY(!html.contains("url("));
    QVERIFY(html.contains("@media print"));
    QVERIFY(html.contains("<thead>"));
    if (!qEnvironmentVariableIsEmpty("FAULTLINE_REPORT_OUT")) {
        QFile out(qEnvironmentVariable("FAULTLINE_REPORT_OUT"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(html);
    }
}

void TestReport::summaryInHtml()
{
    const Map map = example();
    const Scenario &s = map.scenarios().front();
    const report::ReportData d = report::buildReport(map, s, options());
    const Page page = parse(report::html(d));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    const QList<QStringList> cards = page.rows.value(QStringLiteral("cards"));
    QCOMPARE(cards.size(), 1);
    const QStringList c = cards.front();
    QCOMPARE(c.size(), 5);
    QCOMPARE(c[0], QStringLiteral("%1 components down").arg(d.summary.down));
    QCOMPARE(c[1], QStringLiteral("%1 components degraded").arg(d.summary.degraded));
    QCOMPARE(c[2], QStringLiteral("%1 components at risk").arg(d.summary.atRisk));
    QCOMPARE(c[3],
        QStringLiteral("%1 of %2 business services hit")
            .arg(d.businessHit.size())
            .arg(d.businessCount));
    QVERIFY2(c[4].endsWith(QStringLiteral("cost per hour")), qPrintable(c[4]));
    QVERIFY(page.text.contains(map.name));
    QVERIFY(page.text.contains(s.name));
    QVERIFY(page.text.contains(QStringLiteral("2025-10-20 09:30")));
    QVERIFY(page.text.contains(QStringLiteral("Estimated loss for a 4-hour outage")));
}

void TestReport::affectedTable()
{
    Map map;
    auto add = [&map](const char *id, const char *name, double cost) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.name = QString::fromLatin1(name);
        c.costPerHour = cost;
        c.owner = QStringLiteral("team-") + c.id;
        c.tier = 1;
        c.rtoMinutes = 90;
        c.business = cost > 0;
        map.addComponent(c);
    };
    add("region", "us-east-1", 0);
    add("db", "Payments DB", 0);
    add("shop", "Checkout", 1234567.5);
    map.setComponent(ComponentIndex(1), [&] {
        Component c = map.components()[1];
        c.parent = QStringLiteral("region");
        return c;
    }());
    map.addDependency({QStringLiteral("shop"), QStringLiteral("db"), DependencyType::Hard, {}, {}});
    Scenario s;
    s.name = QStringLiteral("region out");
    s.fail = QStringList {QStringLiteral("region")};
    const report::ReportData d = report::buildReport(map, s, options(10));
    QCOMPARE(d.estimatedLoss, 12345675.0);
    const Page page = parse(report::html(d));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    const QList<QStringList> rows = page.rows.value(QStringLiteral("data"));
    QCOMPARE(rows.size(), 4); // header + three affected
    QCOMPARE(rows[0],
        (QStringList {
            "Component", "State", "Chain of causes", "Owner", "Tier", "RTO", "Cost per hour"}));
    QCOMPARE(rows[1][0], QStringLiteral("us-east-1"));
    QCOMPARE(rows[1][1], QStringLiteral("failed"));
    QCOMPARE(rows[1][2], QStringLiteral("failed by the scenario"));
    QCOMPARE(rows[3][0], QStringLiteral("Checkout (business)"));
    QCOMPARE(rows[3][1], QStringLiteral("down"));
    QCOMPARE(rows[3][2], QStringLiteral("← Payments DB ← us-east-1"));
    QCOMPARE(rows[3][3], QStringLiteral("team-shop"));
    QCOMPARE(rows[3][4], QStringLiteral("1"));
    QCOMPARE(rows[3][5], QStringLiteral("1 h 30 min"));
    QCOMPARE(rows[3][6], QStringLiteral("$1,234,567.5"));
    QVERIFY(page.text.contains(QStringLiteral("$12,345,675")));
}

void TestReport::comparisonHasOneColumnPerScenario()
{
    const Map map = example();
    const Scenario &reported = map.scenarios().back();
    const report::ReportData d = report::buildReport(map, reported, options());
    const QByteArray html = report::html(d);
    const Page page = parse(html);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    // The comparison is the last "data" table: its header row names every saved scenario.
    const QList<QStringList> rows = page.rows.value(QStringLiteral("data"));
    qsizetype header = -1;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i].size() == qsizetype(map.scenarios().size()) + 1 && rows[i].front().isEmpty())
            header = i;
    }
    QVERIFY(header >= 0);
    for (std::size_t k = 0; k < map.scenarios().size(); ++k)
        QCOMPARE(rows[header][qsizetype(k) + 1], map.scenarios()[k].name);
    const QStringList down = rows[header + 3];
    QCOMPARE(down.front(), QStringLiteral("Down"));
    for (std::size_t k = 0; k < map.scenarios().size(); ++k)
        QCOMPARE(down[qsizetype(k) + 1], QString::number(d.comparison[k].summary.down));
    QCOMPARE(html.count("<th class=\"num current\""), 1);

    // A scenario that is not saved is compared with the saved ones but marks none.
    Scenario adHoc;
    adHoc.fail = map.scenarios().front().fail;
    const report::ReportData e = report::buildReport(map, adHoc, options());
    QCOMPARE(e.comparison.size(), map.scenarios().size());
    QVERIFY(std::none_of(e.comparison.begin(), e.comparison.end(),
        [](const report::ScenarioColumn &c) { return c.isReported; }));
}

// Zone A of a shop whose web tier is 1-of-2 fails: the shop is up but exposed, and the report
// says so, in the summary and in the comparison of saved scenarios.
void TestReport::exposedBusinessServices()
{
    const Map map = interchange::read(R"({"format": "faultline-map", "version": 1,
        "components": [{"id": "zone-a"}, {"id": "zone-b"},
            {"id": "web", "kind": "group", "require": 1},
            {"id": "shop", "name": "Shop front", "business": true},
            {"id": "blog", "name": "Blog", "business": true}],
        "dependencies": [{"from": "web", "to": "zone-a"}, {"from": "web", "to": "zone-b"},
            {"from": "shop", "to": "web"}, {"from": "blog", "to": "web", "type": "soft"}],
        "scenarios": [{"name": "zone a down", "fail": ["zone-a"]},
            {"name": "both zones down", "fail": ["zone-a", "zone-b"]}]})",
        QStringLiteral("shop.json"));
    const report::ReportData d = report::buildReport(map, map.scenarios().front(), options());
    QCOMPARE(d.businessHit, QStringList {});
    QCOMPARE(d.businessExposed, QStringList {QStringLiteral("Shop front")});
    QCOMPARE(d.comparison[0].businessExposed, 1);
    QCOMPARE(d.comparison[1].businessExposed, 0);
    const Page page = parse(report::html(d));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QVERIFY(page.text.contains(QStringLiteral("Business services exposed")));
    QVERIFY(
        page.text.contains(QStringLiteral("one more failure may take them down): Shop front.")));
    bool found = false;
    for (const QStringList &row : page.rows.value(QStringLiteral("data"))) {
        if (row.value(0) == QStringLiteral("Business services exposed")) {
            QCOMPARE(row.mid(1), (QStringList {QStringLiteral("1"), QStringLiteral("0")}));
            found = true;
        }
    }
    QVERIFY(found);

    // Nothing at risk: no paragraph.
    const report::ReportData both = report::buildReport(map, map.scenarios().back(), options());
    QCOMPARE(both.businessExposed, QStringList {});
    QVERIFY(
        !parse(report::html(both)).text.contains(QStringLiteral("Business services exposed (")));
}

void TestReport::escaping()
{
    const QString evil = QStringLiteral("<script>alert('x')</script> & \"q\" \x01 </td></table>");
    Map map;
    map.name = evil;
    Component a;
    a.id = QStringLiteral("a");
    a.name = QStringLiteral("A <b>&amp;</b> ") + evil;
    a.owner = evil;
    a.kind = evil;
    a.business = true;
    a.costPerHour = 10;
    map.addComponent(a);
    Component b;
    b.id = QStringLiteral("b");
    b.name = QStringLiteral("B \"quoted\" 'single' 東京 🛒");
    map.addComponent(b);
    map.addDependency({QStringLiteral("a"), QStringLiteral("b"), DependencyType::Hard, {}, {}});
    Scenario s;
    s.name = evil;
    s.description = evil;
    s.fail = QStringList {QStringLiteral("b")};
    map.addScenario(s);
    report::Options o = options();
    o.currency = QStringLiteral("<€>");
    const QByteArray html = report::html(report::buildReport(map, s, o));
    QVERIFY(!html.contains("<script"));
    QVERIFY(!html.contains("<b>&amp;"));
    const Page page = parse(html);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    const QString shown = QString(evil).replace(QChar(1), QChar(0xFFFD));
    QVERIFY(page.text.contains(shown));
    QVERIFY(page.text.contains(QStringLiteral("A <b>&amp;</b> ") + shown));
    QVERIFY(page.text.contains(QStringLiteral("B \"quoted\" 'single' 東京 🛒")));
    QVERIFY(page.text.contains(QStringLiteral("<€>10")));
}

void TestReport::diagramIsInlineBase64()
{
    const Map map = example();
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"
                           "</svg>\"><img src=x onerror=alert(2)>";
    const QByteArray html = report::html(
        report::buildReport(map, map.scenarios().front(), options()), {svg, "image/svg+xml", 900});
    const Page page = parse(html);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.images.size(), 1);
    const QString prefix = QStringLiteral("data:image/svg+xml;base64,");
    QVERIFY(page.images.front().startsWith(prefix));
    QCOMPARE(QByteArray::fromBase64(page.images.front().mid(prefix.size()).toLatin1()), svg);
    QVERIFY(!html.contains("<script"));
    QVERIFY(html.contains("width=\"900\""));

    // No diagram: no diagram section at all.
    const QByteArray without =
        report::html(report::buildReport(map, map.scenarios().front(), options()));
    QVERIFY(!without.contains("<img"));
    QVERIFY(!without.contains(">Diagram<"));
}

// The report on the DynamoDB DNS failure gains the recovery plan (steps by start, with their
// wave and what they wait for), the business services against their RTO and the data at risk;
// the failover scenario shows Payments meeting its target.
void TestReport::recoveryPlanAndDataAtRisk()
{
    const Map map = example();
    const report::ReportData d = report::buildReport(map,
        report::savedScenario(map, QString::fromUtf8("DynamoDB DNS failure (Oct 2025)")),
        options());
    QCOMPARE(int(d.recovery.steps.size()), d.summary.down);
    QCOMPARE(
        d.recovery.steps.front().name, QStringLiteral("DynamoDB DNS automation control plane"));
    const Page page = parse(report::html(d));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    const QList<QStringList> steps = page.rows.value(QStringLiteral("data recovery"));
    QCOMPARE(steps.size(), 1 + d.summary.down);
    QCOMPARE(steps[1],
        (QStringList {"1", "DynamoDB DNS automation control plane", "0 min", "2 h 30 min", ""}));
    QCOMPARE(steps[2],
        (QStringList {"2", "DynamoDB DNS Planner", "2 h 30 min", "2 h 40 min",
            "DynamoDB DNS automation control plane"}));
    const QList<QStringList> services = page.rows.value(QStringLiteral("data services"));
    QVERIFY(
        services.contains(QStringList {"Checkout", "14 h 45 min", "1 h", "missed by 13 h 45 min"}));
    const QList<QStringList> risk = page.rows.value(QStringLiteral("data risk"));
    QVERIFY(
        risk.contains(QStringList {"Cart table (DynamoDB us-east-1)", "1 min", "Checkout", "met"}));
    QVERIFY(page.text.contains(QStringLiteral("everything is back after 16 h 40 min")));

    const report::ReportData failover = report::buildReport(map,
        report::savedScenario(map, QString::fromUtf8("Payments DB primary lost — failover holds")),
        options());
    const Page calm = parse(report::html(failover));
    QVERIFY(calm.rows.value(QStringLiteral("data services"))
                .contains(QStringList {"Payments", "not affected", "15 min", "met"}));

    // Nothing down: no recovery section.
    Scenario impaired;
    impaired.degrade = QStringList {QStringLiteral("search")};
    const Page none = parse(report::html(report::buildReport(map, impaired, options())));
    QVERIFY(!none.text.contains(QStringLiteral("Recovery plan")));
    QVERIFY(none.rows.value(QStringLiteral("data recovery")).isEmpty());
}

void TestReport::unknownScenario()
{
    const Map map = example();
    QCOMPARE(&report::savedScenario(map, map.scenarios().front().name), &map.scenarios().front());
    try {
        report::savedScenario(map, QStringLiteral("nope"));
        QFAIL("no error");
    } catch (const ValidationError &e) {
        QVERIFY(e.message().contains(QStringLiteral("no saved scenario \"nope\"")));
        QVERIFY(e.message().contains(map.scenarios().front().name));
    }
}

void TestReport::formatMinutes_data()
{
    QTest::addColumn<double>("minutes");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << 0.0 << "0 min";
    QTest::newRow("45") << 45.0 << "45 min";
    QTest::newRow("60") << 60.0 << "1 h";
    QTest::newRow("90") << 90.0 << "1 h 30 min";
    QTest::newRow("days") << 3060.0 << "2 d 3 h";
}

void TestReport::formatMinutes()
{
    QFETCH(double, minutes);
    QFETCH(QString, text);
    QCOMPARE(report::formatMinutes(minutes), text);
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
