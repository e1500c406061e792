#pragma once

#include "model/report/reportdata.h"

#include <QByteArray>
#include <QString>

namespace faultline::report {

// A picture of the map with the scenario, made by the canvas's drawing code and passed in.
struct Diagram
{
    QByteArray data; // empty: the report has no diagram section
    QByteArray mimeType = QByteArrayLiteral("image/svg+xml"); // or image/png
    int width = 0; // pixels to show it at; 0 keeps its own size
};

// The workshop report as one self-contained XHTML file (UTF-8): headline, summary, diagram,
// affected components with their chains of causes, and the comparison of saved scenarios.
//
// Well-formed XML, so it can be checked with an XML parser. No script, no external resource:
// the diagram is inlined as a base64 data: URL (so its bytes can never become markup) and every
// text from the map is escaped. The markup keeps to what QTextDocument renders (tables, simple
// CSS, thead for header rows that repeat on each printed page), so printing the same HTML
// through QTextDocument makes the PDF.
QByteArray html(const ReportData &data, const Diagram &diagram = {});

// `text` escaped for XML text and attribute values; characters XML does not allow become
// U+FFFD.
QString escaped(const QString &text);

// "45 min", "4 h", "1 h 30 min", "2 d 3 h".
QString formatMinutes(double minutes);

} // namespace faultline::report
