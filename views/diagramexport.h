#pragma once

#include "model/map/map.h"
#include "model/map/scenario.h"

#include <QByteArray>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QSizeF>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

// The map with a scenario as a picture for documents: the canvas itself (MapScene, whose items
// paint with views/mapdrawing), under a title "MAP — SCENARIO" with the summary, and with the
// legend beside it. The same picture is written as SVG, PNG and PDF, and feeds the report.
//
// Needs a QApplication (the canvas is a QGraphicsScene); the command line makes one on the
// offscreen platform. Components without a stored position are laid out first, synchronously,
// by the layout the canvas uses.
namespace faultline::diagramexport {

enum class Format { Svg, Png, Pdf, Dot };

// By the file's extension (case-insensitive): .svg, .png, .pdf, .dot or .gv.
std::optional<Format> formatFor(const QString &path);

struct Options
{
    int dpi = 96; // PNG: 96 draws one scene unit (a canvas pixel at 100 %) as one pixel
    int width = 0; // PNG: the image's width in pixels; overrides dpi when set
    QPageSize::PageSizeId page = QPageSize::A4; // PDF
    // PDF: unset chooses the orientation that shows the picture larger.
    std::optional<QPageLayout::Orientation> orientation;
    bool legend = true;
};

class Picture
{
public:
    // Throws ValidationError for a scenario id the map does not have, layout::LayoutError when
    // the map needs a layout and Graphviz cannot make one.
    // `focus`: the picture shows only the flagged components (the window's focus, one flag per
    // component, model/analysis/focus.h); empty: all. Folded clusters are as the map folds them.
    Picture(const Map &map, const Scenario &scenario, std::vector<std::uint8_t> focus = {});
    ~Picture();
    Picture(const Picture &) = delete;
    Picture &operator=(const Picture &) = delete;

    // "Acme Shop — us-east-1 down"; the map's name alone when nothing fails.
    QString title() const;
    QString summaryLine() const;
    // The whole picture in scene units: title, diagram, legend, margins.
    QSizeF size() const;
    // Draws the whole picture into `target` (device coordinates of the painter), scaled
    // uniformly and centred.
    void paint(QPainter *painter, const QRectF &target) const;

    QByteArray svg() const;
    // PNG pixels: the size for `options` (dpi or width), clamped to what QImage can hold.
    QSize pixelSize(const Options &options) const;
    QImage image(const Options &options) const;
    // Writes `path` in the format its extension names (.dot: the Graphviz source of the map).
    // Throws FormatError naming the path.
    void write(const QString &path, const Options &options) const;

private:
    QByteArray nameTitles() const;

    struct Private;
    std::unique_ptr<Private> d;
};

// The title for a map and scenario, as Picture::title().
QString titleFor(const Map &map, const Scenario &scenario);

} // namespace faultline::diagramexport
