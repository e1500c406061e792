#include "model/analysis/bdd.h"

#include "model/map/errors.h"

#include <algorithm>

namespace faultline {

namespace {

std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    std::uint64_t h = a * 0x9E3779B97F4A7C15ull;
    h ^= b + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h ^= c * 0xC2B2AE3D27D4EB4Full + (h << 6) + (h >> 2);
    return h ^ (h >> 31);
}

} // namespace

Bdd::Bdd(int variableCount, std::size_t maxNodes)
    : m_variableCount(variableCount), m_maxNodes(maxNodes)
{
    // Terminals test a variable past the last one, so every real node tests earlier.
    m_nodes.push_back({variableCount, zero, zero});
    m_nodes.push_back({variableCount, one, one});
    m_unique.assign(1 << 12, 0);
    m_cache.resize(1 << 14);
}

void Bdd::growUnique()
{
    m_unique.assign(m_unique.size() * 2, 0);
    const std::size_t mask = m_unique.size() - 1;
    for (Node n = 2; n < m_nodes.size(); ++n) {
        std::size_t h = mix(std::uint64_t(m_nodes[n].var), m_nodes[n].low, m_nodes[n].high) & mask;
        while (m_unique[h] != 0)
            h = (h + 1) & mask;
        m_unique[h] = n;
    }
    // Keep the cache in step with the diagram so hits stay likely.
    if (m_cache.size() < m_unique.size())
        m_cache.assign(m_unique.size(), CacheEntry {});
}

Bdd::Node Bdd::make(std::int32_t var, Node low, Node high)
{
    if (low == high)
        return low;
    const std::size_t mask = m_unique.size() - 1;
    std::size_t h = mix(std::uint64_t(var), low, high) & mask;
    for (; m_unique[h] != 0; h = (h + 1) & mask) {
        const NodeData &d = m_nodes[m_unique[h]];
        if (d.var == var && d.low == low && d.high == high)
            return m_unique[h];
    }
    if (m_nodes.size() >= m_maxNodes)
        throw Error(QStringLiteral("The analysis needs more than %1 decision diagram nodes; the "
                                   "map is too interconnected for an exact answer")
                        .arg(m_maxNodes));
    const Node n = Node(m_nodes.size());
    m_nodes.push_back({var, low, high});
    m_unique[h] = n;
    if (m_nodes.size() * 2 > m_unique.size())
        growUnique();
    if (m_poll && (n & 0xFFFF) == 0)
        m_poll();
    return n;
}

Bdd::Node Bdd::cofactor(Node f, std::int32_t var, bool value) const
{
    if (m_nodes[f].var != var)
        return f;
    return value ? m_nodes[f].high : m_nodes[f].low;
}

Bdd::Node Bdd::ite(Node f, Node g, Node h)
{
    if (f == one)
        return g;
    if (f == zero)
        return h;
    if (g == h)
        return g;
    if (g == one && h == zero)
        return f;
    CacheEntry &slot = m_cache[mix(f, g, h) & (m_cache.size() - 1)];
    if (slot.f == f && slot.g == g && slot.h == h)
        return slot.result;
    const std::int32_t v = std::min({top(f), top(g), top(h)});
    const Node t = ite(cofactor(f, v, true), cofactor(g, v, true), cofactor(h, v, true));
    const Node e = ite(cofactor(f, v, false), cofactor(g, v, false), cofactor(h, v, false));
    const Node r = make(v, e, t);
    // The recursion may have resized the cache; look the slot up again.
    m_cache[mix(f, g, h) & (m_cache.size() - 1)] = {f, g, h, r};
    return r;
}

std::vector<Bdd::Node> Bdd::reachable(Node f) const
{
    std::vector<std::uint8_t> seen(m_nodes.size(), 0);
    std::vector<Node> stack {f}, out;
    seen[f] = 1;
    while (!stack.empty()) {
        const Node n = stack.back();
        stack.pop_back();
        out.push_back(n);
        if (n <= one)
            continue;
        for (Node c : {m_nodes[n].low, m_nodes[n].high}) {
            if (!seen[c]) {
                seen[c] = 1;
                stack.push_back(c);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t Bdd::size(Node f) const
{
    return reachable(f).size();
}

double Bdd::probability(Node f, std::span<const double> p) const
{
    std::vector<double> prob(m_nodes.size(), 0.0);
    prob[one] = 1.0;
    for (Node n : reachable(f)) {
        if (n <= one)
            continue;
        const NodeData &d = m_nodes[n];
        prob[n] = p[d.var] * prob[d.high] + (1.0 - p[d.var]) * prob[d.low];
    }
    return prob[f];
}

std::vector<double> Bdd::derivatives(Node f, std::span<const double> p) const
{
    const std::vector<Node> nodes = reachable(f);
    std::vector<double> prob(m_nodes.size(), 0.0), reach(m_nodes.size(), 0.0);
    prob[one] = 1.0;
    for (Node n : nodes) {
        if (n > one)
            prob[n] = p[m_nodes[n].var] * prob[m_nodes[n].high]
                + (1.0 - p[m_nodes[n].var]) * prob[m_nodes[n].low];
    }
    // P(f) is, over the nodes testing v, the sum of reach * (p * P(high) + (1 - p) * P(low)),
    // each path testing v at most once; hence the derivative below.
    std::vector<double> out(m_variableCount, 0.0);
    reach[f] = 1.0;
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        const Node n = *it;
        if (n <= one)
            continue;
        const NodeData &d = m_nodes[n];
        reach[d.high] += reach[n] * p[d.var];
        reach[d.low] += reach[n] * (1.0 - p[d.var]);
        out[d.var] += reach[n] * (prob[d.high] - prob[d.low]);
    }
    return out;
}

} // namespace faultline
