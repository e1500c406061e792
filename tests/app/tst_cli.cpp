// The command line of DESIGN.md, driven through the real executable: what goes to stdout and
// stderr, the exit codes, and the files written. The child runs without DISPLAY or a Qt
// platform, which proves the shell needs no display.

#include "model/io/interchange.h"
#include "model/map/map.h"
#include "tests/app/clitestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace faultline;
using namespace clitest;

namespace {

// cloud > region > zone-a, zone-b; a web pool over two zones (needs one); a shop that needs the
// pool and the database hard and search softly.
const char *const tinyMap = R"({
  "format": "faultline-map", "version": 1, "name": "Tiny Shop",
  "components": [
    {"id": "cloud", "name": "Cloud", "kind": "provider"},
    {"id": "region", "name": "Region One", "kind": "region", "parent": "cloud"},
    {"id": "zone-a", "kind": "zone", "parent": "region"},
    {"id": "zone-b", "kind": "zone", "parent": "region"},
    {"id": "web-a", "name": "Web A", "kind": "compute", "parent": "zone-a"},
    {"id": "web-b", "name": "Web B", "kind": "compute", "parent": "zone-b"},
    {"id": "web", "name": "Web pool", "kind": "group", "require": 1},
    {"id": "db", "name": "Payments DB", "kind": "database", "parent": "zone-a",
     "cost_per_hour": 1000.5},
    {"id": "search", "name": "Search", "kind": "service", "parent": "zone-b"},
    {"id": "shop", "name": "Shop front", "kind": "service", "business": true, "tier": 1,
     "owner": "web-team", "rto_minutes": 30, "cost_per_hour": 50000},
    {"id": "mail", "name": "Mail", "kind": "saas", "x-vendor": {"plan": "pro"}}
  ],
  "dependencies": [
    {"from": "web", "to": "web-a"},
    {"from": "web", "to": "web-b"},
    {"from": "shop", "to": "web", "label": "HTTP"},
    {"from": "shop", "to": "db"},
    {"from": "shop", "to": "search", "type": "soft"}
  ],
  "scenarios": [
    {"name": "zone a down", "fail": ["zone-a"], "degrade": []},
    {"name": "search slow", "fail": [], "degrade": ["search"]}
  ]
})";

