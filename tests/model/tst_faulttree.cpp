// Availability over a fault tree (model/analysis/faulttree.h, availability.cpp): the tree's
// simplifications (shared-gate merging, coalescing, decomposition of common nodes, modules)
// keep the function, and the importance figures from one pass per module equal those of a
// reference kept here: the truth table over every failure set of the basic events, evaluated
// by DownEvaluator, and Birnbaum's importance summed from it per component.
#include "model/analysis/analyses.h"
#include "model/analysis/bdd.h"
#include "model/analysis/cone.h"
#include "model/analysis/faulttree.h"
#include "model/analysis/sumofproducts.h"
#include "model/impact/downevaluator.h"
#include "model/map/validation.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace faultline;

namespace {

// A fault-tree-shaped map: `events` basic events (with an availability), then `gates` groups
// without one, each needing a few earlier components (so the map is acyclic), shared often,
// some gates built twice with the same inputs, "k of n" mixed in. The last gate is the top.
Map randomTree(std::mt19937 &rng, int events, int gates)
{
    auto pick = [&](int below) {
        return std::uniform_int_distribution<int>(0, below - 1)(rng);
    };
    static const double availabilities[] = {0.5, 0.8, 0.9, 0.99, 0.999};
    Map map;
    for (int i = 0; i < events; ++i) {
        Component c;
        c.id = QStringLiteral("e%1").arg(i);
        c.kind = QStringLiteral("compute");
        c.availability = availabilities[pick(5)];
        map.addComponent(c);
    }
    std::vector<std::vector<int>> inputs;
    for (int g = 0; g < gates; ++g) {
        const int at = events + g;
        std::vector<int> mine;
        if (g > 0 && pick(6) == 0) {
            mine = inputs[std::size_t(pick(g))]; // the same inputs as another gate
        } else {
            const int n = 2 + pick(3);
            for (int k = 0; k < n; ++k) {
                const int j = pick(at);
                if (std::find(mine.begin(), mine.end(), j) == mine.end())
                    mine.push_back(j);
            }
        }
        inputs.push_back(mine);
        Component c;
        c.id = QStringLiteral("g%1").arg(g);
        c.kind = QStringLiteral("group");
        const int n = int(mine.size());
        const int shape = pick(4); // or, and, or k of n
        c.require = shape <= 1 ? n : shape == 2 ? 1 : 1 + pick(n);
        map.addComponent(c);
        for (int j : mine)
            map.addDependency({c.id, map.components()[j].id, DependencyType::Hard, {}, {}});
    }
    validate(map);
    return map;
}

struct Reference
{
    double unavailability = 0.0;
    std::vector<double> birnbaum; // per component
};

// Every failure set of the basic events, through DownEvaluator: P(top down) and, per event v,
// P(down | v failed) - P(down | v up), summed as w / p(v) and -w / q(v) over the sets with
// the top down.
Reference bruteForce(const Map &map, const ImpactGraph &graph, int events, std::int32_t top)
{
    Reference r;
    r.birnbaum.assign(std::size_t(map.componentCount()), 0.0);
    DownEvaluator evaluator(graph);
    std::vector<std::int32_t> fail;
    for (std::uint32_t mask = 0; mask < (1u << events); ++mask) {
        fail.clear();
        double w = 1.0;
        for (int i = 0; i < events; ++i) {
            const double a = *map.components()[i].availability;
            if (mask >> i & 1u) {
                fail.push_back(i);
                w *= 1.0 - a;
            } else {
                w *= a;
            }
        }
        if (!evaluator.run(fail, top))
            continue;
        r.unavailability += w;
        for (int i = 0; i < events; ++i) {
            const double a = *map.components()[i].availability;
            r.birnbaum[std::size_t(i)] += mask >> i & 1u ? w / (1.0 - a) : -w / a;
        }
    }
    return r;
}

bool close(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

FaultTree treeOf(const Map &map, const ImpactGraph &graph, const char *top)
{
    const Cone cone(graph, map.findComponent(QString::fromLatin1(top))->value);
    std::vector<std::int32_t> variableOf(std::size_t(graph.size()), -1);
    std::int32_t next = 0;
    for (std::int32_t c : cone.preorder()) {
        if (map.components()[c].availability)
            variableOf[std::size_t(c)] = next++;
    }
    return FaultTree(graph, cone, variableOf);
}

Component basicEvent(const char *id, double a)
{
    Component c;
    c.id = QString::fromLatin1(id);
    c.kind = QStringLiteral("compute");
    c.availability = a;
    return c;
}

Component gate(const char *id, std::optional<int> require = {})
{
    Component c;
    c.id = QString::fromLatin1(id);
    c.kind = QStringLiteral("group");
    c.require = require;
    return c;
}

Map build(std::initializer_list<Component> components,
    std::initializer_list<std::pair<const char *, const char *>> needs)
{
    Map map;
    for (const Component &c : components)
        map.addComponent(c);
    for (const auto &[from, to] : needs)
        map.addDependency(
            {QString::fromLatin1(from), QString::fromLatin1(to), DependencyType::Hard, {}, {}});
    validate(map);
    return map;
}

int moduleCount(const FaultTree &tree)
{
    int n = 0;
    for (const FaultTree::Gate &g : tree.gates())
        n += g.module ? 1 : 0;
    return n;
}

} // namespace

class TestFaultTree : public QObject
{
    Q_OBJECT

private slots:
    // The exact figures and every Birnbaum importance against the truth table, on trees where
    // merging, coalescing, decomposition and modules all occur.
    void availabilityMatchesTruthTable()
    {
        std::mt19937 rng(1804);
        int trees = 0;
        for (int round = 0; round < 150; ++round) {
            const int events = 4 + int(rng() % 11); // up to 14: 16,384 failure sets
            const int gates = 3 + int(rng() % 25);
            const Map map = randomTree(rng, events, gates);
            const ImpactGraph graph(map);
            const std::int32_t top = events + gates - 1;
            const Reference expected = bruteForce(map, graph, events, top);
            const AvailabilityReport r = availability(map, graph, ComponentIndex(top));
            QVERIFY2(close(r.unavailability, expected.unavailability, 1e-12),
                qPrintable(QStringLiteral("round %1: %2, expected %3")
                               .arg(round)
                               .arg(r.unavailability, 0, 'g', 17)
                               .arg(expected.unavailability, 0, 'g', 17)));
            QVERIFY(close(r.availability, 1.0 - expected.unavailability, 1e-12));
            std::vector<double> birnbaum(std::size_t(map.componentCount()), 0.0);
            for (const AvailabilityContributor &c : r.contributors)
                birnbaum[std::size_t(c.component.value)] = c.birnbaum;
            for (int i = 0; i < events; ++i) {
                QVERIFY2(close(birnbaum[std::size_t(i)], expected.birnbaum[std::size_t(i)], 1e-9),
                    qPrintable(QStringLiteral("round %1, e%2: %3, expected %4")
                                   .arg(round)
                                   .arg(i)
                                   .arg(birnbaum[std::size_t(i)], 0, 'g', 17)
                                   .arg(expected.birnbaum[std::size_t(i)], 0, 'g', 17)));
            }
            ++trees;
        }
        QCOMPARE(trees, 150);
    }

