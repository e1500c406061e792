#include "views/reportexport.h"

#include "model/io/fileio.h"
#include "model/map/errors.h"
#include "model/report/htmlreport.h"
#include "views/diagramexport.h"
#include "views/reportpagination.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <vector>

namespace faultline::reportexport {

namespace {

// Draws the document's band [from, to) with its top at `y` on the page.
void drawBand(
    QPainter &painter, const QTextDocument &document, qreal from, qreal to, qreal y, qreal width)
{
    painter.save();
    painter.translate(0, y - from);
    const QRectF band(0, from, width, to - from);
    painter.setClipRect(band);
    QAbstractTextDocumentLayout::PaintContext context;
    // What to draw: a little less than what is shown, so that a line of a tall row that only
    // touches the band, on the page before or after it, is not drawn and clipped away here
    // (its text would still be in the PDF, for search and copy, on two pages).
    context.clip = band.adjusted(0, 0.5, 0, -0.5);
    context.palette.setColor(QPalette::Text, Qt::black);
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

// QTextDocument::print() numbers pages only when it paginates the document itself, and then
// without the page count; and Qt 6.4 splits a table row over two pages line by line. This lays
// `document` out unpaginated (its textWidth scaled to the writer's page width), cuts it into
// `pageHeight` high pages between lines and table rows (paginate()), repeats a table's header
// rows on the pages it runs over, and draws under each page a footer with `title` and
// "Page N of M".
void printPages(
    const QTextDocument &document, qreal pageHeight, QPdfWriter &writer, const QString &title)
{
    QPainter painter(&writer);
    if (!painter.isActive())
        throw FormatError(QStringLiteral("cannot paint the PDF report"));
    const qreal width = document.textWidth();
    const qreal scale = writer.width() / width;
    const QRectF footer(
        0, pageHeight * scale, writer.width(), writer.height() - pageHeight * scale);
    QFont footerFont(QStringLiteral("DejaVu Sans"));
    footerFont.setPointSizeF(7);
    const QFontMetricsF metrics(footerFont, &writer);
    const std::vector<PageSlice> slices = paginate(document, pageHeight);
    const int pages = int(slices.size());
    for (int i = 0; i < pages; ++i) {
        const PageSlice &slice = slices[i];
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.scale(scale, scale);
        if (slice.headerBottom > slice.headerTop)
            drawBand(painter, document, slice.headerTop, slice.headerBottom,
                slice.bodyTop - (slice.headerBottom - slice.headerTop), width);
        drawBand(painter, document, slice.bodyFrom, slice.drawTo, slice.bodyTop, width);
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x64, 0x74, 0x8B));
        const int pad = writer.resolution() / 30;
        painter.drawLine(QPointF(footer.left(), footer.top() + pad),
            QPointF(footer.right(), footer.top() + pad));
        const QRectF text = footer.adjusted(0, 2 * pad, 0, 0);
        const QString number = QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages);
        const qreal numberWidth = metrics.horizontalAdvance(number);
        painter.drawText(text.adjusted(0, 0, -numberWidth - 4 * pad, 0),
            Qt::AlignLeft | Qt::AlignTop,
            metrics.elidedText(title, Qt::ElideRight, text.width() - numberWidth - 4 * pad));
        painter.drawText(text, Qt::AlignRight | Qt::AlignTop, number);
    }
}

} // namespace

QByteArray html(const Map &map, const Scenario &scenario, const Options &options)
{
    const report::ReportData data = report::buildReport(map, scenario, options.report);
    const diagramexport::Picture picture(map, scenario, options.focus);
    report::Diagram diagram;
    diagram.data = picture.svg();
    diagram.mimeType = QByteArrayLiteral("image/svg+xml");
    return report::html(data, diagram);
}

QByteArray pdf(const Map &map, const Scenario &scenario, const Options &options)
{
    const report::ReportData data = report::buildReport(map, scenario, options.report);
    const diagramexport::Picture picture(map, scenario, options.focus);

    // The HTML is laid out on a page `zoom` times larger than the paper's printable area (in
    // 96-dpi units) and print() scales it down to the paper: the report's seven-column tables
    // get the width they need. The diagram gets the text width and at most most of a page's
    // height, drawn from an image of three times that many pixels to stay sharp on paper.
    constexpr qreal zoom = 1.45;
    const QPageLayout layout(QPageSize(options.page), options.orientation,
        QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    const QSizeF paint = layout.paintRect(QPageLayout::Inch).size() * 96 * zoom;
    constexpr qreal documentMargin = 4;
    constexpr qreal footerHeight = 36;
    const qreal bodyWidth = paint.width() - 2 * documentMargin - 8;
    const qreal bodyHeight = paint.height() - 2 * documentMargin - 160;
    const QSizeF size = picture.size();
    const qreal scale = std::min(bodyWidth / size.width(), bodyHeight / size.height());
    const int shownWidth = std::max(1, int(std::floor(size.width() * scale)));

    diagramexport::Options imageOptions;
    imageOptions.width = shownWidth * 3;
    const QImage image = picture.image(imageOptions);
    report::Diagram diagram;
    {
        QBuffer buffer(&diagram.data);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    diagram.mimeType = QByteArrayLiteral("image/png");
    diagram.width = shownWidth;
    const QByteArray html = report::html(data, diagram);

    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    // The importer looks the image up by its src; hand it the decoded image rather than rely on
    // data: URL support.
    const QUrl url(
        QStringLiteral("data:image/png;base64,") + QString::fromLatin1(diagram.data.toBase64()));
    document.addResource(QTextDocument::ImageResource, url, image);
    document.setHtml(QString::fromUtf8(html));
    document.setDocumentMargin(documentMargin);
    // Laid out unpaginated: printPages() cuts the pages, keeping the bottom of each for the
    // footer.
    document.setTextWidth(paint.width());

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    const QString title = QStringLiteral("%1 — %2").arg(
        data.mapName, data.scenarioName.isEmpty() ? QStringLiteral("What-if") : data.scenarioName);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Faultline"));
    writer.setResolution(300);
    writer.setPageLayout(layout);
    printPages(document, paint.height() - footerHeight, writer, title);
    return bytes;
}

void write(const QString &path, const Map &map, const Scenario &scenario, const Options &options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        bytes = html(map, scenario, options);
    else if (suffix == QLatin1String("pdf"))
        bytes = pdf(map, scenario, options);
    else
        throw FormatError(
            QStringLiteral("%1: cannot tell the format; the report is .html or .pdf").arg(path));
    writeWholeFile(path, bytes);
}

} // namespace faultline::reportexport
