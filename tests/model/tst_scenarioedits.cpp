// Saved scenarios as edits, without a window: saving, renaming and deleting one are ordinary
// planned edits (model/editing/edits.h); applying one is not an edit.
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "tests/model/maptestutil.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace faultline;

using Planner = std::function<edit::Edit(MapDocument &)>;
Q_DECLARE_METATYPE(Planner)

namespace {

Map sampleMap()
{
    Map map;
    for (const char *id : {"zone", "db", "shop"}) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.kind = QStringLiteral("service");
        map.addComponent(c);
    }
    map.addScenario(testutil::scenario(QStringLiteral("zone down"), {QStringLiteral("zone")}));
    map.addScenario(testutil::scenario(QStringLiteral("db slow"), {}, {QStringLiteral("db")}));
    return map;
}

QStringList names(const MapDocument &doc)
{
    QStringList out;
    for (const Scenario &s : doc.map().scenarios())
        out << s.name;
    return out;
}

} // namespace

class TestScenarioEdits : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    Map m_original;

    void checkUndoRedo()
    {
        const Map after = m_doc->map();
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == m_original);
        m_doc->undoStack()->redo();
        QVERIFY(m_doc->map() == after);
    }

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(sampleMap(), {}, false);
        m_original = m_doc->map();
    }
    void cleanup()
    {
        delete m_doc;
        m_doc = nullptr;
    }

    void saveAppends()
    {
        QSignalSpy changed(m_doc, &MapDocument::mapChanged);
        const Scenario s =
            testutil::scenario(QStringLiteral("shop gone"), {QStringLiteral("shop")});
        QCOMPARE(edit::tryPush(*m_doc, edit::addScenario(*m_doc, s)), std::nullopt);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Save scenario “shop gone”"));
        QCOMPARE(names(*m_doc),
            QStringList({QStringLiteral("zone down"), QStringLiteral("db slow"),
                QStringLiteral("shop gone")}));
        QCOMPARE(m_doc->map().scenarios().back(), s);
        checkUndoRedo();
    }

    void rename()
    {
        QCOMPARE(edit::tryPush(*m_doc,
                     edit::renameScenario(
                         *m_doc, QStringLiteral("zone down"), QStringLiteral("az outage"))),
            std::nullopt);
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Rename scenario “zone down”"));
        QCOMPARE(
            names(*m_doc), QStringList({QStringLiteral("az outage"), QStringLiteral("db slow")}));
        QCOMPARE(m_doc->map().scenarios().front().fail, QStringList({QStringLiteral("zone")}));
        checkUndoRedo();
    }

    void deletePutsBackInPlace()
    {
        QCOMPARE(edit::tryPush(*m_doc, edit::deleteScenario(*m_doc, QStringLiteral("zone down"))),
            std::nullopt);
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Delete scenario “zone down”"));
        QCOMPARE(names(*m_doc), QStringList({QStringLiteral("db slow")}));
        checkUndoRedo();
    }

    void applyingIsNotAnEdit()
    {
        m_doc->setWhatIf({QStringLiteral("zone")}, {});
        QCOMPARE(m_doc->undoStack()->count(), 0);
        // Scenario edits leave the current what-if alone, both ways.
        edit::tryPush(*m_doc, edit::deleteScenario(*m_doc, QStringLiteral("zone down")));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->failed(), QStringList({QStringLiteral("zone")}));
    }

    void mixesWithComponentEdits()
    {
        // Delete a scenario, then a component another scenario names: undoing both is exact.
        edit::tryPush(*m_doc, edit::deleteScenario(*m_doc, QStringLiteral("zone down")));
        edit::tryPush(*m_doc, edit::deleteComponents(*m_doc, {QStringLiteral("db")}));
        QVERIFY(m_doc->map().scenarios().front().degrade.isEmpty());
        edit::tryPush(
            *m_doc, edit::addScenario(*m_doc, testutil::scenario(QStringLiteral("again"))));
        QCOMPARE(m_doc->undoStack()->count(), 3);
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == m_original);
    }

    void refusals_data()
    {
        QTest::addColumn<Planner>("plan");
        QTest::addColumn<QString>("message");
        QTest::newRow("save: no name") << Planner([](MapDocument &doc) {
            return edit::addScenario(doc, testutil::scenario(QStringLiteral(" ")));
        }) << QStringLiteral("A scenario needs a name.");
        QTest::newRow("save: taken") << Planner([](MapDocument &doc) {
            return edit::addScenario(doc, testutil::scenario(QStringLiteral("db slow")));
        }) << QStringLiteral("There is already a scenario named “db slow”.");
        QTest::newRow("rename: taken") << Planner([](MapDocument &doc) {
            return edit::renameScenario(
                doc, QStringLiteral("zone down"), QStringLiteral("db slow"));
        }) << QStringLiteral("There is already a scenario named “db slow”.");
        QTest::newRow("rename: empty") << Planner([](MapDocument &doc) {
            return edit::renameScenario(doc, QStringLiteral("zone down"), QString());
        }) << QStringLiteral("A scenario needs a name.");
        QTest::newRow("rename: unknown") << Planner([](MapDocument &doc) {
            return edit::renameScenario(doc, QStringLiteral("nope"), QStringLiteral("x"));
        }) << QStringLiteral("There is no scenario “nope”.");
        QTest::newRow("delete: unknown") << Planner([](MapDocument &doc) {
            return edit::deleteScenario(doc, QStringLiteral("nope"));
        }) << QStringLiteral("There is no scenario “nope”.");
    }
    void refusals()
    {
        QFETCH(Planner, plan);
        QFETCH(QString, message);
        QCOMPARE(edit::tryPush(*m_doc, plan(*m_doc)), message);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QVERIFY(m_doc->map() == m_original);
    }

    // The editing layer logs a refusal under its own category, "faultline.editing".
    void aRefusalIsLogged()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("faultline.editing.debug=true"));
        QTest::ignoreMessage(QtDebugMsg, QRegularExpression(QStringLiteral("^refused: .*nope")));
        QVERIFY(edit::tryPush(*m_doc, edit::deleteScenario(*m_doc, QStringLiteral("nope"))));
        QLoggingCategory::setFilterRules(QStringLiteral("faultline.editing.debug=false"));
    }

    void renameToItselfChangesNothing()
    {
        edit::Edit e =
            edit::renameScenario(*m_doc, QStringLiteral("db slow"), QStringLiteral("db slow"));
        QVERIFY(e.isNoop());
    }
};

QTEST_GUILESS_MAIN(TestScenarioEdits)
#include "tst_scenarioedits.moc"
