// The command-line outputs of the analyses (model/analysis/analysisformat.h): the JSON shapes
// issue #5 specifies, CSV and text.
#include "model/analysis/analyses.h"
#include "model/analysis/analysisformat.h"
#include "model/map/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace faultline;

namespace {

// shop needs a pool of two web servers (1 of 2) and a database; everything sits in one zone.
Map shopMap()
{
    Map map;
    map.name = QStringLiteral("Shop");
    auto add = [&](const char *id, const char *name, const char *kind, const char *parent,
                   std::optional<double> availability, std::optional<int> require = {}) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.name = QString::fromUtf8(name);
        c.kind = QString::fromLatin1(kind);
        c.parent = QString::fromLatin1(parent);
        c.availability = availability;
        c.require = require;
        map.addComponent(c);
        return c;
    };
    add("zone", "Zone A", "zone", "", 0.9999);
    add("web-1", "Web 1", "compute", "zone", 0.99);
    add("web-2", "=Web 2", "compute", "zone", 0.99); // a name a spreadsheet would run
    add("web", "Web pool", "group", "", {}, 1);
    add("db", "Database", "database", "zone", 0.999);
    Component shop = add("shop", "Shop front", "service", "", 0.9995);
    shop.business = true;
    shop.costPerHour = 1000.0;
    map.setComponent(*map.findComponent(QStringLiteral("shop")), shop);
    for (auto [from, to] :
        {std::pair {"web", "web-1"}, {"web", "web-2"}, {"shop", "web"}, {"shop", "db"}})
        map.addDependency(
            {QString::fromLatin1(from), QString::fromLatin1(to), DependencyType::Hard, {}, {}});
    validate(map);
    return map;
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s in %s", qPrintable(error.errorString()), json.constData());
    return doc.object();
}

} // namespace

class TestAnalysisFormat : public QObject
{
    Q_OBJECT

private:
    Map m_map = shopMap();
    ImpactGraph m_graph {m_map};
    ComponentIndex m_shop = *m_map.findComponent(QStringLiteral("shop"));

private slots:
    void spof()
    {
        const SpofReport r = singlePointsOfFailure(m_graph, m_shop);
        QCOMPARE(analysisformat::json(m_map, r),
            QByteArray("{\"target\": \"shop\", \"spof\": [\"zone\", \"web\", \"db\"]}\n"));
        QCOMPARE(analysisformat::csv(m_map, r),
            QByteArray("id,name,kind\r\nzone,Zone A,zone\r\nweb,Web pool,group\r\n"
                       "db,Database,database\r\n"));
        const QString text = QString::fromUtf8(analysisformat::text(m_map, r));
        QVERIFY(text.startsWith(QStringLiteral("Shop — single points of failure of Shop front")));
        QVERIFY(text.contains(QStringLiteral("3 of the 5 components it needs")));
    }

    void cutSets()
    {
        const CutSetReport r = minimalCutSets(m_map, m_graph, m_shop, {2});
        QCOMPARE(analysisformat::json(m_map, r),
            QByteArray("{\n  \"target\": \"shop\",\n  \"cut_sets\": [\n    [\"zone\"],\n"
                       "    [\"web\"],\n    [\"db\"],\n    [\"web-1\", \"web-2\"]\n  ]\n}\n"));
        QCOMPARE(analysisformat::csv(m_map, r),
            QByteArray("order,component_1,component_2\r\n1,zone,\r\n1,web,\r\n1,db,\r\n"
                       "2,web-1,web-2\r\n"));
        const QString text = QString::fromUtf8(analysisformat::text(m_map, r));
        QVERIFY(text.contains(QStringLiteral("4 sets: 3 of order 1, 1 of order 2")));
        QVERIFY(text.contains(QStringLiteral("  Web 1 + =Web 2\n")));
    }

