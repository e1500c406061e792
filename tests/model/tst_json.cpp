// The interchange format of DESIGN.md: reading (types, syntax errors, header, unknown keys,
// nulls, all or nothing), writing (strings, numbers) and round trips over the reference maps.
//
// Documents are written with ' for " to keep them readable; json() swaps them back.

#include "model/io/interchange.h"
#include "model/io/stringcache.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "tests/model/maptestutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace faultline;
using faultline::testutil::json;
using faultline::testutil::saysAll;

namespace {

const QString source = QStringLiteral("t.json");

// The message of the error read() throws, or an empty string if it did not throw. `type` gets
// "format" or "validation".
QString readError(const QByteArray &doc, QString *type = nullptr)
{
    try {
        interchange::read(doc, source);
    } catch (const FormatError &e) {
        if (type)
            *type = QStringLiteral("format");
        return e.message().isEmpty() ? QStringLiteral("(empty message)") : e.message();
    } catch (const ValidationError &e) {
        if (type)
            *type = QStringLiteral("validation");
        return e.message().isEmpty() ? QStringLiteral("(empty message)") : e.message();
    }
    return {};
}

// The text the writer gave one key, e.g. "0.9995" for `"availability": 0.9995`.
QString writtenToken(const QByteArray &written, const QString &key)
{
    const QRegularExpression re(
        QStringLiteral("\"%1\": ([^,}\\]\\s]+)").arg(QRegularExpression::escape(key)));
    return re.match(QString::fromUtf8(written)).captured(1);
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// A map that uses `text` everywhere a string can go.
Map mapWithStrings(const QString &text)
{
    Map m;
    m.name = text;
    m.extra.insert(text, text);
    m.extra.insert(QStringLiteral("nested"), QJsonObject {{text, QJsonArray {text, 1, true}}});

    Component host;
    host.id = QStringLiteral("host:") + text;
    host.name = text;
    host.kind = text;
    host.owner = text;
    host.description = text;
    host.tags = QStringList {text, QString(), text + text};
    host.extra.insert(text, text);
    m.addComponent(host);

    Component c;
    c.id = text.isEmpty() ? QStringLiteral("empty") : text;
    c.parent = host.id;
    m.addComponent(c);

    Dependency d;
    d.from = c.id;
    d.to = host.id;
    d.type = DependencyType::Soft;
    d.label = text;
    d.extra.insert(QStringLiteral("note"), text);
    m.addDependency(d);

    Scenario s;
    s.name = QStringLiteral("scenario ") + text;
    s.description = text;
    s.fail = {c.id};
    s.degrade = {host.id, c.id};
    s.extra.insert(text + QStringLiteral("!"), text);
    m.addScenario(s);
    return m;
}

QString referenceDir()
{
    return QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/fault-trees");
}

} // namespace

class TestJson : public QObject
{
    Q_OBJECT

private slots:
    void stringCacheFindsExactlyWhatItHolds();
    void wrongTypes_data();
    void wrongTypes();
    void invalidJson_data();
    void invalidJson();
    void notAFaultlineMap_data();
    void notAFaultlineMap();
    void newerVersion_data();
    void newerVersion();
    void acceptedVersions_data();
    void acceptedVersions();
    void mapRulesOnImport_data();
    void mapRulesOnImport();
    void importIsAllOrNothing();
    void unknownKeysKeptAtEveryLevel();
    void nullIsAbsent();
    void nullListsAreEmpty();
    void roundTripFiles_data();
    void roundTripFiles();
    void stringsSurvive_data();
    void stringsSurvive();
    void numbersSurvive_data();
    void numbersSurvive();
    void wholeNumbersInUnknownKeysSurvive();
    void percentInSourceName();
    void writerLayout();
    void files();
};

// ---- Wrong types -----------------------------------------------------------------------------

namespace {

// A valid document with one slot in each level; `fragment` goes in the slot `where`.
QByteArray withFragment(const QString &where, const char *fragment)
{
    QByteArray doc =
        json("{'format': 'faultline-map', 'version': 1, TOP"
             "'components': [{'id': 'a'}, {'id': 'b' COMPONENT}],"
             "'dependencies': [{'from': 'b', 'to': 'a'}, {'from': 'a', 'to': 'b', 'type': 'soft' "
             "DEPENDENCY}],"
             "'scenarios': [{'name': 'one', 'fail': ['a']}, {'name': 'two' SCENARIO}]}");
    for (const char *slot : {"TOP", "COMPONENT", "DEPENDENCY", "SCENARIO"}) {
        const bool here = where.toUtf8() == slot;
        doc.replace(slot, here ? json(fragment) : QByteArray());
    }
    return doc;
}

void typeRow(const char *where, const char *fragment, const char *names)
{
    const QString w = QString::fromLatin1(where);
    const QByteArray doc = w == QLatin1String("DOC") ? json(fragment) : withFragment(w, fragment);
    QTest::newRow(fragment) << doc
                            << QString::fromUtf8(names).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

} // namespace

void TestJson::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QStringList>("names");

