#pragma once

#include <QIcon>
#include <QRectF>
#include <QString>

class QPainter;

namespace faultline::icons {

// Makes the bundled resources (icons, the example map) available; the resources live in this
// static library, so whoever links it calls this once before using them.
void initResources();

// The resource path of a kind's icon; unknown kinds get the generic one.
QString kindIconPath(const QString &kind);
QIcon kindIcon(const QString &kind);

// Draws the kind's icon into `rect`: vector on SVG/PDF devices, a cached image sharp at the
// painter's scale elsewhere. `inverse` draws it white, for dark backgrounds.
void drawKindIcon(QPainter *painter, const QString &kind, const QRectF &rect, bool inverse);

} // namespace faultline::icons
