#include "model/analysis/cone.h"

#include <algorithm>

namespace faultline {

Cone::Cone(const ImpactGraph &graph, std::int32_t target)
    : m_target(target), m_flags(graph.size(), 0)
{
    // Iterative preorder; a stack of (component, needs still to visit) keeps the visiting
    // order of a recursive DFS without its depth limit.
    std::vector<std::pair<std::int32_t, std::vector<std::int32_t>>> stack;
    auto enter = [&](std::int32_t c) {
        m_flags[c] = 1;
        m_preorder.push_back(c);
        std::vector<std::int32_t> needs;
        forEachNeed(graph, c, [&](std::int32_t n) { needs.push_back(n); });
        std::reverse(needs.begin(), needs.end());
        stack.emplace_back(c, std::move(needs));
    };
    enter(target);
    while (!stack.empty()) {
        auto &todo = stack.back().second;
        if (todo.empty()) {
            stack.pop_back();
            continue;
        }
        const std::int32_t next = todo.back();
        todo.pop_back();
        if (!m_flags[next])
            enter(next);
    }
    m_members = m_preorder;
    std::sort(m_members.begin(), m_members.end());
    findParts(graph);
}

// Tarjan's algorithm, iterative. It closes a strongly connected component only after every
// component reachable from it, which is exactly "after everything it needs".
void Cone::findParts(const ImpactGraph &graph)
{
    const int n = graph.size();
    std::vector<std::int32_t> index(n, -1), low(n, 0);
    std::vector<std::uint8_t> onStack(n, 0);
    std::vector<std::int32_t> tarjanStack;
    struct Frame
    {
        std::int32_t c;
        std::vector<std::int32_t> needs;
        std::size_t next = 0;
    };
    std::vector<Frame> frames;
    int counter = 0;
    m_partStart.push_back(0);

    auto open = [&](std::int32_t c) {
        index[c] = low[c] = counter++;
        tarjanStack.push_back(c);
        onStack[c] = 1;
        Frame f {c, {}, 0};
        forEachNeed(graph, c, [&](std::int32_t x) { f.needs.push_back(x); });
        frames.push_back(std::move(f));
    };
    for (std::int32_t root : m_preorder) {
        if (index[root] >= 0)
            continue;
        open(root);
        while (!frames.empty()) {
            Frame &f = frames.back();
            if (f.next < f.needs.size()) {
                const std::int32_t x = f.needs[f.next++];
                if (index[x] < 0)
                    open(x);
                else if (onStack[x])
                    low[f.c] = std::min(low[f.c], index[x]);
                continue;
            }
            const std::int32_t c = f.c;
            frames.pop_back();
            if (!frames.empty())
                low[frames.back().c] = std::min(low[frames.back().c], low[c]);
            if (low[c] == index[c]) {
                const std::size_t from = m_parts.size();
                std::int32_t x;
                do {
                    x = tarjanStack.back();
                    tarjanStack.pop_back();
                    onStack[x] = 0;
                    m_parts.push_back(x);
                } while (x != c);
                std::sort(m_parts.begin() + std::ptrdiff_t(from), m_parts.end());
                m_partStart.push_back(std::int32_t(m_parts.size()));
            }
        }
    }
}

} // namespace faultline