    QVERIFY(readError(withFragment(QString(), "")).isEmpty()); // the base document is valid

    const char *b = "components[1]|\"b\"|";
    const std::string component(b);
    auto c = [&component](const char *key) {
        return component + key;
    };
    typeRow("COMPONENT", ", 'name': 5", c("\"name\"").c_str());
    typeRow("COMPONENT", ", 'kind': true", c("\"kind\"").c_str());
    typeRow("COMPONENT", ", 'parent': 1", c("\"parent\"").c_str());
    typeRow("COMPONENT", ", 'parent': ['a']", c("\"parent\"").c_str());
    typeRow("COMPONENT", ", 'require': '1'", c("\"require\"").c_str());
    typeRow("COMPONENT", ", 'require': 0.5", c("\"require\"").c_str());
    typeRow("COMPONENT", ", 'require': [1]", c("\"require\"").c_str());
    typeRow("COMPONENT", ", 'owner': {}", c("\"owner\"").c_str());
    typeRow("COMPONENT", ", 'tier': '1'", c("\"tier\"").c_str());
    typeRow("COMPONENT", ", 'tier': 1.5", c("\"tier\"").c_str());
    typeRow("COMPONENT", ", 'description': 7", c("\"description\"").c_str());
    typeRow("COMPONENT", ", 'tags': 'web'", c("\"tags\"").c_str());
    typeRow("COMPONENT", ", 'tags': ['web', 1]", c("\"tags\"").c_str());
    typeRow("COMPONENT", ", 'tags': {'web': 1}", c("\"tags\"").c_str());
    typeRow("COMPONENT", ", 'availability': '0.9995'", c("\"availability\"").c_str());
    typeRow("COMPONENT", ", 'availability': true", c("\"availability\"").c_str());
    typeRow("COMPONENT", ", 'rto_minutes': '30'", c("\"rto_minutes\"").c_str());
    typeRow("COMPONENT", ", 'rpo_minutes': '5'", c("\"rpo_minutes\"").c_str());
    typeRow("COMPONENT", ", 'target_rto_minutes': [60]", c("\"target_rto_minutes\"").c_str());
    typeRow("COMPONENT", ", 'target_rpo_minutes': false", c("\"target_rpo_minutes\"").c_str());
    typeRow("COMPONENT", ", 'cost_per_hour': '50000'", c("\"cost_per_hour\"").c_str());
    typeRow("COMPONENT", ", 'business': 'yes'", c("\"business\"").c_str());
    typeRow("COMPONENT", ", 'business': 1", c("\"business\"").c_str());
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 5}]}",
        "components[1]|\"id\"");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'name': 'x'}]}",
        "components[1]|id");
    typeRow("DOC", "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, 'b']}",
        "components[1]|object");

    typeRow("DEPENDENCY", ", 'label': 5", "dependencies[1]|\"label\"");
    typeRow("DEPENDENCY", ", 'label': ['x']", "dependencies[1]|\"label\"");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'b'}],"
        " 'dependencies': [{'from': 'b', 'to': 'a', 'type': 3}]}",
        "dependencies[0]|\"type\"");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'b'}],"
        " 'dependencies': [{'from': 'b', 'to': 'a', 'type': 'medium'}]}",
        "dependencies[0]|\"type\"|medium");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'b'}],"
        " 'dependencies': [{'from': 'b', 'to': 'a'}, {'from': 1, 'to': 'a'}]}",
        "dependencies[1]|\"from\"");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'b'}],"
        " 'dependencies': [{'from': 'b', 'to': ['a']}]}",
        "dependencies[0]|\"to\"");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'b'}],"
        " 'dependencies': [{'from': 'b'}]}",
        "dependencies[0]|to");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
        " 'dependencies': [['a', 'b']]}",
        "dependencies[0]|object");

    typeRow("SCENARIO", ", 'fail': 'a'", "scenarios[1]|\"fail\"");
    typeRow("SCENARIO", ", 'fail': [1]", "scenarios[1]|\"fail\"");
    typeRow("SCENARIO", ", 'degrade': {'a': true}", "scenarios[1]|\"degrade\"");
    typeRow("SCENARIO", ", 'degrade': ['a', null]", "scenarios[1]|\"degrade\"");
    typeRow("SCENARIO", ", 'description': false", "scenarios[1]|\"description\"");
    typeRow("DOC",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
        " 'scenarios': [{'name': 1, 'fail': ['a']}]}",
        "scenarios[0]|\"name\"");
    typeRow("DOC", "{'format': 'faultline-map', 'version': 1, 'scenarios': [{'fail': []}]}",
        "scenarios[0]|name");
    typeRow("DOC", "{'format': 'faultline-map', 'version': 1, 'scenarios': [true]}",
        "scenarios[0]|object");

    typeRow("DOC", "{'format': 'faultline-map', 'version': 1, 'name': 5}", "t.json|\"name\"");
    typeRow("DOC", "{'format': 'faultline-map', 'version': '1'}", "t.json|\"version\"");
    typeRow("DOC", "{'format': 'faultline-map', 'version': 1, 'components': {'id': 'a'}}",
        "t.json|\"components\"");
    typeRow("DOC", "{'format': 'faultline-map', 'version': 1, 'dependencies': 'none'}",
        "t.json|\"dependencies\"");
    typeRow(
        "DOC", "{'format': 'faultline-map', 'version': 1, 'scenarios': 3}", "t.json|\"scenarios\"");
}

