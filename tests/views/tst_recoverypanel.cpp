// The Recovery panel and the Policies tab on the bundled example, under the offscreen platform:
// the timeline shows the model's recovery plan of the current what-if (steps in plan order,
// business services against their target RTO, data at risk), follows the what-if, and selects
// what is clicked; the policy is stored as one undoable edit, refused with a message when it
// does not read, and checked with the results of checkPolicy().

#include "model/editing/mapdocument.h"
#include "model/editing/mapedits.h"
#include "model/impact/resolve.h"
#include "model/io/interchange.h"
#include "model/recovery/policy.h"
#include "model/recovery/policycheck.h"
#include "model/recovery/recoveryplan.h"
#include "views/analysispanel.h"
#include "views/mapselection.h"
#include "views/policydialog.h"
#include "views/policytab.h"
#include "views/recoverypanel.h"
#include "views/recoverytimeline.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace faultline;

namespace {

const QString dnsFailure = QStringLiteral("DynamoDB DNS failure (Oct 2025)");

QJsonObject examplePolicy()
{
    QFile file(QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/examples/acme-policy.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the example policy");
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestRecoveryPanel : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    MapSelection *m_selection = nullptr;
    RecoveryPanel *m_panel = nullptr;

    void applyScenario(const QString &name)
    {
        const Scenario &s = m_doc->map().scenario(*m_doc->map().findScenario(name));
        QSignalSpy refreshed(m_panel, &RecoveryPanel::refreshed);
        m_doc->setWhatIf(s.fail, s.degrade);
        QVERIFY(refreshed.count() > 0 || refreshed.wait(30000));
    }

    RecoveryPlan modelPlan() const
    {
        const ImpactResult impact = evaluateImpact(
            m_doc->graph(), resolveScenario(m_doc->map(), m_doc->failed(), m_doc->degraded()));
        return recoveryPlan(m_doc->map(), m_doc->graph(), impact);
    }

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_selection = new MapSelection;
        m_doc->reset(interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE)), QString(), true);
        m_panel = new RecoveryPanel(m_doc, m_selection);
        m_panel->resize(460, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }
    void cleanup()
    {
        delete m_panel;
        delete m_selection;
        delete m_doc;
    }

    void withoutAWhatIfSaysHowToStart()
    {
        QVERIFY(QTest::qWaitFor([this] { return !m_panel->isComputing(); }, 30000));
        QVERIFY(m_panel->summaryText().contains(QStringLiteral("Fail a component")));
        QVERIFY(m_panel->timeline()->rows().empty());
        QVERIFY(m_panel->dataAtRiskList()->isHidden());
    }

    // The example's story: when DynamoDB's DNS fails, Checkout misses its target RTO.
    void timelineIsTheModelsPlan()
    {
        applyScenario(dnsFailure);
        const RecoveryPlan plan = modelPlan();
        QVERIFY(!plan.steps.empty());
        const auto &rows = m_panel->timeline()->rows();
        // The business services the what-if reaches come first (the room's question), then
        // the steps in the plan's order.
        QStringList expectedIds;
        for (const BusinessRecovery &b : plan.business) {
            if (b.state != State::Up)
                expectedIds.append(m_doc->map().component(b.service).id);
        }
        const size_t services = size_t(expectedIds.size());
        QVERIFY(services > 0);
        for (const RecoveryStep &step : plan.steps)
            expectedIds.append(m_doc->map().component(step.component).id);
        QCOMPARE(m_panel->rowIds(), expectedIds);
        QCOMPARE(int(rows.size()), expectedIds.size());
        QVERIFY(!rows[0].heading.isEmpty());
        QVERIFY(!rows[services].heading.isEmpty());
        for (size_t i = 0; i < plan.steps.size(); ++i) {
            const RecoveryTimeline::Row &row = rows[services + i];
            QCOMPARE(row.service, false);
            QCOMPARE(row.start, plan.steps[i].start);
            QCOMPARE(row.back, plan.steps[i].back);
            QCOMPARE(row.wave, plan.steps[i].wave);
        }
        const int checkout = int(m_panel->rowIds().indexOf(QStringLiteral("checkout")));
        QVERIFY(checkout >= 0 && size_t(checkout) < services);
        QCOMPARE(rows[size_t(checkout)].service, true);
        QCOMPARE(rows[size_t(checkout)].met, std::optional<bool>(false));
        QVERIFY(rows[size_t(checkout)].detail.contains(QStringLiteral("missed by")));
        QVERIFY(
            m_panel->summaryText().contains(QStringLiteral("in %1 waves").arg(plan.waves.size())));

        // Data at risk: the plan's data stores, in its order.
        QTreeWidget *risk = m_panel->dataAtRiskList();
        QCOMPARE(risk->topLevelItemCount(), int(plan.dataAtRisk.size()));
        QVERIFY(!risk->isHidden());
        for (int i = 0; i < risk->topLevelItemCount(); ++i)
            QCOMPARE(risk->topLevelItem(i)->data(0, Qt::UserRole).toString(),
                m_doc->map().component(plan.dataAtRisk[size_t(i)].component).id);
    }

