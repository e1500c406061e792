#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace faultline {

// A finished decision diagram, copied out of the Bdd that built it: its nodes children first
// (so one forward pass computes probabilities and one backward pass derivatives), edges as in
// Bdd (node index x 2 + complement bit), node 0 the terminal "true".
class Diagram
{
public:
    struct Node
    {
        std::int32_t var;
        std::uint32_t low, high; // high is never complemented
    };

    Diagram() = default;
    Diagram(std::vector<Node> nodes, std::uint32_t root) : m_nodes(std::move(nodes)), m_root(root)
    { }

    // Nodes, the terminal included.
    std::size_t size() const { return m_nodes.size(); }

    // Probability that the function is true when each variable v is true independently with
    // probability p[v] (and false with q[v] = 1 - p[v], given apart so that neither is
    // computed as a difference). Both P and 1 - P are sums of positive terms over the diagram,
    // so complement edges cost no precision: returns {P, 1 - P}.
    std::pair<double, double> probability(
        std::span<const double> p, std::span<const double> q) const;
    // For every variable v, adds weight x dP/dp[v] (P given v minus P given not v) to
    // derivatives[v]: Birnbaum's importance when the function is a failure, by reverse-mode
    // differentiation, one pass after probability().
    void addDerivatives(std::span<const double> p, std::span<const double> q, double weight,
        std::span<double> derivatives) const;

private:
    // P and 1 - P of every node (index order), for the two passes.
    void nodeProbabilities(std::span<const double> p, std::span<const double> q,
        std::vector<double> &pr, std::vector<double> &qr) const;

    std::vector<Node> m_nodes;
    std::uint32_t m_root = 0;
};

// A reduced ordered binary decision diagram package with complement edges: an edge is a node
// index times two plus a complement bit, node 0 is the terminal "true" (edge 0 true, edge 1
// false), and a node's high edge is never complemented, so each function has one edge and its
// negation costs nothing. One unique table (chained through the nodes), one lossy computed
// table for "and" ("or" is its De Morgan dual), both grown with the diagram. Nodes are created
// after their children, so node numbers are a topological order. Variable 0 is tested first.
//
// There is no garbage collection: an analysis builds one function (one module of a fault
// tree), copies it out with extract() and reset()s the package for the next one, reusing its
// memory; the memory goes with the Bdd.
class Bdd
{
public:
    using Edge = std::uint32_t;
    static constexpr Edge one = 0;
    static constexpr Edge zero = 1;

    // Throws faultline::Error when the nodes of one function would exceed maxNodes.
    explicit Bdd(std::size_t maxNodes = 20'000'000);

    // Forgets every node; keeps the memory. `expectedNodes` sizes the tables.
    void reset(std::size_t expectedNodes = 0);

    Edge variable(std::int32_t v) { return make(v, zero, one); }
    // The node "if v then high else low" (v tested before every variable of both).
    Edge node(std::int32_t v, Edge low, Edge high) { return make(v, low, high); }
    // The variable f tests first (past every variable for a constant), and f's cofactors by it.
    std::int32_t topVariable(Edge f) const { return m_nodes[f >> 1].var; }
    Edge highOf(Edge f) const { return m_nodes[f >> 1].high ^ (f & 1u); }
    Edge lowOf(Edge f) const { return m_nodes[f >> 1].low ^ (f & 1u); }
    static Edge negate(Edge f) { return f ^ 1u; }
    Edge andOf(Edge a, Edge b);
    Edge orOf(Edge a, Edge b) { return negate(andOf(negate(a), negate(b))); }

    // Garbage collection: keeps only the nodes reachable from the edges `roots` points to,
    // renumbered in the same order (so still children first), updates those edges and empties
    // the computed table. Every other edge of this Bdd becomes invalid.
    void collect(std::span<Edge *const> roots);

    // Nodes created since the last reset, the terminal included.
    std::size_t nodeCount() const { return m_nodes.size(); }
    // Nodes ever created by this Bdd, across resets and collections: the work done.
    std::size_t createdCount() const { return m_created; }
    // The function `f` as a Diagram of its own nodes.
    Diagram extract(Edge f) const;

    // Called every 65,536 new nodes; may throw to abandon the construction.
    void setPoll(std::function<void()> poll) { m_poll = std::move(poll); }

private:
    struct Node
    {
        std::int32_t var;
        Edge low, high;
        std::uint32_t next; // the next node of its unique-table chain; 0 ends it
    };
    struct CacheEntry
    {
        Edge a = 0, b = 0, result = 0; // a == b never happens in a used entry
    };

    Edge make(std::int32_t var, Edge low, Edge high);
    void grow();
    std::int32_t top(Edge f) const { return m_nodes[f >> 1].var; }

    std::size_t m_maxNodes;
    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_buckets; // first node of each chain; 0 for none
    std::vector<CacheEntry> m_cache;
    std::function<void()> m_poll;
    std::size_t m_created = 0;
};

} // namespace faultline