void TestJson::wrongTypes()
{
    QFETCH(QByteArray, doc);
    QFETCH(QStringList, names);
    QString type;
    const QString message = readError(doc, &type);
    QVERIFY2(!message.isEmpty(), doc.constData());
    QVERIFY2(message.startsWith(source + QLatin1Char(':')), qPrintable(message));
    for (const QString &name : names)
        QVERIFY2(message.contains(name),
            qPrintable(QStringLiteral("\"%1\" does not name %2").arg(message, name)));
}

// ---- Syntax ----------------------------------------------------------------------------------

void TestJson::invalidJson_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column"); // of the offending character; Qt may point just past it

    QTest::newRow("missing comma") << json("{\n  'format': 'faultline-map',\n  'version': 1\n"
                                           "  'name': 'x'\n}")
                                   << 4 << 3;
    QTest::newRow("comma before }")
        << json("{\n  'format': 'faultline-map',\n  'version': 1,\n}") << 4 << 1;
    QTest::newRow("missing value separator")
        << json("{'format': 'faultline-map',\n 'components': [{'id': 'a'} {'id': 'b'}]}") << 2
        << 29;
    QTest::newRow("missing colon")
        << json("{'format': 'faultline-map',\n\n\n  'name' 'x'}") << 4 << 10;
    QTest::newRow("garbage after the document")
        << json("{'format': 'faultline-map'}\n\n  x") << 3 << 3;
    QTest::newRow("unquoted key") << json("{'format': 'faultline-map', name: 'x'}") << 1 << 29;
    QTest::newRow("empty file") << QByteArray() << 1 << 1;
}

void TestJson::invalidJson()
{
    QFETCH(QByteArray, doc);
    QFETCH(int, line);
    QFETCH(int, column);
    QString type;
    const QString message = readError(doc, &type);
    QCOMPARE(type, QStringLiteral("format"));
    static const QRegularExpression where(QStringLiteral("^t\\.json:(\\d+):(\\d+): "));
    const QRegularExpressionMatch m = where.match(message);
    QVERIFY2(m.hasMatch(), qPrintable(message));
    QVERIFY2(m.captured(1).toInt() == line, qPrintable(message));
    const int reported = m.captured(2).toInt();
    QVERIFY2(reported == column || reported == column + 1, qPrintable(message));
}

// ---- Header ----------------------------------------------------------------------------------

void TestJson::notAFaultlineMap_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::newRow("other format") << json("{'format': 'graphviz', 'version': 1}");
    QTest::newRow("format differs in case") << json("{'format': 'Faultline-Map', 'version': 1}");
    QTest::newRow("no format") << json("{'version': 1, 'name': 'x', 'components': []}");
    QTest::newRow("format not a string") << json("{'format': 1, 'version': 1}");
    QTest::newRow("format null") << json("{'format': null, 'version': 1}");
    QTest::newRow("top level is a list") << json("[{'format': 'faultline-map'}]");
    // Valid JSON (RFC 8259 allows any value at the top), but not a map.
    QTest::newRow("top level is a string") << json("'faultline-map'");
}

void TestJson::notAFaultlineMap()
{
    QFETCH(QByteArray, doc);
    QString type;
    const QString message = readError(doc, &type);
    QCOMPARE(type, QStringLiteral("format"));
    QVERIFY2(message.startsWith(source), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("faultline-map"))
            || message.contains(QLatin1String("Faultline map")),
        qPrintable(message));
}

void TestJson::newerVersion_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QString>("version");
    QTest::newRow("2") << json("{'format': 'faultline-map', 'version': 2}") << QStringLiteral("2");
    QTest::newRow("1.5") << json("{'format': 'faultline-map', 'version': 1.5}")
                         << QStringLiteral("1.5");
    QTest::newRow("999 with content")
        << json("{'format': 'faultline-map', 'version': 999, 'components': [{'id': 'a'}]}")
        << QStringLiteral("999");
}