    void availability()
    {
        const AvailabilityReport r = faultline::availability(m_map, m_graph, m_shop);
        const QJsonObject o = parse(analysisformat::json(m_map, r));
        QCOMPARE(o.keys().size(), 5);
        QCOMPARE(o.value(QStringLiteral("target")).toString(), QStringLiteral("shop"));
        const double a = 0.9995 * 0.9999 * 0.999 * (1 - 0.01 * 0.01);
        QVERIFY(std::abs(o.value(QStringLiteral("availability")).toDouble() - a) < 1e-15);
        QVERIFY(std::abs(o.value(QStringLiteral("unavailability")).toDouble() - (1 - a)) < 1e-15);
        QVERIFY(std::abs(o.value(QStringLiteral("downtime_minutes_per_year")).toDouble()
                    - (1 - a) * 525600)
            < 1e-9);
        const QJsonArray contributors = o.value(QStringLiteral("contributors")).toArray();
        QCOMPARE(contributors.size(), 5); // zone, web-1, web-2, db, shop
        // The database fails most often of the single points, so it leads.
        QCOMPARE(contributors[0].toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("db"));
        QCOMPARE(parse(analysisformat::json(m_map, r, 2))
                     .value(QStringLiteral("contributors"))
                     .toArray()
                     .size(),
            2);
        const QByteArray csv = analysisformat::csv(m_map, r);
        QVERIFY(csv.startsWith("target,availability,unavailability,downtime_minutes_per_year\r\n"
                               "shop,0.99"));
        const QString text = QString::fromUtf8(analysisformat::text(m_map, r));
        QVERIFY(text.contains(QStringLiteral("minutes per year (365 days)")));
        QVERIFY(text.contains(QStringLiteral("Database")));
    }

    void blastRadius()
    {
        const BlastRadiusReport r = faultline::blastRadius(m_map, m_graph);
        const QJsonObject o = parse(analysisformat::json(m_map, r));
        QCOMPARE(o.keys(), QStringList {QStringLiteral("ranking")});
        const QJsonArray ranking = o.value(QStringLiteral("ranking")).toArray();
        QCOMPARE(ranking.size(), 6);
        const QJsonObject first = ranking[0].toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("zone"));
        QCOMPARE(first.value(QStringLiteral("down")).toInt(), 5);
        QCOMPARE(first.value(QStringLiteral("cost_per_hour")).toDouble(), 1000.0);
        QCOMPARE(first.keys().size(), 6);
        const QByteArray csv = analysisformat::csv(m_map, r);
        QVERIFY(csv.startsWith("rank,id,name,kind,down,degraded,cost_per_hour\r\n"
                               "1,zone,Zone A,zone,5,0,1000\r\n"));
        QVERIFY(csv.contains(",web-2,'=Web 2,")); // guarded against formula injection

        const BlastRadiusReport zones =
            faultline::blastRadius(m_map, m_graph, {QStringLiteral("zone")});
        const QJsonObject z = parse(analysisformat::json(m_map, zones));
        QCOMPARE(z.value(QStringLiteral("kind")).toString(), QStringLiteral("zone"));
        QCOMPARE(z.value(QStringLiteral("total_business_cost_per_hour")).toDouble(), 1000.0);
        const QJsonObject row = z.value(QStringLiteral("ranking")).toArray()[0].toObject();
        QCOMPARE(row.value(QStringLiteral("business_share")).toDouble(), 1.0);
        QVERIFY(QString::fromUtf8(analysisformat::text(m_map, zones))
                    .contains(QStringLiteral("100.0%")));
    }

    void emptyBlastRadius()
    {
        const Map empty;
        const ImpactGraph graph(empty);
        const BlastRadiusReport r = faultline::blastRadius(empty, graph);
        QCOMPARE(analysisformat::json(empty, r), QByteArray("{\n  \"ranking\": []\n}\n"));
        QCOMPARE(analysisformat::csv(empty, r),
            QByteArray("rank,id,name,kind,down,degraded,cost_per_hour\r\n"));
        QVERIFY(analysisformat::text(empty, r).contains("No components to rank."));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisFormat)
#include "tst_analysis_format.moc"
