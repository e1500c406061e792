#include "model/analysis/bdd.h"

#include "model/map/errors.h"

#include <algorithm>
#include <bit>
#include <climits>

namespace faultline {

namespace {

std::uint32_t hash3(std::uint32_t a, std::uint32_t b, std::uint32_t c)
{
    std::uint64_t h = (std::uint64_t(a) << 32 | b) * 0x9E3779B97F4A7C15ull;
    h ^= (h >> 29) + std::uint64_t(c) * 0xC2B2AE3D27D4EB4Full;
    return std::uint32_t(h >> 32);
}

constexpr std::size_t minTable = 1 << 10;
// The computed table stops growing here (12 bytes an entry): beyond, misses cost less than
// the memory.
constexpr std::size_t maxCache = std::size_t(1) << 20;

} // namespace

Bdd::Bdd(std::size_t maxNodes) : m_maxNodes(maxNodes)
{
    reset();
}

void Bdd::reset(std::size_t expectedNodes)
{
    m_nodes.clear();
    // The terminal tests a variable past every real one, so every node tests earlier.
    m_nodes.push_back({INT32_MAX, one, one, 0});
    const std::size_t size = std::bit_ceil(std::max(minTable, expectedNodes));
    m_buckets.assign(size, 0);
    m_cache.assign(std::min(size, maxCache), CacheEntry {});
}

void Bdd::grow()
{
    m_buckets.assign(m_buckets.size() * 2, 0);
    const std::uint32_t mask = std::uint32_t(m_buckets.size() - 1);
    for (std::uint32_t n = 1; n < m_nodes.size(); ++n) {
        Node &d = m_nodes[n];
        const std::uint32_t h = hash3(std::uint32_t(d.var), d.low, d.high) & mask;
        d.next = m_buckets[h];
        m_buckets[h] = n;
    }
    // Keep the computed table in step with the diagram, so hits stay likely.
    if (m_cache.size() < std::min(m_buckets.size(), maxCache))
        m_cache.assign(std::min(m_buckets.size(), maxCache), CacheEntry {});
}

void Bdd::collect(std::span<Edge *const> roots)
{
    // Children have smaller numbers than their parents: one pass down marks, one up renumbers.
    std::vector<std::uint32_t> number(m_nodes.size(), 0);
    for (const Edge *r : roots)
        number[*r >> 1] = 1;
    for (std::size_t n = m_nodes.size() - 1; n >= 1; --n) {
        if (number[n]) {
            number[m_nodes[n].low >> 1] = 1;
            number[m_nodes[n].high >> 1] = 1;
        }
    }
    const auto renumber = [&](Edge e) {
        return (number[e >> 1] << 1) | (e & 1u);
    };
    std::uint32_t kept = 1;
    number[0] = 0;
    for (std::size_t n = 1; n < m_nodes.size(); ++n) {
        if (!number[n])
            continue;
        number[n] = kept;
        const Node d = m_nodes[n];
        m_nodes[kept++] = {d.var, renumber(d.low), renumber(d.high), 0};
    }
    m_nodes.resize(kept);
    for (Edge *r : roots)
        *r = renumber(*r);
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    const std::uint32_t mask = std::uint32_t(m_buckets.size() - 1);
    for (std::uint32_t n = 1; n < m_nodes.size(); ++n) {
        Node &d = m_nodes[n];
        const std::uint32_t h = hash3(std::uint32_t(d.var), d.low, d.high) & mask;
        d.next = m_buckets[h];
        m_buckets[h] = n;
    }
    std::fill(m_cache.begin(), m_cache.end(), CacheEntry {});
}

Bdd::Edge Bdd::make(std::int32_t var, Edge low, Edge high)
{
    if (low == high)
        return low;
    if (high & 1u) // keep high edges regular: the node of the negation, complemented
        return negate(make(var, negate(low), negate(high)));
    const std::uint32_t h =
        hash3(std::uint32_t(var), low, high) & std::uint32_t(m_buckets.size() - 1);
    for (std::uint32_t n = m_buckets[h]; n != 0; n = m_nodes[n].next) {
        const Node &d = m_nodes[n];
        if (d.var == var && d.low == low && d.high == high)
            return Edge(n) << 1;
    }
    if (m_nodes.size() >= m_maxNodes)
        throw Error(QStringLiteral("The analysis needs more than %1 decision diagram nodes; the "
                                   "map is too interconnected for an exact answer")
                        .arg(m_maxNodes));
    const std::uint32_t n = std::uint32_t(m_nodes.size());
    m_nodes.push_back({var, low, high, m_buckets[h]});
    ++m_created;
    m_buckets[h] = n;
    if (m_nodes.size() > m_buckets.size())
        grow();
    if (m_poll && (n & 0xFFFF) == 0)
        m_poll();
    return Edge(n) << 1;
}

Bdd::Edge Bdd::andOf(Edge a, Edge b)
{
    if (a == zero || b == zero || a == negate(b))
        return zero;
    if (a == one || a == b)
        return b;
    if (b == one)
        return a;
    if (a > b)
        std::swap(a, b);
    const std::size_t mask = m_cache.size() - 1;
    {
        const CacheEntry &slot = m_cache[hash3(a, b, 0) & mask];
        if (slot.a == a && slot.b == b)
            return slot.result;
    }
    const Node &na = m_nodes[a >> 1];
    const Node &nb = m_nodes[b >> 1];
    const std::int32_t v = std::min(na.var, nb.var);
    const Edge ca = a & 1u, cb = b & 1u;
    const Edge a1 = na.var == v ? na.high ^ ca : a, a0 = na.var == v ? na.low ^ ca : a;
    const Edge b1 = nb.var == v ? nb.high ^ cb : b, b0 = nb.var == v ? nb.low ^ cb : b;
    const Edge t = andOf(a1, b1);
    const Edge e = andOf(a0, b0);
    const Edge r = make(v, e, t);
    // The recursion may have grown the table; look the slot up again.
    m_cache[hash3(a, b, 0) & (m_cache.size() - 1)] = {a, b, r};
    return r;
}

Diagram Bdd::extract(Edge f) const
{
    // Depth-first post-order from f: children before parents, numbered from 1.
    std::vector<std::uint32_t> number(m_nodes.size(), 0);
    std::vector<Diagram::Node> out {{INT32_MAX, one, one}};
    std::vector<std::pair<std::uint32_t, int>> stack; // node, children pushed so far
    if (f >> 1)
        stack.push_back({f >> 1, 0});
    while (!stack.empty()) {
        auto &[n, done] = stack.back();
        const Node &d = m_nodes[n];
        if (done < 2) {
            const std::uint32_t child = (done == 0 ? d.low : d.high) >> 1;
            ++done;
            if (child != 0 && number[child] == 0)
                stack.push_back({child, 0});
            continue;
        }
        number[n] = std::uint32_t(out.size());
        out.push_back({d.var, (number[d.low >> 1] << 1) | (d.low & 1u),
            (number[d.high >> 1] << 1) | (d.high & 1u)});
        stack.pop_back();
    }
    return Diagram(std::move(out), (number[f >> 1] << 1) | (f & 1u));
}

void Diagram::nodeProbabilities(std::span<const double> p, std::span<const double> q,
    std::vector<double> &pr, std::vector<double> &qr) const
{
    pr.assign(m_nodes.size(), 1.0);
    qr.assign(m_nodes.size(), 0.0);
    // An edge's probability: its node's, or with the complement bit the node's complement.
    const auto edgeP = [&](std::uint32_t e) {
        return e & 1u ? qr[e >> 1] : pr[e >> 1];
    };
    const auto edgeQ = [&](std::uint32_t e) {
        return e & 1u ? pr[e >> 1] : qr[e >> 1];
    };
    for (std::size_t n = 1; n < m_nodes.size(); ++n) {
        const Node &d = m_nodes[n];
        pr[n] = p[d.var] * edgeP(d.high) + q[d.var] * edgeP(d.low);
        qr[n] = p[d.var] * edgeQ(d.high) + q[d.var] * edgeQ(d.low);
    }
}

std::pair<double, double> Diagram::probability(
    std::span<const double> p, std::span<const double> q) const
{
    std::vector<double> pr, qr;
    nodeProbabilities(p, q, pr, qr);
    const std::uint32_t r = m_root >> 1;
    return m_root & 1u ? std::pair {qr[r], pr[r]} : std::pair {pr[r], qr[r]};
}

void Diagram::addDerivatives(std::span<const double> p, std::span<const double> q, double weight,
    std::span<double> derivatives) const
{
    std::vector<double> pr, qr;
    nodeProbabilities(p, q, pr, qr);
    const auto edgeP = [&](std::uint32_t e) {
        return e & 1u ? qr[e >> 1] : pr[e >> 1];
    };
    // adjoint[n]: d P(root) / d P(n). A complemented edge passes it on negated, since
    // P(not g) = 1 - P(g).
    std::vector<double> adjoint(m_nodes.size(), 0.0);
    adjoint[m_root >> 1] = m_root & 1u ? -weight : weight;
    for (std::size_t n = m_nodes.size() - 1; n >= 1; --n) {
        const double a = adjoint[n];
        if (a == 0.0)
            continue;
        const Node &d = m_nodes[n];
        derivatives[d.var] += a * (edgeP(d.high) - edgeP(d.low));
        adjoint[d.high >> 1] += a * p[d.var]; // high edges are regular
        adjoint[d.low >> 1] += d.low & 1u ? -a * q[d.var] : a * q[d.var];
    }
}

} // namespace faultline
