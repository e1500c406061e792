// What a workshop writes down about each scenario (notes, decisions, action items): kept by the
// interchange JSON, the document (schema 4, migrated from schema 3 with the data kept), the
// edits (one undo step each) and the action items' CSV export.
#include "model/editing/mapdocument.h"
#include "model/editing/workshopedits.h"
#include "model/io/actionscsv.h"
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "model/storage/faultlinefile.h"
#include "model/storage/sqlite.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sqlite3.h>

#include <functional>

using namespace faultline;

namespace {

ActionItem action(const QString &what, const QString &owner, const QString &due,
    ActionStatus status = ActionStatus::Open)
{
    ActionItem a;
    a.what = what;
    a.owner = owner;
    a.due = due.isEmpty() ? QDate() : *dueDateFrom(due);
    a.status = status;
    return a;
}

// Two zones, a pool over both, a shop; two scenarios, the first with everything a workshop
// writes down. Defined below the test class: moc 6.4 loses a class that follows a raw string.
Map workshopMap();

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

using Planner = std::function<edit::Edit(MapDocument &)>;

} // namespace

Q_DECLARE_METATYPE(Planner)

class TestWorkshopNotes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void readsEveryField()
    {
        const Map map = workshopMap();
        const Scenario &s = map.scenario(ScenarioIndex(0));
        QCOMPARE(s.notes,
            QStringLiteral("Line one,\nline \"two\" <b>bold</b>\n\nSecond paragraph: "
                           "ünïcode"));
        QCOMPARE(s.decisions,
            QStringList({QStringLiteral("Keep two zones"),
                QStringLiteral("Add a <third> zone & test it")}));
        QCOMPARE(int(s.actions.size()), 3);
        QCOMPARE(s.actions[0].owner, QStringLiteral("platform"));
        QCOMPARE(s.actions[0].due, QDate(2027, 1, 31));
        QVERIFY(s.actions[1].status == ActionStatus::InProgress);
        QVERIFY(!s.actions[1].due.isValid());
        QCOMPARE(
            s.actions[1].extra.value(QStringLiteral("ticket")).toString(), QStringLiteral("OPS-7"));
        QVERIFY(s.actions[2].status == ActionStatus::Done);
        QVERIFY(map.scenario(ScenarioIndex(1)).actions.empty());
    }

    void jsonRoundTrip()
    {
        const Map map = workshopMap();
        const QByteArray json = interchange::write(map);
        QCOMPARE(interchange::read(json, QStringLiteral("again.json")), map);
        // The keys are optional: a scenario with nothing written down has none of them.
        const QByteArray nothingLine = json.mid(json.indexOf("{\"name\": \"nothing\""));
        QVERIFY(!nothingLine.left(nothingLine.indexOf('\n')).contains("notes"));
        QVERIFY(!nothingLine.left(nothingLine.indexOf('\n')).contains("actions"));
        QVERIFY(json.contains("\"due\": \"2027-01-31\""));
        QVERIFY(json.contains("\"status\": \"in-progress\""));
    }

    void jsonErrorsNameScenarioAndEntry_data()
    {
        QTest::addColumn<QByteArray>("scenario");
        QTest::addColumn<QString>("expected");
        QTest::newRow("status") << QByteArray(R"("actions": [{"what": "a"},
            {"what": "b", "status": "later"}])")
                                << QStringLiteral(
                                       "bad.json:4:37: scenarios[0] (\"s\"): actions[1]: "
                                       "\"status\" must be \"open\", \"in-progress\" or "
                                       "\"done\", not \"later\"");
        QTest::newRow("due not a date")
            << QByteArray(R"("actions": [{"what": "a", "due": "2026-13-01"}])")
            << QStringLiteral(
                   "actions[0]: \"due\" must be a date as YYYY-MM-DD, not \"2026-13-01\"");
        QTest::newRow("due in words")
            << QByteArray(R"("actions": [{"what": "a", "due": "next week"}])")
            << QStringLiteral("scenarios[0] (\"s\"): actions[0]: \"due\" must be a date");
        QTest::newRow("missing what") << QByteArray(R"("actions": [{"owner": "x"}])")
                                      << QStringLiteral("actions[0]: missing \"what\"");
        QTest::newRow("blank what") << QByteArray(R"("actions": [{"what": "  "}])")
                                    << QStringLiteral("actions[0]: \"what\" is empty");
        QTest::newRow("owner a number") << QByteArray(R"("actions": [{"what": "a", "owner": 3}])")
                                        << QStringLiteral("actions[0]: \"owner\" must be a string");
        QTest::newRow("action not an object") << QByteArray(R"("actions": ["do it"])")
                                              << QStringLiteral("actions[0]: must be an object");
        QTest::newRow("actions not a list")
            << QByteArray(R"("actions": {"what": "a"})")
            << QStringLiteral("\"actions\" must be a list of objects");
        QTest::newRow("empty decision")
            << QByteArray(R"("decisions": ["ok", ""])")
            << QStringLiteral("scenarios[0] (\"s\"): decisions[1]: is empty");
        QTest::newRow("decision a number") << QByteArray(R"("decisions": [1])")
                                           << QStringLiteral("decisions[0]: must be a string");
        QTest::newRow("notes a list")
            << QByteArray(R"("notes": ["a"])") << QStringLiteral("\"notes\" must be a string");
    }

    void jsonErrorsNameScenarioAndEntry()
    {
        QFETCH(QByteArray, scenario);
        QFETCH(QString, expected);
        const QByteArray json = R"({"format": "faultline-map", "components": [{"id": "a"}],
"scenarios": [{"name": "s", "fail": ["a"],
)" + scenario
            + "}]}";
        try {
            interchange::read(json, QStringLiteral("bad.json"));
            QFAIL("read a bad entry");
        } catch (const FormatError &e) {
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
        }
    }

    // A map made in code is held to the same rules as one read from a file.
    void validationNamesTheEntry()
    {
        Map map = workshopMap();
        Scenario s = map.scenario(ScenarioIndex(0));
        s.decisions.append(QStringLiteral(" "));
        map.setScenario(ScenarioIndex(0), s);
        QCOMPARE(validationError(map).value_or(QString()),
            QStringLiteral("scenario \"zone a down\": decisions[2] is empty"));
        s.decisions.removeLast();
        s.actions[1].what.clear();
        map.setScenario(ScenarioIndex(0), s);
        QCOMPARE(validationError(map).value_or(QString()),
            QStringLiteral("scenario \"zone a down\": actions[1]: \"what\" is empty"));
    }

    void documentRoundTrip()
    {
        const Map map = workshopMap();
        const QString file = path(QStringLiteral("notes.faultline"));
        faultlinefile::save(map, file);
        QCOMPARE(faultlinefile::load(file).map, map);
        // Fewer entries on the next save: nothing of the old lists is left.
        Map fewer = map;
        Scenario s = fewer.scenario(ScenarioIndex(0));
        s.decisions.removeFirst();
        s.actions.erase(s.actions.begin());
        s.notes.clear();
        fewer.setScenario(ScenarioIndex(0), s);
        faultlinefile::save(fewer, file);
        QCOMPARE(faultlinefile::load(file).map, fewer);
        storage::Database db(file, SQLITE_OPEN_READONLY);
        QCOMPARE(db.queryInt("SELECT count(*) FROM scenario_decision"), qint64(1));
        QCOMPARE(db.queryInt("SELECT count(*) FROM scenario_action"), qint64(2));
        QCOMPARE(db.queryInt("SELECT count(*) FROM scenario WHERE notes IS NOT NULL"), qint64(0));
    }

    // tests/data/documents/schema-v3.faultline was written with schema 3, before the workshop
    // notes (make_schema_v3.py there). It opens unchanged; a save migrates it to schema 4 with
    // every value kept, and the notes then stay.
    void migratesSchemaVersion3()
    {
        const QString file = path(QStringLiteral("v3.faultline"));
        QVERIFY(QFile::copy(
            QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/documents/schema-v3.faultline"),
            file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray before = bytesOf(file);
        const Map expected = interchange::read(R"({"format": "faultline-map", "version": 1,
            "name": "Workshop shop", "owner": "ops", "components": [
            {"id": "zone-a", "name": "Zone A", "kind": "zone"},
            {"id": "zone-b", "name": "Zone B", "kind": "zone"},
            {"id": "db", "name": "Orders DB", "kind": "database", "parent": "zone-a",
             "business": false, "tier": 2, "owner": "data", "availability": 0.999,
             "rto_minutes": 30, "rpo_minutes": 5},
            {"id": "web", "name": "Web pool", "kind": "group", "require": 1},
            {"id": "shop", "name": "Shop", "kind": "service", "parent": "zone-b",
             "business": true, "tier": 1, "owner": "web", "cost_per_hour": 20000,
             "rto_minutes": 10, "target_rto_minutes": 60, "target_rpo_minutes": 15,
             "team": "storefront"}],
            "dependencies": [{"from": "web", "to": "zone-a"}, {"from": "web", "to": "zone-b"},
            {"from": "shop", "to": "web", "label": "HTTP"},
            {"from": "shop", "to": "db", "type": "soft"}],
            "scenarios": [
            {"name": "zone a down", "description": "one zone fails", "fail": ["zone-a"]},
            {"name": "db slow", "degrade": ["db"], "ticket": "OPS-1"}],
            "layout": {"db": [10, 20], "shop": [-5.5, 40]}})",
            QStringLiteral("expected.json"));

        QCOMPARE(faultlinefile::load(file).map, expected);
        QCOMPARE(bytesOf(file), before); // loading migrated a copy in memory

        Map edited = expected;
        Scenario s = edited.scenario(ScenarioIndex(1));
        s.notes = QStringLiteral("The database team owns this.");
        s.decisions = {QStringLiteral("Add a read replica")};
        s.actions = {action(QStringLiteral("Order the replica"), QStringLiteral("data"),
            QStringLiteral("2027-02-01"), ActionStatus::InProgress)};
        edited.setScenario(ScenarioIndex(1), s);
        faultlinefile::save(edited, file);
        QCOMPARE(faultlinefile::load(file).map, edited);

        const QString fresh = path(QStringLiteral("fresh-v4.faultline"));
        faultlinefile::save(edited, fresh);
        auto schemaOf = [](const QString &name) {
            storage::Database db(name, SQLITE_OPEN_READONLY);
            QStringList sql;
            storage::Statement st(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY name");
            while (st.step())
                sql.append(st.text(0) + u' ' + st.text(1) + u' ' + st.text(2));
            return std::pair(sql, db.queryInt("PRAGMA user_version"));
        };
        QCOMPARE(schemaOf(file), schemaOf(fresh));
        QCOMPARE(schemaOf(file).second, qint64(4));
        QVERIFY(schemaOf(file).first.join(u'\n').contains(QStringLiteral("scenario_action")));
    }

    // The schema check knows the new tables exactly: one changed, or planted in an older
    // document, is refused as damaged, and the file is left alone.
    void schemaCheckKnowsTheNewTables_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("fromVersion3");
        QTest::newRow("a column added to scenario_action")
            << QByteArray("ALTER TABLE scenario_action ADD COLUMN note TEXT") << false;
        QTest::newRow("scenario_decision dropped")
            << QByteArray("DROP TABLE scenario_decision") << false;
        QTest::newRow("schema 4's table in a schema 3 document")
            << QByteArray("CREATE TABLE scenario_decision (scenario INTEGER NOT NULL, position "
                          "INTEGER NOT NULL CHECK (position >= 0), text TEXT NOT NULL CHECK "
                          "(text <> ''), PRIMARY KEY (scenario, position)) STRICT, WITHOUT ROWID")
            << true;
    }

    void schemaCheckKnowsTheNewTables()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, fromVersion3);
        const QString file = path(QStringLiteral("planted.faultline"));
        QFile::remove(file);
        if (fromVersion3) {
            QVERIFY(QFile::copy(
                QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/documents/schema-v3.faultline"),
                file));
            QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        } else {
            faultlinefile::save(workshopMap(), file);
        }
        {
            storage::Database db(file, SQLITE_OPEN_READWRITE);
            db.exec(sql.constData());
        }
        const QByteArray before = bytesOf(file);
        QVERIFY_THROWS_EXCEPTION(StorageError, faultlinefile::load(file));
        QVERIFY_THROWS_EXCEPTION(StorageError, faultlinefile::save(workshopMap(), file));
        QCOMPARE(bytesOf(file), before);
    }

    void editsAreOneUndoStepEach_data()
    {
        QTest::addColumn<Planner>("plan");
        QTest::addColumn<QString>("text");
        const QString s = QStringLiteral("zone a down");
        QTest::newRow("notes") << Planner([s](MapDocument &d) {
            return edit::setScenarioNotes(d, s, QStringLiteral("new notes"));
        }) << QStringLiteral("Edit the notes of “zone a down”");
        QTest::newRow("add decision") << Planner([s](MapDocument &d) {
            return edit::addDecision(d, s, QStringLiteral("Third decision"));
        }) << QStringLiteral("Add a decision to “zone a down”");
        QTest::newRow("edit decision") << Planner([s](MapDocument &d) {
            return edit::editDecision(d, s, 1, QStringLiteral("Changed"));
        }) << QStringLiteral("Edit a decision of “zone a down”");
        QTest::newRow("remove decision")
            << Planner([s](MapDocument &d) { return edit::removeDecision(d, s, 0); })
            << QStringLiteral("Remove a decision of “zone a down”");
        QTest::newRow("add action") << Planner([s](MapDocument &d) {
            return edit::addAction(d, s,
                action(QStringLiteral("New"), QStringLiteral("me"), QStringLiteral("2027-05-05")));
        }) << QStringLiteral("Add an action item to “zone a down”");
        QTest::newRow("edit action") << Planner([s](MapDocument &d) {
            ActionItem a = d.map().scenario(ScenarioIndex(0)).actions[2];
            a.status = ActionStatus::Open;
            a.due = QDate(2027, 6, 30);
            return edit::editAction(d, s, 2, a);
        }) << QStringLiteral("Edit an action item of “zone a down”");
        QTest::newRow("remove action")
            << Planner([s](MapDocument &d) { return edit::removeAction(d, s, 1); })
            << QStringLiteral("Remove an action item of “zone a down”");
    }

    void editsAreOneUndoStepEach()
    {
        QFETCH(Planner, plan);
        QFETCH(QString, text);
        MapDocument doc;
        doc.reset(workshopMap(), {}, false);
        const Map before = doc.map();
        QVERIFY(!edit::tryPush(doc, plan(doc)));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), text);
        const Map after = doc.map();
        QVERIFY(after != before);
        QVERIFY(!validationError(after));
        doc.undoStack()->undo();
        QCOMPARE(doc.map(), before);
        doc.undoStack()->redo();
        QCOMPARE(doc.map(), after);
        // The document keeps it: save, open, and it is there.
        const QString file = path(QStringLiteral("edited.faultline"));
        faultlinefile::save(doc.map(), file);
        QCOMPARE(faultlinefile::load(file).map, after);
    }

    void refusedEditsChangeNothing_data()
    {
        QTest::addColumn<Planner>("plan");
        QTest::addColumn<QString>("refusal");
        const QString s = QStringLiteral("zone a down");
        QTest::newRow("blank decision")
            << Planner([s](MapDocument &d) { return edit::addDecision(d, s, QStringLiteral(" ")); })
            << QStringLiteral("A decision needs some text.");
        QTest::newRow("action without what")
            << Planner([s](MapDocument &d) { return edit::addAction(d, s, ActionItem()); })
            << QStringLiteral("An action item needs to say what is to be done.");
        QTest::newRow("no such decision")
            << Planner([s](MapDocument &d) { return edit::removeDecision(d, s, 5); })
            << QStringLiteral("There is no decision number 6.");
        QTest::newRow("no such action") << Planner([s](MapDocument &d) {
            return edit::editAction(d, s, -1, action(QStringLiteral("x"), {}, {}));
        }) << QStringLiteral("There is no action item number 0.");
        QTest::newRow("no such scenario") << Planner([](MapDocument &d) {
            return edit::setScenarioNotes(d, QStringLiteral("gone"), QStringLiteral("x"));
        }) << QStringLiteral("There is no scenario “gone”.");
    }

    void refusedEditsChangeNothing()
    {
        QFETCH(Planner, plan);
        QFETCH(QString, refusal);
        MapDocument doc;
        doc.reset(workshopMap(), {}, false);
        const Map before = doc.map();
        QCOMPARE(edit::tryPush(doc, plan(doc)).value_or(QString()), refusal);
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(doc.map(), before);
    }

    void sameNotesAreNoEdit()
    {
        MapDocument doc;
        doc.reset(workshopMap(), {}, false);
        const QString notes = doc.map().scenario(ScenarioIndex(0)).notes;
        QVERIFY(edit::setScenarioNotes(doc, QStringLiteral("zone a down"), notes).isNoop());
    }

    // Renaming a scenario keeps what was written about it; undo of a delete brings it back.
    void notesFollowTheScenario()
    {
        MapDocument doc;
        doc.reset(workshopMap(), {}, false);
        const Scenario original = doc.map().scenario(ScenarioIndex(0));
        QVERIFY(!edit::tryPush(doc,
            edit::renameScenario(doc, QStringLiteral("zone a down"), QStringLiteral("zone A"))));
        Scenario renamed = original;
        renamed.name = QStringLiteral("zone A");
        QCOMPARE(doc.map().scenario(ScenarioIndex(0)), renamed);
        QVERIFY(!edit::tryPush(doc, edit::deleteScenario(doc, QStringLiteral("zone A"))));
        doc.undoStack()->undo();
        QCOMPARE(doc.map().scenario(ScenarioIndex(0)), renamed);
    }

    void actionsCsv()
    {
        Map map = workshopMap();
        Scenario s = map.scenario(ScenarioIndex(1));
        s.name = QStringLiteral("=cmd|' /C calc'!A0, \"quoted\"");
        s.actions = {action(QStringLiteral("+1 more\nline"), QStringLiteral("@owner"),
                         QStringLiteral("2027-03-04"), ActionStatus::InProgress),
            action(QStringLiteral("-minus"), QStringLiteral("\tTab"), {}, ActionStatus::Done)};
        map.setScenario(ScenarioIndex(1), s);
        const QByteArray expected =
            "scenario,what,owner,due,status\r\n"
            "zone a down,Add zone C,platform,2027-01-31,open\r\n"
            "zone a down,\"Write, \"\"test\"\" the runbook\",,,in-progress\r\n"
            "zone a down,Game day,sre,2026-12-24,done\r\n"
            "\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",\"'+1 more\nline\",'@owner,2027-03-04,"
            "in-progress\r\n"
            "\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",'-minus,'\tTab,,done\r\n";
        QCOMPARE(actionscsv::write(map), expected);
        QCOMPARE(actionscsv::write(Map()), QByteArray("scenario,what,owner,due,status\r\n"));
    }
};

