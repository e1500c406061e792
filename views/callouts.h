#pragma once

#include "views/theme.h"

#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

// Presenter mode's names in large type: a label for each component that changed in the step
// shown, beside its box, at a fixed size on screen whatever the zoom (a map fitted to a
// projector draws its own names far too small to read from the back of a room).
namespace faultline::callouts {

struct Callout
{
    QString id;
    QString text;
    theme::Look look = theme::Look::Up;
};

QFont font();
// Boxes (viewport pixels) for labels of `texts` naming the components at `anchors`, inside
// `area`: in a column on either side of `map` (the map's extent), in their components' order,
// none over another while the column has room.
std::vector<QRectF> place(const std::vector<QRectF> &anchors, const std::vector<QString> &texts,
    const QRectF &area, const QRectF &map);
// The label in its state's colours, with a line to its component when they do not touch.
void draw(QPainter *painter, const QRectF &box, const QRectF &anchor, const Callout &callout);

} // namespace faultline::callouts
