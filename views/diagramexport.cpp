#include "views/diagramexport.h"

#include "model/editing/mapdocument.h"
#include "model/impact/resolve.h"
#include "model/io/dotexport.h"
#include "model/io/fileio.h"
#include "model/io/impactformat.h"
#include "model/layout/graphvizlayout.h"
#include "model/map/errors.h"
#include "views/canvasitems.h"
#include "views/mapdrawing.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/theme.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace faultline::diagramexport {

namespace {

constexpr qreal margin = 24;
constexpr qreal gap = 20;

QFont titleFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(24);
    f.setBold(true);
    return f;
}

QFont subtitleFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(15);
    return f;
}

// One line, without the control characters a name may hold.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return text.simplified();
}

QStringList namesOf(const Map &map, const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids) {
        const auto c = map.findComponent(id);
        names.append(c ? map.component(*c).displayName() : id);
    }
    return names;
}

} // namespace

std::optional<Format> formatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("dot") || suffix == QLatin1String("gv"))
        return Format::Dot;
    return std::nullopt;
}

QString titleFor(const Map &map, const Scenario &scenario)
{
    const QString name = map.name.isEmpty() ? QStringLiteral("Untitled map") : map.name;
    QString what = scenario.name;
    if (what.isEmpty() && (!scenario.fail.isEmpty() || !scenario.degrade.isEmpty())) {
        QStringList parts;
        if (!scenario.fail.isEmpty())
            parts.append(namesOf(map, scenario.fail).join(QStringLiteral(", ")) + u" fail"
                + (scenario.fail.size() == 1 ? QStringLiteral("s") : QString()));
        if (!scenario.degrade.isEmpty())
            parts.append(namesOf(map, scenario.degrade).join(QStringLiteral(", ")) + u" degraded");
        what = parts.join(QStringLiteral("; "));
    }
    return oneLine(what.isEmpty() ? name : name + QStringLiteral(" — ") + what);
}

struct Picture::Private
{
    Map map;
    Scenario scenario;
    MapDocument document;
    MapSelection selection;
    std::unique_ptr<MapScene> scene;
    QRectF mapRect; // scene rectangle of the diagram
    QString title, summary;
    bool legend = true;

    // Picture coordinates: (0, 0) top-left of the whole picture.
    qreal titleHeight() const
    {
        return QFontMetricsF(titleFont()).height() + 8 + QFontMetricsF(subtitleFont()).height();
    }
    QSizeF legendSize() const { return legend ? drawing::legendSize(1) : QSizeF(); }
    QSizeF size() const
    {
        const QSizeF l = legendSize();
        const qreal w = std::max({mapRect.width() + (legend ? gap + l.width() : 0.0),
            QFontMetricsF(titleFont()).horizontalAdvance(title),
            QFontMetricsF(subtitleFont()).horizontalAdvance(summary)});
        const qreal h = titleHeight() + gap + std::max(mapRect.height(), l.height());
        return {std::ceil(w + 2 * margin), std::ceil(h + 2 * margin)};
    }
};

Picture::Picture(const Map &map, const Scenario &scenario, std::vector<std::uint8_t> focus)
    : d(std::make_unique<Private>())
{
    d->map = map;
    d->scenario = scenario;
    const ScenarioSpec spec = resolveScenario(map, scenario); // throws for an unknown id
    (void)spec;
    d->document.reset(map, QString(), true);
    d->document.setWhatIf(scenario.fail, scenario.degrade);
    d->scene = std::make_unique<MapScene>(&d->document, &d->selection);
    d->scene->setFullDetail(true);
    if (d->scene->hasUnplacedComponents()) {
        const layout::Request request = d->scene->layoutRequest();
        const layout::Result result = layout::computeLayout(request);
        const QHash<QString, QPointF> positions = d->scene->acceptLayout(request, result);
        d->document.setPositions(positions);
    }
    if (int(focus.size()) == map.componentCount() && !focus.empty())
        d->scene->setFocusFilter(std::move(focus), QString());
    d->mapRect = d->scene->mapBounds();
    if (d->mapRect.isEmpty())
        d->mapRect = QRectF(0, 0, 200, 100);
    d->title = titleFor(map, scenario);
    const ImpactSummary &s = d->document.impact().summary();
    QString summary = QStringLiteral("%1 down · %2 degraded · %3 at risk")
                          .arg(s.down)
                          .arg(s.degraded)
                          .arg(s.atRisk);
    if (s.costPerHour > 0)
        summary += QStringLiteral(" · ") + theme::formatCostPerHour(s.costPerHour)
            + QStringLiteral(" lost");
    if (scenario.fail.isEmpty() && scenario.degrade.isEmpty())
        summary = QStringLiteral("%1 components, no failure").arg(map.componentCount());
    d->summary = summary;
}

