// CSV and DOT import: the samples, RFC 4180 details, unicode, round trips through a CSV
// written here and through the DOT export, and every malformed case, each of which must name
// its file and line and import nothing.

#include "model/io/csvimport.h"
#include "model/io/csvreader.h"
#include "model/io/dotexport.h"
#include "model/io/dotimport.h"
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace faultline;

namespace {

const QString samples = QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/samples");

template<typename F>
QString errorOf(F f)
{
    try {
        f();
    } catch (const Error &e) {
        return e.message().isEmpty() ? QStringLiteral("(empty message)") : e.message();
    }
    return {};
}

QString csvError(const char *components, const char *dependencies = nullptr)
{
    return errorOf([&] {
        csvimport::read(QByteArray(components), QStringLiteral("c.csv"),
            dependencies ? QByteArray(dependencies) : QByteArray(),
            dependencies ? QStringLiteral("d.csv") : QString());
    });
}

QString dotError(const QByteArray &dot)
{
    return errorOf([&] { dotimport::read(dot, QStringLiteral("t.dot")); });
}

Map csvMap(const char *components, const char *dependencies = nullptr)
{
    return csvimport::read(QByteArray(components), QStringLiteral("c.csv"),
        dependencies ? QByteArray(dependencies) : QByteArray(),
        dependencies ? QStringLiteral("d.csv") : QString());
}

const Component &component(const Map &map, const QString &id)
{
    const auto i = map.findComponent(id);
    if (!i)
        qFatal("no component %s", qPrintable(id));
    return map.component(*i);
}

QString field(const QString &text)
{
    QString f = text;
    f.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + f + u'"';
}

QString number(const std::optional<double> &d)
{
    return d ? QString::number(*d, 'g', 17) : QString();
}

// A CSV pair written the way a spreadsheet writes it: every field quoted, CRLF line ends.
QPair<QByteArray, QByteArray> toCsv(const Map &map)
{
    QString c = QStringLiteral("id,name,kind,parent,require,owner,tier,business,cost_per_hour,"
                               "rto_minutes,rpo_minutes,target_rto_minutes,target_rpo_minutes,"
                               "availability,tags,description\r\n");
    for (const Component &x : map.components()) {
        const QStringList fields = {
            x.id,
            x.name,
            x.kind,
            x.parent,
            x.require ? QString::number(*x.require) : QString(),
            x.owner,
            x.tier ? QString::number(*x.tier) : QString(),
            x.business ? (*x.business ? QStringLiteral("true") : QStringLiteral("false"))
                       : QString(),
            number(x.costPerHour),
            number(x.rtoMinutes),
            number(x.rpoMinutes),
            number(x.targetRtoMinutes),
            number(x.targetRpoMinutes),
            number(x.availability),
            x.tags ? x.tags->join(QStringLiteral("; ")) : QString(),
            x.description,
        };
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(field(f));
        c += quoted.join(u',') + QStringLiteral("\r\n");
    }
    QString d = QStringLiteral("from,to,type,label\r\n");
    for (const Dependency &x : map.dependencies())
        d += QStringList {field(x.from), field(x.to), toString(x.type), field(x.label)}.join(u',')
            + QStringLiteral("\r\n");
    return {c.toUtf8(), d.toUtf8()};
}

// Everything the import formats carry about a component, in one comparable string.
QString describe(const Component &c)
{
    return QStringList {c.id, c.displayName(), c.kind, c.parent,
        c.require ? QString::number(*c.require) : QStringLiteral("-"), c.owner,
        c.tier ? QString::number(*c.tier) : QStringLiteral("-"), QString::number(c.isBusiness()),
        number(c.costPerHour), number(c.rtoMinutes), number(c.rpoMinutes),
        number(c.targetRtoMinutes), number(c.targetRpoMinutes), number(c.availability),
        c.tags ? c.tags->join(u'|') : QStringLiteral("-"), c.description}
        .join(QStringLiteral(" / "));
}

// Components and dependencies, each sorted: an import in another order is still equal.
QStringList content(const Map &map, bool withLabels = true)
{
    QStringList out;
    for (const Component &c : map.components())
        out.append(QStringLiteral("C ") + describe(c));
    for (const Dependency &d : map.dependencies())
        out.append(QStringLiteral("D %1 -> %2 %3 %4")
                       .arg(d.from, d.to, toString(d.type), withLabels ? d.label : QString()));
    out.sort();
    return out;
}

void compareLists(const QStringList &actual, const QStringList &expected)
{
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i)
        QCOMPARE(actual[i], expected[i]);
    QCOMPARE(actual.size(), expected.size());
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // ---- CSV ----
    void csvSamples();
    void csvCompanionFiles();
    void csvRfc4180();
    void csvHeaders();
    void csvUnicode();
    void csvRoundTripExample();
    void csvErrors_data();
    void csvErrors();
    void csvFileErrorsNameTheFile();

