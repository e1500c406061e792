// Policies (model/recovery/policy.h, policycheck.h, policyformat.h): reading policy files, and
// every rule checked against the impact engine by enumerating the failures it stands for.
#include "maptestutil.h"

#include "model/analysis/availability.h"
#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/map/errors.h"
#include "model/recovery/policy.h"
#include "model/recovery/policycheck.h"
#include "model/recovery/policyformat.h"
#include "model/recovery/recoveryplan.h"

#include <QRandomGenerator>
#include <QTest>
#include <QXmlStreamReader>

#include <set>

using namespace faultline;
using namespace faultline::testutil;

namespace {

Policy policyOf(const QByteArray &rules)
{
    const QByteArray text =
        "{'format': 'faultline-policy', 'version': 1, 'rules': [" + rules + "]}";
    return policy::read(json(text.constData()), QStringLiteral("p.json"));
}

// Violations as "service<failure" strings, sorted.
std::set<QString> violationsOf(const Map &map, const RuleResult &r)
{
    std::set<QString> out;
    for (const PolicyViolation &v : r.violations)
        out.insert(map.component(v.service).id + u'<' + v.failure.join(u','));
    return out;
}

// A random map with kinds: zones in regions in providers, services on them, pools, cycles,
// business services with tiers and targets.
Map randomMap(QRandomGenerator &random, int n)
{
    Map map;
    const char *kinds[] = {"service", "database", "group", "queue"};
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        if (i == 0) {
            c.kind = QStringLiteral("provider");
        } else if (i < 3) {
            c.kind = QStringLiteral("region");
            c.parent = QStringLiteral("c0");
        } else if (i < 8) {
            c.kind = QStringLiteral("zone");
            c.parent = QStringLiteral("c%1").arg(1 + random.bounded(2));
        } else {
            c.kind = QLatin1String(kinds[random.bounded(4)]);
            if (random.bounded(3) != 0)
                c.parent = QStringLiteral("c%1").arg(3 + random.bounded(5));
            if (random.bounded(3) == 0) {
                c.business = true;
                c.tier = random.bounded(1, 4);
                c.targetRtoMinutes = random.bounded(0, 60);
                c.targetRpoMinutes = random.bounded(0, 10);
            }
            c.rtoMinutes = random.bounded(0, 30);
            if (c.kind == u"database")
                c.rpoMinutes = random.bounded(0, 15);
            if (random.bounded(2) == 0)
                c.availability = 0.99 + 0.001 * random.bounded(10);
        }
        map.addComponent(c);
    }
    std::vector<int> hard(n, 0);
    for (int e = 0; e < n * 2; ++e) {
        const int from = 8 + random.bounded(n - 8), to = random.bounded(n);
        const QString f = QStringLiteral("c%1").arg(from), t = QStringLiteral("c%1").arg(to);
        if (from == to || map.findDependency(f, t))
            continue;
        Dependency d;
        d.from = f;
        d.to = t;
        d.type = random.bounded(4) == 0 ? DependencyType::Soft : DependencyType::Hard;
        hard[from] += d.isHard() ? 1 : 0;
        map.addDependency(d);
    }
    for (int i = 8; i < n; ++i) {
        if (hard[i] >= 2 && map.components()[i].kind == u"group") {
            Component c = map.component(ComponentIndex(i));
            c.require = 1;
            map.setComponent(ComponentIndex(i), c);
        }
    }
    Scenario zone;
    zone.name = QStringLiteral("zone");
    zone.fail = QStringList {QStringLiteral("c3")};
    map.addScenario(zone);
    Scenario region;
    region.name = QStringLiteral("region");
    region.fail = QStringList {QStringLiteral("c1")};
    map.addScenario(region);
    return map;
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT

private slots:
    void readsRules();
    void refusesBadPolicies_data();
    void refusesBadPolicies();
    void unknownServiceOrScenarioIsNamed();
    void surviveMatchesEnumeration();
    void noSpofMatchesEnumeration();
    void availabilityMatchesAnalysis();
    void rtoAndRpoMatchRecoveryPlans();
    void outputs();
};

