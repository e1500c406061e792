// The diagram formats of `faultline export` (.svg, .png, .pdf, .dot) and their options.
#include "app/cli/commands.h"

#include "model/io/mapfile.h"
#include "views/diagramexport.h"

#include <cmath>

namespace faultline::cli {

std::vector<OptionSpec> diagramOptions()
{
    return {
        {QStringLiteral("dpi"), {}, QStringLiteral("N"), false,
            QStringLiteral(".png resolution: 96 (the default) draws the canvas at 100 %, 192 at "
                           "twice the pixels")},
        {QStringLiteral("width"), {}, QStringLiteral("PIXELS"), false,
            QStringLiteral(".png width in pixels (instead of --dpi)")},
        {QStringLiteral("page"), {}, QStringLiteral("SIZE"), false,
            QStringLiteral(".pdf page: A4 (the default), A3, A5, Letter, Legal or Tabloid")},
        {QStringLiteral("landscape"), {}, {}, false,
            QStringLiteral(".pdf in landscape (default: whichever fits the picture larger)"), true},
        {QStringLiteral("portrait"), {}, {}, false, QStringLiteral(".pdf in portrait"), true},
    };
}

QPageSize::PageSizeId pageSizeFrom(const Arguments &args)
{
    if (!args.isSet(QStringLiteral("page")))
        return QPageSize::A4;
    const QString page = args.value(QStringLiteral("page")).toLower();
    const std::pair<const char *, QPageSize::PageSizeId> sizes[] = {{"a4", QPageSize::A4},
        {"a3", QPageSize::A3}, {"a5", QPageSize::A5}, {"letter", QPageSize::Letter},
        {"legal", QPageSize::Legal}, {"tabloid", QPageSize::Tabloid}};
    for (const auto &[name, id] : sizes) {
        if (page == QLatin1String(name))
            return id;
    }
    throw UsageError {QStringLiteral("unknown --page \"%1\": use A4, A3, A5, Letter, Legal or "
                                     "Tabloid")
                          .arg(args.value(QStringLiteral("page")))};
}

std::optional<QPageLayout::Orientation> orientationFrom(const Arguments &args)
{
    const bool landscape = args.isSet(QStringLiteral("landscape"));
    const bool portrait = args.isSet(QStringLiteral("portrait"));
    if (landscape && portrait)
        throw UsageError {QStringLiteral("--landscape or --portrait, not both")};
    if (landscape)
        return QPageLayout::Landscape;
    if (portrait)
        return QPageLayout::Portrait;
    return std::nullopt;
}

namespace {

// The smallest scale a PNG is drawn at: canvas names (12 px at 100 %) stay 6 px high.
constexpr double minimumScale = 0.5;

int positiveNumber(const Arguments &args, const QString &name, int max)
{
    bool ok = false;
    const int n = args.value(name).toInt(&ok);
    if (!ok || n < 1 || n > max)
        throw UsageError {QStringLiteral("--%1 takes a whole number from 1 to %2, not \"%3\"")
                              .arg(name)
                              .arg(max)
                              .arg(args.value(name))};
    return n;
}

} // namespace

int exportDiagram(const Arguments &args, const QString &input, const QString &output)
{
    diagramexport::Options options;
    if (args.isSet(QStringLiteral("dpi")) && args.isSet(QStringLiteral("width")))
        throw UsageError {QStringLiteral("--dpi or --width, not both")};
    if (args.isSet(QStringLiteral("dpi"))) {
        options.dpi = positiveNumber(args, QStringLiteral("dpi"), 2400);
        if (options.dpi < 96 * minimumScale)
            throw UsageError {QStringLiteral("--dpi %1 is too small to read the names; give at "
                                             "least --dpi %2")
                                  .arg(options.dpi)
                                  .arg(int(96 * minimumScale))};
    }
    if (args.isSet(QStringLiteral("width")))
        options.width = positiveNumber(args, QStringLiteral("width"), 32000);
    options.page = pageSizeFrom(args);
    options.orientation = orientationFrom(args);

    const Map map = loadMap(input);
    const Evaluated e = evaluate(map, input, args); // checks the ids, naming the map
    const diagramexport::Picture picture(map, e.scenario);
    // Below half the canvas's size the names are a few pixels high: a picture nobody can read
    // is refused rather than written. (A map too big for a PNG at all is shrunk by
    // Picture::pixelSize, which the user did not ask for: that is not refused.)
    if (options.width > 0) {
        const int least = int(std::ceil(picture.size().width() * minimumScale));
        if (options.width < least)
            throw UsageError {QStringLiteral("--width %1 is too small to read this map's names; "
                                             "give at least --width %2")
                                  .arg(options.width)
                                  .arg(least)};
    }
    picture.write(output, options);
    return 0;
}

} // namespace faultline::cli
