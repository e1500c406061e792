#pragma once

#include "model/map/map.h"
#include "model/map/scenario.h"
#include "model/report/reportdata.h"

#include <QByteArray>
#include <QPageLayout>
#include <QPageSize>
#include <QString>

#include <cstdint>
#include <vector>

// The workshop report with its diagram (diagramexport::Picture): the self-contained HTML of
// model/report, and the PDF made by printing that same HTML through QTextDocument. Needs a
// QApplication, as the diagram does.
namespace faultline::reportexport {

struct Options
{
    report::Options report;
    QPageSize::PageSizeId page = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    // The diagram shows only these components (the window's focus); empty: all.
    std::vector<std::uint8_t> focus;
};

QByteArray html(const Map &map, const Scenario &scenario, const Options &options = {});
QByteArray pdf(const Map &map, const Scenario &scenario, const Options &options = {});

// .html/.htm or .pdf by extension; writes through a temporary file. Throws FormatError naming
// the path, ValidationError for an id the map does not have.
void write(
    const QString &path, const Map &map, const Scenario &scenario, const Options &options = {});

} // namespace faultline::reportexport
