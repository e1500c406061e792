#include "model/analysis/sumofproducts.h"

#include <algorithm>
#include <bit>
#include <climits>

namespace faultline {

SumOfProducts::SumOfProducts(
    Bdd &bdd, std::span<const Bdd::Edge> leaves, std::vector<std::uint64_t> terms)
    : m_bdd(bdd), m_k(leaves.size()), m_terms(std::move(terms)),
      m_scratch(leaves.begin(), leaves.end()), m_table(1024, 0)
{ }

Bdd::Edge SumOfProducts::solve()
{
    return solve(0);
}

std::uint64_t SumOfProducts::hashAt(std::size_t at) const
{
    std::uint64_t h = 0;
    for (std::size_t i = 0; i < m_k; ++i)
        h = (h + m_scratch[at + i]) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 31);
}

std::uint32_t SumOfProducts::find(std::size_t at, std::uint64_t hash) const
{
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t pos = hash & mask;; pos = (pos + 1) & mask) {
        const std::uint32_t e = m_table[pos];
        if (e == 0)
            return 0;
        if (std::equal(m_keys.begin() + std::ptrdiff_t((e - 1) * m_k),
                m_keys.begin() + std::ptrdiff_t(e * m_k),
                m_scratch.begin() + std::ptrdiff_t(at)))
            return e;
    }
}

void SumOfProducts::insert(std::size_t at, std::uint64_t hash, Bdd::Edge result)
{
    if ((m_results.size() + 1) * 2 > m_table.size()) {
        m_table.assign(m_table.size() * 2, 0);
        const std::size_t mask = m_table.size() - 1;
        for (std::uint32_t e = 1; e <= m_results.size(); ++e) {
            std::uint64_t h = 0;
            for (std::size_t i = 0; i < m_k; ++i)
                h = (h + m_keys[(e - 1) * m_k + i]) * 0x9E3779B97F4A7C15ull;
            std::size_t pos = (h ^ (h >> 31)) & mask;
            while (m_table[pos] != 0)
                pos = (pos + 1) & mask;
            m_table[pos] = e;
        }
    }
    const std::size_t mask = m_table.size() - 1;
    std::size_t pos = hash & mask;
    while (m_table[pos] != 0)
        pos = (pos + 1) & mask;
    m_keys.insert(m_keys.end(), m_scratch.begin() + std::ptrdiff_t(at),
        m_scratch.begin() + std::ptrdiff_t(at + m_k));
    m_results.push_back(result);
    m_table[pos] = std::uint32_t(m_results.size());
}

Bdd::Edge SumOfProducts::solve(std::size_t at)
{
    std::uint64_t ones = 0, zeros = 0;
    for (std::size_t i = 0; i < m_k; ++i) {
        if (m_scratch[at + i] == Bdd::one)
            ones |= std::uint64_t(1) << i;
        else if (m_scratch[at + i] == Bdd::zero)
            zeros |= std::uint64_t(1) << i;
    }
    // The terms still open, and the leaves they still need.
    std::uint64_t live = 0, last = 0;
    int open = 0;
    for (const std::uint64_t t : m_terms) {
        if (t & zeros)
            continue;
        const std::uint64_t rest = t & ~ones;
        if (rest == 0)
            return Bdd::one;
        live |= rest;
        last = rest;
        ++open;
    }
    if (open == 0)
        return Bdd::zero;
    if (open == 1 && std::has_single_bit(last))
        return m_scratch[at + std::size_t(std::countr_zero(last))];
    // A leaf no open term needs no longer matters: one value for all such tuples (zero, or
    // one where it is one, so that the terms stay as they are), so they share a memo entry.
    std::int32_t v = INT32_MAX;
    for (std::size_t i = 0; i < m_k; ++i) {
        Bdd::Edge &e = m_scratch[at + i];
        if (!(live >> i & 1u))
            e = (ones >> i & 1u) ? Bdd::one : Bdd::zero;
        else
            v = std::min(v, m_bdd.topVariable(e));
    }
    const std::uint64_t hash = hashAt(at);
    if (const std::uint32_t e = find(at, hash))
        return m_results[e - 1];
    const std::size_t child = at + m_k;
    if (m_scratch.size() < child + m_k)
        m_scratch.resize(child + m_k);
    Bdd::Edge branch[2];
    for (int value = 0; value < 2; ++value) {
        for (std::size_t i = 0; i < m_k; ++i) {
            const Bdd::Edge e = m_scratch[at + i];
            m_scratch[child + i] = m_bdd.topVariable(e) != v ? e
                : value                                      ? m_bdd.highOf(e)
                                                             : m_bdd.lowOf(e);
        }
        branch[value] = solve(child);
    }
    const Bdd::Edge r = m_bdd.node(v, branch[0], branch[1]);
    insert(at, hash, r);
    return r;
}

} // namespace faultline
