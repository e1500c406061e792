// The analysis commands of DESIGN.md (blast-radius, spof, cut-sets, availability) through the
// real executable: the JSON shapes of issue #5 on a hand-made map with a series, a parallel and
// a 2-of-3 part, the text and CSV outputs, the exit codes, and two reference fault trees.

#include "tests/app/clitestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace clitest;

namespace {

// app needs, in series, a pool (p1 or p2: parallel), a vote (2 of v1, v2, v3) and db; it needs
// cache softly. Zone z1 hosts p1 and v1, zone z2 hosts p2, v2 and v3. Zones, groups and the
// cache have no availability (they never fail in the availability analysis).
const char *const votingMap = R"({
  "format": "faultline-map", "version": 1, "name": "Voting",
  "components": [
    {"id": "z1", "name": "Zone 1", "kind": "zone"},
    {"id": "z2", "name": "Zone 2", "kind": "zone"},
    {"id": "p1", "name": "Pool 1", "kind": "compute", "parent": "z1", "availability": 0.9},
    {"id": "p2", "name": "Pool 2", "kind": "compute", "parent": "z2", "availability": 0.9},
    {"id": "v1", "name": "Voter 1", "kind": "database", "parent": "z1", "availability": 0.9},
    {"id": "v2", "name": "Voter 2", "kind": "database", "parent": "z2", "availability": 0.9},
    {"id": "v3", "name": "Voter 3", "kind": "database", "parent": "z2", "availability": 0.9},
    {"id": "db", "name": "Ledger", "kind": "database", "availability": 0.99},
    {"id": "pool", "name": "Pool", "kind": "group", "require": 1},
    {"id": "vote", "name": "Quorum", "kind": "group", "require": 2},
    {"id": "app", "name": "Shop", "kind": "service", "business": true, "cost_per_hour": 1000},
    {"id": "cache", "name": "Cache", "kind": "cache"}
  ],
  "dependencies": [
    {"from": "pool", "to": "p1"}, {"from": "pool", "to": "p2"},
    {"from": "vote", "to": "v1"}, {"from": "vote", "to": "v2"}, {"from": "vote", "to": "v3"},
    {"from": "app", "to": "pool"}, {"from": "app", "to": "vote"}, {"from": "app", "to": "db"},
    {"from": "app", "to": "cache", "type": "soft"}
  ]
})";

QList<QStringList> setsOf(const QJsonValue &v)
{
    QList<QStringList> out;
    for (const QJsonValue &set : v.toArray())
        out.append(strings(set));
    return out;
}

QString treePath(const char *name)
{
    return QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/fault-trees/%1.json")
        .arg(QLatin1String(name));
}

// P(app up) = P(pool up) P(vote up) P(db up) = (1 - 0.1^2) (0.9^3 + 3 0.9^2 0.1) 0.99.
constexpr double votingAvailability = 0.99 * 0.972 * 0.99;

} // namespace

