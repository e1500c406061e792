#include "views/placement.h"

#include "model/editing/mapdocument.h"
#include "model/layout/layout.h"
#include "views/canvasitems.h"
#include "views/mapscene.h"
#include "views/theme.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

namespace faultline::placement {

namespace {

constexpr double gap = 8; // between two boxes that are not one inside the other (dot keeps 10)
constexpr int rings = 24; // how far freeSpot() looks, in quarter node sizes

// `i` is inside `a` (a strict descendant).
bool isInside(const Canvas &canvas, int i, int a)
{
    for (int p = canvas.boxes[i].parent; p >= 0; p = canvas.boxes[p].parent) {
        if (p == a)
            return true;
    }
    return false;
}

bool clashes(const QRectF &r, const QRectF &other)
{
    return !other.isNull() && r.intersects(other.adjusted(-gap, -gap, gap, gap));
}

// The node's box `r` (going into `parent`) and the clusters it makes grow overlap nothing they
// may not.
bool fits(const Canvas &canvas, int parent, const QRectF &r, int moving)
{
    const auto &boxes = canvas.boxes;
    const int n = int(boxes.size());
    for (int i = 0; i < n; ++i) {
        if (i == moving || boxes[i].rect.isNull())
            continue;
        if (parent >= 0 && (i == parent || isInside(canvas, parent, i)))
            continue; // an ancestor's box holds it
        if (clashes(r, boxes[i].rect))
            return false;
    }
    QRectF changed = r;
    int child = -1;
    for (int a = parent; a >= 0; a = boxes[a].parent) {
        QRectF content = changed;
        for (int k : boxes[a].children) {
            if (k != child && k != moving && !boxes[k].rect.isNull())
                content = content.united(boxes[k].rect);
        }
        const QRectF grown = layout::clusterRect(content, boxes[a].header, canvas.margin);
        if (!boxes[a].rect.isNull() && boxes[a].rect.contains(grown))
            break; // it does not grow: nothing above changes either
        for (int i = 0; i < n; ++i) {
            if (i == a || i == moving || boxes[i].rect.isNull())
                continue;
            if (isInside(canvas, i, a) || isInside(canvas, a, i))
                continue; // its own family
            if (clashes(grown, boxes[i].rect))
                return false;
        }
        changed = grown;
        child = a;
    }
    return true;
}

QRectF around(QPointF centre, QSizeF size)
{
    return QRectF(centre - QPointF(size.width(), size.height()) / 2, size);
}

QRectF everything(const Canvas &canvas, int except = -1)
{
    QRectF all;
    for (int i = 0; i < int(canvas.boxes.size()); ++i) {
        if (i != except)
            all = all.united(canvas.boxes[i].rect);
    }
    return all;
}

} // namespace

void regrow(Canvas &canvas, int a)
{
    for (; a >= 0; a = canvas.boxes[a].parent) {
        QRectF content;
        for (int k : canvas.boxes[a].children)
            content = content.united(canvas.boxes[k].rect);
        if (content.isNull())
            return;
        canvas.boxes[a].rect = layout::clusterRect(content, canvas.boxes[a].header, canvas.margin);
    }
}

int clusterAt(const Canvas &canvas, QPointF scenePos)
{
    int best = -1;
    double bestArea = 0;
    for (int i = 0; i < int(canvas.boxes.size()); ++i) {
        const Box &box = canvas.boxes[i];
        if (box.children.empty() || !box.rect.contains(scenePos))
            continue;
        const double area = box.rect.width() * box.rect.height();
        if (best < 0 || area < bestArea) {
            best = i;
            bestArea = area;
        }
    }
    return best;
}

Canvas canvasOf(const MapDocument &doc, const MapScene &scene)
{
    const Map &map = doc.map();
    const ImpactGraph &graph = doc.graph();
    Canvas canvas;
    canvas.margin = theme::clusterMargin;
    const int n = map.componentCount();
    canvas.boxes.resize(n);
    for (int i = 0; i < n; ++i) {
        Box &box = canvas.boxes[i];
        const Component &c = map.components()[i];
        box.id = c.id;
        box.parent = graph.parent(i);
        if (box.parent >= 0)
            canvas.boxes[box.parent].children.push_back(i);
        if (const NodeItem *node = scene.nodeItem(c.id)) {
            if (node->isVisible())
                box.rect = node->rect();
            box.header = drawing::clusterHeaderSize(c.displayName());
        } else if (const ClusterItem *cluster = scene.clusterItem(c.id)) {
            if (cluster->isVisible())
                box.rect = cluster->rect();
            box.header = cluster->headerSize();
        }
    }
    return canvas;
}

namespace {

// The nearest free spot around `near`, if there is one within reach; `near` itself may be moved
// into the parent's box first (see freeSpot()).
std::optional<QPointF> search(
    const Canvas &canvas, int parent, QSizeF size, QPointF &near, int moving)
{
    if (fits(canvas, parent, around(near, size), moving))
        return near;
    // Far outside its parent's box (a drop on the empty canvas): look from the nearest point of
    // that box, not from where the parent would have to stretch to.
    if (parent >= 0 && !canvas.boxes[parent].rect.isNull()
        && !canvas.boxes[parent].rect.contains(near)) {
        const QRectF box = canvas.boxes[parent].rect;
        near = QPointF(std::clamp(near.x(), box.left(), box.right()),
            std::clamp(near.y(), box.top(), box.bottom()));
    }
    // A quarter of a node a step: a parent hemmed in on three sides can still grow on the
    // fourth, but only through a narrow column.
    const double dx = (size.width() + gap) / 4, dy = (size.height() + gap) / 4;
    for (int ring = 0; ring <= rings; ++ring) {
        std::vector<QPointF> candidates;
        for (int i = -ring; i <= ring; ++i) {
            for (int j = -ring; j <= ring; ++j) {
                if (std::max(std::abs(i), std::abs(j)) == ring)
                    candidates.push_back(near + QPointF(i * dx, j * dy));
            }
        }
        std::stable_sort(candidates.begin(), candidates.end(), [&](QPointF a, QPointF b) {
            return QLineF(near, a).length() < QLineF(near, b).length();
        });
        for (QPointF c : candidates) {
            if (fits(canvas, parent, around(c, size), moving))
                return c;
        }
    }
    return std::nullopt;
}

void descendantsOf(const Canvas &canvas, int top, std::vector<int> &out)
{
    out.push_back(top);
    for (int k : canvas.boxes[top].children)
        descendantsOf(canvas, k, out);
}

bool related(const Canvas &canvas, int a, int b)
{
    return a == b || isInside(canvas, a, b) || isInside(canvas, b, a);
}

// Pushes boxes out of the way until no two unrelated boxes overlap: the placed node and its
// ancestors (`fixed`) never move; of two others, the one that has not just moved goes. A box
// goes with everything inside it, away from the box it overlaps (along the axis their centres
// differ most), so the picture spreads outwards from the placed node.
//
// Only a box that was placed, grew or moved can overlap another, so only those are looked at
// (a queue of them, the fixed ones first): each look is one pass over the boxes, not over every
// pair, which kept a push among thousands of boxes from taking minutes.
void makeRoom(Canvas &canvas, const std::vector<bool> &fixed, QHash<QString, QPointF> &pushed)
{
    const int n = int(canvas.boxes.size());
    std::deque<int> queue;
    std::vector<bool> queued(n, false);
    const auto look = [&](int k) {
        if (k >= 0 && !queued[k] && !canvas.boxes[k].rect.isNull()) {
            queued[k] = true;
            queue.push_back(k);
        }
    };
    for (int i = 0; i < n; ++i) {
        if (fixed[i])
            look(i);
    }
    for (int steps = 0; steps < 8 * n + 8 && !queue.empty(); ++steps) {
        const int front = queue.front();
        int a = front, b = -1;
        for (int j = 0; j < n; ++j) {
            if (j == front || (fixed[j] && fixed[front]) || canvas.boxes[j].rect.isNull()
                || !clashes(canvas.boxes[front].rect, canvas.boxes[j].rect)
                || related(canvas, front, j))
                continue;
            // A box that moved onto a fixed one moves on; otherwise the other one goes.
            if (fixed[j]) {
                a = j;
                b = front;
            } else {
                b = j;
            }
            break;
        }
        if (b < 0) {
            queue.pop_front();
            queued[front] = false;
            continue;
        }
        // The biggest box around `b` that is not around `a` goes, with all it holds.
        int top = b;
        while (canvas.boxes[top].parent >= 0 && !related(canvas, canvas.boxes[top].parent, a)
            && !fixed[canvas.boxes[top].parent])
            top = canvas.boxes[top].parent;
        const QRectF A = canvas.boxes[a].rect, B = canvas.boxes[top].rect;
        const QPointF away = B.center() - A.center();
        QPointF v;
        if (std::abs(away.x()) >= std::abs(away.y()))
            v = away.x() >= 0 ? QPointF(A.right() + gap - B.left(), 0)
                              : QPointF(A.left() - gap - B.right(), 0);
        else
            v = away.y() >= 0 ? QPointF(0, A.bottom() + gap - B.top())
                              : QPointF(0, A.top() - gap - B.bottom());
        std::vector<int> moved;
        descendantsOf(canvas, top, moved);
        for (int k : moved) {
            canvas.boxes[k].rect.translate(v);
            if (canvas.boxes[k].children.empty() && !canvas.boxes[k].id.isEmpty()
                && !canvas.boxes[k].rect.isNull())
                pushed.insert(canvas.boxes[k].id, canvas.boxes[k].rect.center());
        }
        regrow(canvas, canvas.boxes[top].parent);
        // What moved lies inside `top`: only `top` and the boxes that grew around it can
        // overlap something new. `a` stays at the front until nothing overlaps it.
        look(top);
        for (int p = canvas.boxes[top].parent; p >= 0; p = canvas.boxes[p].parent)
            look(p);
    }
}

} // namespace

Spot place(const Canvas &canvas, int parent, QSizeF size, QPointF near, int moving)
{
    QPointF from = near;
    if (const auto at = search(canvas, parent, size, from, moving))
        return {*at, {}};
    // Hemmed in: it goes where it was asked (moved into its parent's box), the rest makes room.
    Canvas room = canvas;
    int node = moving;
    if (node < 0) {
        node = int(room.boxes.size());
        room.boxes.push_back(Box {});
    } else if (room.boxes[node].parent != parent) {
        const int old = room.boxes[node].parent;
        if (old >= 0) {
            auto &siblings = room.boxes[old].children;
            siblings.erase(std::remove(siblings.begin(), siblings.end(), node), siblings.end());
        }
        room.boxes[node].rect = QRectF();
        regrow(room, old);
    }
    room.boxes[node].parent = parent;
    if (parent >= 0
        && std::find(room.boxes[parent].children.begin(), room.boxes[parent].children.end(), node)
            == room.boxes[parent].children.end())
        room.boxes[parent].children.push_back(node);
    room.boxes[node].rect = around(from, size);
    regrow(room, parent);
    std::vector<bool> fixed(room.boxes.size(), false);
    fixed[node] = true;
    for (int a = parent; a >= 0; a = room.boxes[a].parent)
        fixed[a] = true;
    Spot spot {from, {}};
    makeRoom(room, fixed, spot.pushed);
    spot.pushed.remove(room.boxes[node].id);
    return spot;
}

Spot placeIn(const Canvas &canvas, int parent, QSizeF size, QPointF topLevelNear, int moving)
{
    for (int a = parent; a >= 0; a = canvas.boxes[a].parent) {
        QRectF content;
        for (int k : canvas.boxes[a].children) {
            if (k != moving)
                content = content.united(canvas.boxes[k].rect);
        }
        if (!content.isNull())
            return place(canvas, parent, size,
                QPointF(
                    content.right() + gap + size.width() / 2, content.top() + size.height() / 2),
                moving);
        if (!canvas.boxes[a].rect.isNull() && a != moving)
            return place(canvas, parent, size, canvas.boxes[a].rect.center(), moving);
    }
    return place(canvas, parent, size, topLevelNear, moving);
}

std::optional<QPointF> findSpot(
    const Canvas &canvas, int parent, QSizeF size, QPointF near, int moving)
{
    return search(canvas, parent, size, near, moving);
}

QPointF freeSpot(const Canvas &canvas, int parent, QSizeF size, QPointF near, int moving)
{
    if (const auto at = search(canvas, parent, size, near, moving))
        return *at;
    // Nothing free near it: beyond the right edge of everything (inside a parent: where it
    // was asked, overlapping rather than far from its parent).
    if (parent >= 0)
        return near;
    const QRectF all = everything(canvas, moving);
    return QPointF(all.right() + gap + size.width() / 2 + 60, all.top() + size.height() / 2);
}

QPointF spotIn(const Canvas &canvas, int parent, QSizeF size, QPointF topLevelNear, int moving)
{
    // The nearest of the parent and its ancestors that is on the canvas says where to look.
    for (int a = parent; a >= 0; a = canvas.boxes[a].parent) {
        QRectF content;
        for (int k : canvas.boxes[a].children) {
            if (k != moving)
                content = content.united(canvas.boxes[k].rect);
        }
        if (!content.isNull())
            return freeSpot(canvas, parent, size,
                QPointF(
                    content.right() + gap + size.width() / 2, content.top() + size.height() / 2),
                moving);
        if (!canvas.boxes[a].rect.isNull() && a != moving)
            return freeSpot(canvas, parent, size, canvas.boxes[a].rect.center(), moving);
    }
    return freeSpot(canvas, parent, size, topLevelNear, moving);
}

QHash<QString, QPointF> placeNew(
    const MapDocument &doc, const MapScene &scene, const QHash<QString, QPointF> &layout)
{
    Canvas canvas = canvasOf(doc, scene);
    const Map &map = doc.map();
    const auto placedAncestor = [&](int i) {
        for (int a = canvas.boxes[i].parent; a >= 0; a = canvas.boxes[a].parent) {
            if (!canvas.boxes[a].rect.isNull())
                return a;
        }
        return -1;
    };
    const auto sizeOf = [&](int i) {
        const NodeItem *node = scene.nodeItem(map.components()[i].id);
        return node ? node->size() : QSizeF(120, 40);
    };
    std::vector<int> block, inside;
    for (int i = 0; i < map.componentCount(); ++i) {
        const QString &id = map.components()[i].id;
        if (!canvas.boxes[i].children.empty() || map.positions().contains(id)
            || !layout.contains(id))
            continue;
        (placedAncestor(i) >= 0 ? inside : block).push_back(i);
    }
    QHash<QString, QPointF> out;
    const QRectF existing = everything(canvas);
    if (!block.empty()) {
        // Their own layout, as one block to the right of the map (room for the clusters' titles
        // and margins around them).
        QRectF from;
        for (int i : block)
            from = from.united(around(layout.value(map.components()[i].id), sizeOf(i)));
        const QPointF shift = existing.isNull()
            ? QPointF()
            : QPointF(existing.right() + 160 - from.left(), existing.top() + 80 - from.top());
        for (int i : block) {
            const QString &id = map.components()[i].id;
            out.insert(id, layout.value(id) + shift);
            canvas.boxes[i].rect = around(out.value(id), sizeOf(i));
        }
        for (int i : block)
            regrow(canvas, canvas.boxes[i].parent);
    }
    for (int i : inside) {
        const QSizeF size = sizeOf(i);
        const QPointF at = spotIn(canvas, canvas.boxes[i].parent, size, existing.center());
        out.insert(map.components()[i].id, at);
        canvas.boxes[i].rect = around(at, size);
        regrow(canvas, canvas.boxes[i].parent);
    }
    return out;
}

} // namespace faultline::placement
