// Hostile and broken inputs (issue 17): each test is a reproducer of something an attacker or a
// fuzzer found, and holds the importer, exporter or document to "refuse clearly, never crash,
// hang or change data silently".
#include "model/analysis/spof.h"
#include "model/impact/graph.h"
#include "model/io/backstage/catalogimport.h"
#include "model/io/csvimport.h"
#include "model/io/dotexport.h"
#include "model/io/dotimport.h"
#include "model/io/fileio.h"
#include "model/io/impactformat.h"
#include "model/io/interchange.h"
#include "model/io/mapfile.h"
#include "model/io/terraform/terraformimport.h"
#include "model/map/errors.h"
#include "model/map/limits.h"
#include "model/map/validation.h"
#include "model/storage/faultlinefile.h"
#include "model/storage/sqlite.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace faultline;

namespace {

// What `call` throws, as "Type: message"; empty when it throws nothing.
template<typename F>
QString failure(F call)
{
    try {
        call();
    } catch (const ValidationError &e) {
        return QStringLiteral("ValidationError: ") + e.message();
    } catch (const FormatError &e) {
        return QStringLiteral("FormatError: ") + e.message();
    } catch (const StorageError &e) {
        return QStringLiteral("StorageError: ") + e.message();
    }
    return {};
}

Component component(const QString &id, const QString &parent = {})
{
    Component c;
    c.id = id;
    c.parent = parent;
    return c;
}

Map smallMap()
{
    Map map;
    map.name = QStringLiteral("Acme");
    map.addComponent(component(QStringLiteral("db")));
    Component web = component(QStringLiteral("web"));
    web.costPerHour = 28000;
    map.addComponent(web);
    map.addDependency({QStringLiteral("web"), QStringLiteral("db"), DependencyType::Hard, {}, {}});
    return map;
}

} // namespace

class TestHardening : public QObject
{
    Q_OBJECT

private slots:
    void dotDeepNestingIsRefused();
    void dotTextAfterTheGraphIsRefused_data();
    void dotTextAfterTheGraphIsRefused();
    void dotExportDeepNesting();
    void dotExportLongNamesRender();
    void invalidUtf8IsRefusedByLine_data();
    void invalidUtf8IsRefusedByLine();
    void jsonLoneSurrogateIsRefused();
    void hugeNumbersAreRefusedOrPrinted();
    void textLimitIsEnforced();
    void csvDeepParentChain();
    void csvParentLoopStillFound();
    void spofOnALongChain();
    void backstageScalarSpecIsAnError();
    void terraformFoldOutsideTheFile();
    void readStopsAtTheSizeLimit();
    void writeRefusesPipes();
    void documentWithViewIsRefused();
    void documentWithTriggerIsRefused();
    void flippedValueIsDamage();
    void truncatedDocumentIsDamage();
    void versionOneDocumentOpensAndGetsChecksum();
    void serializedDocumentOpens();
    void damagedDocumentNamesItsBackup();
};

void TestHardening::dotDeepNestingIsRefused()
{
    // 12,812 braces crashed the scanner (one recursion per brace).
    const QByteArray dot = "digraph{\n" + QByteArray(12812, '{');
    const QString message = failure([&] { dotimport::read(dot, QStringLiteral("deep.dot")); });
    QVERIFY2(message.startsWith(QLatin1String("FormatError: deep.dot:2:")), qPrintable(message));
    QVERIFY2(message.contains(QString::number(limits::maxDotNesting)), qPrintable(message));
    // Nesting at the limit still imports.
    QByteArray ok = "digraph{";
    for (int i = 0; i < limits::maxDotNesting - 1; ++i)
        ok += "subgraph cluster_" + QByteArray::number(i) + "{";
    ok += "x" + QByteArray(limits::maxDotNesting, '}');
    const Map map = dotimport::read(ok, QStringLiteral("ok.dot"));
    QCOMPARE(map.componentCount(), limits::maxDotNesting);
}

void TestHardening::dotTextAfterTheGraphIsRefused_data()
{
    QTest::addColumn<QByteArray>("dot");
    QTest::addColumn<QString>("where");
    QTest::newRow("edge after the graph")
        << QByteArray("digraph shop { web -> db } web -> cache") << QStringLiteral("shop.dot:1:");
    QTest::newRow("second graph") << QByteArray("digraph a { x }\n\ndigraph b { y }\n")
                                  << QStringLiteral("shop.dot:3:");
}