    // ---- DOT ----
    void dotSampleMatchesCsvSample();
    void dotMapping();
    void dotClusters();
    void dotLabels();
    void dotRoundTripExample();
    void dotErrors_data();
    void dotErrors();
    void dotRecoversAfterSyntaxError();
    void dotLinesAfterEarlierParse_data();
    void dotLinesAfterEarlierParse();
};

// Runs before any other DOT parse in this process: the very first error names its line too.
void TestImport::initTestCase()
{
    QCOMPARE(dotError("digraph {\n a -> b\n b -> ;\n}\n"),
        QStringLiteral("t.dot:3: DOT syntax error near ';'"));
}

void TestImport::csvSamples()
{
    const Map map =
        csvimport::readFile(samples + QStringLiteral("/online-boutique-components.csv"));
    QCOMPARE(map.name, QStringLiteral("online-boutique"));
    QCOMPARE(map.componentCount(), 15);
    QCOMPARE(map.dependencyCount(), 16);
    QVERIFY(!validationError(map));
    const Component &frontend = component(map, QStringLiteral("frontend"));
    QCOMPARE(frontend.name, QStringLiteral("Frontend"));
    QCOMPARE(frontend.parent, QStringLiteral("gke"));
    QCOMPARE(frontend.business, std::optional<bool>(true));
    QCOMPARE(frontend.costPerHour, std::optional<double>(15000));
    QCOMPARE(frontend.tags, std::optional<QStringList>(QStringList {"http", "go"}));
    QCOMPARE(frontend.extra.value("language").toString(), QStringLiteral("Go"));
    QVERIFY(!component(map, QStringLiteral("gcp")).extra.contains("language")); // empty = absent
    QVERIFY(!component(map, QStringLiteral("gcp")).tier);
    const auto ads = map.findDependency(QStringLiteral("frontend"), QStringLiteral("adservice"));
    QVERIFY(ads);
    QVERIFY(map.dependency(*ads).type == DependencyType::Soft);
    QCOMPARE(map.dependency(*ads).label, QStringLiteral("gRPC; pages render without ads"));
}

void TestImport::csvCompanionFiles()
{
    QCOMPARE(csvimport::companionPath(QStringLiteral("/a/shop-components.csv")),
        QStringLiteral("/a/shop-dependencies.csv"));
    QCOMPARE(csvimport::companionPath(QStringLiteral("/a/Shop Dependencies.csv")),
        QStringLiteral("/a/Shop Components.csv"));
    QCOMPARE(csvimport::companionPath(QStringLiteral("COMPONENTS.CSV")),
        QStringLiteral("DEPENDENCIES.CSV"));
    QCOMPARE(csvimport::companionPath(QStringLiteral("/a/inventory.csv")), QString());

    // Either file of the pair imports the pair.
    const Map a = csvimport::readFile(samples + QStringLiteral("/online-boutique-components.csv"));
    const Map b =
        csvimport::readFile(samples + QStringLiteral("/online-boutique-dependencies.csv"));
    QCOMPARE(a, b);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile only(dir.filePath(QStringLiteral("inventory.csv")));
    QVERIFY(only.open(QIODevice::WriteOnly));
    only.write("id,name\nweb,Web\n");
    only.close();
    QCOMPARE(csvimport::readFile(only.fileName()).componentCount(), 1);

    QFile orphan(dir.filePath(QStringLiteral("x-dependencies.csv")));
    QVERIFY(orphan.open(QIODevice::WriteOnly));
    orphan.write("from,to\na,b\n");
    orphan.close();
    const QString error = errorOf([&] { csvimport::readFile(orphan.fileName()); });
    QVERIFY2(
        error.startsWith(orphan.fileName() + ": this is a dependencies file"), qPrintable(error));
}