void TestJson::newerVersion()
{
    QFETCH(QByteArray, doc);
    QFETCH(QString, version);
    QString type;
    const QString message = readError(doc, &type);
    QCOMPARE(type, QStringLiteral("format"));
    QVERIFY2(message.startsWith(source), qPrintable(message));
    QVERIFY2(message.contains(version), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("newer")) || message.contains(QLatin1String("update")),
        qPrintable(message));
}

void TestJson::acceptedVersions_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::newRow("1") << json("{'format': 'faultline-map', 'version': 1}");
    QTest::newRow("1.0") << json("{'format': 'faultline-map', 'version': 1.0}");
    QTest::newRow("absent") << json("{'format': 'faultline-map'}");
    QTest::newRow("null, as absent") << json("{'format': 'faultline-map', 'version': null}");
}

void TestJson::acceptedVersions()
{
    QFETCH(QByteArray, doc);
    const QString message = readError(doc);
    QVERIFY2(message.isEmpty(), qPrintable(message));
}

// ---- The map's rules, and all or nothing ------------------------------------------------------

void TestJson::mapRulesOnImport_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QStringList>("names");
    auto add = [](const char *name, const char *doc, const char *names) {
        QTest::newRow(name) << json(doc) << QString::fromUtf8(names).split(QLatin1Char('|'));
    };
    add("duplicate id",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'a'}]}",
        "\"a\"|duplicate");
    add("unknown parent",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a', 'parent': 'x'}]}",
        "\"a\"|\"x\"");
    add("unknown to",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
        " 'dependencies': [{'from': 'a', 'to': 'x'}]}",
        "\"x\"");
    add("unknown from",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
        " 'dependencies': [{'from': 'x', 'to': 'a'}]}",
        "\"x\"");
    add("unknown id in a scenario",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
        " 'scenarios': [{'name': 'ok', 'fail': ['a']}, {'name': 'bad', 'degrade': ['x']}]}",
        "\"bad\"|\"x\"");
    add("self dependency",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
        " 'dependencies': [{'from': 'a', 'to': 'a', 'type': 'soft'}]}",
        "\"a\"|itself");
    add("same pair twice",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'b'}],"
        " 'dependencies': [{'from': 'a', 'to': 'b'}, {'from': 'a', 'to': 'b', 'type': 'soft'}]}",
        "\"a\"|\"b\"|dependencies[1]");
    add("parent loop",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a', 'parent': 'b'},"
        " {'id': 'b', 'parent': 'a'}]}",
        "parent|loop");
    add("require above hard dependencies",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'b'},"
        " {'id': 'g', 'kind': 'group', 'require': 2}], 'dependencies': [{'from': 'g', 'to': 'a'},"
        " {'from': 'g', 'to': 'b', 'type': 'soft'}]}",
        "\"g\"|require");
    add("two scenarios with one name",
        "{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
        " 'scenarios': [{'name': 's', 'fail': ['a']}, {'name': 's', 'degrade': ['a']}]}",
        "\"s\"");
}

void TestJson::mapRulesOnImport()
{
    QFETCH(QByteArray, doc);
    QFETCH(QStringList, names);
    QString type;
    const QString message = readError(doc, &type);
    QCOMPARE(type, QStringLiteral("validation"));
    QVERIFY2(message.startsWith(source + QLatin1Char(':')), qPrintable(message));
    for (const QString &name : names)
        QVERIFY2(message.contains(name),
            qPrintable(QStringLiteral("\"%1\" does not name %2").arg(message, name)));
}

void TestJson::importIsAllOrNothing()
{
    const QByteArray good =
        json("{'format': 'faultline-map', 'version': 1, 'name': 'good', 'components': [{'id': 'a'},"
             " {'id': 'b'}], 'dependencies': [{'from': 'b', 'to': 'a'}],"
             " 'scenarios': [{'name': 's', 'fail': ['a']}]}");
    Map target = interchange::read(good, source);
    const Map before = target;

    // Errors at the very end of the document: every earlier entry was fine.
    const QList<QByteArray> bad = {
        QByteArray(good).replace(json("'fail': ['a']}]}"), json("'fail': ['a']}, 7]}")),
        json("{'format': 'faultline-map', 'version': 1, 'name': 'bad', 'components': [{'id': 'a'},"
             " {'id': 'b'}], 'dependencies': [{'from': 'b', 'to': 'a'}],"
             " 'scenarios': [{'name': 's', 'fail': ['a']}, {'name': 't', 'fail': ['zz']}]}"),
        json("{'format': 'faultline-map', 'version': 1, 'name': 'bad', 'components': [{'id': 'a'},"
             " {'id': 'b'}], 'dependencies': [{'from': 'b', 'to': 'a'}],"
             " 'scenarios': [{'name': 's', 'fail': ['a']}]"),
        json("{'format': 'faultline-map', 'version': 1, 'name': 'bad', 'components': [{'id': 'a'},"
             " {'id': 'b', 'tier': 'x'}], 'dependencies': [], 'scenarios': []}"),
    };
    QCOMPARE(bad.first().count("7]"), 1);
    for (const QByteArray &doc : bad) {
        bool threw = false;
        try {
            target = interchange::read(doc, source);
        } catch (const Error &) {
            threw = true;
        }
        QVERIFY2(threw, doc.constData());
        QVERIFY(target == before);
    }

    // And from a file: nothing changes on disk or in memory.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bad.last());
    f.close();
    try {
        target = interchange::readFile(path);
        QFAIL("a bad file was read");
    } catch (const FormatError &e) {
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QLatin1String("\"tier\"")), qPrintable(e.message()));
    }
    QVERIFY(target == before);
}

