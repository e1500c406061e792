// The command line for workshops (issue 14), through the real executable: `impact`'s rounds
// and exposed components, `impact --rounds`, and `compare` of two scenarios or two versions of
// a map, with their exit codes.

#include "tests/app/clitestutil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

namespace {

// Two zones; a web pool that needs one of its two servers; the shop needs the pool and the
// database (in zone a); the status page needs only the pool.
const char *const shopMap = R"({
  "format": "faultline-map", "version": 1, "name": "Shop",
  "components": [
    {"id": "cloud", "kind": "provider"},
    {"id": "zone-a", "kind": "zone", "parent": "cloud"},
    {"id": "zone-b", "kind": "zone", "parent": "cloud"},
    {"id": "web-a", "name": "Web A", "parent": "zone-a"},
    {"id": "web-b", "name": "Web B", "parent": "zone-b"},
    {"id": "web", "name": "Web pool", "kind": "group", "require": 1},
    {"id": "db", "name": "Shop DB", "kind": "database", "parent": "zone-a"},
    {"id": "shop", "name": "Shop front", "business": true, "cost_per_hour": 50000},
    {"id": "status", "name": "Status page", "business": true},
    {"id": "mail", "name": "Mail"}
  ],
  "dependencies": [
    {"from": "web", "to": "web-a"}, {"from": "web", "to": "web-b"},
    {"from": "shop", "to": "web"}, {"from": "shop", "to": "db"},
    {"from": "status", "to": "web"}
  ],
  "scenarios": [
    {"name": "zone a down", "fail": ["zone-a"]},
    {"name": "zone b down", "fail": ["zone-b"]},
    {"name": "web a lost", "fail": ["web-a"]}
  ]
})";

// The redesign: the database gets a replica in zone b behind a 1-of-2 pool, and mail is gone.
const char *const redesignedMap = R"({
  "format": "faultline-map", "version": 1, "name": "Shop",
  "components": [
    {"id": "cloud", "kind": "provider"},
    {"id": "zone-a", "kind": "zone", "parent": "cloud"},
    {"id": "zone-b", "kind": "zone", "parent": "cloud"},
    {"id": "web-a", "name": "Web A", "parent": "zone-a"},
    {"id": "web-b", "name": "Web B", "parent": "zone-b"},
    {"id": "web", "name": "Web pool", "kind": "group", "require": 1},
    {"id": "db", "name": "Shop DB", "kind": "database", "parent": "zone-a"},
    {"id": "db-b", "name": "Shop DB replica", "kind": "database", "parent": "zone-b"},
    {"id": "dbs", "name": "DB pool", "kind": "group", "require": 1},
    {"id": "shop", "name": "Shop front", "business": true, "cost_per_hour": 50000},
    {"id": "status", "name": "Status page", "business": true}
  ],
  "dependencies": [
    {"from": "web", "to": "web-a"}, {"from": "web", "to": "web-b"},
    {"from": "dbs", "to": "db"}, {"from": "dbs", "to": "db-b"},
    {"from": "shop", "to": "web"}, {"from": "shop", "to": "dbs"},
    {"from": "status", "to": "web"}
  ],
  "scenarios": [
    {"name": "zone a down", "fail": ["zone-a"]}
  ]
})";

} // namespace