void TestImport::csvRfc4180()
{
    // BOM, CRLF, quoted commas, doubled quotes, a line break inside quotes, an empty last line.
    const Map map = csvMap("\xEF\xBB\xBFid,name,description\r\n"
                           "a,\"Shop, front\",\"says \"\"hi\"\"\"\r\n"
                           "b,B,\"two\r\nlines\"\r\n"
                           "c,,\r\n"
                           ",,\r\n",
        "from,to\na,b\n\"b\",c\n");
    QCOMPARE(map.componentCount(), 3);
    QCOMPARE(component(map, "a").name, QStringLiteral("Shop, front"));
    QCOMPARE(component(map, "a").description, QStringLiteral("says \"hi\""));
    QCOMPARE(component(map, "b").description, QStringLiteral("two\nlines"));
    QCOMPARE(component(map, "c").name, QString());
    QCOMPARE(map.dependencyCount(), 2);

    // A line number counts the lines inside quoted fields.
    const QString error = csvError("id,tier\n\"a\nb\",1\nc,x\n");
    QVERIFY2(error.startsWith("c.csv:4: column \"tier\""), qPrintable(error));

    // Semicolons, as spreadsheets in decimal-comma locales write.
    const Map semi = csvMap("id;name;cost_per_hour\nx;\"A; B\";12.5\n");
    QCOMPARE(component(semi, "x").name, QStringLiteral("A; B"));
    QCOMPARE(component(semi, "x").costPerHour, std::optional<double>(12.5));

    const std::vector<csv::Record> records = csv::parse("a,b\r\n\"x\"\"y\",\r\n", "t");
    QCOMPARE(records.size(), std::size_t(2));
    QCOMPARE(records[1].fields, (QStringList {"x\"y", ""}));
}

void TestImport::csvHeaders()
{
    const Map map = csvMap("Cost Per Hour,KIND,Id,Business,Availability,Rack Position,rto-minutes,"
                           "RPO minutes,Target RTO Minutes,target-rpo-minutes\n"
                           "1000,database,db,yes,99.95%,R12,30,5,,\n"
                           ",,web,no,0.999,,,,60,0.5\n");
    const Component &db = component(map, "db");
    QCOMPARE(db.kind, QStringLiteral("database"));
    QCOMPARE(db.costPerHour, std::optional<double>(1000));
    QCOMPARE(db.business, std::optional<bool>(true));
    QVERIFY(qAbs(*db.availability - 0.9995) < 1e-12);
    QCOMPARE(db.rtoMinutes, std::optional<double>(30));
    QCOMPARE(db.rpoMinutes, std::optional<double>(5));
    QVERIFY(!db.targetRtoMinutes && !db.targetRpoMinutes);
    QCOMPARE(db.extra.value("Rack Position").toString(), QStringLiteral("R12"));
    const Component &web = component(map, "web");
    QVERIFY(!web.costPerHour);
    QVERIFY(!web.extra.contains("Rack Position"));
    QCOMPARE(web.business, std::optional<bool>(false));
    QCOMPARE(web.targetRtoMinutes, std::optional<double>(60));
    QCOMPARE(web.targetRpoMinutes, std::optional<double>(0.5));
    QVERIFY(!web.rpoMinutes);
}