    // Two independent halves under the top: each is a module of its own.
    void independentPartsAreModules()
    {
        const Map map =
            build({basicEvent("a", 0.9), basicEvent("b", 0.9), basicEvent("c", 0.9),
                      basicEvent("d", 0.9), gate("left", 1), gate("right", 1), gate("top")},
                {{"left", "a"}, {"left", "b"}, {"right", "c"}, {"right", "d"}, {"top", "left"},
                    {"top", "right"}});
        const ImpactGraph graph(map);
        const FaultTree tree = treeOf(map, graph, "top");
        QCOMPARE(int(tree.gates().size()), 3);
        QCOMPARE(moduleCount(tree), 3);
        QVERIFY(tree.gates().back().module);
    }

    // "left" and "right" share `s`: neither is a module, the top is.
    void sharedEventsJoinModules()
    {
        const Map map = build({basicEvent("a", 0.9), basicEvent("s", 0.9), basicEvent("c", 0.9),
                                  gate("left", 1), gate("right", 1), gate("top")},
            {{"left", "a"}, {"left", "s"}, {"right", "c"}, {"right", "s"}, {"top", "left"},
                {"top", "right"}});
        const ImpactGraph graph(map);
        const FaultTree tree = treeOf(map, graph, "top");
        QCOMPARE(moduleCount(tree), 1);
    }