// ---- Unknown keys and nulls --------------------------------------------------------------------

void TestJson::unknownKeysKeptAtEveryLevel()
{
    const QByteArray full =
        json("{'format': 'faultline-map', 'version': 1, 'name': 'm', 'x-top': {'deep': [1, 'two',"
             " null, {'three': false}]}, 'description': 'a map', 'positions': null,"
             " 'components': [{'id': 'a', 'x-comp': 'kept', 'color': '#ff0000', 'empty': {},"
             " 'list': []}, {'id': 'a2'}],"
             " 'dependencies': [{'from': 'a', 'to': 'a2', 'weight': 0.5, 'x-dep': null}],"
             " 'scenarios': [{'name': 's', 'fail': ['a'], 'severity': 3, 'x-scn': [[]]}],"
             " 'zz-last': true}");

    const Map m = interchange::read(full, source);
    QCOMPARE(m.extra.value(QLatin1String("description")).toString(), QStringLiteral("a map"));
    QVERIFY(m.extra.contains(QLatin1String("x-top")));
    QVERIFY(m.extra.contains(QLatin1String("zz-last")));
    QVERIFY(m.extra.contains(QLatin1String("positions")));
    QVERIFY(!m.extra.contains(QLatin1String("components")));
    QVERIFY(!m.extra.contains(QLatin1String("format")));
    QVERIFY(!m.extra.contains(QLatin1String("version")));
    QVERIFY(!m.extra.contains(QLatin1String("name")));
    const Component &a = m.components().front();
    QCOMPARE(a.extra.size(), 4);
    QCOMPARE(a.extra.value(QLatin1String("x-comp")).toString(), QStringLiteral("kept"));
    QVERIFY(!a.extra.contains(QLatin1String("id")));
    QCOMPARE(m.dependencies().front().extra.size(), 2);
    QCOMPARE(m.dependencies().front().extra.value(QLatin1String("weight")).toDouble(), 0.5);
    QCOMPARE(m.scenarios().front().extra.size(), 2);

    const QByteArray written = interchange::write(m);
    for (const char *key : {"x-top", "deep", "three", "description", "zz-last", "x-comp", "color",
             "weight", "x-dep", "severity", "x-scn"})
        QVERIFY2(written.contains(QByteArray("\"") + key + "\""), key);
    const Map back = interchange::read(written, source);
    QVERIFY(back == m);

    QString difference;
    QVERIFY2(saysAll(QJsonDocument::fromJson(full).object(),
                 QJsonDocument::fromJson(written).object(), QStringLiteral("$"), &difference),
        qPrintable(difference));
}

void TestJson::nullIsAbsent()
{
    const QByteArray withNulls = json(
        "{'format': 'faultline-map', 'version': 1, 'name': null,"
        " 'components': [{'id': 'a', 'name': null, 'kind': null, 'parent': null, 'require': null,"
        " 'owner': null, 'tier': null, 'description': null, 'tags': null, 'availability': null,"
        " 'rto_minutes': null, 'rpo_minutes': null, 'target_rto_minutes': null,"
        " 'target_rpo_minutes': null, 'cost_per_hour': null, 'business': null}, {'id': 'b'}],"
        " 'dependencies': [{'from': 'b', 'to': 'a', 'type': null, 'label': null}],"
        " 'scenarios': [{'name': 's', 'fail': null, 'degrade': null, 'description': null}]}");
    const QByteArray without = json("{'format': 'faultline-map', 'version': 1,"
                                    " 'components': [{'id': 'a'}, {'id': 'b'}],"
                                    " 'dependencies': [{'from': 'b', 'to': 'a'}],"
                                    " 'scenarios': [{'name': 's'}]}");
    const Map a = interchange::read(withNulls, source);
    const Map b = interchange::read(without, source);
    QVERIFY(a == b);
    QVERIFY(!a.components().front().require);
    QVERIFY(!a.components().front().tags);
    QVERIFY(a.dependencies().front().isHard());
    QCOMPARE(interchange::write(a), interchange::write(b));

    // A null id is a missing id.
    const QString message =
        readError(json("{'format': 'faultline-map', 'version': 1, 'components': [{'id': null}]}"));
    QVERIFY2(message.contains(QLatin1String("components[0]")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("id")), qPrintable(message));
}