class TestCliWorkshop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_map;
    QString m_redesign;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_map = m_dir.filePath(QStringLiteral("shop.json"));
        writeFile(m_map, shopMap);
        m_redesign = m_dir.filePath(QStringLiteral("redesign.json"));
        writeFile(m_redesign, redesignedMap);
    }

    void impactJsonHasRoundsAndExposed()
    {
        const Result r =
            runFaultline({"impact", m_map, "--scenario", "zone b down", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QStringList rounds;
        for (const QJsonValue &c : o["components"].toArray())
            rounds.append(c["id"].toString() + u'=' + QString::number(c["round"].toInt()));
        QCOMPARE(rounds.join(u' '), QStringLiteral("zone-b=0 web-b=1 web=2"));
        QCOMPARE(strings(o["exposed"]), (QStringList {"shop", "status"}));
        QCOMPARE(o["summary"]["exposed"].toInt(), 2);
        // Keys in the order DESIGN.md gives them.
        QVERIFY(r.out.indexOf("\"at_risk\"") < r.out.indexOf("\"exposed\""));
        QVERIFY(r.out.indexOf("\"exposed\"") < r.out.indexOf("\"cost_per_hour\""));
        QVERIFY(r.out.indexOf("\"state\"") < r.out.indexOf("\"round\""));
        QVERIFY(r.out.indexOf("\"round\"") < r.out.indexOf("\"cause\""));
        QVERIFY(r.out.indexOf("\"components\"") < r.out.lastIndexOf("\"exposed\""));

        // Zone a takes the shop down (through its database): only the status page is exposed.
        const Result a =
            runFaultline({"impact", m_map, "--scenario", "zone a down", "--format", "json"});
        QCOMPARE(strings(parseObject(a.out)["exposed"]), QStringList {"status"});
    }

    void impactTextListsExposedBusinessServices()
    {
        const Result r = runFaultline({"impact", m_map, "--fail", "zone-b"});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("\nExposed business services (2): one more failure "
                                              "may take them down\n"
                                              "  * Shop front  up, but Web pool is at risk\n"
                                              "  * Status page  up, but Web pool is at risk\n")),
            r.out.constData());
        const Result none = runFaultline({"impact", m_map, "--fail", "mail"});
        QVERIFY(!none.out.contains("Exposed"));
    }

    void impactRounds()
    {
        const Result r = runFaultline({"impact", m_map, "--fail", "zone-a", "--rounds"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QString text = QString::fromUtf8(r.out);
        const QString expected = QStringLiteral(
            "\nRound 0: what the scenario fails and impairs\n"
            "    zone-a      down (failed)\n"
            "\nRound 1\n"
            "    Web A       down      ← zone-a\n"
            "    Shop DB     down      ← zone-a\n"
            "\nRound 2\n"
            "    Web pool    at risk   ← Web A\n"
            "  * Shop front  down      ← Shop DB\n"
            "\nExposed business services (1): one more failure may take them down\n"
            "  * Status page  up, but Web pool is at risk\n");
        QVERIFY2(text.contains(expected), r.out.constData());
        QVERIFY(text.startsWith(QStringLiteral("Shop — fail zone-a\n4 down, 0 degraded, 1 at risk;")));
        QVERIFY(!text.contains(QStringLiteral("Round 3")));
        QVERIFY(!text.contains(QStringLiteral(" \n")));

        const Result nothing = runFaultline({"impact", m_map, "--degrade", "mail", "--rounds"});
        QCOMPARE(nothing.exitCode, 0);
        QVERIFY(nothing.out.contains("Round 0: what the scenario fails and impairs\n    Mail"));
        QVERIFY(nothing.out.contains("degraded (impaired)"));
    }

    void compareTwoScenarios()
    {
        const Result r = runFaultline({"compare", m_map, "--scenario", "zone a down", "--scenario",
            "zone b down", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o.keys(), (QStringList {"a", "added", "b", "changed", "components", "removed",
                               "summary"}));
        QCOMPARE(strings(o["a"]["fail"]), QStringList {"zone-a"});
        QCOMPARE(strings(o["b"]["fail"]), QStringList {"zone-b"});
        QStringList rows;
        for (const QJsonValue &c : o["components"].toArray()) {
            QCOMPARE(c.toObject().keys(), (QStringList {"a", "b", "id", "name"}));
            rows.append(QStringLiteral("%1:%2>%3").arg(
                c["id"].toString(), c["a"].toString(), c["b"].toString()));
        }
        QCOMPARE(rows,
            (QStringList {"zone-a:down>up", "zone-b:up>down", "web-a:down>up", "web-b:up>down",
                "db:down>up", "shop:down>up"}));
        QVERIFY(strings(o["added"]).isEmpty() && strings(o["removed"]).isEmpty()
            && strings(o["changed"]).isEmpty());
        const QJsonObject a = o["summary"]["a"].toObject();
        const QJsonObject b = o["summary"]["b"].toObject();
        QCOMPARE(a.keys(), (QStringList {"at_risk", "cost_per_hour", "degraded", "down",
                               "exposed", "exposed_business"}));
        QCOMPARE(a["down"].toInt(), 4);
        QCOMPARE(b["down"].toInt(), 2);
        QCOMPARE(a["cost_per_hour"].toDouble(), 50000.0);
        QCOMPARE(b["cost_per_hour"].toDouble(), 0.0);
        QCOMPARE(strings(a["exposed_business"]), QStringList {"status"});
        QCOMPARE(strings(b["exposed_business"]), (QStringList {"shop", "status"}));
        QCOMPARE(b["exposed"].toInt(), 2);

        // One scenario and a variant of it: --b-fail adds to side B only, --fail to both.
        const Result variant = runFaultline({"compare", m_map, "--scenario", "zone b down",
            "--b-fail", "web-a", "--fail", "mail", "--format", "json"});
        QCOMPARE(variant.exitCode, 0);
        const QJsonObject v = parseObject(variant.out);
        QCOMPARE(strings(v["a"]["fail"]), (QStringList {"zone-b", "mail"}));
        QCOMPARE(strings(v["b"]["fail"]), (QStringList {"zone-b", "mail", "web-a"}));

        const Result text = runFaultline(
            {"compare", m_map, "--scenario", "zone a down", "--scenario", "zone b down"});
        QCOMPARE(text.exitCode, 0);
        const QString t = QString::fromUtf8(text.out);
        QVERIFY2(t.startsWith(QStringLiteral("A: ") + m_map + QStringLiteral(" — scenario \"zone a down\"; fail zone-a\n")),
            text.out.constData());
        QVERIFY2(t.contains(QStringLiteral("Cost per hour   50,000        0  -50,000\n")),
            text.out.constData());
        QVERIFY(t.contains(QStringLiteral("Exposed business services: A: Status page; B: Shop "
                                          "front, Status page\n")));
        QVERIFY(t.contains(QStringLiteral("Worse in B (2)\n")));
        QVERIFY(t.contains(QStringLiteral("Better in B (4)\n")));
        QVERIFY(t.contains(QStringLiteral("    Shop front  down → up\n")));
        QVERIFY(!t.contains(QStringLiteral("Map changes")));

        const Result csv = runFaultline({"compare", m_map, "--a-fail", "zone-a", "--b-fail",
            "zone-b", "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        const QList<QStringList> table = parseCsv(QString::fromUtf8(csv.out));
        QCOMPARE(table.size(), 7);
        QCOMPARE(table[0], (QStringList {"id", "name", "a", "b", "change", "map"}));
        QCOMPARE(table[6], (QStringList {"shop", "Shop front", "down", "up", "better", ""}));
    }

    void compareTwoVersions()
    {
        const Result r = runFaultline(
            {"compare", m_map, m_redesign, "--scenario", "zone a down", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(strings(o["added"]), (QStringList {"db-b", "dbs"}));
        QCOMPARE(strings(o["removed"]), QStringList {"mail"});
        QCOMPARE(strings(o["changed"]), QStringList {"shop"});
        QStringList rows;
        for (const QJsonValue &c : o["components"].toArray())
            rows.append(QStringLiteral("%1:%2>%3").arg(
                c["id"].toString(), c["a"].toString(), c["b"].toString()));
        QCOMPARE(rows, QStringList {"shop:down>up"});
        QCOMPARE(strings(o["summary"]["b"]["exposed_business"]), (QStringList {"shop", "status"}));

        const Result text =
            runFaultline({"compare", m_map, m_redesign, "--scenario", "zone a down"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Map changes: 2 added, 1 removed, 1 changed\n"
                                   "    Added: Shop DB replica, DB pool\n"
                                   "    Removed: Mail\n"
                                   "    Changed: Shop front\n"),
            text.out.constData());

        const Result csv = runFaultline(
            {"compare", m_map, m_redesign, "--scenario", "zone a down", "--format", "csv"});
        const QList<QStringList> table = parseCsv(QString::fromUtf8(csv.out));
        QCOMPARE(table.size(), 5);
        QCOMPARE(table[1], (QStringList {"db-b", "Shop DB replica", "", "up", "", "added"}));
        QCOMPARE(table[3], (QStringList {"shop", "Shop front", "down", "up", "better", "changed"}));
        QCOMPARE(table[4], (QStringList {"mail", "Mail", "up", "", "", "removed"}));
    }

    void compareBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("scenario missing in the new map")
            << QStringList {"compare", m_map, m_redesign, "--scenario", "web a lost"}
            << QStringList {m_redesign, "\"web a lost\"", "zone a down"};
        QTest::newRow("unknown scenario") << QStringList {"compare", m_map, "--scenario", "nope"}
                                          << QStringList {m_map, "\"nope\""};
        QTest::newRow("unknown id on one side")
            << QStringList {"compare", m_map, "--a-fail", "zone-a", "--b-fail", "ghost"}
            << QStringList {m_map, "\"ghost\""};
        QTest::newRow("id missing in the new map")
            << QStringList {"compare", m_map, m_redesign, "--fail", "mail"}
            << QStringList {m_redesign, "\"mail\""};
        const QString missing = m_dir.filePath(QStringLiteral("missing.json"));
        QTest::newRow("missing map")
            << QStringList {"compare", m_map, missing, "--fail", "db"} << QStringList {missing};
    }

    void compareBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        for (const QString &m : mentions)
            QVERIFY2(r.err.contains(m.toUtf8()), r.err.constData());
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("compare without map") << QStringList {"compare"} << "missing MAP";
        QTest::newRow("compare says nothing") << QStringList {"compare", m_map} << "--scenario";
        QTest::newRow("three scenarios")
            << QStringList {"compare", m_map, "--scenario", "a", "--scenario", "b", "--scenario",
                   "c"}
            << "at most twice";
        QTest::newRow("two maps, two scenarios")
            << QStringList {"compare", m_map, m_redesign, "--scenario", "a", "--scenario", "b"}
            << "once";
        QTest::newRow("three maps")
            << QStringList {"compare", m_map, m_map, m_map, "--fail", "db"} << "unexpected";
        QTest::newRow("compare bad format")
            << QStringList {"compare", m_map, "--fail", "db", "--format", "xml"} << "xml";
        QTest::newRow("rounds with json")
            << QStringList {"impact", m_map, "--fail", "db", "--rounds", "--format", "json"}
            << "--rounds";
        QTest::newRow("rounds with csv")
            << QStringList {"impact", m_map, "--fail", "db", "--format", "csv", "--rounds"}
            << "--rounds";
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliWorkshop)
#include "tst_cli_workshop.moc"
