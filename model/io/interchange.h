#pragma once

#include "model/map/map.h"

#include <QByteArray>
#include <QString>

namespace faultline {

// The interchange format of DESIGN.md ("format": "faultline-map").
namespace interchange {

inline constexpr int currentVersion = 1;

// Parses and validates a whole map; all or nothing. Throws FormatError (syntax, wrong types,
// format or version) or ValidationError (the map's rules), each message starting with
// `source` and naming the line or entry.
Map read(const QByteArray &json, const QString &source);
Map readFile(const QString &path);

// Writes the map: known keys in a fixed order, then the unknown keys it was read with; one
// component, dependency or scenario per line, then the layout positions ("layout", when the
// map has any). Reading it back gives an equal map, positions included.
QByteArray write(const Map &map);
// Writes through a temporary file and renames it, so a failed write leaves the old file whole.
void writeFile(const Map &map, const QString &path);

} // namespace interchange
} // namespace faultline