void TestJson::nullListsAreEmpty()
{
    const Map a = interchange::read(json("{'format': 'faultline-map', 'version': 1, 'name': 'n',"
                                         " 'components': null, 'dependencies': null,"
                                         " 'scenarios': null}"),
        source);
    const Map b =
        interchange::read(json("{'format': 'faultline-map', 'version': 1, 'name': 'n'}"), source);
    QVERIFY(a == b);
    QCOMPARE(a.componentCount(), 0);
}

// ---- Round trips -------------------------------------------------------------------------------

void TestJson::roundTripFiles_data()
{
    QTest::addColumn<QString>("path");
    for (const char *tree : {"chinese", "baobab2", "isp9605"})
        QTest::newRow(tree) << referenceDir() + QStringLiteral("/%1.json").arg(QLatin1String(tree));
    QTest::newRow("bundled example") << QStringLiteral(FAULTLINE_EXAMPLE);
}

void TestJson::roundTripFiles()
{
    QFETCH(QString, path);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));

    const Map m = interchange::readFile(path);
    QVERIFY(m.componentCount() > 0);
    const QByteArray written = interchange::write(m);
    const Map back = interchange::read(written, QStringLiteral("written"));
    QVERIFY(back == m);
    QCOMPARE(interchange::write(back), written);

    // Nothing the file says is lost or changed (the writer may add defaults).
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString difference;
    QVERIFY2(saysAll(QJsonDocument::fromJson(f.readAll()).object(),
                 QJsonDocument::fromJson(written).object(), QStringLiteral("$"), &difference),
        qPrintable(difference));
}

void TestJson::stringsSurvive_data()
{
    QTest::addColumn<QString>("text");
    QString controls;
    for (char16_t u = 1; u < 0x20; ++u)
        controls += QChar(u);
    QTest::newRow("empty") << QString();
    QTest::newRow("quotes") << QStringLiteral("say \"hi\" and 'bye'");
    QTest::newRow("backslashes") << QStringLiteral("C:\\dir\\ \\\\server \\u0041 \\n");
    QTest::newRow("newlines") << QStringLiteral("one\ntwo\r\nthree\rfour\n");
    QTest::newRow("tab") << QStringLiteral("a\tb");
    QTest::newRow("control characters") << controls;
    QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("after NUL");
    QTest::newRow("DEL") << QStringLiteral("a\x7f"
                                           "b");
    QTest::newRow("emoji") << QString::fromUtf8("🚀 🔥 👩‍💻 🇩🇪 👍🏽");
    QTest::newRow("CJK") << QString::fromUtf8("数据库 サービス 서비스");
    QTest::newRow("right to left") << QString::fromUtf8("خدمة الدفع עברית");
    QTest::newRow("combining") << QString::fromUtf8("e\u0301 Zu\u0308rich");
    QTest::newRow("line separators") << QString::fromUtf8("a\u2028b\u2029c");
    QTest::newRow("BOM and zero width") << QString::fromUtf8("\ufeffa\u200bb");
    QTest::newRow("beyond the BMP") << QString::fromUtf8("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈");
    QTest::newRow("markup") << QStringLiteral("</script><b>&amp;</b>");
    QTest::newRow("placeholders") << QStringLiteral("%1 %2 %L1 {0} $x");
}

