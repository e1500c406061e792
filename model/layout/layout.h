#pragma once

#include "model/map/errors.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

// The layout adapter's plain data: a snapshot goes in, positions come out. Nothing here points
// into a map or into Graphviz, so a request can cross threads and a result can outlive both.
//
// Coordinates are scene units: one unit is one Graphviz point (1/72 inch), y grows downwards,
// positions are centres. layout::toScene() is the one place where Graphviz's y-up points are
// converted.
namespace faultline::layout {

// The layout could not be made (Graphviz missing its dot plugin, or refusing the graph).
class LayoutError : public Error
{
public:
    using Error::Error;
};

struct Node
{
    QString id; // the component id, used as the Graphviz node name
    QSizeF size; // measured by the view (fixed size); ignored for clusters
    int parent = -1; // index of the hosting node, -1 at top level
    bool top = false; // a business service: drawn on the top rank
    QSizeF header; // for a node with children: room for its title above them
};

// `from` needs `to`: drawn from `from` down to `to`. Indices into Request::nodes.
struct Edge
{
    int from = -1;
    int to = -1;
};

struct Request
{
    std::vector<Node> nodes; // in a stable order: the same request gives the same picture
    std::vector<Edge> edges;
    double clusterMargin = 12.0; // space between a cluster's border and its contents
};

struct Result
{
    std::vector<QPointF> centres; // per node; a cluster's is the centre of its rectangle
    std::vector<QRectF> clusters; // per node; null for a node without children
    QRectF bounds;
};

// Graphviz point (y up, origin at the bottom-left of the drawing whose top is `graphTop`) to
// scene coordinates (y down, origin at the top-left).
inline QPointF toScene(double x, double y, double graphTop)
{
    return {x, graphTop - y};
}

// The one rule for a cluster's box, shared by the layout (which sizes clusters from their
// contents) and the canvas (which redraws them as nodes move): the contents' rectangle, a
// margin round it, room for the title above, and at least as wide as the title (the contents
// then centred). In the contents' coordinates.
inline QRectF clusterRect(const QRectF &content, const QSizeF &header, double margin)
{
    double width = content.width() + 2 * margin;
    double grow = 0;
    if (width < header.width()) {
        grow = (header.width() - width) / 2;
        width = header.width();
    }
    const double height = content.height() + 2 * margin + header.height();
    return QRectF(
        content.left() - margin - grow, content.top() - margin - header.height(), width, height);
}

// How deep each component sits in the parent hierarchy (0 at the top), from each one's parent
// index (-1 at the top). A parent loop (validation refuses them) stays finite.
template<typename ParentOf>
std::vector<int> depths(int count, ParentOf parentOf)
{
    std::vector<int> depth(count, 0);
    for (int i = 0; i < count; ++i) {
        int d = 0;
        for (int p = parentOf(i); p >= 0 && d <= count; p = parentOf(p))
            ++d;
        depth[i] = d;
    }
    return depth;
}

// Graphviz sizes nodes in inches.
inline double toInches(double points)
{
    return points / 72.0;
}

} // namespace faultline::layout
