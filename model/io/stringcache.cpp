#include "model/io/stringcache.h"

#include <cstring>

namespace faultline {

// Eight bytes at a time, mixed with multiplications (splitmix64's constants): ids are short,
// and this is on the path of every id a map file holds.
std::uint64_t StringCache::hash(std::string_view bytes)
{
    const char *p = bytes.data();
    std::size_t n = bytes.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    while (n >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    h = (h ^ tail) * 0x94d049bb133111ebULL;
    return h ^ (h >> 29);
}

const QString *StringCache::find(std::string_view bytes, std::uint64_t hash) const
{
    if (m_slots.empty())
        return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (!slot.data)
            return nullptr;
        if (slot.hash == hash && slot.size == bytes.size()
            && std::memcmp(slot.data, bytes.data(), bytes.size()) == 0)
            return &m_values[slot.value];
    }
}

const QString &StringCache::insert(std::string_view bytes, std::uint64_t hash, QString value)
{
    if ((m_values.size() + 1) * 2 > m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].data)
        i = (i + 1) & mask;
    m_slots[i] = {hash, bytes.data(), std::uint32_t(bytes.size()), std::uint32_t(m_values.size())};
    m_values.push_back(std::move(value));
    return m_values.back();
}

void StringCache::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot {});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (!slot.data)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_slots[i].data)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

} // namespace faultline