void TestJson::stringsSurvive()
{
    QFETCH(QString, text);
    const Map m = mapWithStrings(text);
    const auto invalid = validationError(m);
    QVERIFY2(!invalid, qPrintable(invalid.value_or(QString())));

    const QByteArray written = interchange::write(m);
    QJsonParseError error;
    QJsonDocument::fromJson(written, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY2(QString::fromUtf8(written).isValidUtf16(), "not valid UTF-8");

    const Map back = interchange::read(written, source);
    QCOMPARE(back.name, text);
    QCOMPARE(back.components().back().id, m.components().back().id);
    QCOMPARE(back.dependencies().front().label, text);
    QVERIFY(back == m);
    QCOMPARE(interchange::write(back), written);
}

void TestJson::numbersSurvive_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<double>("value");
    QTest::addColumn<QStringList>("tokens"); // acceptable ways to write it back

    auto add = [](const char *name, const char *key, const char *literal, double value,
                   const char *tokens) {
        QTest::newRow(name) << QString::fromLatin1(key) << QByteArray(literal) << value
                            << QString::fromLatin1(tokens).split(QLatin1Char('|'));
    };
    add("availability 0.9995", "availability", "0.9995", 0.9995, "0.9995");
    add("availability 0.99999", "availability", "0.99999", 0.99999, "0.99999");
    add("availability 1e-7", "availability", "1e-7", 1e-7, "1e-07|1e-7|1E-7|0.0000001");
    add("availability 0.1", "availability", "0.1", 0.1, "0.1");
    add("availability 1", "availability", "1", 1.0, "1|1.0");
    add("availability 0", "availability", "0", 0.0, "0|0.0");
    add("availability 0.30000000000000004", "availability", "0.30000000000000004",
        0.30000000000000004, "0.30000000000000004");
    add("availability smallest", "availability", "5e-324", 5e-324,
        "5e-324|4.9406564584124654e-324");
    add("cost 50000", "cost_per_hour", "50000", 50000.0, "50000");
    add("cost 50000.0", "cost_per_hour", "50000.0", 50000.0, "50000");
    add("cost 5e4", "cost_per_hour", "5e4", 50000.0, "50000");
    add("cost 1234567.89", "cost_per_hour", "1234567.89", 1234567.89, "1234567.89");
    add("cost 1e20", "cost_per_hour", "1e20", 1e20, "1e+20|1e20|100000000000000000000");
    add("cost 2^53", "cost_per_hour", "9007199254740992", 9007199254740992.0, "9007199254740992");
    add("rto 0.5", "rto_minutes", "0.5", 0.5, "0.5");
    add("rto 1e-7", "rto_minutes", "0.0000001", 1e-7, "1e-07|1e-7|1E-7|0.0000001");
    add("rpo 15", "rpo_minutes", "15", 15.0, "15");
    add("rpo 0.25", "rpo_minutes", "0.25", 0.25, "0.25");
    add("target rto 60", "target_rto_minutes", "60.0", 60.0, "60");
    add("target rpo 0", "target_rpo_minutes", "0", 0.0, "0");
    add("unknown key -0.25", "x-number", "-0.25", -0.25, "-0.25");
    add("unknown key largest", "x-number", "1.7976931348623157e308", 1.7976931348623157e308,
        "1.7976931348623157e+308|1.7976931348623157e308");
}

void TestJson::numbersSurvive()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, literal);
    QFETCH(double, value);
    QFETCH(QStringList, tokens);

    const QByteArray doc = json("{'format': 'faultline-map', 'version': 1, 'components': [{'id':"
                                " 'a', 'KEY': VALUE}]}")
                               .replace("KEY", key.toUtf8())
                               .replace("VALUE", literal);
    auto valueIn = [&key](const Map &m) {
        const Component &c = m.components().front();
        if (key == QLatin1String("availability"))
            return c.availability.value_or(-1);
        if (key == QLatin1String("cost_per_hour"))
            return c.costPerHour.value_or(-1);
        if (key == QLatin1String("rto_minutes"))
            return c.rtoMinutes.value_or(-1);
        if (key == QLatin1String("rpo_minutes"))
            return c.rpoMinutes.value_or(-1);
        if (key == QLatin1String("target_rto_minutes"))
            return c.targetRtoMinutes.value_or(-1);
        if (key == QLatin1String("target_rpo_minutes"))
            return c.targetRpoMinutes.value_or(-1);
        return c.extra.value(key).toDouble(-1);
    };
    const Map m = interchange::read(doc, source);
    QVERIFY2(sameBits(valueIn(m), value), qPrintable(QString::number(valueIn(m), 'g', 17)));

    const QByteArray written = interchange::write(m);
    const QString token = writtenToken(written, key);
    QVERIFY2(tokens.contains(token), qPrintable(QStringLiteral("written as ") + token));
    const Map back = interchange::read(written, source);
    QVERIFY2(sameBits(valueIn(back), value), qPrintable(QString::number(valueIn(back), 'g', 17)));
    QVERIFY(back == m);
}

// Unknown keys are kept as they came: a whole number there (an id from another system, a time
// in nanoseconds) must come back exactly, not rounded through a double.
void TestJson::wholeNumbersInUnknownKeysSurvive()
{
    const QByteArray doc = json("{'format': 'faultline-map', 'version': 1,"
                                " 'x-created-ns': 1700000000123456789,"
                                " 'components': [{'id': 'a', 'x-ticket': 9007199254740993}]}");
    const Map m = interchange::read(doc, source);
    const QByteArray written = interchange::write(m);
    QCOMPARE(writtenToken(written, QStringLiteral("x-created-ns")),
        QStringLiteral("1700000000123456789"));
    QCOMPARE(writtenToken(written, QStringLiteral("x-ticket")), QStringLiteral("9007199254740993"));
    QVERIFY(interchange::read(written, source) == m);
}

