#include "model/analysis/setfamily.h"

#include <algorithm>
#include <numeric>

namespace faultline {

namespace {

std::uint64_t hashSlots(const std::int32_t *p, int width)
{
    std::uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < width; ++i) {
        h ^= std::uint32_t(p[i]);
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

// The sets accepted so far by minimize(), with a hash index for subset look-ups.
class Accepted
{
public:
    Accepted(int width, int expected) : m_width(width)
    {
        std::size_t cap = 16;
        while (cap < std::size_t(expected) * 2)
            cap *= 2;
        m_table.assign(cap, -1);
    }

    int count() const { return int(m_slots.size()) / m_width; }
    const std::int32_t *at(int i) const { return m_slots.data() + std::size_t(i) * m_width; }

    bool contains(const std::int32_t *p) const
    {
        const std::size_t mask = m_table.size() - 1;
        for (std::size_t h = hashSlots(p, m_width) & mask;; h = (h + 1) & mask) {
            const std::int32_t i = m_table[h];
            if (i < 0)
                return false;
            if (std::equal(p, p + m_width, at(i)))
                return true;
        }
    }

    void insert(const std::int32_t *p)
    {
        if (std::size_t(count() + 1) * 2 > m_table.size())
            grow();
        const int i = count();
        m_slots.insert(m_slots.end(), p, p + m_width);
        place(i);
    }

    std::vector<std::int32_t> take() { return std::move(m_slots); }

private:
    void place(int i)
    {
        const std::size_t mask = m_table.size() - 1;
        std::size_t h = hashSlots(at(i), m_width) & mask;
        while (m_table[h] >= 0)
            h = (h + 1) & mask;
        m_table[h] = i;
    }
    void grow()
    {
        m_table.assign(m_table.size() * 2, -1);
        for (int i = 0; i < count(); ++i)
            place(i);
    }

    int m_width;
    std::vector<std::int32_t> m_slots;
    std::vector<std::int32_t> m_table;
};

bool includes(const std::int32_t *big, const std::int32_t *small, int width)
{
    int j = 0;
    for (int i = 0; i < width && small[i] != SetFamily::pad; ++i) {
        while (j < width && big[j] < small[i])
            ++j;
        if (j == width || big[j] != small[i])
            return false;
    }
    return true;
}

} // namespace

int SetFamily::sizeOf(int i) const
{
    const std::int32_t *p = setAt(i);
    int n = 0;
    while (n < m_width && p[n] != pad)
        ++n;
    return n;
}

std::span<const std::int32_t> SetFamily::set(int i) const
{
    return {setAt(i), std::size_t(sizeOf(i))};
}

void SetFamily::add(std::span<const std::int32_t> sorted)
{
    if (int(sorted.size()) > m_width)
        return;
    m_slots.insert(m_slots.end(), sorted.begin(), sorted.end());
    m_slots.insert(m_slots.end(), std::size_t(m_width) - sorted.size(), pad);
}

void SetFamily::minimize()
{
    const int n = count();
    const int w = m_width;
    std::vector<int> sizes(n);
    for (int i = 0; i < n; ++i)
        sizes[i] = sizeOf(i);
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (sizes[a] != sizes[b])
            return sizes[a] < sizes[b];
        return std::lexicographical_compare(setAt(a), setAt(a) + w, setAt(b), setAt(b) + w);
    });

    Accepted accepted(w, n);
    int smaller = 0; // accepted sets of fewer members than the current one
    int currentSize = -1;
    std::vector<std::int32_t> subset(w);
    for (int i : order) {
        const std::int32_t *s = setAt(i);
        const int size = sizes[i];
        if (size != currentSize) {
            currentSize = size;
            smaller = accepted.count();
        }
        if (accepted.contains(s))
            continue;
        bool subsumed = false;
        if (smaller > 0) {
            if (size < 20 && (std::int64_t(1) << size) <= 4 * std::int64_t(smaller) + 64) {
                // Look every proper subset up.
                const std::uint32_t full = (std::uint32_t(1) << size) - 1;
                for (std::uint32_t mask = 0; mask < full && !subsumed; ++mask) {
                    int k = 0;
                    for (int b = 0; b < size; ++b) {
                        if (mask & (std::uint32_t(1) << b))
                            subset[k++] = s[b];
                    }
                    std::fill(subset.begin() + k, subset.end(), pad);
                    subsumed = accepted.contains(subset.data());
                }
            } else {
                for (int j = 0; j < smaller && !subsumed; ++j)
                    subsumed = includes(s, accepted.at(j), w);
            }
        }
        if (!subsumed)
            accepted.insert(s);
    }
    m_slots = accepted.take();
}

SetFamily SetFamily::unite(const SetFamily &a, const SetFamily &b)
{
    SetFamily out(a.m_width);
    out.m_slots.reserve(a.m_slots.size() + b.m_slots.size());
    out.m_slots = a.m_slots;
    out.m_slots.insert(out.m_slots.end(), b.m_slots.begin(), b.m_slots.end());
    out.minimize();
    return out;
}

SetFamily SetFamily::product(const SetFamily &a, const SetFamily &b)
{
    const int w = a.m_width;
    SetFamily out(w);
    std::vector<std::int32_t> merged(w);
    for (int i = 0; i < a.count(); ++i) {
        const std::int32_t *x = a.setAt(i);
        for (int j = 0; j < b.count(); ++j) {
            const std::int32_t *y = b.setAt(j);
            // Merge two padded sorted sets; pad is the largest value, so it sorts last.
            int p = 0, q = 0, k = 0;
            while (k <= w) {
                const std::int32_t u = p < w ? x[p] : pad;
                const std::int32_t v = q < w ? y[q] : pad;
                const std::int32_t next = std::min(u, v);
                if (next == pad)
                    break;
                if (k == w) {
                    k = w + 1; // too many members
                    break;
                }
                merged[k++] = next;
                p += u == next;
                q += v == next;
            }
            if (k <= w)
                out.add(std::span(merged.data(), std::size_t(k)));
        }
    }
    out.minimize();
    return out;
}

SetFamily SetFamily::always(int width)
{
    SetFamily out(width);
    out.add({});
    return out;
}

} // namespace faultline
