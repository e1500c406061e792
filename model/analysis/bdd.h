#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace faultline {

// A small reduced ordered binary decision diagram package: one unique table (so equal
// functions are equal node numbers), a lossy ITE cache, no complement edges, no garbage
// collection (a Bdd lives for one analysis). Variable 0 is tested first.
//
// Nodes are numbered in creation order and a node is created after both its children, so
// increasing node numbers are a topological order: probability() and derivatives() are one
// pass each.
class Bdd
{
public:
    using Node = std::uint32_t;
    static constexpr Node zero = 0;
    static constexpr Node one = 1;

    // Throws faultline::Error when a diagram would grow beyond maxNodes.
    explicit Bdd(int variableCount, std::size_t maxNodes = 20'000'000);

    Node variable(int v) { return make(v, zero, one); }
    Node ite(Node f, Node g, Node h);
    Node orOf(Node a, Node b) { return ite(a, one, b); }
    Node andOf(Node a, Node b) { return ite(a, b, zero); }

    int variableCount() const { return m_variableCount; }
    std::size_t nodeCount() const { return m_nodes.size(); }
    // Nodes reachable from f, terminals included.
    std::size_t size(Node f) const;

    // Probability that f is true when each variable v is true independently with
    // probability p[v].
    double probability(Node f, std::span<const double> p) const;
    // For every variable v, the derivative of probability(f) by p[v]: probability(f given v)
    // minus probability(f given not v), Birnbaum's importance when f is a failure function.
    std::vector<double> derivatives(Node f, std::span<const double> p) const;

    // Called every 65,536 new nodes; may throw to abandon the construction.
    void setPoll(std::function<void()> poll) { m_poll = std::move(poll); }

private:
    struct NodeData
    {
        std::int32_t var;
        Node low, high;
    };
    struct CacheEntry
    {
        Node f = 0, g = 0, h = 0, result = 0; // f is never a terminal in a used entry
    };

    Node make(std::int32_t var, Node low, Node high);
    void growUnique();
    std::int32_t top(Node f) const { return m_nodes[f].var; }
    Node cofactor(Node f, std::int32_t var, bool value) const;
    std::vector<Node> reachable(Node f) const; // increasing node order

    int m_variableCount;
    std::size_t m_maxNodes;
    std::vector<NodeData> m_nodes;
    std::vector<Node> m_unique; // open addressing; 0 marks a free slot (terminals never enter)
    std::vector<CacheEntry> m_cache;
    std::function<void()> m_poll;
};

} // namespace faultline