void TestHardening::dotTextAfterTheGraphIsRefused()
{
    QFETCH(QByteArray, dot);
    QFETCH(QString, where);
    const QString message = failure([&] { dotimport::read(dot, QStringLiteral("shop.dot")); });
    QVERIFY2(message.startsWith(QLatin1String("FormatError: ") + where), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("after the end of the graph")), qPrintable(message));
    // Comments and blanks after the graph are fine.
    QCOMPARE(dotimport::read("digraph { a -> b } // done\n/* end */\n", QStringLiteral("x.dot"))
                 .componentCount(),
        2);
}

void TestHardening::dotExportDeepNesting()
{
    // 20,000 nested parents: the writer recursed once per level (a crash) and indented each
    // level four more blanks (the file grew with the square of the depth: 4.8 GB).
    Map map;
    constexpr int depth = 20000;
    for (int i = 0; i < depth; ++i)
        map.addComponent(component(
            QStringLiteral("c%1").arg(i), i ? QStringLiteral("c%1").arg(i - 1) : QString()));
    map.addDependency(
        {QStringLiteral("c0"), QStringLiteral("c19999"), DependencyType::Hard, {}, {}});
    const QByteArray dot = dotexport::write(map);
    QVERIFY2(dot.size() < qsizetype(depth) * 2000, QByteArray::number(dot.size()).constData());
    QCOMPARE(dot.count("subgraph \"cluster_"), qsizetype(depth - 1));
    QCOMPARE(dot.count('{'), dot.count('}'));
}

void TestHardening::dotExportLongNamesRender()
{
    // Graphviz's scanner refuses a quoted or HTML string over 16,384 bytes.
    Map map;
    map.name = QString(20000, u'm');
    Component c = component(QString(20000, u'i'));
    c.name = QString(20000, u'n') + QStringLiteral("\"\\end");
    c.kind = QString(20000, u'k');
    map.addComponent(c);
    map.addComponent(component(QStringLiteral("b")));
    Dependency d {c.id, QStringLiteral("b"), DependencyType::Hard, QString(20000, u'l'), {}};
    map.addDependency(d);
    const QByteArray dot = dotexport::write(map);

    const QString dotProgram = QStandardPaths::findExecutable(QStringLiteral("dot"));
    QVERIFY2(!dotProgram.isEmpty(), "Graphviz's dot is needed (packaging/install-deps.sh)");
    QProcess process;
    process.start(dotProgram, {QStringLiteral("-Tcanon")});
    process.write(dot);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    // The properties come back whole: the long strings were split, not cut.
    const Map back = dotimport::read(dot, QStringLiteral("long.dot"));
    QCOMPARE(back.componentCount(), 2);
    QCOMPARE(back.components()[0].id, c.id);
    QCOMPARE(back.components()[0].name, c.name);
    QCOMPARE(back.dependencies()[0].label, d.label);
}

void TestHardening::invalidUtf8IsRefusedByLine_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("data");
    // Two ids that U+FFFD replacement made one.
    QTest::newRow("json") << QStringLiteral("json")
                          << QByteArray("{\"format\": \"faultline-map\", \"version\": 1,\n"
                                        "\"components\": [{\"id\": \"a\xff\"},\n"
                                        "{\"id\": \"a\xfe\"}]}");
    QTest::newRow("dot") << QStringLiteral("dot")
                         << QByteArray("digraph {\n\"a\xff\"\n\"a\xfe\"\n}");
    QTest::newRow("overlong") << QStringLiteral("dot") << QByteArray("digraph {\n\"a\xc0\xaf\"\n}");
    QTest::newRow("surrogate") << QStringLiteral("json")
                               << QByteArray("{\"format\": \"faultline-map\",\n"
                                             "\"name\": \"\xed\xa0\x80\"}");
}

void TestHardening::invalidUtf8IsRefusedByLine()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, data);
    const QString source = QStringLiteral("bad.") + format;
    const QString message = failure([&] {
        if (format == QLatin1String("json"))
            interchange::read(data, source);
        else
            dotimport::read(data, source);
    });
    QVERIFY2(
        message.startsWith(QStringLiteral("FormatError: %1:2:").arg(source)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("not UTF-8")), qPrintable(message));
}

