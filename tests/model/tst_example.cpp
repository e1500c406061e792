// The bundled example is what a new user sees first: it must load, and each saved scenario must
// give exactly the result its description promises. An independent Python implementation of
// DESIGN.md's rules (tests/tools/impact_reference.py) is also compared component by component.
#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/fileio.h"
#include "model/io/interchange.h"
#include "model/recovery/policy.h"
#include "model/recovery/policycheck.h"
#include "model/recovery/recoveryplan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace faultline;

Q_DECLARE_METATYPE(faultline::ImpactSummary)

class TestExample : public QObject
{
    Q_OBJECT

private:
    Map m_map;

    QStringList businessIn(const ImpactResult &r, State s) const
    {
        QStringList ids;
        for (int i = 0; i < m_map.componentCount(); ++i) {
            const Component &c = m_map.components()[i];
            if (c.isBusiness() && r.state(ComponentIndex(i)) == s)
                ids.append(c.id);
        }
        ids.sort();
        return ids;
    }

    static QStringList sorted(QStringList l)
    {
        l.sort();
        return l;
    }

private slots:
    void initTestCase() { m_map = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE)); }

    void sizeFitsAWorkshop()
    {
        QVERIFY(m_map.componentCount() >= 60);
        QVERIFY(m_map.componentCount() <= 120);
        QVERIFY(!m_map.name.isEmpty());
        QCOMPARE(int(m_map.scenarios().size()), 4);
        for (const Scenario &s : m_map.scenarios())
            QVERIFY2(!s.description.isEmpty(), qPrintable(s.name));
    }

    // Each saved scenario carries what its workshop wrote down, so that the workshop pack of
    // the example shows notes, decisions and action items of every status.
    void scenariosCarryWorkshopNotes()
    {
        QSet<ActionStatus> statuses;
        for (const Scenario &s : m_map.scenarios()) {
            QVERIFY2(!s.notes.isEmpty(), qPrintable(s.name));
            QVERIFY2(!s.decisions.isEmpty(), qPrintable(s.name));
            QVERIFY2(!s.actions.empty(), qPrintable(s.name));
            for (const ActionItem &a : s.actions) {
                QVERIFY2(!a.owner.isEmpty() && a.due.isValid(), qPrintable(a.what));
                statuses.insert(a.status);
            }
        }
        QCOMPARE(statuses.size(), 3);
    }

    void scenarioKeepsItsPromise_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("down");
        QTest::addColumn<QStringList>("degraded");
        QTest::addColumn<QStringList>("atRisk");
        QTest::addColumn<ImpactSummary>("summary");

        QTest::newRow("dynamodb dns")
            << QStringLiteral("DynamoDB DNS failure (Oct 2025)")
            << QStringList {"accounts", "checkout", "mobile-app", "order-tracking", "support",
                   "analytics"}
            << QStringList {"storefront", "warehouse", "loyalty", "cafe"}
            << QStringList {"payments"} << ImpactSummary {35, 9, 2, 111900};
        QTest::newRow("region") << QStringLiteral("us-east-1 down")
                                << QStringList {"accounts", "checkout", "mobile-app",
                                       "order-tracking", "warehouse", "support", "loyalty",
                                       "analytics"}
                                << QStringList {"storefront", "cafe"} << QStringList {"payments"}
                                << ImpactSummary {64, 3, 4, 132400};
        QTest::newRow("zone") << QStringLiteral("one zone down")
                              << QStringList {"checkout", "loyalty"} << QStringList {"cafe"}
                              << QStringList {} << ImpactSummary {12, 1, 3, 67500};
        QTest::newRow("failover holds")
            << QString::fromUtf8("Payments DB primary lost — failover holds") << QStringList {}
            << QStringList {} << QStringList {} << ImpactSummary {1, 0, 1, 0};
    }

    void scenarioKeepsItsPromise()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, down);
        QFETCH(QStringList, degraded);
        QFETCH(QStringList, atRisk);
        QFETCH(ImpactSummary, summary);

        const auto s = m_map.findScenario(scenario);
        QVERIFY2(s, qPrintable(scenario));
        const ImpactGraph graph(m_map);
        const ImpactResult r = evaluateImpact(graph, resolveScenario(m_map, m_map.scenario(*s)));
        QCOMPARE(businessIn(r, State::Down), sorted(down));
        QCOMPARE(businessIn(r, State::Degraded), sorted(degraded));
        QCOMPARE(businessIn(r, State::AtRisk), sorted(atRisk));
        QCOMPARE(r.summary().down, summary.down);
        QCOMPARE(r.summary().degraded, summary.degraded);
        QCOMPARE(r.summary().atRisk, summary.atRisk);
        QCOMPARE(r.summary().costPerHour, summary.costPerHour);
    }

    void failoverLeavesPaymentsDbAtRisk()
    {
        const auto s =
            m_map.findScenario(QString::fromUtf8("Payments DB primary lost — failover holds"));
        QVERIFY(s);
        const ImpactGraph graph(m_map);
        const ImpactResult r = evaluateImpact(graph, resolveScenario(m_map, m_map.scenario(*s)));
        QCOMPARE(toString(r.state(*m_map.findComponent(QStringLiteral("payments-db")))),
            QStringLiteral("at-risk"));
        QCOMPARE(toString(r.state(*m_map.findComponent(QStringLiteral("payments")))),
            QStringLiteral("up"));
    }

    // The recovery story: when DynamoDB's DNS fails, Checkout waits for the whole chain AWS
    // described (DNS, DynamoDB, EC2 launches, NLB health checks, Lambda, the order backlog) and
    // misses its one-hour target by far; when the payments primary is lost, the failover holds
    // and every business service meets its target.
    void recoveryTellsTheStory()
    {
        const ImpactGraph graph(m_map);
        auto planOf = [&](const char *name) {
            const auto s = m_map.findScenario(QString::fromUtf8(name));
            return recoveryPlan(
                m_map, graph, evaluateImpact(graph, resolveScenario(m_map, m_map.scenario(*s))));
        };
        auto business = [&](const RecoveryPlan &plan, const char *id) {
            for (const BusinessRecovery &b : plan.business) {
                if (m_map.component(b.service).id == QLatin1String(id))
                    return b;
            }
            return BusinessRecovery();
        };
        const RecoveryPlan dns = planOf("DynamoDB DNS failure (Oct 2025)");
        const BusinessRecovery checkout = business(dns, "checkout");
        QCOMPARE(checkout.targetRto, std::optional<double>(60));
        QCOMPARE(checkout.met, std::optional<bool>(false));
        QVERIFY(checkout.back && *checkout.back > 10 * 60); // the outage lasted some 15 hours
        QStringList path;
        for (const ComponentIndex c : checkout.criticalPath)
            path.append(m_map.component(c).id);
        QCOMPARE(path.front(), QStringLiteral("checkout"));
        QCOMPARE(path.back(), QStringLiteral("ddb-dns-ctl"));
        for (const char *step : {"ddb-use1", "ec2-launch", "nlb-health", "lambda-use1"})
            QVERIFY2(path.contains(QLatin1String(step)), step);
        QVERIFY(dns.unrecoverable.empty());
        QCOMPARE(int(dns.steps.size()), 35); // every down component of the scenario

        const RecoveryPlan failover = planOf("Payments DB primary lost — failover holds");
        QCOMPARE(business(failover, "payments").met, std::optional<bool>(true));
        for (const BusinessRecovery &b : failover.business)
            QVERIFY(b.met != false);
        QCOMPARE(int(failover.dataAtRisk.size()), 1);
        QCOMPARE(failover.dataAtRisk.front().met, std::optional<bool>(true));
    }

    // The bundled policy reads, and finds what the example was built to show: payments survives
    // any zone, Checkout does not (the inventory pool's one NAT gateway), and the single-AZ
    // loyalty database loses more data than loyalty accepts.
    void bundledPolicy()
    {
        const QString file =
            QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/examples/acme-policy.json");
        const Policy policy = policy::read(readWholeFile(file), file);
        const ImpactGraph graph(m_map);
        const std::vector<RuleResult> results = checkPolicy(m_map, graph, policy, file);
        QCOMPARE(int(results.size()), 6);
        QVERIFY(results[0].holds());
        QVERIFY(!results[1].holds());
        QCOMPARE(
            m_map.component(results[1].violations.front().service).id, QStringLiteral("checkout"));
        QCOMPARE(results[1].violations.front().failure, QStringList {"use1-az1"});
        const RuleResult &rpo = results[5];
        QCOMPARE(int(rpo.violations.size()), 1);
        QCOMPARE(m_map.component(rpo.violations.front().service).id, QStringLiteral("loyalty"));

        // The example stores the same policy, so that `faultline check` without --policy and
        // Analysis › Check the Policy in the app hold it to the same rules.
        QCOMPARE(m_map.extra.value(QStringLiteral("policy")).toObject(),
            QJsonDocument::fromJson(readWholeFile(file)).object());
    }

    // Every state and every cause agrees with an independent implementation of the rules.
    void matchesReferenceImplementation_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const Scenario &s : m_map.scenarios())
            QTest::newRow(qPrintable(s.name)) << s.name;
    }

    void matchesReferenceImplementation()
    {
        QFETCH(QString, scenario);
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!python.isEmpty(), "python3 is missing: packaging/install-deps.sh installs it");
        QProcess p;
        p.start(python,
            {QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/tools/impact_reference.py"),
                QStringLiteral(FAULTLINE_EXAMPLE), QStringLiteral("--scenario"), scenario,
                QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonArray expected = QJsonDocument::fromJson(p.readAllStandardOutput())
                                        .object()
                                        .value(u"components")
                                        .toArray();

        const ImpactGraph graph(m_map);
        const ImpactResult r = evaluateImpact(
            graph, resolveScenario(m_map, m_map.scenario(*m_map.findScenario(scenario))));
        const auto affected = r.affected();
        QCOMPARE(int(affected.size()), int(expected.size()));
        for (int i = 0; i < expected.size(); ++i) {
            const QJsonObject e = expected[i].toObject();
            const ComponentIndex c = affected[i];
            QCOMPARE(m_map.component(c).id, e.value(u"id").toString());
            QCOMPARE(toString(r.state(c)), e.value(u"state").toString());
            const ComponentIndex cause = r.cause(c);
            QCOMPARE(cause.isValid() ? m_map.component(cause).id : QString(),
                e.value(u"cause").toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestExample)
#include "tst_example.moc"
