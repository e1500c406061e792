#pragma once

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

namespace faultline {

class MapDocument;
class MapScene;

// Where a component goes on the canvas when the user did not drag it there: a new one, one
// moved into another parent, the components an import adds to a laid-out map. The rule: a box
// never overlaps another box, except the boxes it is inside (its ancestors' clusters), and the
// clusters that grow to hold it do not come to overlap boxes outside their own family. The map
// keeps its picture: only what is placed moves.
namespace placement {

// The canvas as boxes, by component index (map order).
struct Box
{
    QString id;
    QRectF rect; // scene coordinates; null when not on the canvas (not placed)
    int parent = -1;
    QSizeF header; // the title of its cluster (drawn or, for a node, would-be)
    std::vector<int> children;
};

struct Canvas
{
    std::vector<Box> boxes;
    double margin = 0; // around a cluster's contents (theme::clusterMargin)
};

// What the scene shows now.
Canvas canvasOf(const MapDocument &doc, const MapScene &scene);

// The centre for a node of `size` going into `parent` (-1: the top level), as near `near` as the
// rule allows (`near` itself when it is free). `moving`: the index of a component already on the
// canvas that moves (its own box does not count), or -1 for a new one.
QPointF freeSpot(const Canvas &canvas, int parent, QSizeF size, QPointF near, int moving = -1);

// The free spot freeSpot() finds, if there is one near `near`.
std::optional<QPointF> findSpot(
    const Canvas &canvas, int parent, QSizeF size, QPointF near, int moving = -1);

// A place for a node and what had to make room for it.
struct Spot
{
    QPointF at; // the node's centre
    QHash<QString, QPointF> pushed; // components moved out of the way: their new centres
};

// As freeSpot(), but when the parent is hemmed in (no free spot near `near` lets its box grow
// without overlapping a neighbour), the node goes near `near` anyway and the boxes in the way
// are pushed aside, each with everything inside it, until no two boxes of different parents
// overlap.
Spot place(const Canvas &canvas, int parent, QSizeF size, QPointF near, int moving = -1);

// As spotIn(), with place().
Spot placeIn(const Canvas &canvas, int parent, QSizeF size, QPointF topLevelNear, int moving = -1);

// Where a node of `size` goes into `parent` when nothing says where: to the right of the
// parent's contents (or where the parent's own node is, when it has no children yet), or, at
// the top level, near `topLevelNear`.
QPointF spotIn(
    const Canvas &canvas, int parent, QSizeF size, QPointF topLevelNear, int moving = -1);

// The box of `a` and its ancestors' again from their children (after one of them moved).
void regrow(Canvas &canvas, int a);

// The innermost cluster whose box holds `scenePos`, or -1.
int clusterAt(const Canvas &canvas, QPointF scenePos);

// After an automatic layout of a map that was already laid out (an import added components):
// centres for the components that had no position, and for no other. Those inside a placed
// parent go into free space inside it; the rest keep their shape from `layout` and go as one
// block to the right of the map.
QHash<QString, QPointF> placeNew(
    const MapDocument &doc, const MapScene &scene, const QHash<QString, QPointF> &layout);

} // namespace placement
} // namespace faultline
