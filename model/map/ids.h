#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace faultline {

// Positions in a map's arrays, in map order. A strong type so that an index into the
// components can never be passed where a dependency index is expected. Indices are valid for
// one version of a map; anything kept across edits keeps the text id instead.
template<typename Tag>
struct Index
{
    std::int32_t value = -1;

    constexpr Index() = default;
    constexpr explicit Index(std::int32_t v) : value(v) { }
    constexpr bool isValid() const { return value >= 0; }
    constexpr auto operator<=>(const Index &) const = default;
};

struct ComponentTag;
struct DependencyTag;
struct ScenarioTag;
using ComponentIndex = Index<ComponentTag>;
using DependencyIndex = Index<DependencyTag>;
using ScenarioIndex = Index<ScenarioTag>;

} // namespace faultline

template<typename Tag>
struct std::hash<faultline::Index<Tag>>
{
    std::size_t operator()(faultline::Index<Tag> i) const noexcept
    {
        return std::hash<std::int32_t>()(i.value);
    }
};