void TestHardening::jsonLoneSurrogateIsRefused()
{
    const QByteArray json = "{\"format\": \"faultline-map\", \"version\": 1, \"components\": "
                            "[{\"id\": \"a\\ud800\"}, {\"id\": \"a\\udc00\"}]}";
    const QString message = failure([&] { interchange::read(json, QStringLiteral("s.json")); });
    QVERIFY2(message.contains(QLatin1String("lone surrogate")), qPrintable(message));
}

void TestHardening::hugeNumbersAreRefusedOrPrinted()
{
    Map map = smallMap();
    Component web = map.components()[1];
    web.costPerHour = 1.5e308;
    map.setComponent(ComponentIndex(1), web);
    const QString message = failure([&] { validate(map); });
    QVERIFY2(message.contains(QLatin1String("cost_per_hour")), qPrintable(message));

    // A sum may still be large: printing never casts infinity to an int.
    QCOMPARE(impactformat::formatMoney(1.5e308), QStringLiteral("1.5e+308"));
    QCOMPARE(impactformat::formatMoney(qInf()), QStringLiteral("inf"));
    QCOMPARE(impactformat::formatMoney(1234567.5), QStringLiteral("1,234,567.5"));
    QCOMPARE(impactformat::formatMoney(1e12), QStringLiteral("1,000,000,000,000"));
    QCOMPARE(impactformat::formatMoney(limits::maxCostPerHour), QStringLiteral("1e+24"));
}

void TestHardening::textLimitIsEnforced()
{
    Map map = smallMap();
    Component db = map.components()[0];
    db.name = QString(limits::maxTextLength, u'x');
    map.setComponent(ComponentIndex(0), db);
    QVERIFY(!validationError(map));
    db.name += u'x';
    map.setComponent(ComponentIndex(0), db);
    const QString message = failure([&] { validate(map); });
    QVERIFY2(message.contains(QLatin1String("name is longer than 100000")), qPrintable(message));
}

void TestHardening::csvDeepParentChain()
{
    // 20,000 levels took 101 s (every component walked its whole chain).
    QByteArray csv = "id,parent\n";
    constexpr int depth = 20000;
    for (int i = 0; i < depth; ++i)
        csv +=
            "c" + QByteArray::number(i) + ',' + (i ? "c" + QByteArray::number(i - 1) : "") + '\n';
    const Map map = csvimport::read(csv, QStringLiteral("chain-components.csv"));
    QCOMPARE(map.componentCount(), depth);
    QCOMPARE(map.components().back().parent, QStringLiteral("c19998"));
}

void TestHardening::csvParentLoopStillFound()
{
    const QByteArray csv = "id,parent\nroot,\na,c\nb,a\nc,b\nd,a\n";
    const QString message =
        failure([&] { csvimport::read(csv, QStringLiteral("loop-components.csv")); });
    QVERIFY2(message.contains(QLatin1String("loop-components.csv:3:")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("loop back")), qPrintable(message));
}

void TestHardening::spofOnALongChain()
{
    // Every link of a 40,000-long chain is a single point of failure of its end (9.6 s before,
    // when every candidate's run walked the chain; tests/bench/bench_hardening times it).
    Map map;
    constexpr int n = 40000;
    for (int i = 0; i < n; ++i) {
        map.addComponent(component(QStringLiteral("c%1").arg(i)));
        if (i > 0)
            map.addDependency({QStringLiteral("c%1").arg(i), QStringLiteral("c%1").arg(i - 1),
                DependencyType::Hard, {}, {}});
    }
    const ImpactGraph graph(map);
    const SpofReport report = singlePointsOfFailure(graph, ComponentIndex(n - 1));
    QCOMPARE(int(report.spof.size()), n - 1);
    QCOMPARE(report.spof.front(), ComponentIndex(0)); // map order
    QCOMPARE(report.spof.back(), ComponentIndex(n - 2));
}

