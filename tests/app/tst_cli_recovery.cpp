// `faultline recovery` and `faultline check` through the real executable: outputs, the JSON
// shapes of issue #15, JUnit XML, and the exit codes (0, 3 for a broken rule, 1, 2).
#include "tests/app/clitestutil.h"

#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace clitest;

namespace {

// A zone holds the database and one web server; the other web server is in zone b. The shop
// needs the pool (1 of 2) and the database; reports read the database softly.
const char *const recoveryMap = R"({
  "format": "faultline-map", "version": 1, "name": "Recovering Shop",
  "components": [
    {"id": "zone-a", "kind": "zone", "rto_minutes": 20},
    {"id": "zone-b", "kind": "zone", "rto_minutes": 20},
    {"id": "web-a", "kind": "compute", "parent": "zone-a", "rto_minutes": 5},
    {"id": "web-b", "kind": "compute", "parent": "zone-b", "rto_minutes": 5},
    {"id": "web", "kind": "group", "require": 1},
    {"id": "db", "name": "Orders DB", "kind": "database", "parent": "zone-a",
     "rto_minutes": 30, "rpo_minutes": 15},
    {"id": "shop", "name": "Shop", "kind": "service", "business": true, "tier": 1,
     "rto_minutes": 10, "target_rto_minutes": 45, "target_rpo_minutes": 5, "cost_per_hour": 1000},
    {"id": "reports", "name": "Reports", "kind": "service", "business": true, "tier": 2,
     "target_rto_minutes": 60}
  ],
  "dependencies": [
    {"from": "web", "to": "web-a"}, {"from": "web", "to": "web-b"},
    {"from": "shop", "to": "web"}, {"from": "shop", "to": "db"},
    {"from": "reports", "to": "db", "type": "soft"}
  ],
  "scenarios": [
    {"name": "zone a down", "fail": ["zone-a"]},
    {"name": "zone b down", "fail": ["zone-b"]}
  ]
})";

QStringList ids(const QJsonValue &list)
{
    QStringList out;
    for (const QJsonValue &v : list.toArray())
        out.append(v.toString());
    return out;
}

} // namespace

class TestCliRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_map;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString policyFile(const QString &name, const QByteArray &rules)
    {
        const QString p = path(name);
        writeFile(
            p, "{\"format\": \"faultline-policy\", \"version\": 1, \"rules\": [" + rules + "]}");
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_map = path(QStringLiteral("shop.json"));
        writeFile(m_map, recoveryMap);
    }

    void recoveryJson()
    {
        const Result r =
            runFaultline({"recovery", m_map, "--scenario", "zone a down", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QJsonObject o = parseObject(r.out);
        for (const char *key :
            {"scenario", "steps", "waves", "business", "data_at_risk", "unrecoverable"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o["scenario"]["name"].toString(), QStringLiteral("zone a down"));
        QCOMPARE(ids(o["scenario"]["fail"]), QStringList {"zone-a"});
        // zone-a 0-20; web-a and db wait for it: 20-25 and 20-50 (both count for the shop:
        // map order); the shop waits for db: 50-60.
        QStringList steps;
        for (const QJsonValue &s : o["steps"].toArray()) {
            const QJsonObject step = s.toObject();
            steps.append(QStringLiteral("%1 %2-%3 [%4]")
                             .arg(step["id"].toString())
                             .arg(step["start"].toDouble())
                             .arg(step["back"].toDouble())
                             .arg(ids(step["waits_for"]).join(u',')));
        }
        QCOMPARE(steps,
            (QStringList {
                "zone-a 0-20 []", "web-a 20-25 [zone-a]", "db 20-50 [zone-a]", "shop 50-60 [db]"}));
        QCOMPARE(o["waves"].toArray().size(), 3);
        QCOMPARE(ids(o["waves"][1]), (QStringList {"web-a", "db"}));
        const QJsonArray business = o["business"].toArray();
        QCOMPARE(business.size(), 2);
        QCOMPARE(business[0]["id"].toString(), QStringLiteral("shop"));
        QCOMPARE(business[0]["back"].toDouble(), 60.0);
        QCOMPARE(business[0]["target_rto"].toDouble(), 45.0);
        QCOMPARE(business[0]["met"].toBool(true), false);
        QCOMPARE(business[1]["id"].toString(), QStringLiteral("reports"));
        QCOMPARE(business[1]["back"].toDouble(), 50.0);
        QCOMPARE(business[1]["met"].toBool(false), true);
        const QJsonArray risk = o["data_at_risk"].toArray();
        QCOMPARE(risk.size(), 1);
        QCOMPARE(risk[0]["id"].toString(), QStringLiteral("db"));
        QCOMPARE(risk[0]["rpo"].toDouble(), 15.0);
        QCOMPARE(ids(risk[0]["services"]), (QStringList {"shop", "reports"}));
        QCOMPARE(risk[0]["met"].toBool(true), false);
        QCOMPARE(o["unrecoverable"].toArray().size(), 0);
    }

    void recoveryTextAndCsv()
    {
        const Result text = runFaultline({"recovery", m_map, "--fail", "zone-a"});
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(out.contains(QStringLiteral(
                     "4 components to bring back in 3 waves; everything is back after 1 h")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("target 45 min: missed by 15 min")), qPrintable(out));
        QVERIFY2(
            out.contains(QStringLiteral(
                "Orders DB: up to 15 min of data, needed by Shop, Reports; target RPO missed")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("No RTO (counted as 0)")) == false, qPrintable(out));

        const Result csv = runFaultline({"recovery", m_map, "--fail", "zone-a", "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        QCOMPARE(lines[0],
            QByteArray("id,name,kind,wave,start,back,rto_minutes,rto_missing,waits_for,business_"
                       "cost_per_hour\r"));
        QCOMPARE(lines[3], QByteArray("db,Orders DB,database,2,20,50,30,false,zone-a,1000\r"));
    }

    void recoveryErrors()
    {
        Result r = runFaultline({"recovery", m_map});
        QCOMPARE(r.exitCode, 2);
        r = runFaultline({"recovery", m_map, "--fail", "zone-a", "--format", "xml"});
        QCOMPARE(r.exitCode, 2);
        r = runFaultline({"recovery", m_map, "--scenario", "nope"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nope"));
        r = runFaultline({"recovery", m_map, "--fail", "ghost"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("ghost"));
    }

    void checkHoldsAndBreaks()
    {
        // Zone b alone leaves the shop at risk at worst; zone a takes it down.
        const QString holds = policyFile("holds.json",
            "{\"name\": \"shop survives zone b\", \"survive\": \"each-of-kind:zone\","
            " \"services\": [\"reports\"]}");
        Result r = runFaultline({"check", m_map, "--policy", holds});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("1 of 1 rules hold"), r.out.constData());

        const QString broken = policyFile("broken.json",
            "{\"name\": \"tier 1 survives a zone\", \"survive\": \"each-zone\", \"services\": "
            "\"tier<=1\"},"
            "{\"rto\": \"all\", \"services\": \"business\"},"
            "{\"rpo\": [\"zone b down\"], \"services\": \"business\"}");
        const QString junit = path("results.xml");
        r = runFaultline(
            {"check", m_map, "--policy", broken, "--format", "json", "--junit", junit});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QJsonObject o = parseObject(r.out);
        const QJsonArray rules = o["rules"].toArray();
        QCOMPARE(rules.size(), 3);
        const QJsonObject survive = rules[0].toObject();
        QCOMPARE(survive["name"].toString(), QStringLiteral("tier 1 survives a zone"));
        QCOMPARE(survive["holds"].toBool(true), false);
        const QJsonArray violations = survive["violations"].toArray();
        QCOMPARE(violations.size(), 1);
        QCOMPARE(violations[0]["service"].toString(), QStringLiteral("shop"));
        QCOMPARE(ids(violations[0]["failure"]), QStringList {"zone-a"});
        QCOMPARE(violations[0]["state"].toString(), QStringLiteral("down"));
        QVERIFY(violations[0]["evidence"].toString().contains(QStringLiteral("Orders DB")));
        const QJsonArray late = rules[1]["violations"].toArray();
        QCOMPARE(late.size(), 1); // shop in "zone a down"; reports is on time
        QCOMPARE(late[0]["service"].toString(), QStringLiteral("shop"));
        QVERIFY2(late[0]["evidence"].toString().contains(QStringLiteral("late by 15 min")),
            qPrintable(late[0]["evidence"].toString()));
        QVERIFY(rules[2]["holds"].toBool()); // zone b holds no data store

        QXmlStreamReader xml(readFile(junit));
        int cases = 0, failures = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            cases += xml.isStartElement() && xml.name() == u"testcase" ? 1 : 0;
            failures += xml.isStartElement() && xml.name() == u"failure" ? 1 : 0;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases, 1 + 2 + 2);
        QCOMPARE(failures, 2);
    }

    void checkUsesStoredPolicy()
    {
        QByteArray withPolicy = recoveryMap;
        withPolicy.replace("\"scenarios\":",
            "\"policy\": {\"format\": \"faultline-policy\", \"version\": 1, \"rules\": "
            "[{\"availability\": 0.5, \"services\": \"business\"}]},\n  \"scenarios\":");
        const QString map = path("stored.json");
        writeFile(map, withPolicy);
        Result r = runFaultline({"check", map});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("PASS  availability 0.5 (business)"), r.out.constData());
        // The stored policy survives the document.
        const QString doc = path("stored.faultline");
        QCOMPARE(runFaultline({"import", map, "-o", doc}).exitCode, 0);
        r = runFaultline({"check", doc, "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(parseObject(r.out)["holds"].toBool());
    }

    void checkErrors()
    {
        Result r = runFaultline({"check", m_map});
        QCOMPARE(r.exitCode, 2); // no policy anywhere
        QVERIFY2(r.err.contains("--policy"), r.err.constData());
        r = runFaultline({"check", m_map, "--policy",
            policyFile("bad.json",
                "{\"name\": \"x\", \"survive\": \"each-zone\", \"services\": \"business\", "
                "\"wrost\": \"up\"}")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("bad.json") && r.err.contains("\"wrost\""), r.err.constData());
        r = runFaultline({"check", m_map, "--policy",
            policyFile("rule.json", "{\"survives\": \"each-zone\", \"services\": \"business\"}")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("\"survives\""), r.err.constData());
        r = runFaultline({"check", m_map, "--policy",
            policyFile("ghost.json", "{\"rto\": \"all\", \"services\": [\"ghost\"]}")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("\"ghost\""), r.err.constData());
        r = runFaultline({"check", m_map, "--policy", path("missing.json")});
        QCOMPARE(r.exitCode, 1);
        r = runFaultline(
            {"check", m_map, "--policy", policyFile("ok.json", ""), "--format", "csv"});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRecovery)
#include "tst_cli_recovery.moc"