// Code points before the first occurrence of `needle`: the column for narrow text.
qsizetype column(const QString &line, const QString &needle)
{
    const qsizetype at = line.indexOf(needle);
    return at < 0 ? -1 : line.left(at).toUcs4().size();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_map;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString mapWith(const QString &name, const QByteArray &json)
    {
        const QString p = path(name);
        writeFile(p, json);
        return p;
    }
    // A document made from tinyMap through `import`; skips the test while documents are not
    // available in this build.
    QString importedDocument(const QString &name)
    {
        const QString doc = path(name);
        QFile::remove(doc);
        const Result r = runFaultline({"import", m_map, "-o", doc});
        // Callers check the result: a failed import is a failure of the test, never a skip.
        if (r.exitCode != 0)
            qWarning() << "import failed:" << r.err;
        return r.exitCode == 0 ? doc : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(FAULTLINE_EXECUTABLE)), FAULTLINE_EXECUTABLE);
        m_map = mapWith("tiny.json", tinyMap);
    }

    void helpAndVersion_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--help") << QStringList {"--help"} << "Usage: faultline";
        QTest::newRow("-h") << QStringList {"-h"} << "impact";
        QTest::newRow("--version") << QStringList {"--version"} << "faultline 0.";
        QTest::newRow("impact --help") << QStringList {"impact", "--help"} << "--fail ID";
        QTest::newRow("import -h") << QStringList {"import", "-h"} << "-o, --output FILE";
        QTest::newRow("export --help") << QStringList {"export", "--help"} << "--scenario NAME";
        QTest::newRow("report --help") << QStringList {"report", "--help"} << "--degrade ID";
    }
    void helpAndVersion()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(expected), r.out.constData());
        QVERIFY(r.err.isEmpty());
    }

    // --version names the libraries it runs with, as a bug report needs them, and the licence.
    void versionNamesLibrariesAndLicence()
    {
        const Result r = runFaultline({"--version"});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("faultline " FAULTLINE_PROJECT_VERSION));
        QVERIFY2(lines[1].startsWith(QStringLiteral("Qt ") + qVersion()), qPrintable(lines[1]));
        QVERIFY(QRegularExpression("^Graphviz \\d+\\.\\d+").match(lines[2]).hasMatch());
        QVERIFY(QRegularExpression("^SQLite 3\\.\\d+\\.\\d+").match(lines[3]).hasMatch());
        QCOMPARE(lines[4], QStringLiteral("Licence: MIT"));
    }

    // --help lists every command of DESIGN.md once, each with its summary, and each command
    // answers --help with its own usage: none is missing or listed as not there yet.
    void helpListsEveryCommand()
    {
        const QStringList commands = {"impact", "compare", "import", "export", "report",
            "blast-radius", "spof", "cut-sets", "availability", "recovery", "check"};
        const Result r = runFaultline({"--help"});
        QCOMPARE(r.exitCode, 0);
        const QString help = QString::fromUtf8(r.out);
        const QString listed =
            help.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        QStringList names;
        for (const QString &line : listed.split(u'\n'))
            names.append(line.section(u' ', 2, 2));
        QCOMPARE(names, commands);
        for (const QString &command : commands) {
            const Result own = runFaultline({command, "--help"});
            QCOMPARE(own.exitCode, 0);
            QVERIFY2(own.out.startsWith("Usage: faultline " + command.toUtf8() + ' '),
                own.out.constData());
            QVERIFY(own.err.isEmpty());
        }
        QVERIFY(!help.contains(QStringLiteral("not available")));
    }

    void impactJson()
    {
        const Result r = runFaultline({"impact", m_map, "--fail", "zone-a", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o.keys(), (QStringList {"components", "exposed", "scenario", "summary"}));
        QCOMPARE(strings(o["scenario"]["fail"]), QStringList {"zone-a"});
        QCOMPARE(strings(o["scenario"]["degrade"]), QStringList {});

        const QJsonObject summary = o["summary"].toObject();
        QCOMPARE(summary["down"].toInt(), 4);
        QCOMPARE(summary["degraded"].toInt(), 0);
        QCOMPARE(summary["at_risk"].toInt(), 1);
        QCOMPARE(summary["cost_per_hour"].toDouble(), 51000.5);

        const QJsonArray components = o["components"].toArray();
        QStringList ids, states, causes, paths, names;
        for (const QJsonValue &v : components) {
            const QJsonObject c = v.toObject();
            QCOMPARE(c.keys(), (QStringList {"cause", "id", "name", "path", "round", "state"}));
            ids << c["id"].toString();
            names << c["name"].toString();
            states << c["state"].toString();
            causes << (c["cause"].isNull() ? QStringLiteral("null") : c["cause"].toString());
            paths << strings(c["path"]).join('>');
        }
        QCOMPARE(ids, (QStringList {"zone-a", "web-a", "web", "db", "shop"})); // map order
        QCOMPARE(names, (QStringList {"zone-a", "Web A", "Web pool", "Payments DB", "Shop front"}));
        QCOMPARE(states, (QStringList {"down", "down", "at-risk", "down", "down"}));
        QCOMPARE(causes, (QStringList {"null", "zone-a", "web-a", "zone-a", "db"}));
        QCOMPARE(paths,
            (QStringList {
                "zone-a", "web-a>zone-a", "web>web-a>zone-a", "db>zone-a", "shop>db>zone-a"}));
        // Keys in the order DESIGN.md gives them (QJsonObject sorts, so look at the text).
        const QByteArray text = r.out;
        QVERIFY(text.indexOf("\"scenario\"") < text.indexOf("\"summary\""));
        QVERIFY(text.indexOf("\"summary\"") < text.indexOf("\"components\""));
        QVERIFY(text.indexOf("\"down\"") < text.indexOf("\"at_risk\""));
        QVERIFY(text.indexOf("\"id\": \"web\"") < text.indexOf("\"name\": \"Web pool\""));
    }

    void impactDegradeAndFail()
    {
        // search is impaired by the scenario (cause null); shop first degrades through search,
        // then goes down through db: its cause is what justified its final state.
        const Result r = runFaultline(
            {"impact", m_map, "--degrade", "search", "--fail", "zone-a", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(strings(o["scenario"]["fail"]), QStringList {"zone-a"});
        QCOMPARE(strings(o["scenario"]["degrade"]), QStringList {"search"});
        QCOMPARE(o["summary"]["degraded"].toInt(), 1);
        for (const QJsonValue &v : o["components"].toArray()) {
            if (v["id"] == "search") {
                QCOMPARE(v["state"].toString(), "degraded");
                QVERIFY(v["cause"].isNull());
                QCOMPARE(strings(v["path"]), QStringList {"search"});
            }
            if (v["id"] == "shop") {
                QCOMPARE(v["state"].toString(), "down");
                QCOMPARE(v["cause"].toString(), "db");
            }
        }
    }

    void impactScenario()
    {
        const Result saved =
            runFaultline({"impact", m_map, "--scenario", "zone a down", "--format", "json"});
        const Result given =
            runFaultline({"impact", m_map, "--fail", "zone-a", "--format", "json"});
        QCOMPARE(saved.exitCode, 0);
        QCOMPARE(saved.out, given.out);

        // A saved scenario plus an extra failure; a repeated id is listed once.
        const Result r = runFaultline({"impact", m_map, "--scenario", "search slow", "--fail",
            "mail", "--degrade", "search", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(strings(o["scenario"]["fail"]), QStringList {"mail"});
        QCOMPARE(strings(o["scenario"]["degrade"]), QStringList {"search"});
        QCOMPARE(o["summary"]["down"].toInt(), 1);
        QCOMPARE(o["summary"]["degraded"].toInt(), 2);
        QCOMPARE(o["summary"]["at_risk"].toInt(), 0);
        QCOMPARE(o["summary"]["cost_per_hour"].toDouble(), 0.0);
        QStringList ids;
        for (const QJsonValue &v : o["components"].toArray())
            ids << v["id"].toString();
        QCOMPARE(ids, (QStringList {"search", "shop", "mail"}));
    }

    void impactText()
    {
        const Result r = runFaultline({"impact", m_map, "--fail", "zone-a"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QStringList lines = QString::fromUtf8(r.out).split('\n');
        QCOMPARE(lines.value(0), QStringLiteral("Tiny Shop — fail zone-a"));
        QCOMPARE(lines.value(1),
            QStringLiteral("4 down, 0 degraded, 1 at risk; cost per hour: "
                           "51,000.5"));
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.contains("Down (4)"));
        QVERIFY(text.contains("At risk (1)"));
        QVERIFY(!text.contains("Degraded ("));
        QVERIFY(text.indexOf("Down (4)") < text.indexOf("At risk (1)"));
        // The chain of causes in names, the business component marked.
        QVERIFY2(
            text.contains(QStringLiteral("  * Shop front   ← Payments DB ← zone-a (failed)\n")),
            r.out.constData());
        QVERIFY(text.contains(QStringLiteral("    zone-a       (failed)\n")));
        QVERIFY(text.contains(QStringLiteral("    Web pool     ← Web A ← zone-a (failed)\n")));
        QVERIFY(text.contains("* business component"));
        QVERIFY(!text.contains(QStringLiteral(" \n"))); // no trailing blanks

        const Result saved = runFaultline({"impact", m_map, "--scenario", "search slow"});
        QVERIFY(QString::fromUtf8(saved.out).startsWith(
            QStringLiteral("Tiny Shop — scenario \"search slow\": "
                           "degrade Search\n")));
        QVERIFY(QString::fromUtf8(saved.out).contains(QStringLiteral("← Search (impaired)")));
    }

    void impactCsv()
    {
        const Result r = runFaultline({"impact", m_map, "--fail", "zone-a", "--format", "csv"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("id,name,kind,state,cause,path,owner,tier,rto_minutes,"
                                 "cost_per_hour\r\n"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(r.out));
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[1],
            (QStringList {"zone-a", "zone-a", "zone", "down", "", "zone-a", "", "", "", ""}));
        QCOMPARE(rows[3],
            (QStringList {"web", "Web pool", "group", "at-risk", "web-a", "web > web-a > zone-a",
                "", "", "", ""}));
        QCOMPARE(rows[5],
            (QStringList {"shop", "Shop front", "service", "down", "db", "shop > db > zone-a",
                "web-team", "1", "30", "50000"}));
    }

    void csvQuotingAndFormulaGuard()
    {
        // Built in code: moc 6.4 misreads backslashes inside raw string literals.
        auto component = [](const char *id, const QString &name, const char *kind) {
            return QJsonObject {{"id", id}, {"name", name}, {"kind", kind}};
        };
        QJsonObject withOwner = component("c", "+1", "-cmd");
        withOwner["owner"] = "@team";
        const QJsonArray components {component("a", "Acme, \"Big\" Shop\nEU", "service"),
            component("b", "=HYPERLINK(\"http://x\",\"y\")", "service"), withOwner,
            component("d", "\tlead tab", "service"), component("e", "plain-with-dash", "service")};
        QJsonArray dependencies;
        for (const char *from : {"b", "c", "d", "e"})
            dependencies.append(QJsonObject {{"from", from}, {"to", "a"}});
        const QJsonObject root {{"format", "faultline-map"}, {"components", components},
            {"dependencies", dependencies}};
        const QString map = mapWith("quoting.json", QJsonDocument(root).toJson());
        const Result r = runFaultline({"impact", map, "--fail", "a", "--format", "csv"});
        QCOMPARE(r.exitCode, 0);
        // Spelled exactly: quotes doubled, the field quoted, the formula guarded then quoted.
        QVERIFY2(r.out.contains("\r\na,\"Acme, \"\"Big\"\" Shop\nEU\",service,down,,a,"),
            r.out.constData());
        QVERIFY(r.out.contains("\r\nb,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",service,"));
        QVERIFY(r.out.contains("\r\nc,'+1,'-cmd,down,a,c > a,'@team,"));
        QVERIFY(r.out.contains("\r\nd,'\tlead tab,"));
        QVERIFY(r.out.contains("\r\ne,plain-with-dash,"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(r.out));
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[1].value(1), QStringLiteral("Acme, \"Big\" Shop\nEU"));
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), 10);
    }

    void unicodeNames()
    {
        const QString map = mapWith("unicode.json", R"({"format": "faultline-map", "version": 1,
          "name": "Zürich ☁ 東京",
          "components": [
            {"id": "zrh", "name": "Région Zürich", "kind": "region"},
            {"id": "db", "name": "База данных", "kind": "database", "parent": "zrh"},
            {"id": "x", "name": "x", "kind": "service", "business": true},
            {"id": "tokyo", "name": "東京サービス", "kind": "service"}
          ],
          "dependencies": [{"from": "x", "to": "db"}, {"from": "tokyo", "to": "x"}]})");
        const Result r = runFaultline({"impact", map, "--fail", "zrh"});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.startsWith(QStringLiteral("Zürich ☁ 東京 — fail Région Zürich\n")));
        QVERIFY(text.contains(QStringLiteral("← База данных ← Région Zürich (failed)")));
        // Narrow names: the chain starts at the same character column on every row.
        QList<qsizetype> columns;
        for (const QString &line : text.split('\n')) {
            if (line.contains(QStringLiteral("(failed)")) && !line.contains(u'東'))
                columns << (line.contains(QStringLiteral("←")) ? column(line, QStringLiteral("←"))
                                                               : column(line, "(failed)"));
        }
        QCOMPARE(columns.size(), 3);
        QCOMPARE(columns[0], columns[1]);
        QCOMPARE(columns[1], columns[2]);
        // Wide characters take two columns: six of them pad like twelve narrow ones.
        const QString tokyo = text.split('\n').filter(QStringLiteral("東京サービス")).value(0);
        QCOMPARE(column(tokyo, QStringLiteral("←")) + 6, columns[0]);

        const Result json = runFaultline({"impact", map, "--fail", "zrh", "--format", "json"});
        const QJsonArray components = parseObject(json.out)["components"].toArray();
        QCOMPARE(components.size(), 4);
        QCOMPARE(components[1]["name"].toString(), QStringLiteral("База данных"));
        QCOMPARE(components[3]["name"].toString(), QStringLiteral("東京サービス"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mentions");

        const QString missing = m_dir.filePath("missing.json");
        QTest::newRow("missing file")
            << QStringList {"impact", missing, "--fail", "a"} << QStringList {missing};
        const QString syntax = mapWith("syntax.json",
            "{\"format\": \"faultline-map\",\n"
            "  \"components\": [ }\n");
        QTest::newRow("invalid json") << QStringList {"impact", syntax, "--fail", "a"}
                                      << QStringList {syntax + ":2:", "invalid JSON"};
        QTest::newRow("unknown --fail id")
            << QStringList {"impact", m_map, "--fail", "nope"} << QStringList {m_map, "\"nope\""};
        QTest::newRow("unknown --degrade id") << QStringList {"impact", m_map, "--fail", "db",
            "--degrade", "ghost"} << QStringList {m_map, "\"ghost\""};
        const QString invalid = mapWith("invalid.json", R"({"format": "faultline-map",
            "components": [{"id": "a"}, {"id": "b"}],
            "dependencies": [{"from": "a", "to": "ghost"}]})");
        QTest::newRow("validation error") << QStringList {"impact", invalid, "--fail", "a"}
                                          << QStringList {invalid, "dependencies[0]", "ghost"};
        QTest::newRow("unknown scenario") << QStringList {"impact", m_map, "--scenario", "nope"}
                                          << QStringList {m_map, "\"nope\"", "zone a down"};
        const QString notAMap = mapWith("notes.txt", "hello\n");
        QTest::newRow("not a map") << QStringList {"impact", notAMap, "--fail", "a"}
                                   << QStringList {notAMap, "not a Faultline map"};
        QTest::newRow("import csv without id")
            << QStringList {"import", mapWith("map.csv", "a,b\n"), "-o", path("x.faultline")}
            << QStringList {"map.csv:1"};
        QTest::newRow("import missing")
            << QStringList {"import", missing, "-o", path("y.faultline")} << QStringList {missing};
        QTest::newRow("export svg unknown id") << QStringList {"export", m_map, "-o", path("x.svg"),
            "--fail", "nope"} << QStringList {m_map, "\"nope\""};
        QTest::newRow("export csv unknown id") << QStringList {"export", m_map, "-o", path("x.csv"),
            "--fail", "nope"} << QStringList {m_map, "\"nope\""};
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        const QString err = QString::fromUtf8(r.err);
        for (const QString &m : mentions)
            QVERIFY2(err.contains(m), qPrintable(QStringLiteral("'%1' not in: %2").arg(m, err)));
        QVERIFY(!QFile::exists(path("x.faultline")));
        QVERIFY(!QFile::exists(path("y.faultline")));
        QVERIFY(!QFile::exists(path("x.csv")));
        QVERIFY(!QFile::exists(path("x.svg")));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("impact without arguments") << QStringList {"impact"} << "missing MAP";
        QTest::newRow("impact without scenario") << QStringList {"impact", m_map} << "--fail";
        QTest::newRow("unknown command") << QStringList {"frobnicate"} << "unknown command";
        QTest::newRow("spof without target") << QStringList {"spof", m_map} << "--target";
        QTest::newRow("unknown option")
            << QStringList {"impact", m_map, "--fail", "db", "--bogus"} << "--bogus";
        QTest::newRow("missing value") << QStringList {"impact", m_map, "--fail"} << "--fail";
        QTest::newRow("bad format")
            << QStringList {"impact", m_map, "--fail", "db", "--format", "xml"} << "xml";
        QTest::newRow("format twice") << QStringList {"impact", m_map, "--fail", "db", "--format",
            "json", "--format", "csv"} << "--format";
        QTest::newRow("two maps") << QStringList {"impact", m_map, m_map, "--fail", "db"}
                                  << "one MAP";
        QTest::newRow("import without -o") << QStringList {"import", m_map} << "-o";
        QTest::newRow("import to json")
            << QStringList {"import", m_map, "-o", path("x.json")} << ".faultline";
        QTest::newRow("export without -o") << QStringList {"export", m_map} << "-o";
        QTest::newRow("export unknown extension")
            << QStringList {"export", m_map, "-o", path("x.txt")} << ".json";
        QTest::newRow("export json with scenario")
            << QStringList {"export", m_map, "-o", path("x.json"), "--fail", "db"} << "--fail";
        QTest::newRow("export csv without scenario")
            << QStringList {"export", m_map, "-o", path("x.csv")} << "--fail";
    }
    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
        QVERIFY(!QFile::exists(path("x.json")));
        QVERIFY(!QFile::exists(path("x.csv")));
    }

    void exportCsvMatchesImpact()
    {
        const QString out = path("impact.csv");
        const Result r = runFaultline({"export", m_map, "-o", out, "--scenario", "zone a down"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        const Result impact =
            runFaultline({"impact", m_map, "--fail", "zone-a", "--format", "csv"});
        QCOMPARE(readFile(out), impact.out);
    }

    void exportJsonRoundTrip()
    {
        const QString out = path("exported.json");
        const Result r = runFaultline({"export", m_map, "-o", out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        const Map original = interchange::read(tinyMap, "tiny");
        const Map exported = interchange::readFile(out);
        QVERIFY(exported == original);
        QCOMPARE(exported.components().back().extra["x-vendor"]["plan"].toString(), "pro");
    }

    void importDocument()
    {
        const QString doc = importedDocument("tiny.faultline");
        QVERIFY2(!doc.isEmpty(), "faultline import failed");
        QVERIFY(QFile::exists(doc));
        QVERIFY(readFile(doc).startsWith(QByteArray("SQLite format 3\0", 16)));

        // The same answers from the document as from the file it was made from.
        for (const char *format : {"json", "csv", "text"}) {
            const Result fromJson = runFaultline(
                {"impact", m_map, "--degrade", "search", "--fail", "zone-a", "--format", format});
            const Result fromDoc = runFaultline(
                {"impact", doc, "--degrade", "search", "--fail", "zone-a", "--format", format});
            QCOMPARE(fromDoc.exitCode, 0);
            QCOMPARE(fromDoc.out, fromJson.out);
        }
        const Result saved = runFaultline({"impact", doc, "--scenario", "search slow"});
        QCOMPARE(saved.exitCode, 0);

        // A map without an extension is recognised by its content.
        const QString bare = path("tiny-document");
        QFile::remove(bare);
        QVERIFY(QFile::copy(doc, bare));
        QCOMPARE(runFaultline({"impact", bare, "--fail", "zone-a"}).out,
            runFaultline({"impact", m_map, "--fail", "zone-a"}).out);

        // Round trip: json -> document -> json is the same map.
        const QString out = path("from-document.json");
        QCOMPARE(runFaultline({"export", doc, "-o", out}).exitCode, 0);
        const Map original = interchange::read(tinyMap, "tiny");
        QCOMPARE(interchange::write(interchange::readFile(out)), interchange::write(original));

        // Importing again over an existing document replaces it when asked to (--force).
        const QString other = mapWith("other.json", R"({"format": "faultline-map",
            "name": "Other", "components": [{"id": "solo"}]})");
        QCOMPARE(runFaultline({"import", other, "-o", doc, "--force"}).exitCode, 0);
        const Result solo = runFaultline({"impact", doc, "--fail", "solo", "--format", "json"});
        QCOMPARE(solo.exitCode, 0);
        QCOMPARE(parseObject(solo.out)["components"].toArray().size(), 1);
    }

    void importLeavesNothingOnFailure()
    {
        // Bad input: no file is created.
        const QString bad =
            mapWith("bad.json", "{\"format\": \"faultline-map\", \"components\": [{}]}");
        const QString fresh = path("fresh.faultline");
        const Result r = runFaultline({"import", bad, "-o", fresh});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("components[0]"));
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(QDir(m_dir.path()).entryList({".*part*", "*.tmp"}, QDir::Files | QDir::Hidden),
            QStringList {});

        // A file that is not a Faultline document is never overwritten.
        const QString notes = mapWith("notes.faultline", "my precious notes\n");
        const Result clobber = runFaultline({"import", m_map, "-o", notes});
        QCOMPARE(clobber.exitCode, 1);
        QVERIFY(clobber.err.contains("notes.faultline"));
        QCOMPARE(readFile(notes), QByteArray("my precious notes\n"));

        // An existing document keeps its content when the import fails.
        const QString doc = importedDocument("keep.faultline");
        QVERIFY2(!doc.isEmpty(), "faultline import failed");
        const QByteArray before = readFile(doc);
        QCOMPARE(runFaultline({"import", bad, "-o", doc}).exitCode, 1);
        QCOMPARE(readFile(doc), before);
    }

    // The bundled example against the independent reference implementation of the rules.
    void exampleAgainstReference()
    {
        const QString example = QStringLiteral(FAULTLINE_EXAMPLE);
        QVERIFY2(QFile::exists(example), FAULTLINE_EXAMPLE);
        const QString python = QStandardPaths::findExecutable("python3");
        QVERIFY2(!python.isEmpty(), "python3 is missing: packaging/install-deps.sh installs it");
        const QString reference =
            QStringLiteral(FAULTLINE_SOURCE_DIR) + "/tests/tools/impact_reference.py";
        const Map map = interchange::readFile(example);
        QVERIFY(!map.scenarios().empty());
        for (const Scenario &s : map.scenarios()) {
            const Result ours =
                runFaultline({"impact", example, "--scenario", s.name, "--format", "json"});
            QCOMPARE(ours.exitCode, 0);
            QProcess process;
            process.start(python, {reference, example, "--scenario", s.name, "--json"});
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitCode(), 0);
            QJsonObject expected = parseObject(process.readAllStandardOutput());
            expected.remove("business"); // the reference's own extras
            expected.remove("states");
            QCOMPARE(parseObject(ours.out), expected);
            QCOMPARE(runFaultline({"impact", example, "--scenario", s.name}).exitCode, 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