    void followsTheWhatIfAndSelectsWhatIsClicked()
    {
        applyScenario(dnsFailure);
        const int before = int(m_panel->timeline()->rows().size());
        applyScenario(QStringLiteral("Payments DB primary lost — failover holds"));
        QCOMPARE(m_panel->rowIds(), QStringList {QStringLiteral("payments-db-primary")});
        QVERIFY(int(m_panel->timeline()->rows().size()) != before);

        // A click on the first bar selects its component.
        RecoveryTimeline *timeline = m_panel->timeline();
        QPoint row0;
        for (int y = 0; y < timeline->height() && row0.isNull(); ++y) {
            if (timeline->rowAt(QPoint(10, y)) == 0)
                row0 = QPoint(timeline->width() / 2, y + 2);
        }
        QVERIFY(!row0.isNull());
        QTest::mouseClick(timeline, Qt::LeftButton, {}, row0);
        QCOMPARE(m_selection->current(), QStringLiteral("payments-db-primary"));

        // Restoring everything empties the plan.
        QSignalSpy refreshed(m_panel, &RecoveryPanel::refreshed);
        m_doc->setWhatIf({}, {});
        QVERIFY(refreshed.count() > 0 || refreshed.wait(30000));
        QVERIFY(m_panel->timeline()->rows().empty());
    }

    // A hidden panel computes nothing; shown, it catches up with the what-if.
    void hiddenPanelCatchesUpWhenShown()
    {
        m_panel->hide();
        const Scenario &s = m_doc->map().scenario(*m_doc->map().findScenario(dnsFailure));
        m_doc->setWhatIf(s.fail, s.degrade);
        QVERIFY(!m_panel->isComputing());
        QVERIFY(m_panel->timeline()->rows().empty());
        QSignalSpy refreshed(m_panel, &RecoveryPanel::refreshed);
        m_panel->show();
        QVERIFY(refreshed.count() > 0 || refreshed.wait(30000));
        QVERIFY(m_panel->timeline()->rows().size() > modelPlan().steps.size());
        QCOMPARE(m_panel->timeline()->rows().size(), size_t(m_panel->rowIds().size()));
    }