void TestHardening::backstageScalarSpecIsAnError()
{
    // Found by fuzz_backstage: a Location whose spec is a scalar made yaml-cpp throw through
    // the import (std::terminate: the app went down with the user's work).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog-info.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: a\nspec:\n"
               " annotationsb.yaml\n");
    file.close();
    const QString message = failure([&] { backstageimport::readFile(path); });
    QVERIFY2(message.startsWith(QStringLiteral("FormatError: %1:").arg(path)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("unexpected shape")), qPrintable(message));
}

void TestHardening::terraformFoldOutsideTheFile()
{
    // Found by fuzz_terraform: plumbing that configures a resource outside the file made the
    // import write at index -1 of a vector (UBSan and ASan report it; without them the heap was
    // silently damaged). It imports now, and the map is valid.
    const QString path =
        QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/fuzz/terraform-outside-fold-target.json");
    const Map map = terraformimport::readFile(path).map;
    QVERIFY(map.componentCount() > 0);
    QVERIFY(!validationError(map));
}

void TestHardening::readStopsAtTheSizeLimit()
{
    // /dev/zero behind a .json name was read until memory ran out.
    const QString message = failure([] { readWholeFile(QStringLiteral("/dev/zero")); });
    QVERIFY2(message.startsWith(QLatin1String("FormatError: /dev/zero: cannot read: larger than")),
        qPrintable(message));
}

void TestHardening::writeRefusesPipes()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString link = dir.filePath(QStringLiteral("out.json"));
    QVERIFY(QFile::link(fifo, link));
    for (const QString &target : {fifo, link}) {
        const QString message = failure([&] { writeWholeFile(target, "{}"); });
        QVERIFY2(message.contains(QLatin1String("not a regular file")), qPrintable(message));
    }
    QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile()); // still a pipe
}

namespace {

// A saved document whose schema is then changed by `sql`, as a hostile file would be.
QString tamperedDocument(const QTemporaryDir &dir, const char *sql)
{
    const QString path = dir.filePath(QStringLiteral("tampered.faultline"));
    faultlinefile::save(smallMap(), path);
    storage::Database db(path, SQLITE_OPEN_READWRITE);
    db.exec(sql);
    return path;
}

} // namespace

void TestHardening::documentWithViewIsRefused()
{
    QTemporaryDir dir;
    // A recursive view in place of `layout` made every open hang.
    const QString path = tamperedDocument(dir,
        "DROP TABLE layout; CREATE VIEW layout(component, x, y) AS WITH RECURSIVE r(n) AS "
        "(SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, 0.0, 0.0 FROM r;");
    const QString message = failure([&] { faultlinefile::load(path); });
    QVERIFY2(message.contains(QLatin1String("damaged")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("view \"layout\"")), qPrintable(message));
    const QString save = failure([&] { faultlinefile::save(smallMap(), path); });
    QVERIFY2(save.contains(QLatin1String("cannot save")), qPrintable(save));
}

void TestHardening::documentWithTriggerIsRefused()
{
    QTemporaryDir dir;
    // The trigger deleted each dependency as it was inserted: saves lost data and succeeded.
    const QString path = tamperedDocument(dir,
        "CREATE TRIGGER eat AFTER INSERT ON dependency BEGIN DELETE FROM dependency WHERE seq = "
        "new.seq; END;");
    const QString open = failure([&] { faultlinefile::load(path); });
    QVERIFY2(open.contains(QLatin1String("trigger \"eat\"")), qPrintable(open));
    const QString save = failure([&] { faultlinefile::save(smallMap(), path); });
    QVERIFY2(save.contains(QLatin1String("cannot save")), qPrintable(save));
    QVERIFY2(save.contains(QLatin1String("trigger")), qPrintable(save));

    // An extra column is refused too: the schema is Faultline's exactly.
    QTemporaryDir other;
    const QString column = tamperedDocument(other, "ALTER TABLE component ADD COLUMN x TEXT;");
    QVERIFY(failure([&] { faultlinefile::load(column); }).contains(QLatin1String("not those of")));
}

