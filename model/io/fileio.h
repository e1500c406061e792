#pragma once

#include <QByteArray>
#include <QString>

namespace faultline {

// Reads a whole file; throws FormatError naming the path when it cannot.
QByteArray readWholeFile(const QString &path);

// Writes through a temporary file in the same folder and renames it over the target, so that a
// failure (full disk, kill) leaves the previous file whole. Throws FormatError on failure.
void writeWholeFile(const QString &path, const QByteArray &data);

} // namespace faultline