    void policyIsStoredAsOneUndoableEdit()
    {
        // The example stores a policy; start from a map without one.
        Map map = m_doc->map();
        map.extra.remove(QStringLiteral("policy"));
        m_doc->reset(map, QString(), false);
        QVERIFY(!m_doc->map().extra.contains(QStringLiteral("policy")));
        QVERIFY(!edit::tryPush(*m_doc, edit::setPolicy(*m_doc, examplePolicy())));
        QCOMPARE(m_doc->map().extra.value(QStringLiteral("policy")).toObject(), examplePolicy());
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Add a policy"));
        m_doc->undoStack()->undo();
        QVERIFY(!m_doc->map().extra.contains(QStringLiteral("policy")));
        m_doc->undoStack()->redo();
        QVERIFY(m_doc->map().extra.contains(QStringLiteral("policy")));

        // A rule that does not read is refused with its name and key; nothing changes.
        QJsonObject bad = examplePolicy();
        QJsonArray rules = bad.value(QStringLiteral("rules")).toArray();
        QJsonObject rule = rules.at(0).toObject();
        rule.insert(QStringLiteral("worst"), QStringLiteral("sideways"));
        rules.replace(0, rule);
        bad.insert(QStringLiteral("rules"), rules);
        const int steps = m_doc->undoStack()->count();
        const auto why = edit::tryPush(*m_doc, edit::setPolicy(*m_doc, bad));
        QVERIFY(why);
        QVERIFY2(why->contains(QStringLiteral("worst")), qPrintable(*why));
        QCOMPARE(m_doc->undoStack()->count(), steps);
        QCOMPARE(m_doc->map().extra.value(QStringLiteral("policy")).toObject(), examplePolicy());

        // Removing it is an edit too.
        QVERIFY(!edit::tryPush(*m_doc, edit::setPolicy(*m_doc, std::nullopt)));
        QVERIFY(!m_doc->map().extra.contains(QStringLiteral("policy")));
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map().extra.contains(QStringLiteral("policy")));
    }

    void dialogSaysWhereTheJsonIsWrong()
    {
        Map map = m_doc->map();
        map.extra.remove(QStringLiteral("policy"));
        m_doc->reset(map, QString(), false);
        PolicyDialog dialog(m_doc);
        // A map without a policy starts from a policy that reads.
        QVERIFY(policy::read(dialog.editor()->toPlainText().toUtf8(), QStringLiteral("starter"))
                    .rules.size()
            > 0);
        dialog.editor()->setPlainText(QStringLiteral("{\n  \"format\": \"faultline-policy\",\n  "
                                                     "\"version\": 1\n  \"rules\": []\n}"));
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Line 4")),
            qPrintable(dialog.errorText()));
        QCOMPARE(m_doc->undoStack()->count(), 0);

        dialog.editor()->setPlainText(QString::fromUtf8(QJsonDocument(examplePolicy()).toJson()));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_doc->map().extra.value(QStringLiteral("policy")).toObject(), examplePolicy());
    }

    void policiesTabShowsTheChecksResults()
    {
        Map map = m_doc->map();
        map.extra.remove(QStringLiteral("policy"));
        m_doc->reset(map, QString(), false);
        AnalysisPanel analysis(m_doc, m_selection);
        analysis.resize(460, 700);
        analysis.show();
        // Without a stored policy the tab says how to get one.
        QVERIFY(!analysis.checkPolicy());
        QVERIFY(analysis.policyTab()->summaryText().contains(QStringLiteral("stores no policy")));

        QVERIFY(!edit::tryPush(*m_doc, edit::setPolicy(*m_doc, examplePolicy())));
        QVERIFY(analysis.checkPolicy());
        QVERIFY(QTest::qWaitFor([&] { return !analysis.isRunning(); }, 60000));

        const Policy policy = policy::fromJson(examplePolicy(), QStringLiteral("example"));
        const std::vector<RuleResult> results =
            checkPolicy(m_doc->map(), m_doc->graph(), policy, QStringLiteral("example"));
        QTreeWidget *list = analysis.policyTab()->list();
        QCOMPARE(list->topLevelItemCount(), int(results.size()));
        QTreeWidgetItem *broken = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *rule = list->topLevelItem(i);
            QCOMPARE(rule->text(0), results[size_t(i)].rule->name);
            QCOMPARE(rule->childCount(), int(results[size_t(i)].violations.size()));
            if (!broken && rule->childCount() > 0
                && !results[size_t(i)].violations[0].failure.isEmpty())
                broken = rule;
        }
        QVERIFY2(broken, "the example breaks a rule with a failure to show");
        const int r = list->indexOfTopLevelItem(broken);
        const PolicyViolation &v = results[size_t(r)].violations[0];

        // A click selects the service; a double-click applies the failure that breaks it.
        QTreeWidgetItem *first = broken->child(0);
        list->scrollToItem(first);
        const QRect cell = list->visualItemRect(first);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(m_selection->current(), m_doc->map().component(v.service).id);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(m_doc->failed(), v.failure);
    }
};

QTEST_MAIN(TestRecoveryPanel)
#include "tst_recoverypanel.moc"