void TestPolicy::readsRules()
{
    const Policy p =
        policyOf("{'name': 'tier 1 survives a zone', 'survive': 'each-zone', 'services': 'tier<=1',"
                 " 'worst': 'at-risk'},"
                 "{'no-single-point-of-failure': true, 'services': 'business', 'ignore_kinds': "
                 "['provider']},"
                 "{'availability': 0.9995, 'services': ['checkout']},"
                 "{'rto': 'all', 'services': 'business'},"
                 "{'rpo': ['us-east-1 down'], 'services': 'business'},"
                 "{'survive': 'each-of-kind:database', 'services': 'tier <= 2'}");
    QCOMPARE(int(p.rules.size()), 6);
    QCOMPARE(p.rules[0].name, QStringLiteral("tier 1 survives a zone"));
    QVERIFY(p.rules[0].kind == PolicyRule::Kind::Survive);
    QCOMPARE(p.rules[0].failureKind, QStringLiteral("zone"));
    QVERIFY(p.rules[0].services == PolicyRule::Services::TierAtMost);
    QCOMPARE(p.rules[0].tierAtMost, 1);
    QVERIFY(p.rules[0].worst == State::AtRisk);
    QVERIFY(p.rules[1].kind == PolicyRule::Kind::NoSinglePointOfFailure);
    QCOMPARE(p.rules[1].ignoreKinds, QStringList {"provider"});
    QCOMPARE(p.rules[1].name, QStringLiteral("no-single-point-of-failure (business)"));
    QCOMPARE(p.rules[2].minimumAvailability, 0.9995);
    QCOMPARE(p.rules[2].serviceIds, QStringList {"checkout"});
    QVERIFY(p.rules[3].kind == PolicyRule::Kind::Rto && p.rules[3].allScenarios);
    QVERIFY(p.rules[4].kind == PolicyRule::Kind::Rpo);
    QCOMPARE(p.rules[4].scenarios, QStringList {"us-east-1 down"});
    QCOMPARE(p.rules[5].failureKind, QStringLiteral("database"));
    QVERIFY(p.rules[5].worst == State::Degraded); // the default
    QCOMPARE(p.rules[5].tierAtMost, 2);
}

void TestPolicy::refusesBadPolicies_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<QString>("words");
    auto wrap = [](const char *rules) {
        const QByteArray text =
            QByteArray("{'format': 'faultline-policy', 'version': 1, 'rules': [") + rules + "]}";
        return json(text.constData());
    };
    QTest::newRow("not json") << QByteArray("{\n\"format\": ") << "p.json:2:|not valid JSON";
    QTest::newRow("wrong format") << json("{'format': 'faultline-map', 'version': 1, 'rules': []}")
                                  << "faultline-policy";
    QTest::newRow("newer") << json("{'format': 'faultline-policy', 'version': 2, 'rules': []}")
                           << "version 2|newer";
    QTest::newRow("unknown top key")
        << json("{'format': 'faultline-policy', 'version': 1, 'rules': [], 'rulez': 1}")
        << "unknown key \"rulez\"";
    QTest::newRow("unknown rule") << wrap(
        "{'name': 'x', 'survives': 'each-zone', 'services': 'business'}")
                                  << "rules[0] (\"x\")|unknown key \"survives\"";
    QTest::newRow("unknown key") << wrap(
        "{'survive': 'each-zone', 'services': 'business', 'wrost': 'up'}")
                                 << "rules[0]|unknown key \"wrost\"";
    QTest::newRow("no rule") << wrap("{'services': 'business'}") << "no rule";
    QTest::newRow("two rules") << wrap("{'rto': 'all', 'rpo': 'all', 'services': 'business'}")
                               << "one rule per entry";
    QTest::newRow("bad class") << wrap("{'survive': 'each-rack', 'services': 'business'}")
                               << "each-rack";
    QTest::newRow("bad worst") << wrap(
        "{'survive': 'each-zone', 'services': 'business', 'worst': 'down'}")
                               << "\"worst\"";
    QTest::newRow("bad services") << wrap("{'rto': 'all', 'services': 'tier<1'}") << "\"services\"";
    QTest::newRow("no services") << wrap("{'rto': 'all'}") << "missing \"services\"";
    QTest::newRow("bad availability")
        << wrap("{'availability': 1.5, 'services': 'business'}") << "between 0 and 1";
    QTest::newRow("spof not true")
        << wrap("{}, {'no-single-point-of-failure': 'yes', 'services': 'business'}")
        << "rules[0]|no rule";
    QTest::newRow("worst on rto") << wrap("{'rto': 'all', 'services': 'business', 'worst': 'up'}")
                                  << "\"worst\" belongs";
    QTest::newRow("rpo not a list")
        << wrap("{'rpo': 5, 'services': 'business'}") << "\"rpo\" must be";
}

void TestPolicy::refusesBadPolicies()
{
    QFETCH(QByteArray, policy);
    QFETCH(QString, words);
    try {
        policy::read(policy, QStringLiteral("p.json"));
        QFAIL("no error");
    } catch (const FormatError &e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("p.json")), qPrintable(e.message()));
        for (const QString &w : words.split(u'|'))
            QVERIFY2(e.message().contains(w), qPrintable(e.message()));
    }
}

