#include "model/layout/folding.h"

#include "model/layout/layout.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace faultline::folding {

QString foldedKey()
{
    return QStringLiteral("folded");
}

QStringList foldedIds(const Map &map)
{
    QStringList ids;
    const QJsonValue value = map.extra.value(foldedKey());
    if (!value.isArray())
        return ids;
    for (const QJsonValue &v : value.toArray()) {
        if (v.isString() && !ids.contains(v.toString()))
            ids.append(v.toString());
    }
    return ids;
}

QJsonObject withFolded(QJsonObject extra, const QStringList &ids)
{
    if (ids.isEmpty())
        extra.remove(foldedKey());
    else
        extra.insert(foldedKey(), QJsonArray::fromStringList(ids));
    return extra;
}

std::vector<std::uint8_t> foldedFlags(
    const Map &map, const ImpactGraph &graph, const QStringList &ids)
{
    std::vector<std::uint8_t> flags(graph.size(), 0);
    for (const QString &id : ids) {
        if (const auto c = map.findComponent(id);
            c && c->value < graph.size() && !graph.children(c->value).empty())
            flags[c->value] = 1;
    }
    return flags;
}

int View::folded() const
{
    return int(std::count(roles.begin(), roles.end(), Role::FoldedCluster));
}

View makeView(const Map &map, const ImpactGraph &graph, std::span<const std::uint8_t> folded,
    std::span<const std::uint8_t> focus)
{
    const int n = graph.size();
    View view;
    view.roles.assign(n, Role::Card);
    view.drawnAs.assign(n, -1);
    // Parents before children, so that each component reads its parent's answer.
    const std::vector<int> depth = layout::depths(n, [&](int c) { return graph.parent(c); });
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return depth[a] < depth[b]; });
    for (int c : order) {
        const int p = graph.parent(c);
        const int parentAs = p >= 0 ? view.drawnAs[p] : -1;
        if (p >= 0 && parentAs >= 0 && (parentAs != p || view.roles[p] == Role::FoldedCluster)) {
            view.roles[c] = Role::Hidden; // inside a folded box
            view.drawnAs[c] = parentAs;
            continue;
        }
        view.drawnAs[c] = c;
        if (!graph.children(c).empty())
            view.roles[c] = std::size_t(c) < folded.size() && folded[c] ? Role::FoldedCluster
                                                                        : Role::OpenCluster;
    }
    if (!focus.empty()) {
        // What the focus keeps: in focus itself, or holding something in focus.
        std::vector<std::uint8_t> keeps(n, 0);
        for (int c = 0; c < n && c < int(focus.size()); ++c) {
            if (!focus[c])
                continue;
            for (int a = c, steps = 0; a >= 0 && !keeps[a] && steps <= n; a = graph.parent(a))
                keeps[a] = 1, ++steps;
        }
        for (int c = 0; c < n; ++c) {
            const int as = view.drawnAs[c];
            if (as >= 0 && !keeps[as]) {
                view.roles[c] = Role::Hidden;
                view.drawnAs[c] = -1;
            }
        }
    }
    view.edgeOf.assign(map.dependencyCount(), -1);
    QHash<qint64, int> byEnds;
    for (int d = 0; d < map.dependencyCount(); ++d) {
        const Dependency &dep = map.dependencies()[d];
        const auto from = map.findComponent(dep.from);
        const auto to = map.findComponent(dep.to);
        if (!from || !to || from->value >= n || to->value >= n)
            continue;
        const int a = view.drawnAs[from->value];
        const int b = view.drawnAs[to->value];
        if (a < 0 || b < 0 || a == b)
            continue;
        const qint64 key = (qint64(a) << 32) | quint32(b);
        auto it = byEnds.find(key);
        if (it == byEnds.end()) {
            it = byEnds.insert(key, int(view.edges.size()));
            view.edges.push_back(DrawnEdge {a, b, {}, false});
        }
        DrawnEdge &edge = view.edges[*it];
        edge.dependencies.push_back(d);
        edge.hard = edge.hard || dep.isHard();
        view.edgeOf[d] = *it;
    }
    return view;
}

FoldSummary summarize(const ImpactGraph &graph, const ImpactResult &impact, int cluster)
{
    FoldSummary s;
    const bool known = impact.size() == graph.size();
    if (known)
        s.worst = impact.state(ComponentIndex(cluster));
    std::vector<int> todo(graph.children(cluster).begin(), graph.children(cluster).end());
    while (!todo.empty()) {
        const int c = todo.back();
        todo.pop_back();
        ++s.members;
        const auto children = graph.children(c);
        todo.insert(todo.end(), children.begin(), children.end());
        if (!known)
            continue;
        const State state = impact.state(ComponentIndex(c));
        s.worst = std::max(s.worst, state);
        s.down += state == State::Down;
        s.degraded += state == State::Degraded;
        s.atRisk += state == State::AtRisk;
    }
    return s;
}

QString summaryText(const FoldSummary &s)
{
    if (s.down == 0 && s.degraded == 0 && s.atRisk == 0)
        return s.members == 1 ? QStringLiteral("1 component")
                              : QStringLiteral("%1 components").arg(s.members);
    QStringList parts;
    const QString of = QStringLiteral("%1 of %2 %3");
    auto add = [&](int count, const char *word) {
        if (count == 0)
            return;
        const QString w = QString::fromLatin1(word);
        parts.append(parts.isEmpty() ? of.arg(count).arg(s.members).arg(w)
                                     : QStringLiteral("%1 %2").arg(count).arg(w));
    };
    add(s.down, "down");
    add(s.degraded, "degraded");
    add(s.atRisk, "at risk");
    return parts.join(QStringLiteral(", "));
}

std::vector<int> foldedAncestors(
    const ImpactGraph &graph, std::span<const std::uint8_t> folded, int c)
{
    std::vector<int> out;
    int steps = 0;
    for (int a = graph.parent(c); a >= 0 && steps <= graph.size(); a = graph.parent(a), ++steps) {
        if (std::size_t(a) < folded.size() && folded[a])
            out.push_back(a);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

QStringList clustersAtDepth(const Map &map, const ImpactGraph &graph, int depth)
{
    const std::vector<int> depths =
        layout::depths(graph.size(), [&](int c) { return graph.parent(c); });
    QStringList ids;
    for (int c = 0; c < graph.size(); ++c) {
        if (depths[c] == depth && !graph.children(c).empty())
            ids.append(map.components()[c].id);
    }
    return ids;
}

} // namespace faultline::folding
