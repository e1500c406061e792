#pragma once

#include "model/analysis/bdd.h"

#include <cstdint>
#include <span>
#include <vector>

namespace faultline {

// The diagram of an or of ands ("sum of products") over up to 64 diagrams, the leaves, built
// in one recursion over all of them at once rather than and by and, then or by or: each step
// takes the first variable any leaf tests, cofactors every leaf by it and recurses, memoised
// on the tuple of cofactors. Only nodes of the result (and of its sub-functions) are created,
// where the pairwise construction creates the diagram of every and and of every partial or;
// on the fault trees whose top is an or of many ands over the same few large gates (a vote
// over redundant trains written out), that is millions of nodes against a few hundred
// thousand. An and of ors is the negation of an or of ands over the negated leaves.
class SumOfProducts
{
public:
    static constexpr std::size_t maxLeaves = 64;

    // terms[t]: bit i set when leaf i is in term t.
    SumOfProducts(Bdd &bdd, std::span<const Bdd::Edge> leaves, std::vector<std::uint64_t> terms);

    Bdd::Edge solve();

private:
    Bdd::Edge solve(std::size_t at);
    std::uint64_t hashAt(std::size_t at) const;
    std::uint32_t find(std::size_t at, std::uint64_t hash) const;
    void insert(std::size_t at, std::uint64_t hash, Bdd::Edge result);

    Bdd &m_bdd;
    std::size_t m_k;
    std::vector<std::uint64_t> m_terms;
    // The leaves of each level of the recursion, k per level: the tuple of the call at `at`
    // is m_scratch[at, at + k), its children's at at + k.
    std::vector<Bdd::Edge> m_scratch;
    // The memo: open addressing over entry numbers + 1, each entry's tuple in m_keys.
    std::vector<std::uint32_t> m_table;
    std::vector<Bdd::Edge> m_keys;
    std::vector<Bdd::Edge> m_results;
};

} // namespace faultline