Picture::~Picture() = default;

QString Picture::title() const
{
    return d->title;
}

QString Picture::summaryLine() const
{
    return d->summary;
}

QSizeF Picture::size() const
{
    return d->size();
}

void Picture::paint(QPainter *p, const QRectF &target) const
{
    // A picture is always light, whatever the canvas on screen shows.
    const theme::ScopedScheme light(theme::Scheme::Light);
    const QSizeF size = d->size();
    const qreal scale = std::min(target.width() / size.width(), target.height() / size.height());
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::TextAntialiasing);
    p->translate(target.left() + (target.width() - size.width() * scale) / 2,
        target.top() + (target.height() - size.height() * scale) / 2);
    p->scale(scale, scale);
    p->fillRect(QRectF(QPointF(0, 0), size), theme::canvasBackground());

    // Title and summary.
    const QFontMetricsF tm(titleFont());
    p->setPen(QColor(0x0F172A));
    p->setFont(titleFont());
    p->drawText(QRectF(margin, margin, size.width() - 2 * margin, tm.height()),
        Qt::AlignLeft | Qt::AlignVCenter, d->title);
    p->setFont(subtitleFont());
    p->setPen(QColor(0x475569));
    p->drawText(QRectF(margin, margin + tm.height() + 8, size.width() - 2 * margin,
                    QFontMetricsF(subtitleFont()).height()),
        Qt::AlignLeft | Qt::AlignVCenter, d->summary);

    // The canvas.
    const qreal top = margin + d->titleHeight() + gap;
    const QRectF mapTarget(QPointF(margin, top), d->mapRect.size());
    d->scene->render(p, mapTarget, d->mapRect, Qt::KeepAspectRatio);

    if (d->legend)
        drawing::drawLegend(p, QPointF(margin + d->mapRect.width() + gap, top), 1);
    p->restore();
}

namespace {

// XML 1.0 allows no C0 control character but tab, line feed and carriage return, and neither
// U+FFFE nor U+FFFF; QSvgGenerator writes a name holding one as it is, which makes the whole
// SVG (and the HTML report that embeds it) unreadable. Each becomes a blank, as in the DOT
// export.
QByteArray xmlSafe(QByteArray svg)
{
    for (qsizetype i = 0; i < svg.size(); ++i) {
        const auto c = static_cast<unsigned char>(svg[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            svg[i] = ' ';
        } else if (c == 0xEF && i + 2 < svg.size() && static_cast<unsigned char>(svg[i + 1]) == 0xBF
            && (static_cast<unsigned char>(svg[i + 2]) & 0xFE) == 0xBE) {
            svg[i] = svg[i + 1] = svg[i + 2] = ' ';
        }
    }
    return svg;
}

} // namespace

QByteArray Picture::svg() const
{
    // A picture is always light, whatever the canvas on screen shows.
    const theme::ScopedScheme light(theme::Scheme::Light);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QSizeF size = d->size();
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    // QSvgGenerator (Qt 6.4) writes the title and description as they are: escape them here.
    generator.setTitle(d->title.toHtmlEscaped());
    generator.setDescription(d->summary.toHtmlEscaped());
    generator.setResolution(96);
    {
        QPainter painter(&generator);
        paint(&painter, QRectF(QPointF(0, 0), size));
    }
    QByteArray svg = buffer.data();
    const qsizetype end = svg.lastIndexOf("</svg>");
    if (end >= 0)
        svg.insert(end, nameTitles());
    return xmlSafe(svg);
}

// QSvgGenerator cannot give a drawn element a <title>. So every component gets an invisible
// rectangle over its box (a cluster: over its title bar) holding its whole name as <title>, which
// viewers show as a tooltip and search finds, even where the drawn label was cut. Clusters come
// first, so that a component's rectangle lies over its cluster's.
QByteArray Picture::nameTitles() const
{
    const qreal top = margin + d->titleHeight() + gap;
    const QPointF offset = QPointF(margin, top) - d->mapRect.topLeft();
    QByteArray clusters, nodes;
    auto add = [&](QByteArray &out, QRectF r, const QString &name) {
        r.translate(offset);
        out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#fff\" "
                              "fill-opacity=\"0\" stroke=\"none\"><title>%5</title></rect>\n")
                   .arg(r.x(), 0, 'f', 2)
                   .arg(r.y(), 0, 'f', 2)
                   .arg(r.width(), 0, 'f', 2)
                   .arg(r.height(), 0, 'f', 2)
                   .arg(oneLine(name).toHtmlEscaped())
                   .toUtf8();
    };
    for (const Component &c : d->map.components()) {
        if (const NodeItem *node = d->scene->nodeItem(c.id); node && node->isVisible()) {
            add(nodes, node->rect(), c.displayName());
        } else if (const ClusterItem *cl = d->scene->clusterItem(c.id); cl && cl->isVisible()) {
            const QRectF r = cl->rect();
            add(clusters, QRectF(r.topLeft(), QSizeF(r.width(), cl->headerSize().height())),
                c.displayName());
        }
    }
    return "<g id=\"names\">\n" + clusters + nodes + "</g>\n";
}