    // Two groups with the same inputs are one gate; a chain of or gates is one wide or gate.
    void sameGatesMergeAndChainsCoalesce()
    {
        const Map map = build({basicEvent("a", 0.9), basicEvent("b", 0.9), basicEvent("c", 0.9),
                                  gate("p", 1), gate("q", 1), gate("mid"), gate("top")},
            {{"p", "a"}, {"p", "b"}, {"q", "b"}, {"q", "a"}, {"mid", "p"}, {"mid", "c"},
                {"top", "mid"}, {"top", "q"}});
        const ImpactGraph graph(map);
        const FaultTree tree = treeOf(map, graph, "top");
        // top = or(p, c, q) with p == q: or(and(a, b), c).
        QCOMPARE(int(tree.gates().size()), 2);
        QCOMPARE(tree.gates().back().kind, FaultTree::Kind::Or);
        QCOMPARE(int(tree.gates().back().inputs.size()), 2);
    }

    // top = or(x, and(x, y)) is x: below an or gate its input x is taken as false.
    void commonNodesDecompose()
    {
        const Map map =
            build({basicEvent("x", 0.9), basicEvent("y", 0.9), gate("both", 1), gate("top")},
                {{"both", "x"}, {"both", "y"}, {"top", "x"}, {"top", "both"}});
        const ImpactGraph graph(map);
        const FaultTree tree = treeOf(map, graph, "top");
        QCOMPARE(int(tree.gates().size()), 1);
        QCOMPARE(int(tree.gates().back().inputs.size()), 1);
        QCOMPARE(availability(map, graph, at(map, "top")).unavailability, 0.1);
    }

    // Constants fold: a group needing nothing that can fail is never down.
    void constantsFold()
    {
        Component solid = gate("solid");
        const Map map =
            build({solid, basicEvent("a", 0.9), gate("top", 1)}, {{"top", "solid"}, {"top", "a"}});
        const ImpactGraph graph(map);
        const FaultTree tree = treeOf(map, graph, "solid");
        QVERIFY(tree.isConstant());
        QVERIFY(!tree.constantValue());
        const AvailabilityReport r = availability(map, graph, at(map, "top"));
        QCOMPARE(r.unavailability, 0.0);
        QCOMPARE(r.availability, 1.0);
    }

    // Complement edges cost no precision: P and 1 - P of a tiny probability both exact.
    void complementEdgesKeepPrecision()
    {
        Bdd bdd;
        const Bdd::Edge f = bdd.andOf(bdd.variable(0), bdd.variable(1));
        const Bdd::Edge g = bdd.orOf(bdd.variable(0), bdd.variable(1));
        const std::vector<double> p {1e-9, 1e-9}, q {1.0 - 1e-9, 1.0 - 1e-9};
        const auto [pf, qf] = bdd.extract(f).probability(p, q);
        QCOMPARE(pf, 1e-18);
        QCOMPARE(qf, 1.0 - 1e-18);
        const auto [pg, qg] = bdd.extract(Bdd::negate(g)).probability(p, q);
        QCOMPARE(pg, q[0] * q[1]);
        QVERIFY(std::abs(qg - (2e-9 - 1e-18)) < 1e-24); // a small number, not 1 - (1 - x)
        std::vector<double> d(2, 0.0);
        bdd.extract(g).addDerivatives(p, q, 1.0, d);
        QCOMPARE(d[0], q[1]); // d/dp0 of p0 + p1 - p0 p1
    }