class TestCliAnalysis : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_map;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(FAULTLINE_EXECUTABLE)), FAULTLINE_EXECUTABLE);
        m_map = m_dir.filePath("voting.json");
        QFile f(m_map);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(votingMap);
    }

    void help_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("blast-radius") << "blast-radius"
                                      << "--kind KIND";
        QTest::newRow("spof") << "spof"
                              << "--target ID";
        QTest::newRow("cut-sets") << "cut-sets"
                                  << "--only-with-availability";
        QTest::newRow("availability") << "availability"
                                      << "--target ID";
    }
    void help()
    {
        QFETCH(QString, command);
        QFETCH(QString, mentions);
        const Result r = runFaultline({command, "--help"});
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(mentions), r.out.constData());
        QVERIFY(out.contains("--format FORMAT"));
        QVERIFY(r.err.isEmpty());
        // The main help lists the command.
        QVERIFY(QString::fromUtf8(runFaultline({"--help"}).out).contains(command + "  "));
    }

    void blastRadiusJson()
    {
        const Result r = runFaultline({"blast-radius", m_map, "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o.keys(), QStringList {"ranking"});
        const QJsonArray ranking = o["ranking"].toArray();
        QCOMPARE(ranking.size(), 12);
        struct Row
        {
            const char *id;
            int down, degraded;
            double cost;
        };
        // Most down first, then cost, then map order (degraded does not rank).
        const Row expected[] = {{"z2", 5, 0, 1000}, {"z1", 2, 0, 0}, {"db", 1, 0, 1000},
            {"pool", 1, 0, 1000}, {"vote", 1, 0, 1000}, {"app", 0, 0, 1000}, {"p1", 0, 0, 0},
            {"p2", 0, 0, 0}, {"v1", 0, 0, 0}, {"v2", 0, 0, 0}, {"v3", 0, 0, 0}, {"cache", 0, 1, 0}};
        for (int i = 0; i < 12; ++i) {
            const QJsonObject row = ranking[i].toObject();
            QCOMPARE(row.keys(),
                (QStringList {"cost_per_hour", "degraded", "down", "id", "kind", "name"}));
            QCOMPARE(row["id"].toString(), QString::fromLatin1(expected[i].id));
            QCOMPARE(row["down"].toInt(), expected[i].down);
            QCOMPARE(row["degraded"].toInt(), expected[i].degraded);
            QCOMPARE(row["cost_per_hour"].toDouble(), expected[i].cost);
        }
        QCOMPARE(ranking[0].toObject()["name"].toString(), "Zone 2");
        QCOMPARE(ranking[0].toObject()["kind"].toString(), "zone");
        // Keys in the order the issue shows.
        QVERIFY(r.out.indexOf("\"id\"") < r.out.indexOf("\"name\""));
        QVERIFY(r.out.indexOf("\"down\"") < r.out.indexOf("\"degraded\""));
        QVERIFY(r.out.indexOf("\"degraded\"") < r.out.indexOf("\"cost_per_hour\""));
    }

    void blastRadiusConcentration()
    {
        const Result r =
            runFaultline({"blast-radius", m_map, "--kind", "zone", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o["kind"].toString(), "zone");
        QCOMPARE(o["total_business_cost_per_hour"].toDouble(), 1000.0);
        const QJsonArray ranking = o["ranking"].toArray();
        QCOMPARE(ranking.size(), 2);
        QCOMPARE(ranking[0].toObject()["id"].toString(), "z2");
        QCOMPARE(ranking[0].toObject()["business_share"].toDouble(), 1.0);
        QCOMPARE(ranking[1].toObject()["id"].toString(), "z1");
        QCOMPARE(ranking[1].toObject()["business_share"].toDouble(), 0.0);

        const Result text = runFaultline({"blast-radius", m_map, "--kind", "zone"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Zone 2") && text.out.contains("100"), text.out.constData());
    }

    void blastRadiusTextAndCsv()
    {
        const Result text = runFaultline({"blast-radius", m_map});
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(out.contains("Zone 2") && out.contains("Quorum"), text.out.constData());
        QVERIFY(out.indexOf("Zone 2") < out.indexOf("Zone 1"));

        const Result csv = runFaultline({"blast-radius", m_map, "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        QCOMPARE(lines[0], QByteArray("rank,id,name,kind,down,degraded,cost_per_hour\r"));
        QVERIFY2(lines[1].startsWith("1,z2,Zone 2,zone,5,0,1000"), lines[1].constData());
        QCOMPARE(csv.out.count("\r\n"), 13);
    }

    void spof()
    {
        const Result r = runFaultline({"spof", m_map, "--target", "app", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o.keys(), (QStringList {"spof", "target"}));
        QCOMPARE(o["target"].toString(), "app");
        QCOMPARE(strings(o["spof"]), (QStringList {"z2", "db", "pool", "vote"}));
        QVERIFY(r.out.indexOf("\"target\"") < r.out.indexOf("\"spof\""));

        // A redundant part has none.
        const Result pool = runFaultline({"spof", m_map, "--target", "pool", "--format", "json"});
        QCOMPARE(strings(parseObject(pool.out)["spof"]), QStringList {});

        const Result text = runFaultline({"spof", m_map, "--target", "app"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Ledger") && text.out.contains("Quorum")
                && !text.out.contains("Voter"),
            text.out.constData());

        const Result csv = runFaultline({"spof", m_map, "--target", "app", "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out,
            QByteArray("id,name,kind\r\nz2,Zone 2,zone\r\ndb,Ledger,database\r\n"
                       "pool,Pool,group\r\nvote,Quorum,group\r\n"));
    }

    void cutSets()
    {
        const Result r = runFaultline(
            {"cut-sets", m_map, "--target", "app", "--max-order", "2", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o.keys(), (QStringList {"cut_sets", "target"}));
        QCOMPARE(o["target"].toString(), "app");
        const QList<QStringList> expected {{"z2"}, {"db"}, {"pool"}, {"vote"}, {"z1", "p2"},
            {"z1", "v2"}, {"z1", "v3"}, {"p1", "p2"}, {"v1", "v2"}, {"v1", "v3"}, {"v2", "v3"}};
        QCOMPARE(setsOf(o["cut_sets"]), expected);

        // Order 3 adds nothing here; the default is 3.
        const Result three =
            runFaultline({"cut-sets", m_map, "--target", "app", "--format", "json"});
        QCOMPARE(three.exitCode, 0);
        QCOMPARE(setsOf(parseObject(three.out)["cut_sets"]), expected);

        // Only the components with an availability may fail: zones and groups drop out.
        const Result only = runFaultline(
            {"cut-sets", m_map, "--target", "app", "--only-with-availability", "--format", "json"});
        QCOMPARE(only.exitCode, 0);
        QCOMPARE(setsOf(parseObject(only.out)["cut_sets"]),
            (QList<QStringList> {{"db"}, {"p1", "p2"}, {"v1", "v2"}, {"v1", "v3"}, {"v2", "v3"}}));

        const Result csv = runFaultline(
            {"cut-sets", m_map, "--target", "app", "--max-order", "2", "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        QCOMPARE(lines[0], QByteArray("order,component_1,component_2\r"));
        QCOMPARE(lines[1], QByteArray("1,z2,\r"));
        QCOMPARE(lines[5], QByteArray("2,z1,p2\r"));

        const Result text = runFaultline({"cut-sets", m_map, "--target", "app"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Pool 1") && text.out.contains("Voter 3"), text.out.constData());
    }

    void availability()
    {
        const Result r =
            runFaultline({"availability", m_map, "--target", "app", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o["target"].toString(), "app");
        const double a = o["availability"].toDouble();
        QVERIFY2(std::abs(a - votingAvailability) < 1e-12, qPrintable(QString::number(a, 'g', 17)));
        QVERIFY(std::abs(o["unavailability"].toDouble() - (1 - votingAvailability)) < 1e-12);
        QVERIFY(std::abs(
                    o["downtime_minutes_per_year"].toDouble() - (1 - votingAvailability) * 525600.0)
            < 1e-6);
        // The issue's keys, in its order.
        const QByteArray head = r.out.left(r.out.indexOf("\"contributors\""));
        QVERIFY(head.indexOf("\"target\"") < head.indexOf("\"availability\""));
        QVERIFY(head.indexOf("\"availability\"") < head.indexOf("\"unavailability\""));
        QVERIFY(head.indexOf("\"unavailability\"") < head.indexOf("\"downtime_minutes_per_year\""));

        const Result csv =
            runFaultline({"availability", m_map, "--target", "app", "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        QCOMPARE(
            lines[0], QByteArray("target,availability,unavailability,downtime_minutes_per_year\r"));
        QVERIFY2(lines[1].startsWith("app,0.95265"), lines[1].constData());

        const Result text = runFaultline({"availability", m_map, "--target", "app"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("95.2657"), text.out.constData());
    }

    void referenceFaultTree()
    {
        const QString chinese = treePath("chinese");
        QVERIFY2(QFile::exists(chinese), qPrintable(chinese));
        const Result cuts = runFaultline({"cut-sets", chinese, "--target", "g:r1",
            "--only-with-availability", "--max-order", "2", "--format", "json"});
        QCOMPARE(cuts.exitCode, 0);
        const QList<QStringList> sets = setsOf(parseObject(cuts.out)["cut_sets"]);
        QCOMPARE(sets.size(), 12);
        for (const QStringList &set : sets)
            QCOMPARE(set.size(), 2);

        const Result a =
            runFaultline({"availability", chinese, "--target", "g:r1", "--format", "json"});
        QCOMPARE(a.exitCode, 0);
        const QJsonObject o = parseObject(a.out);
        QVERIFY(std::abs(o["availability"].toDouble() - (1 - 0.0011705818107586692)) < 1e-12);
        QVERIFY(std::abs(o["unavailability"].toDouble() - 0.0011705818107586692) < 1e-12);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        const QString map = m_map;
        QTest::newRow("spof without --target") << QStringList {"spof", map} << 2 << "--target";
        QTest::newRow("cut-sets without --target")
            << QStringList {"cut-sets", map} << 2 << "--target";
        QTest::newRow("availability without --target")
            << QStringList {"availability", map} << 2 << "--target";
        QTest::newRow("blast-radius without MAP") << QStringList {"blast-radius"} << 2 << "MAP";
        QTest::newRow("bad --max-order") << QStringList {"cut-sets", map, "--target", "app",
            "--max-order", "many"} << 2 << "--max-order";
        QTest::newRow("zero --max-order") << QStringList {"cut-sets", map, "--target", "app",
            "--max-order", "0"} << 2 << "--max-order";
        QTest::newRow("bad --format")
            << QStringList {"spof", map, "--target", "app", "--format", "xml"} << 2 << "xml";
        QTest::newRow("blast-radius bad --format")
            << QStringList {"blast-radius", map, "--format", "yaml"} << 2 << "yaml";
        QTest::newRow("flag with a value")
            << QStringList {"cut-sets", map, "--target", "app", "--only-with-availability=yes"} << 2
            << "--only-with-availability";
        QTest::newRow("unknown target")
            << QStringList {"spof", map, "--target", "nope"} << 1 << "nope";
        QTest::newRow("cut-sets unknown target")
            << QStringList {"cut-sets", map, "--target", "nope"} << 1 << "voting.json";
        QTest::newRow("availability unknown target")
            << QStringList {"availability", map, "--target", "nope"} << 1 << "voting.json";
        QTest::newRow("missing map")
            << QStringList {"blast-radius", m_dir.filePath("none.json")} << 1 << "none.json";
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_cli_analysis.moc"