void TestPolicy::unknownServiceOrScenarioIsNamed()
{
    const Map map = parseMap("a business=true; @s fail=a");
    const ImpactGraph graph(map);
    for (const auto &[rules, words] :
        {std::pair(QByteArray("{'name': 'n', 'rto': 'all', 'services': ['a', 'zz']}"),
             QStringLiteral("\"n\"|\"zz\"")),
            std::pair(QByteArray("{'rpo': ['s', 'nope'], 'services': 'business'}"),
                QStringLiteral("\"nope\""))}) {
        try {
            checkPolicy(map, graph, policyOf(rules), QStringLiteral("m.json"));
            QFAIL("no error");
        } catch (const ValidationError &e) {
            QVERIFY2(
                e.message().startsWith(QStringLiteral("m.json: rule")), qPrintable(e.message()));
            for (const QString &w : words.split(u'|'))
                QVERIFY2(e.message().contains(w), qPrintable(e.message()));
        }
    }
}

void TestPolicy::surviveMatchesEnumeration()
{
    QRandomGenerator random(15);
    int violations = 0;
    for (int round = 0; round < 60; ++round) {
        const Map map = randomMap(random, 20 + random.bounded(40));
        const ImpactGraph graph(map);
        const Policy p = policyOf(
            "{'survive': 'each-zone', 'services': 'business'},"
            "{'survive': 'each-component', 'services': 'tier<=2', 'worst': 'up'},"
            "{'survive': 'each-of-kind:database', 'services': 'business', 'worst': 'at-risk'},"
            "{'survive': 'each-region', 'services': ['c10', 'c9']}");
        const std::vector<RuleResult> results = checkPolicy(map, graph, p, QStringLiteral("m"));
        QCOMPARE(int(results.size()), 4);
        for (const RuleResult &r : results) {
            std::set<QString> expected;
            for (int f = 0; f < map.componentCount(); ++f) {
                const Component &failed = map.components()[f];
                if (!r.rule->failureKind.isEmpty() && failed.kind != r.rule->failureKind)
                    continue;
                const ImpactResult impact =
                    evaluateImpact(graph, resolveScenario(map, {failed.id}, {}));
                for (int s = 0; s < map.componentCount(); ++s) {
                    const Component &service = map.components()[s];
                    const bool in = r.rule->services == PolicyRule::Services::Business
                        ? service.isBusiness()
                        : r.rule->services == PolicyRule::Services::TierAtMost
                        ? service.tier && *service.tier <= r.rule->tierAtMost
                        : r.rule->serviceIds.contains(service.id);
                    if (in && s != f && impact.state(ComponentIndex(s)) > r.rule->worst)
                        expected.insert(service.id + u'<' + failed.id);
                }
            }
            QCOMPARE(violationsOf(map, r), expected);
            QCOMPARE(r.holds(), expected.empty());
            violations += int(expected.size());
            // Violations come by service in map order.
            for (std::size_t i = 1; i < r.violations.size(); ++i)
                QVERIFY(r.violations[i - 1].service <= r.violations[i].service);
        }
    }
    QVERIFY(violations > 100);
}

void TestPolicy::noSpofMatchesEnumeration()
{
    QRandomGenerator random(16);
    for (int round = 0; round < 40; ++round) {
        const Map map = randomMap(random, 20 + random.bounded(30));
        const ImpactGraph graph(map);
        const std::vector<RuleResult> results = checkPolicy(map, graph,
            policyOf("{'no-single-point-of-failure': true, 'services': 'business',"
                     " 'ignore_kinds': ['provider', 'region']}"),
            QStringLiteral("m"));
        std::set<QString> expected;
        for (int f = 0; f < map.componentCount(); ++f) {
            const Component &failed = map.components()[f];
            if (failed.kind == u"provider" || failed.kind == u"region")
                continue;
            const ImpactResult impact =
                evaluateImpact(graph, resolveScenario(map, {failed.id}, {}));
            for (int s = 0; s < map.componentCount(); ++s) {
                if (s != f && map.components()[s].isBusiness()
                    && impact.state(ComponentIndex(s)) == State::Down)
                    expected.insert(map.components()[s].id + u'<' + failed.id);
            }
        }
        QCOMPARE(violationsOf(map, results[0]), expected);
    }
}

void TestPolicy::availabilityMatchesAnalysis()
{
    QRandomGenerator random(17);
    const Map map = randomMap(random, 60);
    const ImpactGraph graph(map);
    std::vector<double> figures;
    for (int c = 0; c < map.componentCount(); ++c) {
        if (map.components()[c].isBusiness())
            figures.push_back(availability(map, graph, ComponentIndex(c)).availability);
    }
    QVERIFY(figures.size() >= 3);
    std::vector<double> sorted = figures;
    std::sort(sorted.begin(), sorted.end());
    const double threshold = sorted[sorted.size() / 2]; // about half break it
    const QByteArray rule =
        "{'availability': " + QByteArray::number(threshold, 'g', 17) + ", 'services': 'business'}";
    const RuleResult r = checkPolicy(map, graph, policyOf(rule), QStringLiteral("m")).front();
    int expected = 0;
    for (const double a : figures)
        expected += a < threshold ? 1 : 0;
    QCOMPARE(int(r.violations.size()), expected);
    QVERIFY(expected > 0);
    for (const PolicyViolation &v : r.violations) {
        QVERIFY(!v.state && v.failure.isEmpty());
        QVERIFY(availability(map, graph, v.service).availability < threshold);
    }
}