void TestHardening::flippedValueIsDamage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acme.faultline"));
    faultlinefile::save(smallMap(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    // "Acme" became "Acm0": SQLite's structures stay valid, only the value changed.
    const qsizetype at = bytes.indexOf("Acme");
    QVERIFY(at > 0);
    bytes[at + 3] = '0';
    file.seek(0);
    file.write(bytes);
    file.close();
    const QString message = failure([&] { faultlinefile::load(path); });
    QVERIFY2(message.startsWith(
                 QStringLiteral("StorageError: %1: cannot open: the map is damaged").arg(path)),
        qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("checksum")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("last good copy")), qPrintable(message));
}

void TestHardening::truncatedDocumentIsDamage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.faultline"));
    faultlinefile::save(smallMap(), path);
    const qint64 size = QFileInfo(path).size();
    for (qint64 cut : {1, 11}) {
        QVERIFY(QFile::resize(path, size - cut));
        const QString message = failure([&] { faultlinefile::load(path); });
        QVERIFY2(message.contains(QLatin1String("cut short")), qPrintable(message));
    }
}

void TestHardening::versionOneDocumentOpensAndGetsChecksum()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.faultline"));
    faultlinefile::save(smallMap(), path);
    {
        // What a version 1 Faultline wrote: no checksum table, no recovery fields (schema 3),
        // no workshop notes (schema 4), user_version 1.
        storage::Database db(path, SQLITE_OPEN_READWRITE);
        db.exec("DROP TABLE scenario_decision; DROP TABLE scenario_action;"
                "ALTER TABLE scenario DROP COLUMN notes;"
                "DROP TABLE content_check; ALTER TABLE component DROP COLUMN rpo_minutes;"
                "ALTER TABLE component DROP COLUMN target_rto_minutes;"
                "ALTER TABLE component DROP COLUMN target_rpo_minutes; PRAGMA user_version = 1;");
    }
    QCOMPARE(faultlinefile::load(path).map, smallMap());
    Map changed = smallMap();
    changed.name = QStringLiteral("Acme 2");
    faultlinefile::save(changed, path);
    storage::Database db(path, SQLITE_OPEN_READONLY);
    QCOMPARE(db.queryInt("PRAGMA user_version"), qint64(faultlinefile::schemaVersion));
    QCOMPARE(db.queryInt("SELECT count(*) FROM content_check"), qint64(1));
    QCOMPARE(faultlinefile::load(path).map, changed);
}

void TestHardening::serializedDocumentOpens()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.faultline"));
    writeWholeFile(path, faultlinefile::serialized(smallMap()));
    QCOMPARE(faultlinefile::load(path).map, smallMap());
}

void TestHardening::damagedDocumentNamesItsBackup()
{
    // Item 7: a damaged document's message says where the last good copy is. Every save writes
    // NAME.faultline.bak with the bytes it committed.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acme.faultline"));
    const QString backup = faultlinefile::backupPath(path);
    QCOMPARE(backup, path + QStringLiteral(".bak"));
    faultlinefile::save(smallMap(), path);
    Map changed = smallMap();
    changed.name = QStringLiteral("Acme 2");
    faultlinefile::save(changed, path);
    QCOMPARE(readWholeFile(backup), readWholeFile(path)); // the last save, not the one before
    QCOMPARE(faultlinefile::load(backup).map, changed);
    QCOMPARE(loadMap(backup), changed); // opened by content, as the app and command line do

    // Damage the document: the message names the backup and when it was written.
    QByteArray bytes = readWholeFile(path);
    const qsizetype at = bytes.indexOf("Acme 2");
    QVERIFY(at > 0);
    bytes[at + 3] = '0';
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.write(bytes);
    }
    QString message = failure([&] { faultlinefile::load(path); });
    QVERIFY2(message.contains(QLatin1String("damaged")), qPrintable(message));
    QVERIFY2(message.contains(
                 QStringLiteral("The last good copy is %1, written by the save of ").arg(backup)),
        qPrintable(message));
    QCOMPARE(faultlinefile::load(backup).map, changed); // and it is whole

    // A truncated document too; without a backup, the user's own backups.
    QVERIFY(QFile::resize(path, QFileInfo(path).size() - 7));
    message = failure([&] { faultlinefile::load(path); });
    QVERIFY2(message.contains(backup), qPrintable(message));
    QVERIFY(QFile::remove(backup));
    message = failure([&] { faultlinefile::load(path); });
    QVERIFY2(
        message.contains(QLatin1String("last good copy from your backups")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String(".bak")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
