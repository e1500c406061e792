#include "model/analysis/focus.h"

#include <algorithm>

namespace faultline::focus {

namespace {

// Breadth first from `target` along `next`, `hops` levels deep (0: unbounded), marking `flags`.
template<typename Next>
void reach(int target, int hops, std::vector<std::uint8_t> &flags, Next next)
{
    std::vector<std::uint8_t> seen(flags.size(), 0);
    std::vector<int> frontier {target};
    seen[target] = 1;
    for (int level = 0; !frontier.empty() && (hops <= 0 || level < hops); ++level) {
        std::vector<int> following;
        for (int c : frontier) {
            next(c, [&](int n) {
                if (!seen[n]) {
                    seen[n] = 1;
                    following.push_back(n);
                }
            });
        }
        frontier = std::move(following);
    }
    for (std::size_t c = 0; c < flags.size(); ++c)
        flags[c] = flags[c] || seen[c];
}

} // namespace

std::vector<std::uint8_t> cone(const ImpactGraph &graph, int target, int hops)
{
    std::vector<std::uint8_t> flags(graph.size(), 0);
    if (target < 0 || target >= graph.size())
        return flags;
    reach(target, hops, flags, [&](int c, auto &&visit) {
        if (const int p = graph.parent(c); p >= 0)
            visit(p);
        for (const ImpactGraph::Edge &e : graph.dependencies(c))
            visit(e.other);
    });
    reach(target, hops, flags, [&](int c, auto &&visit) {
        for (const std::int32_t child : graph.children(c))
            visit(child);
        for (const ImpactGraph::Edge &e : graph.dependents(c))
            visit(e.other);
    });
    return flags;
}

std::vector<std::uint8_t> matching(const Map &map, Field field, const QString &value)
{
    std::vector<std::uint8_t> flags(map.componentCount(), 0);
    const QString wanted = value.trimmed();
    for (int c = 0; c < map.componentCount(); ++c) {
        const Component &comp = map.components()[c];
        bool match = false;
        switch (field) {
        case Field::Tag:
            match = comp.tags && comp.tags->contains(wanted, Qt::CaseInsensitive);
            break;
        case Field::Owner:
            match = comp.owner.compare(wanted, Qt::CaseInsensitive) == 0;
            break;
        case Field::Kind:
            match = comp.kind.compare(wanted, Qt::CaseInsensitive) == 0;
            break;
        }
        flags[c] = match;
    }
    return flags;
}

int count(const std::vector<std::uint8_t> &flags)
{
    return int(std::count_if(flags.begin(), flags.end(), [](std::uint8_t f) { return f != 0; }));
}

} // namespace faultline::focus