void TestPolicy::rtoAndRpoMatchRecoveryPlans()
{
    QRandomGenerator random(18);
    int rto = 0, rpo = 0;
    for (int round = 0; round < 40; ++round) {
        const Map map = randomMap(random, 20 + random.bounded(40));
        const ImpactGraph graph(map);
        const std::vector<RuleResult> results = checkPolicy(map, graph,
            policyOf("{'rto': 'all', 'services': 'business'},"
                     "{'rpo': ['region'], 'services': 'business'}"),
            QStringLiteral("m"));
        std::set<QString> expectedRto, expectedRpo;
        for (const Scenario &scenario : map.scenarios()) {
            const ImpactResult impact = evaluateImpact(graph, resolveScenario(map, scenario));
            const RecoveryPlan plan = recoveryPlan(map, graph, impact);
            for (const BusinessRecovery &b : plan.business) {
                if (b.met == false)
                    expectedRto.insert(
                        map.component(b.service).id + u'<' + scenario.fail.join(u','));
            }
            if (scenario.name != u"region")
                continue;
            for (const DataAtRisk &d : plan.dataAtRisk) {
                for (const ComponentIndex s : d.services) {
                    const auto &target = map.component(s).targetRpoMinutes;
                    if (target && d.rpo > *target)
                        expectedRpo.insert(map.component(s).id + u'<' + scenario.fail.join(u','));
                }
            }
        }
        QCOMPARE(violationsOf(map, results[0]), expectedRto);
        QCOMPARE(violationsOf(map, results[1]), expectedRpo);
        rto += int(expectedRto.size());
        rpo += int(expectedRpo.size());
    }
    QVERIFY(rto > 20);
    QVERIFY(rpo > 20);
}

void TestPolicy::outputs()
{
    const Map map = parseMap("zone kind=zone; db parent=zone kind=database;"
                             " shop business=true name=Shop&Co -> db; api business=true");
    const ImpactGraph graph(map);
    const Policy p =
        policyOf("{'name': 'survive <zones>', 'survive': 'each-zone', 'services': 'business'},"
                 "{'no-single-point-of-failure': true, 'services': ['api']}");
    const std::vector<RuleResult> results = checkPolicy(map, graph, p, QStringLiteral("m"));

    const QJsonObject o = QJsonDocument::fromJson(policyformat::json(map, results)).object();
    QCOMPARE(o.value("holds").toBool(true), false);
    const QJsonArray rules = o.value("rules").toArray();
    QCOMPARE(rules.size(), 2);
    const QJsonObject first = rules[0].toObject();
    QCOMPARE(first.value("name").toString(), QStringLiteral("survive <zones>"));
    QCOMPARE(first.value("holds").toBool(true), false);
    const QJsonObject v = first.value("violations").toArray()[0].toObject();
    QCOMPARE(v.value("service").toString(), QStringLiteral("shop"));
    QCOMPARE(v.value("failure").toArray(), QJsonArray {"zone"});
    QCOMPARE(v.value("state").toString(), QStringLiteral("down"));
    QVERIFY2(v.value("evidence").toString().contains(QStringLiteral("Shop&Co is down ← db ← zone")),
        qPrintable(v.value("evidence").toString()));
    QVERIFY(rules[1].toObject().value("holds").toBool());

    // JUnit: well-formed, one test case per rule and service, the broken one failing.
    QXmlStreamReader xml(policyformat::junit(map, results));
    int cases = 0, failures = 0;
    QStringList names;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"testcase") {
            ++cases;
            names.append(xml.attributes().value(QLatin1String("classname")).toString() + u'/'
                + xml.attributes().value(QLatin1String("name")).toString());
        }
        if (xml.isStartElement() && xml.name() == u"failure")
            ++failures;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(cases, 3);
    QCOMPARE(failures, 1);
    QCOMPARE(names.front(), QStringLiteral("survive <zones>/Shop&Co (shop)"));

    const QString text = QString::fromUtf8(policyformat::text(map, results));
    QVERIFY2(text.contains(QStringLiteral("1 of 2 rules hold")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("FAIL  survive <zones> (2 services)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("PASS  no-single-point-of-failure (api) (1 services)")),
        qPrintable(text));
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
