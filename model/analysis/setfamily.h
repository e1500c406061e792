#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace faultline {

// A family of small sets of component indices, each of at most `width` members: the minimal
// cut sets of one component's down function, truncated to an order. Each set is stored sorted
// in `width` slots, padded at the end.
//
// Truncation is exact: a minimal cut set of "f or g" of order <= K is one of f or of g, and
// one of "f and g" is the union of one of f and one of g, both of order <= K. So the families
// truncated to K of every combination follow from the truncated families of its parts, and
// subsumption within a truncated family is decided by its own members (every subset of a set
// of order <= K has order <= K too).
class SetFamily
{
public:
    static constexpr std::int32_t pad = INT32_MAX;

    // width >= 1.
    explicit SetFamily(int width = 1) : m_width(width) { }

    int width() const { return m_width; }
    int count() const { return int(m_slots.size()) / m_width; }
    bool isEmpty() const { return count() == 0; }
    // The members of set i, sorted, without padding.
    std::span<const std::int32_t> set(int i) const;

    // Adds a sorted set; sets larger than the width are dropped. Call minimize() after adding.
    void add(std::span<const std::int32_t> sorted);
    // Keeps only the minimal sets, once each, ordered by size then lexicographically: the
    // canonical form, so equal families compare equal.
    void minimize();

    // Minimal sets of "either": the union, minimized.
    static SetFamily unite(const SetFamily &a, const SetFamily &b);
    // Minimal sets of "both": pairwise unions of at most `width` members, minimized.
    static SetFamily product(const SetFamily &a, const SetFamily &b);
    // The family holding only the empty set: "always", the unit of product().
    static SetFamily always(int width);

    bool operator==(const SetFamily &other) const = default;

private:
    const std::int32_t *setAt(int i) const { return m_slots.data() + std::size_t(i) * m_width; }
    int sizeOf(int i) const;

    int m_width;
    std::vector<std::int32_t> m_slots;
};

} // namespace faultline