QSize Picture::pixelSize(const Options &options) const
{
    const QSizeF size = d->size();
    qreal scale =
        options.width > 0 ? options.width / size.width() : std::max(options.dpi, 1) / 96.0;
    // QImage holds at most 32767 pixels a side and 2 GB; keep well inside (about 160 MB), which
    // also keeps a huge map's PNG quick to encode.
    const qreal maxSide = 32000;
    const qreal maxArea = 40e6;
    scale = std::min({scale, maxSide / size.width(), maxSide / size.height(),
        std::sqrt(maxArea / (size.width() * size.height()))});
    return {std::max(1, int(std::lround(size.width() * scale))),
        std::max(1, int(std::lround(size.height() * scale)))};
}

QImage Picture::image(const Options &options) const
{
    // A picture is always light, whatever the canvas on screen shows.
    const theme::ScopedScheme light(theme::Scheme::Light);
    const QSize pixels = pixelSize(options);
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throw FormatError(QStringLiteral("the picture is too large (%1 × %2 pixels)")
                              .arg(pixels.width())
                              .arg(pixels.height()));
    image.fill(theme::canvasBackground());
    const qreal dpi = options.width > 0 ? 96.0 * pixels.width() / d->size().width() : options.dpi;
    const int dotsPerMeter = int(std::lround(std::max(dpi, 1.0) / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    QPainter painter(&image);
    paint(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    return image;
}

void Picture::write(const QString &path, const Options &options) const
{
    // A picture is always light, whatever the canvas on screen shows.
    const theme::ScopedScheme light(theme::Scheme::Light);
    const std::optional<Format> format = formatFor(path);
    if (!format)
        throw FormatError(
            QStringLiteral("%1: cannot tell the format; use .svg, .png, .pdf or .dot").arg(path));
    QByteArray bytes;
    switch (*format) {
    case Format::Svg:
        bytes = svg();
        break;
    case Format::Dot:
        bytes = dotexport::write(d->map, d->scenario, d->document.impact());
        break;
    case Format::Png: {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image(options).save(&buffer, "PNG"))
            throw FormatError(QStringLiteral("%1: cannot encode the PNG image").arg(path));
        break;
    }
    case Format::Pdf: {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(d->title);
        writer.setCreator(QStringLiteral("Faultline"));
        writer.setResolution(600);
        const QSizeF size = d->size();
        QPageLayout::Orientation orientation = options.orientation.value_or(
            size.width() > size.height() ? QPageLayout::Landscape : QPageLayout::Portrait);
        writer.setPageLayout(QPageLayout(QPageSize(options.page), orientation,
            QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&writer))
            throw FormatError(QStringLiteral("%1: cannot start the PDF").arg(path));
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        paint(&painter, QRectF(QPointF(0, 0), QSizeF(page.size())));
        painter.end();
        break;
    }
    }
    writeWholeFile(path, bytes);
}

} // namespace faultline::diagramexport
