#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "model/storage/faultlinefile.h"
#include "model/storage/integrity.h"
#include "model/storage/sqlite.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using namespace faultline;

namespace {

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// A map that uses every field, unknown keys everywhere, text from several scripts, a parent
// listed after its child, present-but-empty values next to absent ones, and positions.
Map fullMap()
{
    Map map;
    map.name = QStringLiteral("Zürich \"prod\" — 東京 🚀");
    map.extra.insert(QStringLiteral("description"), QStringLiteral("top-level unknown key"));
    map.extra.insert(QStringLiteral("x-nested"),
        QJsonObject {{QStringLiteral("a"), QJsonArray {1, 2.5, true, QJsonValue()}},
            {QStringLiteral("b"), QStringLiteral("ß")}});

    Component zone;
    zone.id = QStringLiteral("zone-α");
    zone.kind = QStringLiteral("zone");
    zone.parent = QStringLiteral("region-東京"); // listed after its child
    zone.tags = QStringList(); // present but empty
    zone.business = false;
    zone.availability = 0.0;
    zone.tier = 0;
    map.addComponent(zone);

    Component region;
    region.id = QStringLiteral("region-東京");
    region.name = QStringLiteral("Tokyo\nregion\t\"quoted\" \\ back");
    region.kind = QStringLiteral("custom-kind");
    map.addComponent(region);

    Component shop;
    shop.id = QStringLiteral("shop 🚀");
    shop.name = QStringLiteral("Shop front");
    shop.kind = QStringLiteral("service");
    shop.parent = QStringLiteral("zone-α");
    shop.require = 1;
    shop.owner = QStringLiteral("web-team");
    shop.tier = 1;
    shop.description = QStringLiteral("Sells things. Ünïcödé.");
    shop.tags = QStringList {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b")};
    shop.availability = 0.9995;
    shop.rtoMinutes = 12.5;
    shop.targetRtoMinutes = 60;
    shop.targetRpoMinutes = 0.5;
    shop.costPerHour = 50000;
    shop.business = true;
    shop.extra.insert(QStringLiteral("x-color"), QStringLiteral("#ff0000"));
    shop.extra.insert(QStringLiteral("x-list"), QJsonArray {QStringLiteral("one"), 2});
    shop.extra.insert(QStringLiteral("x-null"), QJsonValue());
    map.addComponent(shop);

    Component db;
    db.id = QStringLiteral("db");
    db.kind = QStringLiteral("database");
    db.availability = 1.0;
    db.rtoMinutes = 0;
    db.rpoMinutes = 15;
    db.costPerHour = 0.1;
    map.addComponent(db);

    Dependency d1;
    d1.from = QStringLiteral("shop 🚀");
    d1.to = QStringLiteral("db");
    d1.label = QStringLiteral("SQL ⇄");
    d1.extra.insert(QStringLiteral("x-port"), 5432);
    map.addDependency(d1);
    Dependency d2;
    d2.from = QStringLiteral("shop 🚀");
    d2.to = QStringLiteral("region-東京");
    d2.type = DependencyType::Soft;
    map.addDependency(d2);
    Dependency d3;
    d3.from = QStringLiteral("db");
    d3.to = QStringLiteral("zone-α");
    map.addDependency(d3);

    Scenario s1;
    s1.name = QStringLiteral("zone loss ⚡");
    s1.fail =
        QStringList {QStringLiteral("zone-α"), QStringLiteral("db"), QStringLiteral("region-東京")};
    s1.degrade = QStringList {QStringLiteral("shop 🚀"), QStringLiteral("db")};
    s1.description = QStringLiteral("What if");
    s1.extra.insert(QStringLiteral("x-owner"), QStringLiteral("sre"));
    map.addScenario(s1);
    Scenario s2;
    s2.name = QStringLiteral("nothing");
    map.addScenario(s2);
    Scenario s3;
    s3.name = QStringLiteral("a-first-alphabetically");
    s3.degrade = QStringList {QStringLiteral("db")};
    map.addScenario(s3);

    map.setPosition(QStringLiteral("zone-α"), QPointF(-12.25, 3e6));
    map.setPosition(QStringLiteral("shop 🚀"), QPointF(0.1, -0.0001));
    map.setPosition(QStringLiteral("db"), QPointF(0, 0));
    return map;
}

// `n` components in a tree of zones, about three dependencies each, a few scenarios.
Map largeMap(int n, const QString &tag)
{
    Map map;
    map.name = tag;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = QStringLiteral("%1 %2").arg(tag).arg(i);
        c.kind = i % 10 == 0 ? QStringLiteral("zone") : QStringLiteral("service");
        if (i % 10 != 0)
            c.parent = QStringLiteral("c%1").arg(i / 10 * 10);
        if (i % 3 == 0)
            c.tags = QStringList {QStringLiteral("t%1").arg(i % 7)};
        c.availability = 0.999;
        map.addComponent(c);
        map.setPosition(c.id, QPointF(i, -i));
    }
    for (int i = 1; i < n; ++i) {
        for (int k = 1; k <= 3 && k <= i; ++k) {
            Dependency d;
            d.from = QStringLiteral("c%1").arg(i);
            d.to = QStringLiteral("c%1").arg((i * 7919 + k * 104729) % i);
            if (!map.findDependency(d.from, d.to))
                map.addDependency(d);
        }
    }
    Scenario s;
    s.name = QStringLiteral("first zone");
    s.fail = QStringList {QStringLiteral("c0")};
    map.addScenario(s);
    return map;
}

Map saveAndLoad(const Map &map, const QString &path)
{
    faultlinefile::save(map, path);
    return faultlinefile::load(path).map;
}

// Runs `f`, which must throw E with a message naming `path` and containing `phrase`.
template<typename E, typename F>
QString expectError(F f, const QString &path, const QString &phrase)
{
    try {
        f();
    } catch (const E &e) {
        if (!e.message().contains(path) || !e.message().contains(phrase))
            return QStringLiteral("message \"%1\" should name \"%2\" and say \"%3\"")
                .arg(e.message(), path, phrase);
        return {};
    } catch (const Error &e) {
        return QStringLiteral("wrong exception type: %1").arg(e.message());
    }
    return QStringLiteral("no exception");
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void roundTripsEveryField();
    void roundTripsEmptyMap();
    void roundTripsExample();
    void roundTripsReferenceMaps_data();
    void roundTripsReferenceMaps();
    void storesOnlyPositionsOfComponents();

    void savingReplacesContent();
    void savesOverEmptyFile();
    void schemaIsStampedAndConstrained();
    void isDocumentTellsDocumentsApart();
    void opensAndMigratesSchemaVersion1();

    void failedSaveKeepsPreviousContent_data();
    void failedSaveKeepsPreviousContent();
    void failedSaveOfNewFileLeavesNoFile();
    void saveWaitsForAndThenGivesUpOnLock();
    void killedSaveKeepsOldOrNewContent();
    void saveRefusesForeignFiles_data();
    void saveRefusesForeignFiles();

    void loadRefusesBadFiles_data();
    void loadRefusesBadFiles();
    void loadReportsRuleBreaksWithPath();
    void readOnlyFileLoadsReadOnly();
    void readOnlyFolderLoadsReadOnly();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDocument::roundTripsEveryField()
{
    const Map map = fullMap();
    QVERIFY(!validationError(map));
    const QString file = path(QStringLiteral("every field ü.faultline"));
    faultlinefile::save(map, file);
    const faultlinefile::Loaded loaded = faultlinefile::load(file);
    QVERIFY(!loaded.readOnly);
    QCOMPARE(loaded.map.positions(), map.positions());
    QCOMPARE(interchange::write(loaded.map), interchange::write(map));
    QVERIFY(loaded.map == map);
    const Component &zone = loaded.map.components()[0];
    QVERIFY(zone.tags && zone.tags->isEmpty());
    QVERIFY(zone.business && !*zone.business);
    QVERIFY(!loaded.map.components()[1].tags && !loaded.map.components()[1].business);
    QVERIFY(!loaded.map.components()[1].availability && !loaded.map.components()[1].tier);
}

void TestDocument::roundTripsEmptyMap()
{
    const QString file = path(QStringLiteral("empty.faultline"));
    const Map loaded = saveAndLoad(Map(), file);
    QVERIFY(loaded == Map());
    QCOMPARE(interchange::write(loaded), interchange::write(Map()));
}

void TestDocument::roundTripsExample()
{
    const QString example = QStringLiteral(FAULTLINE_EXAMPLE);
    const QByteArray json = bytesOf(example);
    const Map map = interchange::read(json, example);
    const Map loaded = saveAndLoad(map, path(QStringLiteral("acme.faultline")));
    QVERIFY(loaded == map);
    QCOMPARE(interchange::write(loaded), interchange::write(map));
}

void TestDocument::roundTripsReferenceMaps_data()
{
    QTest::addColumn<QString>("json");
    const QDir dir(QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/fault-trees"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
    // The trees are part of the repository: none found is a broken checkout, not a skip.
    QVERIFY2(files.size() >= 8, qPrintable(dir.path()));
}

void TestDocument::roundTripsReferenceMaps()
{
    QFETCH(QString, json);
    const Map map = interchange::readFile(json);
    const Map loaded = saveAndLoad(map, path(QStringLiteral("tree.faultline")));
    QVERIFY(loaded == map);
    QCOMPARE(interchange::write(loaded), interchange::write(map));
}

void TestDocument::storesOnlyPositionsOfComponents()
{
    Map map = fullMap();
    map.setPosition(QStringLiteral("no such component"), QPointF(1, 2));
    map.setPosition(QStringLiteral("db"), QPointF(qQNaN(), 1));
    const Map loaded = saveAndLoad(map, path(QStringLiteral("p.faultline")));
    QVERIFY(!loaded.positions().contains(QStringLiteral("no such component")));
    QVERIFY(!loaded.positions().contains(QStringLiteral("db")));
    QCOMPARE(loaded.positions().value(QStringLiteral("zone-α")), QPointF(-12.25, 3e6));
}

void TestDocument::savingReplacesContent()
{
    const QString file = path(QStringLiteral("replace.faultline"));
    const Map large = largeMap(500, QStringLiteral("large"));
    const Map small = fullMap();
    QVERIFY(saveAndLoad(large, file) == large);
    QVERIFY(saveAndLoad(small, file) == small);
    QVERIFY(saveAndLoad(large, file) == large);
    QVERIFY(saveAndLoad(Map(), file) == Map());
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-journal")));
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
}

void TestDocument::savesOverEmptyFile()
{
    const QString file = path(QStringLiteral("touched.faultline"));
    writeBytes(file, {});
    QVERIFY(saveAndLoad(fullMap(), file) == fullMap());
}

void TestDocument::schemaIsStampedAndConstrained()
{
    const QString file = path(QStringLiteral("schema.faultline"));
    faultlinefile::save(fullMap(), file);
    storage::Database db(file, SQLITE_OPEN_READWRITE);
    QCOMPARE(db.queryInt("PRAGMA application_id"), qint64(0x466C746E));
    QCOMPARE(db.queryInt("PRAGMA user_version"), qint64(faultlinefile::schemaVersion));
    QCOMPARE(db.queryInt("SELECT count(*) FROM component"), qint64(4));
    db.exec("PRAGMA foreign_keys = ON");
    // Each statement breaks one rule the schema states; none may get in.
    const char *breaks[] = {
        "UPDATE component SET availability = 1.5 WHERE id = 'db'",
        "UPDATE component SET require = -1 WHERE id = 'db'",
        "UPDATE component SET business = 2 WHERE id = 'db'",
        "UPDATE component SET tags = '{}' WHERE id = 'db'",
        "UPDATE component SET extra = 'not json' WHERE id = 'db'",
        "UPDATE component SET id = 'zone-α' WHERE id = 'db'",
        "UPDATE component SET id = '' WHERE id = 'db'",
        "UPDATE component SET tier = 'high' WHERE id = 'db'",
        "UPDATE component SET rpo_minutes = -1 WHERE id = 'db'",
        "UPDATE component SET target_rto_minutes = -0.5 WHERE id = 'db'",
        "UPDATE component SET target_rpo_minutes = 'soon' WHERE id = 'db'",
        "UPDATE dependency SET type = 'maybe'",
        "UPDATE dependency SET to_component = from_component",
        "INSERT INTO dependency SELECT 99, from_component, to_component, 'hard', NULL, NULL "
        "FROM dependency LIMIT 1",
        "INSERT INTO dependency VALUES (99, 0, 4242, 'hard', NULL, NULL)",
        "INSERT INTO scenario VALUES (99, 'nothing', NULL, NULL)",
        "INSERT INTO scenario_member VALUES (0, 'lose', 0, 0)",
        "INSERT INTO map VALUES (2, 'second', NULL)",
    };
    for (const char *sql : breaks) {
        bool refused = false;
        try {
            db.exec("BEGIN");
            db.exec(sql);
            db.exec("COMMIT"); // deferred foreign keys are checked here
        } catch (const storage::SqliteError &) {
            refused = true;
        }
        if (db.inTransaction())
            db.exec("ROLLBACK");
        QVERIFY2(refused, sql);
    }
    QVERIFY(faultlinefile::load(file).map == fullMap());
}

// tests/data/documents/schema-v1.faultline was written with schema version 1, before the
// recovery fields (make_schema_v1.py there). It opens without being written to, and a save
// migrates it to a file with exactly the tables a new document has.
void TestDocument::opensAndMigratesSchemaVersion1()
{
    const QString source =
        QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/documents/schema-v1.faultline");
    const QString file = path(QStringLiteral("old.faultline"));
    QVERIFY(QFile::copy(source, file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray before = bytesOf(file);

    Map expected;
    expected.name = QStringLiteral("Old shop");
    expected.extra.insert(QStringLiteral("owner"), QStringLiteral("ops"));
    Component region;
    region.id = QStringLiteral("use1");
    region.name = QStringLiteral("us-east-1");
    region.kind = QStringLiteral("region");
    region.availability = 0.9995;
    region.rtoMinutes = 30;
    expected.addComponent(region);
    Component db;
    db.id = QStringLiteral("db");
    db.name = QStringLiteral("Orders DB");
    db.kind = QStringLiteral("database");
    db.parent = QStringLiteral("use1");
    db.owner = QStringLiteral("data");
    db.tier = 2;
    db.description = QStringLiteral("primary");
    db.tags = QStringList {QStringLiteral("sql"), QStringLiteral("orders")};
    db.rtoMinutes = 45;
    db.costPerHour = 1000;
    db.business = false;
    db.extra.insert(QStringLiteral("engine"), QStringLiteral("postgres"));
    expected.addComponent(db);
    Component shop;
    shop.id = QStringLiteral("shop");
    shop.name = QStringLiteral("Shop");
    shop.kind = QStringLiteral("service");
    shop.parent = QStringLiteral("use1");
    shop.require = 1;
    shop.owner = QStringLiteral("web");
    shop.tier = 1;
    shop.availability = 0.999;
    shop.rtoMinutes = 12.5;
    shop.costPerHour = 50000;
    shop.business = true;
    expected.addComponent(shop);
    Dependency d;
    d.from = QStringLiteral("shop");
    d.to = QStringLiteral("db");
    d.label = QStringLiteral("SQL");
    expected.addDependency(d);
    Scenario lost;
    lost.name = QStringLiteral("db lost");
    lost.description = QStringLiteral("the primary fails");
    lost.fail = QStringList {QStringLiteral("db")};
    expected.addScenario(lost);
    expected.setPosition(QStringLiteral("db"), QPointF(10.5, -20));
    expected.setPosition(QStringLiteral("shop"), QPointF(100, 50));

    QVERIFY(faultlinefile::load(file).map == expected);
    QCOMPARE(bytesOf(file), before); // loading migrated a copy in memory

    // Saving migrates the file; the new fields then stay.
    Map edited = expected;
    Component withRpo = edited.component(ComponentIndex(1));
    withRpo.rpoMinutes = 5;
    edited.setComponent(ComponentIndex(1), withRpo);
    faultlinefile::save(edited, file);
    QVERIFY(faultlinefile::load(file).map == edited);

    const QString fresh = path(QStringLiteral("fresh.faultline"));
    faultlinefile::save(edited, fresh);
    auto schemaOf = [](const QString &name) {
        storage::Database db(name, SQLITE_OPEN_READONLY);
        QStringList sql;
        storage::Statement s(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY name");
        while (s.step())
            sql.append(s.text(0) + u' ' + s.text(1) + u' ' + s.text(2));
        return std::pair(sql, db.queryInt("PRAGMA user_version"));
    };
    QCOMPARE(schemaOf(file), schemaOf(fresh));
    QCOMPARE(schemaOf(file).second, qint64(faultlinefile::schemaVersion));
}

void TestDocument::isDocumentTellsDocumentsApart()
{
    const QString file = path(QStringLiteral("doc.faultline"));
    faultlinefile::save(Map(), file);
    QVERIFY(faultlinefile::isDocument(file));
    const QString text = path(QStringLiteral("map.json"));
    writeBytes(text, interchange::write(fullMap()));
    QVERIFY(!faultlinefile::isDocument(text));
    QVERIFY(!faultlinefile::isDocument(path(QStringLiteral("missing"))));
}

void TestDocument::failedSaveKeepsPreviousContent_data()
{
    QTest::addColumn<int>("breakage");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("availability above 1") << 0 << QStringLiteral("component \"db\"");
    QTest::newRow("duplicate id") << 1 << QStringLiteral("component \"db\"");
    QTest::newRow("unknown dependency end")
        << 2 << QStringLiteral("\"nowhere\" is not a component");
    QTest::newRow("self dependency") << 3 << QStringLiteral("dependency \"db\" -> \"db\"");
    QTest::newRow("duplicate scenario") << 4 << QStringLiteral("scenario \"nothing\"");
    QTest::newRow("unknown parent") << 5 << QStringLiteral("\"nowhere\" is not a component");
    QTest::newRow("negative cost") << 6 << QStringLiteral("component \"db\"");
}

void TestDocument::failedSaveKeepsPreviousContent()
{
    QFETCH(int, breakage);
    QFETCH(QString, phrase);
    const QString file = path(QStringLiteral("keep.faultline"));
    const Map previous = largeMap(300, QStringLiteral("previous"));
    faultlinefile::save(previous, file);
    const QByteArray bytes = bytesOf(file);

    Map broken = fullMap();
    Component db = broken.component(*broken.findComponent(QStringLiteral("db")));
    Dependency self;
    Scenario again;
    switch (breakage) {
    case 0:
        db.availability = 2.0;
        broken.setComponent(*broken.findComponent(db.id), db);
        break;
    case 1:
        broken.addComponent(db);
        break;
    case 2:
        self.from = db.id;
        self.to = QStringLiteral("nowhere");
        broken.addDependency(self);
        break;
    case 3:
        self.from = self.to = db.id;
        broken.addDependency(self);
        break;
    case 4:
        again.name = QStringLiteral("nothing");
        broken.addScenario(again);
        break;
    case 5:
        db.parent = QStringLiteral("nowhere");
        broken.setComponent(*broken.findComponent(db.id), db);
        break;
    case 6:
        db.costPerHour = -1;
        broken.setComponent(*broken.findComponent(db.id), db);
        break;
    }
    const QString problem =
        expectError<StorageError>([&] { faultlinefile::save(broken, file); }, file, phrase);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(bytesOf(file), bytes);
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-journal")));
    QVERIFY(faultlinefile::load(file).map == previous);
}

void TestDocument::failedSaveOfNewFileLeavesNoFile()
{
    Map broken = fullMap();
    broken.addComponent(broken.components()[0]);
    const QString file = path(QStringLiteral("new.faultline"));
    QVERIFY_THROWS_EXCEPTION(StorageError, faultlinefile::save(broken, file));
    QVERIFY(!QFileInfo::exists(file));
}

void TestDocument::saveWaitsForAndThenGivesUpOnLock()
{
    const QString file = path(QStringLiteral("locked.faultline"));
    faultlinefile::save(fullMap(), file);
    const QByteArray bytes = bytesOf(file);
    {
        storage::Database other(file, SQLITE_OPEN_READWRITE);
        storage::Transaction writing(other, "BEGIN IMMEDIATE");
        const QString problem = expectError<StorageError>(
            [&] { faultlinefile::save(largeMap(50, QStringLiteral("x")), file); }, file,
            QStringLiteral("in use by another program"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QCOMPARE(bytesOf(file), bytes);
    QVERIFY(faultlinefile::load(file).map == fullMap());
}

// Kills a process in the middle of saving, at several moments: the document then holds either
// the previous map or the new one, never a mix and never damage.
void TestDocument::killedSaveKeepsOldOrNewContent()
{
    const QString file = path(QStringLiteral("killed.faultline"));
    const Map before = largeMap(1000, QStringLiteral("before"));
    const Map after = largeMap(6000, QStringLiteral("after"));
    faultlinefile::save(after, file);
    QElapsedTimer timer;
    timer.start();
    faultlinefile::save(after, file);
    const qint64 saveMicroseconds = timer.nsecsElapsed() / 1000;

    int interrupted = 0;
    for (int tenth = 1; tenth <= 11; tenth += 2) {
        faultlinefile::save(before, file);
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            try {
                faultlinefile::save(after, file);
            } catch (...) {
                _exit(1);
            }
            _exit(0);
        }
        usleep(useconds_t(saveMicroseconds * tenth / 10));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        if (QFileInfo::exists(file + QStringLiteral("-journal")))
            ++interrupted;
        const Map loaded = faultlinefile::load(file).map;
        QVERIFY2(loaded.name == before.name ? loaded == before : loaded == after,
            qPrintable(QStringLiteral("after a kill at %1/10 of a save").arg(tenth)));
    }
    if (interrupted == 0)
        QWARN("no kill landed in the middle of a save; the machine may be very fast or slow");
}

void TestDocument::saveRefusesForeignFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("not a Faultline map");
    QTest::newRow("other sqlite") << QStringLiteral("sqlite")
                                  << QStringLiteral("not a Faultline map");
    QTest::newRow("newer") << QStringLiteral("newer") << QStringLiteral("newer version");
}

void TestDocument::saveRefusesForeignFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, phrase);
    const QString file = path(QStringLiteral("foreign.faultline"));
    if (kind == QLatin1String("text")) {
        writeBytes(file, "Some notes, not a map.\n");
    } else if (kind == QLatin1String("sqlite")) {
        storage::Database db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    } else {
        faultlinefile::save(fullMap(), file);
        storage::Database db(file, SQLITE_OPEN_READWRITE);
        db.exec("PRAGMA user_version = 7");
    }
    const QByteArray bytes = bytesOf(file);
    const QString problem =
        expectError<StorageError>([&] { faultlinefile::save(fullMap(), file); }, file, phrase);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(bytesOf(file), bytes);
}

void TestDocument::loadRefusesBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("text file") << QStringLiteral("text") << QStringLiteral("not a Faultline map");
    QTest::newRow("json map") << QStringLiteral("json") << QStringLiteral("not a Faultline map");
    QTest::newRow("empty file") << QStringLiteral("empty") << QStringLiteral("not a Faultline map");
    QTest::newRow("other sqlite") << QStringLiteral("sqlite")
                                  << QStringLiteral("not a Faultline map");
    QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("damaged");
    QTest::newRow("corrupted") << QStringLiteral("corrupted") << QStringLiteral("damaged");
    QTest::newRow("no tables") << QStringLiteral("blank") << QStringLiteral("damaged");
    QTest::newRow("bad row") << QStringLiteral("badrow") << QStringLiteral("damaged");
    QTest::newRow("newer") << QStringLiteral("newer")
                           << QStringLiteral("made by a newer version of Faultline (schema 99, "
                                             "this version reads up to %1)")
                                  .arg(faultlinefile::schemaVersion);
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("no such file");
}

void TestDocument::loadRefusesBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, phrase);
    const QString file = path(QStringLiteral("bad.faultline"));
    if (kind == QLatin1String("text")) {
        writeBytes(file, "Some notes, not a map.\n");
    } else if (kind == QLatin1String("json")) {
        writeBytes(file, interchange::write(fullMap()));
    } else if (kind == QLatin1String("empty")) {
        writeBytes(file, {});
    } else if (kind == QLatin1String("sqlite")) {
        storage::Database db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("CREATE TABLE component (id TEXT); INSERT INTO component VALUES ('x')");
    } else if (kind == QLatin1String("truncated") || kind == QLatin1String("corrupted")) {
        faultlinefile::save(largeMap(400, QStringLiteral("t")), file);
        QByteArray bytes = bytesOf(file);
        QVERIFY(bytes.size() > 16 * 4096);
        if (kind == QLatin1String("truncated"))
            bytes.truncate(bytes.size() / 2);
        else
            bytes.replace(2 * 4096, 4 * 4096, QByteArray(4 * 4096, '\x5a'));
        writeBytes(file, bytes);
    } else if (kind == QLatin1String("blank")) {
        storage::Database db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("PRAGMA application_id = 1181512814");
    } else if (kind == QLatin1String("badrow")) {
        faultlinefile::save(fullMap(), file);
        storage::Database db(file, SQLITE_OPEN_READWRITE);
        db.exec("PRAGMA ignore_check_constraints = ON;"
                "UPDATE component SET extra = '[1, 2]' WHERE id = 'db'");
    } else if (kind == QLatin1String("newer")) {
        faultlinefile::save(fullMap(), file);
        QByteArray bytes = bytesOf(file);
        bytes[63] = 99; // user_version, big-endian at bytes 60..63
        writeBytes(file, bytes);
    }
    const QByteArray bytes = bytesOf(file);
    const QString problem = expectError<StorageError>([&] { faultlinefile::load(file); }, file, phrase);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(bytesOf(file), bytes);
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-journal")));
    QCOMPARE(QFileInfo::exists(file), kind != QLatin1String("missing"));
}

void TestDocument::loadReportsRuleBreaksWithPath()
{
    const QString file = path(QStringLiteral("loop.faultline"));
    faultlinefile::save(fullMap(), file);
    {
        storage::Database db(file, SQLITE_OPEN_READWRITE);
        // zone-α's parent is region-東京 (seq 1): make the region's parent the zone (seq 0).
        // The checksum is written again, as a faulty Faultline would have: the content is not
        // damaged, it breaks a rule.
        db.exec("UPDATE component SET parent = 0 WHERE seq = 1");
        storage::storeChecksum(db);
    }
    const QString problem =
        expectError<ValidationError>([&] { faultlinefile::load(file); }, file, QStringLiteral("loops"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// Runs `check` in a child process without root's power to write anything, so that permission
// bits mean for the test what they mean for a user (CI runs as root). Returns its exit code:
// 0 when every check held, otherwise the number of the first that failed.
static int withoutRoot(const QString &folder, const std::function<int()> &check)
{
    // The user "nobody" must reach the files in the test's private folder.
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ExeOwner | QFileDevice::ReadOther | QFileDevice::ExeOther);
    const pid_t child = fork();
    if (child < 0)
        return 100;
    if (child == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(101);
        int code = 102;
        try {
            code = check();
        } catch (...) {
        }
        _exit(code);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 103;
}

void TestDocument::readOnlyFileLoadsReadOnly()
{
    const QString file = path(QStringLiteral("readonly.faultline"));
    faultlinefile::save(fullMap(), file);
    QVERIFY(QFile::setPermissions(
        file, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QByteArray bytes = bytesOf(file);
    const int failed = withoutRoot(m_dir->path(), [&] {
        const faultlinefile::Loaded loaded = faultlinefile::load(file);
        if (!(loaded.map == fullMap()))
            return 1;
        if (!loaded.readOnly)
            return 2;
        try {
            faultlinefile::save(Map(), file);
            return 3;
        } catch (const StorageError &) {
        }
        return 0;
    });
    QCOMPARE(failed, 0);
    QCOMPARE(bytesOf(file), bytes);
}

void TestDocument::readOnlyFolderLoadsReadOnly()
{
    const QString folder = path(QStringLiteral("locked-folder"));
    QVERIFY(QDir().mkdir(folder));
    const QString file = folder + QStringLiteral("/map.faultline");
    faultlinefile::save(fullMap(), file);
    // Readable and searchable by everyone, writable by no one but root.
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadOther | QFileDevice::ExeOther));
    // The file itself is writable by everyone: only the folder stops a save.
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ReadOther | QFileDevice::WriteOther);
    const int failed = withoutRoot(m_dir->path(), [&] {
        const faultlinefile::Loaded loaded = faultlinefile::load(file);
        if (!(loaded.map == fullMap()))
            return 1;
        return loaded.readOnly ? 0 : 2;
    });
    QFile::setPermissions(
        folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(failed, 0);
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
