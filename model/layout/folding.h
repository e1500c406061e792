#pragma once

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/map/map.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <span>
#include <vector>

// What the diagram draws of a map: clusters folded into one box each, and a focus that hides
// what it leaves out (model/analysis/focus.h). Nothing is removed from the map: the impact
// engine, the "Why?" chain and search always see every component; only the picture changes.
//
// The canvas, the exports and the report all draw the View made here, so the folded boxes, the
// merged edges and their counts are the same everywhere. Qt Core only.
namespace faultline::folding {

// The map's top-level key (Map::extra, so the interchange JSON's top-level "folded" and the
// document's map row) holding the ids of the folded clusters, in the order they were folded.
QString foldedKey();
// The ids stored under foldedKey(), as stored (ids the map no longer has included: they are
// ignored when drawing). Empty when nothing is folded or the key does not hold a list of ids.
QStringList foldedIds(const Map &map);
// `extra` with foldedKey() set to `ids` (removed when empty).
QJsonObject withFolded(QJsonObject extra, const QStringList &ids);
// One flag per component: folded, for the components among `ids` that have children (a
// component without children has nothing to fold).
std::vector<std::uint8_t> foldedFlags(
    const Map &map, const ImpactGraph &graph, const QStringList &ids);

enum class Role : std::uint8_t {
    Card, // a component without children, drawn as itself
    OpenCluster, // a component with children, drawn as a titled box round them
    FoldedCluster, // a component with children, drawn as one box that stands for them all
    Hidden, // inside a folded cluster, or left out by the focus
};

// One drawn edge: the dependencies between two drawn boxes. An edge between two cards is one
// dependency; an edge to or from a folded box merges every dependency between the components
// it stands for and the other end.
struct DrawnEdge
{
    int from = -1; // component index of the drawn box that needs
    int to = -1;
    std::vector<int> dependencies; // dependency indices, in map order
    bool hard = false; // at least one of them is hard
};

struct View
{
    std::vector<Role> roles; // per component
    // Per component: the drawn component that stands for it (itself when drawn, its outermost
    // folded ancestor when folded away), -1 when the focus leaves it out.
    std::vector<int> drawnAs;
    std::vector<DrawnEdge> edges; // in the map order of their first dependency
    std::vector<int> edgeOf; // per dependency: its drawn edge, -1 when not drawn

    bool isDrawn(int c) const { return roles[c] != Role::Hidden; }
    int folded() const;
};

// `folded` and `focus` hold one flag per component; an empty `focus` keeps everything. A box is
// drawn when its component is in focus or, for a cluster (open or folded), when anything inside
// it is: the ancestors of what is in focus keep their boxes, so the structure still reads.
// A dependency inside one folded box is not drawn; one between the boxes that stand for its
// ends joins that pair's drawn edge.
View makeView(const Map &map, const ImpactGraph &graph, std::span<const std::uint8_t> folded,
    std::span<const std::uint8_t> focus = {});

// What a folded box shows: its members (every component inside it, at any depth) and how many
// of them the current impact affects, and the worst state among the box's own and theirs.
struct FoldSummary
{
    int members = 0;
    int down = 0;
    int degraded = 0;
    int atRisk = 0;
    State worst = State::Up;
};
FoldSummary summarize(const ImpactGraph &graph, const ImpactResult &impact, int cluster);
// "12 of 40 down", "12 of 40 down, 3 degraded", "2 of 40 at risk"; "40 components" when
// nothing inside is affected.
QString summaryText(const FoldSummary &summary);

// The folded clusters that hide `c` (its folded ancestors), outermost first; empty when `c` is
// drawn or inside no folded cluster.
std::vector<int> foldedAncestors(
    const ImpactGraph &graph, std::span<const std::uint8_t> folded, int c);

// The clusters at `depth` in the parent hierarchy (0: the top level: providers; 1: regions;
// 2: zones in a map placed provider › region › zone), in map order: what View › Collapse to
// level folds.
QStringList clustersAtDepth(const Map &map, const ImpactGraph &graph, int depth);

} // namespace faultline::folding