void TestImport::csvUnicode()
{
    const Map map = csvMap("id,name,owner\n"
                           "zrh,Zürich Rechenzentrum,Équipe réseau\n"
                           "東京,東京リージョン,チーム\n"
                           "emoji,Shop 🛒 front,\"O'Brien & <Co>\"\n",
        "from,to,label\nemoji,東京,\"→ HTTPS\"\n");
    QCOMPARE(component(map, "zrh").name, QStringLiteral("Zürich Rechenzentrum"));
    QCOMPARE(component(map, "東京").name, QStringLiteral("東京リージョン"));
    QCOMPARE(component(map, "emoji").owner, QStringLiteral("O'Brien & <Co>"));
    QCOMPARE(map.dependencies().front().label, QStringLiteral("→ HTTPS"));
}

void TestImport::csvRoundTripExample()
{
    const Map example = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
    const auto [components, dependencies] = toCsv(example);
    const Map back = csvimport::read(components, "c.csv", dependencies, "d.csv");
    compareLists(content(back), content(example));
    // Map order is the files' order.
    for (int i = 0; i < example.componentCount(); ++i)
        QCOMPARE(back.components()[i].id, example.components()[i].id);
}

void TestImport::csvErrors_data()
{
    QTest::addColumn<QByteArray>("components");
    QTest::addColumn<QByteArray>("dependencies");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("words");

    const QByteArray okComponents = "id,parent\na,\nb,a\n";
    QTest::newRow("empty file") << QByteArray() << QByteArray() << "c.csv:1:"
                                << "header";
    QTest::newRow("no id column") << QByteArray("name,kind\nA,service\n") << QByteArray()
                                  << "c.csv:1:"
                                  << "no \"id\" column";
    QTest::newRow("duplicate column")
        << QByteArray("id,Name,name\na,b,c\n") << QByteArray() << "c.csv:1:"
        << "appears twice";
    QTest::newRow("unterminated quote")
        << QByteArray("id,name\na,A\nb,\"B\nc,C\n") << QByteArray() << "c.csv:3:"
        << "never closed";
    QTest::newRow("text after quote")
        << QByteArray("id,name\na,\"A\"x\n") << QByteArray() << "c.csv:2:"
        << "after a closing quote";
    QTest::newRow("too many fields")
        << QByteArray("id,name\na,A\nb,B,extra\n") << QByteArray() << "c.csv:3:"
        << "3 fields but the header has 2";
    QTest::newRow("too few fields")
        << QByteArray("id,name,kind\na,A\n") << QByteArray() << "c.csv:2:"
        << "2 fields";
    QTest::newRow("bad tier") << QByteArray("id,tier\na,1\nb,high\n") << QByteArray() << "c.csv:3:"
                              << "column \"tier\": \"high\" is not a number";
    QTest::newRow("fractional tier") << QByteArray("id,tier\na,1.5\n") << QByteArray() << "c.csv:2:"
                                     << "not a whole number";
    QTest::newRow("thousands separator")
        << QByteArray("id,cost_per_hour\na,\"50,000\"\n") << QByteArray() << "c.csv:2:"
        << "column \"cost_per_hour\": \"50,000\" is not a number";
    QTest::newRow("availability range")
        << QByteArray("id,availability\na,1.5\n") << QByteArray() << "c.csv:2:"
        << "not between 0 and 1";
    QTest::newRow("negative cost")
        << QByteArray("id,cost_per_hour\na,-5\n") << QByteArray() << "c.csv:2:"
        << "negative";
    QTest::newRow("negative rpo")
        << QByteArray("id,rpo_minutes\na,5\nb,-1\n") << QByteArray() << "c.csv:3:"
        << "column \"rpo_minutes\"";
    QTest::newRow("bad target rto")
        << QByteArray("id,target_rto_minutes\na,soon\n") << QByteArray() << "c.csv:2:"
        << "column \"target_rto_minutes\"";
    QTest::newRow("bad business") << QByteArray("id,business\na,maybe\n") << QByteArray()
                                  << "c.csv:2:"
                                  << "not true or false";
    QTest::newRow("empty id") << QByteArray("id,name\na,A\n,B\n") << QByteArray() << "c.csv:3:"
                              << "needs an id";
    QTest::newRow("duplicate id") << QByteArray("id\na\nb\na\n") << QByteArray() << "c.csv:4:"
                                  << "duplicate id \"a\" (first on line 2)";
    QTest::newRow("unknown parent")
        << QByteArray("id,parent\na,\nb,zone-9\n") << QByteArray() << "c.csv:3:"
        << "\"zone-9\" is not the id of a component";
    QTest::newRow("own parent") << QByteArray("id,parent\na,a\n") << QByteArray() << "c.csv:2:"
                                << "its own parent";
    QTest::newRow("parent loop") << QByteArray("id,parent\na,b\nb,a\n") << QByteArray()
                                 << "c.csv:2:"
                                 << "loop";
    QTest::newRow("value without header") << QByteArray("id,\na,x\n") << QByteArray() << "c.csv:2:"
                                          << "no name in the header";
    QTest::newRow("not utf-8") << QByteArray("id,name\na,Z\xFCrich\n") << QByteArray() << "c.csv:2:"
                               << "not UTF-8";
    QTest::newRow("dependencies without to")
        << okComponents << QByteArray("from\na\n") << "d.csv:1:"
        << "no \"to\" column";
    QTest::newRow("unknown from") << okComponents << QByteArray("from,to\nb,a\nx,a\n") << "d.csv:3:"
                                  << "column \"from\": \"x\" is not the id";
    QTest::newRow("unknown to") << okComponents << QByteArray("from,to\nb,nope\n") << "d.csv:2:"
                                << "column \"to\"";
    QTest::newRow("self dependency") << okComponents << QByteArray("from,to\nb,b\n") << "d.csv:2:"
                                     << "cannot depend on itself";
    QTest::newRow("duplicate dependency")
        << okComponents << QByteArray("from,to\nb,a\nb,a\n") << "d.csv:3:"
        << "listed twice (first on line 2)";
    QTest::newRow("bad type") << okComponents << QByteArray("from,to,type\nb,a,strong\n")
                              << "d.csv:2:"
                              << "column \"type\": \"strong\" is not hard or soft";
    QTest::newRow("require too large")
        << QByteArray("id,require\na,2\nb,\n") << QByteArray("from,to\na,b\n") << "c.csv:2:"
        << "column \"require\": 2 is more than the 1 hard";
}