    // Garbage collection keeps the functions it is given, renumbered, and drops the rest; the
    // package goes on working after it.
    void collectKeepsLiveFunctions()
    {
        Bdd bdd;
        const int n = 12;
        std::vector<double> p(n), q(n);
        for (int v = 0; v < n; ++v) {
            p[v] = 0.05 * (v + 1);
            q[v] = 1.0 - p[v];
        }
        Bdd::Edge kept = Bdd::zero, garbage = Bdd::one;
        for (int v = 0; v + 1 < n; v += 2)
            kept = bdd.orOf(kept, bdd.andOf(bdd.variable(v), bdd.variable(v + 1)));
        for (int v = 0; v < n; ++v)
            garbage = bdd.andOf(garbage, bdd.orOf(bdd.variable(v), bdd.variable((v + 5) % n)));
        const auto before = bdd.extract(kept).probability(p, q);
        const std::size_t size = bdd.extract(kept).size();
        const std::size_t all = bdd.nodeCount();
        Bdd::Edge negated = Bdd::negate(kept);
        Bdd::Edge *roots[] = {&kept, &negated};
        bdd.collect(roots);
        QCOMPARE(bdd.nodeCount(), size); // the terminal and kept's nodes
        QVERIFY(bdd.nodeCount() < all);
        QCOMPARE(negated, Bdd::negate(kept));
        QCOMPARE(bdd.extract(kept).probability(p, q), before);
        // The unique table still finds the kept nodes: rebuilding kept ends on the same edge
        // (its partial results, collected, come back as new nodes).
        Bdd::Edge again = Bdd::zero;
        for (int v = 0; v + 1 < n; v += 2)
            again = bdd.orOf(again, bdd.andOf(bdd.variable(v), bdd.variable(v + 1)));
        QCOMPARE(again, kept);
        QCOMPARE(bdd.orOf(kept, Bdd::negate(again)), Bdd::one);
    }

    // A sum of products built in one recursion is the same function, so the same edge, as the
    // ands and ors built pairwise: random leaves (shared, negated, constant, repeated) and terms.
    void sumOfProductsMatchesPairwise()
    {
        std::mt19937 rng(18);
        auto pick = [&](int below) {
            return std::uniform_int_distribution<int>(0, below - 1)(rng);
        };
        Bdd bdd;
        for (int round = 0; round < 200; ++round) {
            std::vector<Bdd::Edge> leaves;
            const int k = 1 + pick(12);
            for (int i = 0; i < k; ++i) {
                Bdd::Edge f = bdd.variable(pick(10));
                for (int j = pick(4); j > 0; --j) {
                    const Bdd::Edge v = bdd.variable(pick(10));
                    f = pick(2) ? bdd.orOf(f, pick(3) ? v : Bdd::negate(v)) : bdd.andOf(f, v);
                }
                if (pick(8) == 0)
                    f = pick(2) ? Bdd::one : Bdd::zero;
                else if (pick(3) == 0 && i > 0)
                    f = leaves[std::size_t(pick(i))];
                leaves.push_back(pick(4) ? f : Bdd::negate(f));
            }
            std::vector<std::uint64_t> terms;
            Bdd::Edge expected = Bdd::zero;
            for (int t = pick(6); t > 0; --t) {
                std::uint64_t term = 0;
                Bdd::Edge product = Bdd::one;
                for (int j = 1 + pick(4); j > 0; --j) {
                    const int i = pick(k);
                    term |= std::uint64_t(1) << i;
                    product = bdd.andOf(product, leaves[std::size_t(i)]);
                }
                terms.push_back(term);
                expected = bdd.orOf(expected, product);
            }
            QCOMPARE(SumOfProducts(bdd, leaves, terms).solve(), expected);
        }
    }

private:
    static ComponentIndex at(const Map &map, const char *id)
    {
        return *map.findComponent(QString::fromLatin1(id));
    }
};

QTEST_GUILESS_MAIN(TestFaultTree)
#include "tst_faulttree.moc"