namespace {

// The workshop map (markup, commas, quotes, line breaks and non-ASCII included).
Map workshopMap()
{
    return interchange::read(R"({"format": "faultline-map", "version": 1, "name": "Shop",
        "components": [{"id": "zone-a", "kind": "zone"}, {"id": "zone-b", "kind": "zone"},
            {"id": "web", "kind": "group", "require": 1},
            {"id": "shop", "kind": "service", "business": true, "cost_per_hour": 100}],
        "dependencies": [{"from": "web", "to": "zone-a"}, {"from": "web", "to": "zone-b"},
            {"from": "shop", "to": "web"}],
        "scenarios": [
            {"name": "zone a down", "fail": ["zone-a"], "degrade": [],
             "notes": "Line one,\nline \"two\" <b>bold</b>\n\nSecond paragraph: ünïcode",
             "decisions": ["Keep two zones", "Add a <third> zone & test it"],
             "actions": [
                {"what": "Add zone C", "owner": "platform", "due": "2027-01-31", "status": "open"},
                {"what": "Write, \"test\" the runbook", "status": "in-progress", "ticket": "OPS-7"},
                {"what": "Game day", "owner": "sre", "due": "2026-12-24", "status": "done"}]},
            {"name": "nothing", "fail": [], "degrade": []}]})",
        QStringLiteral("workshop.json"));
}

} // namespace

QTEST_GUILESS_MAIN(TestWorkshopNotes)
#include "tst_workshopnotes.moc"