void TestImport::csvErrors()
{
    QFETCH(QByteArray, components);
    QFETCH(QByteArray, dependencies);
    QFETCH(QString, prefix);
    QFETCH(QString, words);
    const QString error = errorOf([&] {
        csvimport::read(components, "c.csv", dependencies,
            dependencies.isEmpty() ? QString() : QStringLiteral("d.csv"));
    });
    QVERIFY2(error.startsWith(prefix + u' '), qPrintable(error));
    QVERIFY2(error.contains(words), qPrintable(error));
}

void TestImport::csvFileErrorsNameTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("shop-components.csv");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("id,tier\na,1\nb,x\n");
    f.close();
    const QString error = errorOf([&] { csvimport::readFile(path); });
    QVERIFY2(error.startsWith(path + ":3: column \"tier\""), qPrintable(error));
    QVERIFY(errorOf([&] {
        csvimport::readFile(dir.filePath("missing.csv"));
    }).startsWith(dir.filePath("missing.csv")));
}

void TestImport::dotSampleMatchesCsvSample()
{
    const Map fromDot = dotimport::readFile(samples + QStringLiteral("/online-boutique.dot"));
    const Map fromCsv =
        csvimport::readFile(samples + QStringLiteral("/online-boutique-components.csv"));
    QCOMPARE(fromDot.name, QStringLiteral("Online Boutique"));
    auto shape = [](const Map &m) {
        QStringList out;
        for (const Component &c : m.components())
            out.append(QStringLiteral("%1 %2 %3 %4 %5")
                           .arg(c.id, c.displayName(), c.kind, c.parent)
                           .arg(c.tier.value_or(0)));
        for (const Dependency &d : m.dependencies())
            out.append(QStringLiteral("%1 -> %2 %3").arg(d.from, d.to, toString(d.type)));
        out.sort();
        return out;
    };
    compareLists(shape(fromDot), shape(fromCsv));
}

