// The impact rules of DESIGN.md, one rule at a time, then the engine against a plain reference
// implementation on random maps.
//
// Maps, scenarios and results are written in the small text form of maptestutil.h; an expected
// result lists every component that is not up, in map order, with its cause: "f=down c=down<f".

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "tests/model/maptestutil.h"
#include "tests/model/randommaps.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace faultline;
using namespace faultline::testutil;

namespace {

// DESIGN.md's rules written out the slow, obvious way: synchronous rounds over every component,
// each computed from the previous round's states, then causes from the round each component's
// final state was reached. Shares nothing with ImpactEngine (not even ImpactGraph).
struct ReferenceResult
{
    std::vector<State> states;
    std::vector<int> causes; // -1: the scenario; -2: no justification found (a bug)
};

ReferenceResult referenceImpact(const Map &map, const ScenarioSpec &spec)
{
    const int n = map.componentCount();
    struct Link
    {
        int to;
        bool hard;
    };
    std::vector<int> parent(n, -1);
    std::vector<std::vector<Link>> deps(n);
    std::vector<int> require(n, 0);
    for (int i = 0; i < n; ++i) {
        const Component &c = map.components()[i];
        if (!c.parent.isEmpty())
            parent[i] = map.findComponent(c.parent)->value;
    }
    for (const Dependency &d : map.dependencies())
        deps[map.findComponent(d.from)->value].push_back(
            {map.findComponent(d.to)->value, d.isHard()});
    for (int i = 0; i < n; ++i) {
        const int hard = int(
            std::count_if(deps[i].begin(), deps[i].end(), [](const Link &l) { return l.hard; }));
        require[i] = map.components()[i].require.value_or(hard);
    }

    auto ruleThreeFires = [&](int c, const std::vector<State> &s) {
        int up = 0;
        for (const Link &l : deps[c])
            up += (l.hard && s[l.to] != State::Down) ? 1 : 0;
        return up < require[c];
    };
    // Rules 2 to 5 for one component, from the states s of the previous round.
    auto rules = [&](int c, const std::vector<State> &s) {
        State best = State::Up;
        if (parent[c] >= 0) {
            if (s[parent[c]] == State::Down)
                return State::Down;
            if (s[parent[c]] == State::Degraded)
                best = State::Degraded;
        }
        if (ruleThreeFires(c, s))
            return State::Down;
        bool degraded = false;
        bool hardDown = false;
        for (const Link &l : deps[c]) {
            if (l.hard && s[l.to] == State::Degraded)
                degraded = true;
            if (!l.hard && s[l.to] >= State::Degraded)
                degraded = true;
            if (l.hard && s[l.to] == State::Down)
                hardDown = true;
        }
        if (degraded)
            return State::Degraded;
        if (hardDown)
            return std::max(best, State::AtRisk);
        return best;
    };

    std::vector<std::vector<State>> history(1, std::vector<State>(n, State::Up));
    for (ComponentIndex c : spec.degrade)
        history[0][c.value] = std::max(history[0][c.value], State::Degraded);
    for (ComponentIndex c : spec.fail)
        history[0][c.value] = State::Down;
    std::vector<int> finalRound(n, 0);
    for (;;) {
        const std::vector<State> prev = history.back();
        std::vector<State> next(n);
        for (int c = 0; c < n; ++c)
            next[c] = std::max(prev[c], rules(c, prev));
        if (next == prev)
            break;
        for (int c = 0; c < n; ++c) {
            if (next[c] != prev[c])
                finalRound[c] = int(history.size());
        }
        history.push_back(next);
    }

    ReferenceResult out {history.back(), std::vector<int>(n, -1)};
    for (int c = 0; c < n; ++c) {
        const State f = out.states[c];
        if (f == State::Up || finalRound[c] == 0)
            continue;
        const std::vector<State> &s = history[finalRound[c] - 1];
        int cause = -2;
        if (parent[c] >= 0 && f != State::AtRisk && s[parent[c]] == f)
            cause = parent[c];
        for (size_t k = 0; cause == -2 && k < deps[c].size(); ++k) {
            const Link &l = deps[c][k];
            const State x = s[l.to];
            bool justifies = false;
            if (f == State::Down)
                justifies = l.hard && x == State::Down && ruleThreeFires(c, s);
            else if (f == State::Degraded)
                justifies = l.hard ? x == State::Degraded : x >= State::Degraded;
            else if (f == State::AtRisk)
                justifies = l.hard && x == State::Down;
            if (justifies)
                cause = l.to;
        }
        out.causes[c] = cause;
    }
    return out;
}

QString describeReference(const Map &map, const ReferenceResult &r)
{
    return describeStates(
        map, [&r](ComponentIndex c) { return r.states[c.value]; },
        [&r](ComponentIndex c) { return ComponentIndex(r.causes[c.value]); });
}

// What every result must satisfy whatever the map: empty when it does, else what is wrong.
QString checkInvariants(const Map &map, const ScenarioSpec &spec, const ImpactResult &r)
{
    const int n = map.componentCount();
    if (r.size() != n)
        return QStringLiteral("result has %1 components, map %2").arg(r.size()).arg(n);
    QSet<int> failed, impaired;
    for (ComponentIndex c : spec.fail)
        failed.insert(c.value);
    for (ComponentIndex c : spec.degrade)
        impaired.insert(c.value);
    ImpactSummary counted;
    for (int i = 0; i < n; ++i) {
        const ComponentIndex c(i);
        const QString id = map.component(c).id;
        const State s = r.state(c);
        const ComponentIndex cause = r.cause(c);
        if (failed.contains(i) && (s != State::Down || cause.isValid()))
            return id + QStringLiteral(": failed by the scenario but not down by it");
        if (impaired.contains(i) && s < State::Degraded)
            return id + QStringLiteral(": impaired by the scenario but below degraded");
        if (s == State::Up && cause.isValid())
            return id + QStringLiteral(": up but has a cause");
        if (s != State::Up && !cause.isValid() && !failed.contains(i) && !impaired.contains(i))
            return id + QStringLiteral(": not up, not in the scenario, but has no cause");
        if (cause.isValid()) {
            if (cause.value >= n)
                return id + QStringLiteral(": cause out of range");
            const QString causeId = map.component(cause).id;
            if (map.component(c).parent != causeId && !map.findDependency(id, causeId))
                return id + QStringLiteral(": cause ") + causeId
                    + QStringLiteral(" is neither its parent nor a dependency");
            if (r.state(cause) == State::Up || r.state(cause) == State::AtRisk)
                return id + QStringLiteral(": cause ") + causeId
                    + QStringLiteral(" is up or at-risk, which spreads nothing");
        }
        const std::vector<ComponentIndex> path = r.path(c);
        if (s == State::Up) {
            if (!path.empty())
                return id + QStringLiteral(": up but has a path");
        } else {
            if (path.empty() || path.front() != c)
                return id + QStringLiteral(": path does not start with the component");
            QSet<int> seen;
            for (size_t k = 0; k < path.size(); ++k) {
                if (seen.contains(path[k].value))
                    return id + QStringLiteral(": path loops");
                seen.insert(path[k].value);
                if (k + 1 < path.size() && r.cause(path[k]) != path[k + 1])
                    return id + QStringLiteral(": path does not follow causes");
            }
            const ComponentIndex end = path.back();
            if (r.cause(end).isValid())
                return id + QStringLiteral(": path stops before the scenario");
            if (!failed.contains(end.value) && !impaired.contains(end.value))
                return id + QStringLiteral(": path ends at ") + map.component(end).id
                    + QStringLiteral(", which the scenario neither fails nor impairs");
        }
        switch (s) {
        case State::Down:
            ++counted.down;
            counted.costPerHour += map.component(c).costPerHour.value_or(0.0);
            break;
        case State::Degraded:
            ++counted.degraded;
            break;
        case State::AtRisk:
            ++counted.atRisk;
            break;
        case State::Up:
            break;
        }
    }
    if (!(counted == r.summary()))
        return QStringLiteral("summary %1, counted %2")
            .arg(describe(r.summary()), describe(counted));
    std::vector<ComponentIndex> affected;
    for (int i = 0; i < n; ++i) {
        if (r.state(ComponentIndex(i)) != State::Up)
            affected.emplace_back(i);
    }
    if (r.affected() != affected)
        return QStringLiteral("affected() is not every non-up component in map order");
    return {};
}

QString engineSnapshot(const Map &map, const ImpactEngine &e)
{
    return describe(map, e) + QStringLiteral(" | ") + describe(e.summary());
}

QString resultSnapshot(const Map &map, const ImpactResult &r)
{
    return describe(map, r) + QStringLiteral(" | ") + describe(r.summary());
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void summary_data();
    void summary();
    void paths();
    void emptyMap();
    void repeatedRunsAgree();
    void reusedEngineResets();
    void stampsStartOverAfterMillionsOfRounds();
    void engineAffectedAndResultAgree();
    void resolveNamesUnknownIds();
    void randomMapsMatchReference();
};

namespace {

void row(
    const char *name, const char *map, const char *fail, const char *degrade, const char *expected)
{
    QTest::newRow(name) << QString::fromUtf8(map) << QString::fromUtf8(fail)
                        << QString::fromUtf8(degrade) << QString::fromUtf8(expected);
}

} // namespace

void TestEngine::rules_data()
{
    QTest::addColumn<QString>("map");
    QTest::addColumn<QString>("fail");
    QTest::addColumn<QString>("degrade");
    QTest::addColumn<QString>("expected");

    // Rule 1: the scenario.
    row("r1: nothing fails", "a; b -> a", "", "", "");
    row("r1: fail", "a; b", "a", "", "a=down");
    row("r1: impair", "a; b", "", "a", "a=degraded");
    row("r1: fail and impair one component", "a", "a", "a", "a=down");
    row("r1: fail listed twice", "a", "a,a", "", "a=down");
    row("r1: impaired, then down through a hard dependency", "d; c -> d", "d", "c",
        "d=down c=down<d");
    row("r1: impaired, then down through its parent", "p; c parent=p", "p", "c", "p=down c=down<p");
    row("r1: impaired with a degraded parent keeps the scenario as cause", "p; c parent=p", "",
        "p,c", "p=degraded c=degraded");
    row("r1: impaired pool keeps degraded when a member fails", "x; y; g require=1 -> x,y", "x",
        "g", "x=down g=degraded");

    // Rule 2: the parent.
    row("r2: parent down", "p; c parent=p", "p", "", "p=down c=down<p");
    row("r2: parent degraded", "p; c parent=p", "", "p", "p=degraded c=degraded<p");
    row("r2: parent at-risk does not spread", "x; y; p require=1 -> x,y; c parent=p", "x", "",
        "x=down p=at-risk<x");
    row("r2: a child does not take its parent down", "p; c parent=p", "c", "", "c=down");
    row("r2: nested three deep, down", "r; z parent=r; h parent=z; s parent=h", "r", "",
        "r=down z=down<r h=down<z s=down<h");
    row("r2: nested three deep, degraded", "r; z parent=r; h parent=z; s parent=h", "", "r",
        "r=degraded z=degraded<r h=degraded<z s=degraded<h");
    row("r2: nested, failure in the middle", "r; z parent=r; h parent=z; s parent=h", "z", "",
        "z=down h=down<z s=down<h");
    row("r2: nested, listed children first", "s parent=h; h parent=z; z parent=r; r", "r", "",
        "s=down<h h=down<z z=down<r r=down");
    row("r2: parent degraded, hard dependency down", "p; d; c parent=p -> d", "d", "p",
        "p=degraded d=down c=down<d");
    row("r2: parent degraded, pool member down", "p; x; y; c parent=p require=1 -> x,y", "x", "p",
        "p=degraded x=down c=degraded<p");

    // Rule 3: hard dependencies and require.
    row("r3: default require is all, one down", "a; b; c -> a,b", "b", "", "b=down c=down<b");
    row("r3: default require is all, both down", "a; b; c -> a,b", "a,b", "",
        "a=down b=down c=down<a");
    row("r3: 2 of 3, one down (k up)", "a; b; c; g require=2 -> a,b,c", "b", "",
        "b=down g=at-risk<b");
    row("r3: 2 of 3, two down (k-1 up)", "a; b; c; g require=2 -> a,b,c", "c,a", "",
        "a=down c=down g=down<a");
    row("r3: 3 of 3 written out, one down", "a; b; c; g require=3 -> a,b,c", "c", "",
        "c=down g=down<c");
    row("r3: 1 of 2, both down", "a; b; g require=1 -> a,b", "a,b", "", "a=down b=down g=down<a");
    row("r3: require 0, all down", "a; b; g require=0 -> a,b", "a,b", "",
        "a=down b=down g=at-risk<a");
    row("r3: require 0 without dependencies", "g require=0; h", "h", "", "h=down");
    row("r3: pool with a degraded member", "a; b; g require=1 -> a,b", "", "b",
        "b=degraded g=degraded<b");
    row("r3: pool with one member down and one degraded", "a; b; g require=1 -> a,b", "a", "b",
        "a=down b=degraded g=degraded<b");
    row("r3: soft dependencies do not count for require, soft down", "a; s; g require=1 -> a ~> s",
        "s", "", "s=down g=degraded<s");
    row("r3: soft dependencies do not count for require, hard down", "a; s; g require=1 -> a ~> s",
        "a", "", "a=down g=down<a");
    row("r3: only soft dependencies, all down", "a; b; c ~> a,b", "a,b", "",
        "a=down b=down c=degraded<a");
    row("r3: pool of pools", "a; b; c; d; p require=1 -> a,b; q require=1 -> c,d; t -> p,q",
        "a,b,c", "", "a=down b=down c=down p=down<a q=at-risk<c t=down<p");

    // Rule 4: degraded.
    row("r4: hard dependency degraded", "d; c -> d", "", "d", "d=degraded c=degraded<d");
    row("r4: soft dependency degraded", "d; c ~> d", "", "d", "d=degraded c=degraded<d");
    row("r4: soft dependency down", "d; c ~> d", "d", "", "d=down c=degraded<d");
    row("r4: soft dependency at-risk does not spread", "x; y; s require=1 -> x,y; c ~> s", "x", "",
        "x=down s=at-risk<x");
    row("r4: degraded spreads along hard dependencies", "a; b -> a; c -> b", "", "a",
        "a=degraded b=degraded<a c=degraded<b");
    row("r4: soft down spreads on as degraded", "a; b ~> a; c -> b", "a", "",
        "a=down b=degraded<a c=degraded<b");
    row("r4: a hard dependency down beats a degraded one", "x; y; c -> x,y", "y", "x",
        "x=degraded y=down c=down<y");

    // Rule 5: at-risk.
    row("r5: at-risk does not spread through hard dependencies", "x; y; g require=1 -> x,y; c -> g",
        "x", "", "x=down g=at-risk<x");
    row("r5: at-risk cause is the first down hard dependency in list order",
        "x; y; z; g require=1 -> z,y,x", "x,y", "", "x=down y=down g=at-risk<y");
    row("r5: at-risk with a soft dependency up", "x; y; s; g require=1 -> x,y ~> s", "y", "",
        "y=down g=at-risk<y");

    // Cycles.
    row("cycle: hard 2-cycle, one failed", "a -> b; b -> a", "a", "", "a=down b=down<a");
    row("cycle: hard 2-cycle, one impaired", "a -> b; b -> a", "", "a", "a=degraded b=degraded<a");
    row("cycle: hard 3-cycle", "a -> b; b -> c; c -> a", "b", "", "a=down<b b=down c=down<a");
    row("cycle: soft 2-cycle, one failed", "a ~> b; b ~> a", "a", "", "a=down b=degraded<a");
    row("cycle: soft 3-cycle, one impaired", "a ~> b; b ~> c; c ~> a", "", "a",
        "a=degraded b=degraded<c c=degraded<a");
    row("cycle: hard and soft", "a -> b; b ~> a", "a", "", "a=down b=degraded<a");
    row("cycle: through a pool that keeps itself up", "a; g require=1 -> a,b; b -> c; c -> g", "a",
        "", "a=down g=at-risk<a");
    row("cycle: through a pool that goes down", "a; g require=1 -> a,b; b -> c; c -> g", "a,c", "",
        "a=down g=down<a b=down<c c=down");
    row("cycle: degraded around a loop", "f; a ~> f -> b; b -> a", "f", "",
        "f=down a=degraded<f b=degraded<a");
    row("cycle: a pool depending on its own dependent", "x; g require=1 -> x,y; y -> g", "x", "",
        "x=down g=at-risk<x");

    // Cause choice.
    row("cause: parent before dependencies, down", "p; d; c parent=p -> d", "p,d", "",
        "p=down d=down c=down<p");
    row("cause: parent before dependencies, degraded", "p; d; c parent=p -> d", "", "p,d",
        "p=degraded d=degraded c=degraded<p");
    row("cause: parent before soft dependencies", "p; d; c parent=p ~> d", "d", "p",
        "p=degraded d=down c=degraded<p");
    row("cause: dependency list order, not component order", "x; y; c -> y,x", "x,y", "",
        "x=down y=down c=down<y");
    row("cause: dependency list order across statements", "x; y; c; c -> y; c -> x", "x,y", "",
        "x=down y=down c=down<y");
    row("cause: dependency list order, hard after soft", "x; y; c ~> y -> x", "", "x,y",
        "x=degraded y=degraded c=degraded<y");
    row("cause: dependency list order, interleaved", "x; y; c; d; d -> x; c -> y; d -> y; c -> x",
        "x,y", "", "x=down y=down c=down<y d=down<x");
    row("cause: only a dependency that was already down", "f; a -> f; b; c -> a,b", "f,b", "",
        "f=down a=down<f b=down c=down<b");
    row("cause: degraded first, then down", "f; s; h -> f; c ~> s -> h", "f,s", "",
        "f=down s=down h=down<f c=down<h");
    row("cause: at-risk first, then down", "x; f; y -> f; g require=1 -> x,y", "x,f", "",
        "x=down f=down y=down<f g=down<x");
    row("cause: at-risk first, then degraded", "x; y; m; n -> m; g require=1 -> x,y ~> n", "x", "m",
        "x=down m=degraded n=degraded<m g=degraded<n");
    row("cause: the shortest chain", "f; a -> f; b -> a; c ~> b,f", "f", "",
        "f=down a=down<f b=down<a c=degraded<f");
    // States only rise: c was justified degraded by h1 before h1 went down, and stays degraded
    // (with h1 as cause) although at the end h1 being down alone would make it only at-risk.
    row("cause: a state reached on the way is kept",
        "f; p; y parent=f; h1 parent=p -> y; h2; c require=1 -> h1,h2", "f", "p",
        "f=down p=degraded y=down<f h1=down<y c=degraded<h1");

    // Ids are text, any text.
    row("unicode ids", "数据库 cost=10; 服务 -> 数据库; 🚀 ~> 服务; Zürich parent=服务; ملف -> 🚀",
        "数据库", "",
        "数据库=down 服务=down<数据库 🚀=degraded<服务 Zürich=down<服务 ملف=degraded<🚀");
}

void TestEngine::rules()
{
    QFETCH(QString, map);
    QFETCH(QString, fail);
    QFETCH(QString, degrade);
    QFETCH(QString, expected);

    const Map m = parseMap(map);
    const auto invalid = validationError(m);
    QVERIFY2(!invalid, qPrintable(invalid.value_or(QString())));
    const ImpactGraph graph(m);
    const ScenarioSpec spec = scenario(m, fail, degrade);

    // The row's expectation is checked against the reference too, so that a mistake in a row
    // shows as such and not as an engine bug.
    QCOMPARE(describeReference(m, referenceImpact(m, spec)), expected);

    const ImpactResult result = evaluateImpact(graph, spec);
    QCOMPARE(describe(m, result), expected);
    const QString broken = checkInvariants(m, spec, result);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
}

void TestEngine::summary_data()
{
    QTest::addColumn<QString>("map");
    QTest::addColumn<QString>("fail");
    QTest::addColumn<QString>("degrade");
    QTest::addColumn<QString>("expected");

    row("nothing fails", "a cost=10; b -> a", "", "", "down=0 degraded=0 at-risk=0 cost=0");
    row("only down components are summed", "a cost=100; b cost=50 -> a; c cost=7 ~> a; d cost=1000",
        "a", "", "down=2 degraded=1 at-risk=0 cost=150");
    row("at-risk is counted, not summed", "x cost=1; y cost=2; g cost=4 require=1 -> x,y", "x", "",
        "down=1 degraded=0 at-risk=1 cost=1");
    row("degraded only", "a cost=10; b cost=20 -> a", "", "a",
        "down=0 degraded=2 at-risk=0 cost=0");
    row("fractions", "a cost=0.25; b cost=0.5 -> a; c -> b", "a", "",
        "down=3 degraded=0 at-risk=0 cost=0.75");
    row("no costs", "a; b parent=a; c ~> b", "a", "", "down=2 degraded=1 at-risk=0 cost=0");
    row("failed and impaired once each", "a cost=5", "a", "a",
        "down=1 degraded=0 at-risk=0 cost=5");
}

void TestEngine::summary()
{
    QFETCH(QString, map);
    QFETCH(QString, fail);
    QFETCH(QString, degrade);
    QFETCH(QString, expected);

    const Map m = parseMap(map);
    QVERIFY(!validationError(m));
    const ImpactGraph graph(m);
    ImpactEngine engine(graph);
    engine.run(scenario(m, fail, degrade));
    QCOMPARE(describe(engine.summary()), expected);
    QCOMPARE(describe(engine.result().summary()), expected);
}

void TestEngine::paths()
{
    const Map m = parseMap(QStringLiteral("r; z parent=r; s parent=z; c -> s; u"));
    const ImpactGraph graph(m);
    const ImpactResult r = evaluateImpact(graph, scenario(m, QStringLiteral("r")));
    auto ids = [&m](const std::vector<ComponentIndex> &path) {
        QStringList out;
        for (ComponentIndex c : path)
            out.append(m.component(c).id);
        return out.join(QLatin1Char(' '));
    };
    QCOMPARE(ids(r.path(*m.findComponent(QStringLiteral("c")))), QStringLiteral("c s z r"));
    QCOMPARE(ids(r.path(*m.findComponent(QStringLiteral("r")))), QStringLiteral("r"));
    QCOMPARE(ids(r.path(*m.findComponent(QStringLiteral("u")))), QString());
}

void TestEngine::emptyMap()
{
    const Map m;
    QVERIFY(!validationError(m));
    const ImpactGraph graph(m);
    QCOMPARE(graph.size(), 0);
    ImpactEngine engine(graph);
    engine.run({}, {});
    QVERIFY(engine.affected().empty());
    QCOMPARE(engine.summary(), ImpactSummary());
    const ImpactResult r = engine.result();
    QCOMPARE(r.size(), 0);
    QVERIFY(r.affected().empty());
    QCOMPARE(evaluateImpact(graph, ScenarioSpec()).size(), 0);
}

void TestEngine::repeatedRunsAgree()
{
    const Map m = parseMap(QStringLiteral(
        "aws; r parent=aws; z1 parent=r; z2 parent=r; w1 parent=z1; w2 parent=z2;"
        "web require=1 -> w1,w2; db parent=z1; cache parent=z2; app -> web,db ~> cache;"
        "shop -> app; db -> app"));
    QVERIFY(!validationError(m));
    const ScenarioSpec spec = scenario(m, QStringLiteral("z1"), QStringLiteral("cache"));
    const ImpactGraph graph(m);
    const QString first = resultSnapshot(m, evaluateImpact(graph, spec));
    QVERIFY(!first.startsWith(QLatin1String(" |")));
    for (int i = 0; i < 20; ++i) {
        const ImpactGraph again(m);
        QCOMPARE(resultSnapshot(m, evaluateImpact(again, spec)), first);
    }
    ImpactEngine engine(graph);
    for (int i = 0; i < 20; ++i) {
        engine.run(spec);
        QCOMPARE(engineSnapshot(m, engine), first);
    }
}

void TestEngine::reusedEngineResets()
{
    const Map m = parseMap(QStringLiteral(
        "p; a parent=p; b parent=p; x; y; g require=1 -> x,y; s -> g ~> a; t -> s,b; "
        "u ~> t; v -> u; w parent=v; c1 -> c2; c2 -> c1 ~> w"));
    QVERIFY(!validationError(m));
    const ImpactGraph graph(m);
    const std::vector<ScenarioSpec> specs = {
        scenario(m, QStringLiteral("x")),
        scenario(m, QStringLiteral("p")),
        scenario(m, {}, QStringLiteral("a,y")),
        scenario(m, QStringLiteral("x,y"), QStringLiteral("b")),
        scenario(m, {}),
        scenario(m, QStringLiteral("w,c2")),
        scenario(m, QStringLiteral("x"), QStringLiteral("x,v")),
    };
    std::vector<QString> fresh;
    for (const ScenarioSpec &spec : specs)
        fresh.push_back(resultSnapshot(m, evaluateImpact(graph, spec)));

    // A, B, A again, and every pair in both orders.
    ImpactEngine engine(graph);
    for (size_t i = 0; i < specs.size(); ++i) {
        for (size_t j = 0; j < specs.size(); ++j) {
            for (size_t k : {i, j, i}) {
                engine.run(specs[k]);
                QCOMPARE(engineSnapshot(m, engine), fresh[k]);
                QCOMPARE(resultSnapshot(m, engine.result()), fresh[k]);
            }
        }
    }
}

// The engine stamps each round and keeps only 24 bits of a stamp (engine.h), starting the
// stamps over when they run out, in the middle of a run: one engine must give the same answers
// before and after. The stamps are what keeps a component from being queued twice in a round,
// so the map is a ladder in which each rung depends on both ends of the rung below: every
// component is reached twice in each round. 100 rungs make each run up to 100 rounds, so the
// stamps start over after about 67,000 runs of the three scenarios.
void TestEngine::stampsStartOverAfterMillionsOfRounds()
{
    constexpr int rungs = 100;
    QString text = QStringLiteral("a0; b0; g require=1 -> a0,a1");
    for (int i = 1; i < rungs; ++i) {
        text += QStringLiteral("; a%1 -> a%2,b%2; b%1 -> a%2,b%2").arg(i).arg(i - 1);
    }
    const Map m = parseMap(text);
    QVERIFY(!validationError(m));
    const ImpactGraph graph(m);
    const std::vector<ScenarioSpec> specs = {
        scenario(m, QStringLiteral("a0")), // every rung down, one a round; g at-risk, then down
        scenario(m, {}, QStringLiteral("b0")), // every rung degraded
        scenario(m, QStringLiteral("a50")),
    };
    std::vector<QString> fresh;
    std::vector<ImpactSummary> summaries;
    for (const ScenarioSpec &spec : specs) {
        const ImpactResult r = evaluateImpact(graph, spec);
        fresh.push_back(resultSnapshot(m, r));
        summaries.push_back(r.summary());
    }
    ImpactEngine engine(graph);
    const int runs = 2 * (1 << 24) / (rungs + rungs + rungs / 2) + 2;
    for (int r = 0; r < runs; ++r) {
        for (size_t k = 0; k < specs.size(); ++k) {
            engine.run(specs[k]);
            // The summary of every run, so that the run in which the stamps start over is
            // checked too; every state and cause now and then.
            QCOMPARE(engine.summary(), summaries[k]);
            if (r % 5000 == 0 || r + 1 == runs)
                QCOMPARE(engineSnapshot(m, engine), fresh[k]);
        }
    }
}

void TestEngine::engineAffectedAndResultAgree()
{
    const Map m = parseMap(QStringLiteral("a; b -> a; c ~> b; d parent=c; e; f require=1 -> a,e"));
    const ImpactGraph graph(m);
    ImpactEngine engine(graph);
    engine.run(scenario(m, QStringLiteral("a")));
    const ImpactResult r = engine.result();
    QSet<int> fromEngine;
    for (std::int32_t c : engine.affected())
        fromEngine.insert(c);
    QCOMPARE(int(engine.affected().size()), fromEngine.size()); // each once
    QSet<int> fromResult;
    for (ComponentIndex c : r.affected())
        fromResult.insert(c.value);
    QCOMPARE(fromEngine, fromResult);
    for (int i = 0; i < m.componentCount(); ++i) {
        QCOMPARE(toString(engine.state(ComponentIndex(i))), toString(r.state(ComponentIndex(i))));
        QCOMPARE(engine.cause(ComponentIndex(i)).value, r.cause(ComponentIndex(i)).value);
    }
    QCOMPARE(r.states().size(), size_t(m.componentCount()));
}

void TestEngine::resolveNamesUnknownIds()
{
    const Map m = parseMap(QStringLiteral("a; b -> a; @s fail=a degrade=b"));
    const ScenarioSpec spec = resolveScenario(m, m.scenarios().front());
    QCOMPARE(spec.fail.size(), size_t(1));
    QCOMPARE(spec.fail.front().value, m.findComponent(QStringLiteral("a"))->value);
    QCOMPARE(spec.degrade.front().value, m.findComponent(QStringLiteral("b"))->value);
    try {
        resolveScenario(m, {QStringLiteral("a")}, {QStringLiteral("nope")});
        QFAIL("an unknown id was resolved");
    } catch (const ValidationError &e) {
        QVERIFY2(e.message().contains(QLatin1String("nope")), qPrintable(e.message()));
    }
}

void TestEngine::randomMapsMatchReference()
{
    QRandomGenerator rng(20240611);
    int compared = 0;
    int nonTrivial = 0;
    // Many small maps, then some larger ones with longer chains.
    for (int iteration = 0; iteration < 500; ++iteration) {
        const bool large = iteration >= 400;
        const QString text = large ? randomMap(rng, 40, 0.08) : randomMap(rng, 12, 0.3);
        const Map m = parseMap(text);
        const auto invalid = validationError(m);
        QVERIFY2(!invalid, qPrintable(text + QStringLiteral(": ") + invalid.value_or(QString())));
        const ImpactGraph graph(m);
        ImpactEngine reused(graph); // one engine for every scenario of the map: checks reset
        for (int s = 0; s < 5; ++s) {
            const QString fail = randomSubset(rng, m.componentCount(), 0.15);
            const QString degrade = randomSubset(rng, m.componentCount(), 0.1);
            const ScenarioSpec spec = scenario(m, fail, degrade);
            const QString where =
                QStringLiteral("map \"%1\" fail \"%2\" degrade \"%3\"").arg(text, fail, degrade);

            const QString expected = describeReference(m, referenceImpact(m, spec));
            QVERIFY2(!expected.contains(QLatin1String("#-2")),
                qPrintable(QStringLiteral("reference found no cause: ") + where));
            const ImpactResult fresh = evaluateImpact(graph, spec);
            const QString actual = describe(m, fresh);
            QVERIFY2(actual == expected,
                qPrintable(where + QStringLiteral("\n   engine:    ") + actual
                    + QStringLiteral("\n   reference: ") + expected));
            const QString broken = checkInvariants(m, spec, fresh);
            QVERIFY2(broken.isEmpty(), qPrintable(where + QStringLiteral(": ") + broken));

            reused.run(spec);
            QVERIFY2(engineSnapshot(m, reused) == resultSnapshot(m, fresh),
                qPrintable(where + QStringLiteral("\n   reused: ") + engineSnapshot(m, reused)
                    + QStringLiteral("\n   fresh:  ") + resultSnapshot(m, fresh)));
            ++compared;
            nonTrivial += expected.count(QLatin1Char('<')) > 1 ? 1 : 0;
        }
    }
    QCOMPARE(compared, 2500);
    QVERIFY2(nonTrivial > 500, "the random maps should propagate something");
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
