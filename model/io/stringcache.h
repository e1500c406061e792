#pragma once

#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace faultline {

// Decoded strings by their bytes in a reader's input, so that the ids a large map repeats
// (every dependency names two components) are decoded once and then shared (QString's implicit
// sharing). An open-addressing table with the hash kept beside each entry: one probe is one
// cache line, where std::unordered_map chases a bucket and a node. The bytes are not copied:
// the cache must not outlive the input it points into.
class StringCache
{
public:
    static std::uint64_t hash(std::string_view bytes);
    // The string with these bytes, or nullptr.
    const QString *find(std::string_view bytes, std::uint64_t hash) const;
    // Adds a string that find() did not have; returns the cached copy.
    const QString &insert(std::string_view bytes, std::uint64_t hash, QString value);

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        const char *data = nullptr; // nullptr: empty
        std::uint32_t size = 0;
        std::uint32_t value = 0; // into m_values
    };
    void grow();

    std::vector<Slot> m_slots; // a power of two, at most half full
    std::vector<QString> m_values;
};

} // namespace faultline