void TestImport::dotMapping()
{
    const Map map = dotimport::read(R"(
        digraph shop {
            node [owner="web-team"];
            db [shape=cylinder, label="Orders DB", cost_per_hour=1200.5, availability=0.9995];
            vm [shape=box3d];
            bucket [shape=folder, team_channel="#shop"];
            q [shape=cds, kind=queue, tier=2, business=true, rto_minutes=30, tags="a, b;c",
               rpo_minutes=5, target_rto_minutes=60, target_rpo_minutes=0];
            web [label="\N", require=1, color=red, description="Front\\door"];
            web -> db [label="SQL"];
            web -> vm [style="dashed"];
            web -> bucket [type=soft, protocol=s3];
            vm -> q;
        })",
        "t.dot");
    QCOMPARE(map.name, QStringLiteral("shop"));
    QCOMPARE(component(map, "db").kind, QStringLiteral("database"));
    QCOMPARE(component(map, "db").name, QStringLiteral("Orders DB"));
    QCOMPARE(component(map, "db").costPerHour, std::optional<double>(1200.5));
    QCOMPARE(component(map, "db").owner, QStringLiteral("web-team"));
    QCOMPARE(component(map, "vm").kind, QStringLiteral("compute"));
    QCOMPARE(component(map, "bucket").kind, QStringLiteral("storage"));
    QCOMPARE(
        component(map, "bucket").extra.value("team_channel").toString(), QStringLiteral("#shop"));
    const Component &q = component(map, "q");
    QCOMPARE(q.kind, QStringLiteral("queue"));
    QCOMPARE(q.tier, std::optional<int>(2));
    QCOMPARE(q.business, std::optional<bool>(true));
    QCOMPARE(q.tags, std::optional<QStringList>(QStringList {"a", "b", "c"}));
    QCOMPARE(q.rpoMinutes, std::optional<double>(5));
    QCOMPARE(q.targetRtoMinutes, std::optional<double>(60));
    QCOMPARE(q.targetRpoMinutes, std::optional<double>(0));
    QVERIFY(q.extra.isEmpty());
    const Component &web = component(map, "web");
    QCOMPARE(web.name, QString()); // \N: the id
    QCOMPARE(web.kind, QStringLiteral("service"));
    QCOMPARE(web.require, std::optional<int>(1));
    QCOMPARE(web.description, QStringLiteral("Front\\door"));
    QVERIFY(!web.extra.contains("color")); // Graphviz's own attributes are not properties
    QCOMPARE(map.dependencyCount(), 4);
    QCOMPARE(map.dependencies()[0].label, QStringLiteral("SQL"));
    QVERIFY(map.dependencies()[0].type == DependencyType::Hard);
    QVERIFY(map.dependencies()[1].type == DependencyType::Soft);
    QVERIFY(map.dependencies()[2].type == DependencyType::Soft);
    QCOMPARE(map.dependencies()[2].extra.value("protocol").toString(), QStringLiteral("s3"));
    // Map order is the order of the file.
    QCOMPARE(map.components().front().id, QStringLiteral("db"));
}