// A file name may hold URL escapes ("%2F"): messages start with it as it is.
void TestJson::percentInSourceName()
{
    const QString name = QStringLiteral("team%2Fshop%1.json");
    const QList<QByteArray> docs = {
        json("{'format': 'faultline-map', 'version': 1, 'components': [{'id': 5}]}"),
        json("{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}],"
             " 'dependencies': [{'from': 'a', 'to': 'a', 'label': 1}]}"),
        json("{'format': 'faultline-map', 'version': 1, 'scenarios': [{'name': 2}]}"),
        json("{'format': 'faultline-map', 'version': 2}"),
        json("{'format': 'faultline-map', 'version': 1, 'components': [{'id': 'a'}, {'id': 'a'}]}"),
    };
    for (const QByteArray &doc : docs) {
        try {
            interchange::read(doc, name);
            QFAIL(doc.constData());
        } catch (const Error &e) {
            QVERIFY2(e.message().startsWith(name + QLatin1Char(':')), qPrintable(e.message()));
            QVERIFY2(!e.message().contains(QLatin1String("%3")), qPrintable(e.message()));
        }
    }
}

void TestJson::writerLayout()
{
    const Map m = interchange::read(
        json("{'format': 'faultline-map', 'version': 1, 'name': 'm', 'components': [{'id': 'a'},"
             " {'id': 'b', 'parent': 'a'}, {'id': 'c'}], 'dependencies': [{'from': 'c', 'to': 'b'},"
             " {'from': 'c', 'to': 'a', 'type': 'soft'}], 'scenarios': [{'name': 's'}]}"),
        source);
    const QByteArray written = interchange::write(m);
    const QList<QByteArray> lines = written.split('\n');
    // One component, dependency or scenario per line, in map order.
    int previous = -1;
    for (const char *item :
        {"\"id\": \"a\"", "\"id\": \"b\"", "\"id\": \"c\"", "\"from\": \"c\", \"to\": \"b\"",
            "\"from\": \"c\", \"to\": \"a\"", "\"name\": \"s\""}) {
        int found = -1;
        for (int i = 0; i < lines.size() && found < 0; ++i) {
            if (lines[i].contains(item))
                found = i;
        }
        QVERIFY2(found > previous, item);
        previous = found;
    }
    QVERIFY(written.endsWith('\n'));
    QVERIFY(written.contains("\"format\": \"faultline-map\""));
    QVERIFY(written.contains("\"version\": 1"));
}

void TestJson::files()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Map m = mapWithStrings(QString::fromUtf8("Zürich 🚀"));
    const QString path = dir.filePath(QString::fromUtf8("map ü.json"));
    interchange::writeFile(m, path);
    QVERIFY(interchange::readFile(path) == m);
    interchange::writeFile(m, path); // over an existing file
    QVERIFY(interchange::readFile(path) == m);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);

    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    try {
        interchange::readFile(missing);
        QFAIL("a missing file was read");
    } catch (const FormatError &e) {
        QVERIFY2(e.message().contains(missing), qPrintable(e.message()));
    }

    // A syntax error in a file names the file, line and column.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(json("{\n  'format': 'faultline-map',\n  'version': 1\n  'name': 'x'\n}"));
    f.close();
    try {
        interchange::readFile(broken);
        QFAIL("a broken file was read");
    } catch (const FormatError &e) {
        QVERIFY2(e.message().startsWith(broken + QStringLiteral(":4:")), qPrintable(e.message()));
    }

    try {
        interchange::writeFile(m, dir.filePath(QStringLiteral("no/such/dir/map.json")));
        QFAIL("wrote into a folder that does not exist");
    } catch (const FormatError &e) {
        QVERIFY2(e.message().contains(QLatin1String("no/such/dir")), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestJson)
// The reader shares repeated ids through this cache: a wrong hit would put one component's id
// on another.
void TestJson::stringCacheFindsExactlyWhatItHolds()
{
    std::vector<QByteArray> keys = {"", "a", "abcdefgh", "abcdefgh1", "abcdefgh2", "abcdefgi1"};
    for (int i = 0; i < 20000; ++i)
        keys.push_back("component-" + QByteArray::number(i));
    StringCache cache;
    auto view = [](const QByteArray &bytes) {
        return std::string_view(bytes.constData(), std::size_t(bytes.size()));
    };
    for (const QByteArray &key : keys) {
        const std::uint64_t hash = StringCache::hash(view(key));
        QVERIFY(!cache.find(view(key), hash));
        QCOMPARE(cache.insert(view(key), hash, QString::fromLatin1(key)), QString::fromLatin1(key));
    }
    // Found again through other bytes with the same content (the reader's input moves on).
    for (const QByteArray &key : keys) {
        const QByteArray copy(key.constData(), key.size());
        const QString *found = cache.find(view(copy), StringCache::hash(view(copy)));
        QVERIFY2(found, key.constData());
        QCOMPARE(*found, QString::fromLatin1(key));
    }
    for (const QByteArray &missing : {QByteArray("abcdefgh3"), QByteArray("component-20000"),
             QByteArray("component-1 "), QByteArray("b")}) {
        QVERIFY(!cache.find(view(missing), StringCache::hash(view(missing))));
    }
}

#include "tst_json.moc"