void TestImport::dotClusters()
{
    const Map map = dotimport::read(R"(
        digraph {
            label="The map";
            compound=true;
            subgraph cluster_aws {
                label="AWS"; kind=provider; owner=AWS;
                subgraph "cluster_use1" {
                    label="us-east-1"; kind=region;
                    subgraph cluster_az1 { a1; a2 }
                }
                { rank=same; dns }
            }
            web -> a1 [lhead=cluster_use1];
            a2 -> dns [ltail=cluster_az1];
        })",
        "t.dot");
    QCOMPARE(map.name, QStringLiteral("The map"));
    const Component &aws = component(map, "aws");
    QCOMPARE(aws.kind, QStringLiteral("provider"));
    QCOMPARE(aws.name, QStringLiteral("AWS"));
    QCOMPARE(aws.parent, QString());
    const Component &use1 = component(map, "use1");
    QCOMPARE(use1.parent, QStringLiteral("aws"));
    QCOMPARE(use1.kind, QStringLiteral("region"));
    QCOMPARE(use1.owner, QString()); // not inherited from cluster_aws
    const Component &az1 = component(map, "az1");
    QCOMPARE(az1.kind, QStringLiteral("zone")); // default, not the parent's "region"
    QCOMPARE(az1.name, QString()); // not the graph's or the parent's label
    QCOMPARE(az1.parent, QStringLiteral("use1"));
    QCOMPARE(component(map, "a1").parent, QStringLiteral("az1"));
    QCOMPARE(component(map, "dns").parent, QStringLiteral("aws"));
    QCOMPARE(component(map, "web").parent, QString());
    QVERIFY(map.findDependency("web", "use1"));
    QVERIFY(map.findDependency("az1", "dns"));
    QStringList order;
    for (const Component &c : map.components())
        order.append(c.id);
    QCOMPARE(order, (QStringList {"aws", "use1", "az1", "a1", "a2", "dns", "web"}));
}

void TestImport::dotLabels()
{
    const Map map = dotimport::read(
        R"(digraph {
            a [label="Payments\nDB"];
            b [label=<<b>Shop &amp; <i>front</i></b><br/>service>];
            c [label="c"];
            "x\\y" [name="Back\\slash"];
            "東京" [label="東京 リージョン"];
        })",
        "t.dot");
    QCOMPARE(component(map, "a").name, QStringLiteral("Payments\nDB"));
    QCOMPARE(component(map, "b").name, QStringLiteral("Shop & front\nservice"));
    QCOMPARE(component(map, "c").name, QString());
    QCOMPARE(component(map, "x\\y").name, QStringLiteral("Back\\slash"));
    QCOMPARE(component(map, "東京").name, QStringLiteral("東京 リージョン"));
}

void TestImport::dotRoundTripExample()
{
    const Map example = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
    const QByteArray dot = dotexport::write(example, example.scenarios().front());
    const Map back = dotimport::read(dot, "example.dot");
    QCOMPARE(back.name, example.name);
    compareLists(content(back), content(example));
}

void TestImport::dotErrors_data()
{
    QTest::addColumn<QByteArray>("dot");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("words");

    QTest::newRow("empty") << QByteArray() << "t.dot:1:"
                           << "no graph";
    QTest::newRow("not dot") << QByteArray("hello world\n") << "t.dot:1:"
                             << "syntax error";
    QTest::newRow("syntax") << QByteArray("digraph {\n a -> b\n b -> ;\n}\n") << "t.dot:3:"
                            << "DOT syntax error near ';'";
    QTest::newRow("unterminated string")
        << QByteArray("digraph {\n a\n b [label=\"x]\n}\n") << "t.dot:3:"
        << "quoted string";
    QTest::newRow("missing brace") << QByteArray("digraph {\n a -> b\n") << "t.dot:"
                                   << "syntax error";
    QTest::newRow("nul byte") << QByteArray("digraph { a }\0", 14) << "t.dot:1:"
                              << "NUL";
    QTest::newRow("bad tier") << QByteArray("digraph {\n a\n b [tier=high]\n}\n") << "t.dot:3:"
                              << "node \"b\", attribute \"tier\": \"high\" is not a number";
    QTest::newRow("bad business") << QByteArray("digraph {\n\n b [business=perhaps]\n}\n")
                                  << "t.dot:3:"
                                  << "not true or false";
    QTest::newRow("bad cluster cost")
        << QByteArray("digraph {\n subgraph cluster_z {\n  cost_per_hour=lots; a\n }\n}\n")
        << "t.dot:2:"
        << "cluster \"cluster_z\", attribute \"cost_per_hour\"";
    QTest::newRow("duplicate edge")
        << QByteArray("digraph {\n a -> b\n c\n a -> b\n}\n") << "t.dot:4:"
        << "twice (first on line 2)";
    QTest::newRow("self loop") << QByteArray("digraph {\n a\n a -> a\n}\n") << "t.dot:3:"
                               << "cannot depend on itself";
    QTest::newRow("bad type") << QByteArray("digraph {\n a -> b [type=strong]\n}\n") << "t.dot:2:"
                              << "\"strong\" is not hard or soft";
    QTest::newRow("two clusters") << QByteArray("digraph {\n subgraph cluster_a { x }\n"
                                                " subgraph cluster_b { x }\n}\n")
                                  << "t.dot:2:"
                                  << "in two clusters";
    QTest::newRow("cluster id taken")
        << QByteArray("digraph {\n z\n subgraph cluster_z { y }\n}\n") << "t.dot:2:"
        << "has the id of cluster \"cluster_z\"";
    QTest::newRow("require too large")
        << QByteArray("digraph {\n a -> b\n\n a [require=3]\n}\n") << "t.dot:2:"
        << "require 3 is more than its 1 hard";
    QTest::newRow("availability") << QByteArray("digraph {\n\n a [availability=2]\n}\n")
                                  << "t.dot:3:"
                                  << "not between 0 and 1";
}

void TestImport::dotErrors()
{
    QFETCH(QByteArray, dot);
    QFETCH(QString, prefix);
    QFETCH(QString, words);
    const QString error = dotError(dot);
    QVERIFY2(error.startsWith(prefix), qPrintable(error));
    QVERIFY2(error.contains(words), qPrintable(error));
}

void TestImport::dotRecoversAfterSyntaxError()
{
    QVERIFY(!dotError("digraph {\n a -> \n").isEmpty());
    QVERIFY(!dotError("digraph { \"a }").isEmpty());
    const Map map = dotimport::read("digraph { a -> b }", "t.dot");
    QCOMPARE(map.componentCount(), 2);
    const QString again = dotError("digraph {\n\n a -> ;\n}");
    QVERIFY2(again.startsWith("t.dot:3:"), qPrintable(again));
}

// cgraph's scanner outlives a parse; nothing of an earlier file may leak into a later one.
void TestImport::dotLinesAfterEarlierParse_data()
{
    QTest::addColumn<QByteArray>("before");

    QTest::newRow("trailing newline") << QByteArray("digraph {\n a -> b\n}\n");
    QTest::newRow("no trailing newline") << QByteArray("digraph { a -> b }");
    QTest::newRow("blank lines and comments after")
        << QByteArray("digraph {\n a -> b\n}   // done\n\n# more\n\n");
    QTest::newRow("comment opened after the brace")
        << QByteArray("digraph {\n a -> b\n} /* generated\n by hand */\n");
    QTest::newRow("second graph on the brace's line")
        << QByteArray("digraph x { a -> b } digraph y { c -> d }\n");
    QTest::newRow("string opened after the brace") << QByteArray("digraph { a } \"open\n");
    QTest::newRow("syntax error") << QByteArray("digraph {\n a -> \n");
}

void TestImport::dotLinesAfterEarlierParse()
{
    QFETCH(QByteArray, before);
    const QString expected = QStringLiteral("t.dot:3: DOT syntax error near ';'");
    const QByteArray bad("digraph {\n a -> b\n b -> ;\n}\n");
    for (int i = 0; i < 2; ++i) {
        errorOf([&] { dotimport::read(before, QStringLiteral("before.dot")); });
        QCOMPARE(dotError(bad), expected);
        QCOMPARE(dotError(bad), expected);
    }
    errorOf([&] { dotimport::read(before, QStringLiteral("before.dot")); });
    const Map map = dotimport::read("digraph g {\n e -> f\n}\n", "t.dot");
    QCOMPARE(map.name, QStringLiteral("g"));
    QCOMPARE(map.componentCount(), 2);
    QCOMPARE(map.components().front().id, QStringLiteral("e"));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
