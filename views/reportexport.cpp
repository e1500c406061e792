#include "views/reportexport.h"

#include "model/io/fileio.h"
#include "model/map/errors.h"
#include "model/report/htmlreport.h"
#include "views/diagramexport.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace faultline::reportexport {

namespace {

// A stretch of the laid-out document that must stay on one page: a line of text outside tables,
// or a whole table row. `keepWithNext` holds headings to what follows them.
struct Unit
{
    qreal top = 0;
    qreal bottom = 0;
    bool keepWithNext = false;
    qreal border = 0; // of a table row: the line under the row above is its top border
};

// A table's repeated header rows, and where its body starts and ends, in document units.
struct TableBand
{
    qreal headerTop = 0;
    qreal headerBottom = 0;
    qreal bottom = 0;
};

struct Layout
{
    std::vector<Unit> units;
    std::vector<TableBand> tables;
};

// The top of row `row`'s cells in document units: its highest cell content less that cell's
// top padding and the table's border (the line between two rows).
qreal rowTop(const QTextTable &table, int row, const QAbstractTextDocumentLayout &layout)
{
    qreal top = std::numeric_limits<qreal>::max();
    for (int c = 0; c < table.columns(); ++c) {
        const QTextTableCell cell = table.cellAt(row, c);
        if (!cell.isValid() || cell.row() != row)
            continue;
        const QTextBlock block = cell.firstCursorPosition().block();
        const QTextTableCellFormat format = cell.format().toTableCellFormat();
        const qreal padding = format.hasProperty(QTextFormat::TableCellTopPadding)
            ? format.topPadding()
            : table.format().cellPadding();
        top = std::min(top, layout.blockBoundingRect(block).top() - padding);
    }
    return top - table.format().border();
}

void collect(QTextFrame *frame, const QAbstractTextDocumentLayout &layout, Layout &out)
{
    for (auto it = frame->begin(); !it.atEnd(); ++it) {
        if (auto *table = qobject_cast<QTextTable *>(it.currentFrame())) {
            const qreal bottom = layout.frameBoundingRect(table).bottom();
            std::vector<qreal> tops;
            for (int r = 0; r < table->rows(); ++r)
                tops.push_back(rowTop(*table, r, layout));
            tops.push_back(bottom);
            const int header = table->format().headerRowCount();
            const qreal border = table->format().border();
            for (int r = 0; r < table->rows(); ++r)
                out.units.push_back({tops[r], tops[r + 1], r < header, border});
            if (header > 0 && header < table->rows())
                out.tables.push_back({tops[0], tops[header], bottom});
        } else if (QTextFrame *child = it.currentFrame()) {
            collect(child, layout, out);
        } else {
            const QTextBlock block = it.currentBlock();
            const QRectF rect = layout.blockBoundingRect(block);
            const bool heading = block.blockFormat().headingLevel() > 0;
            const QTextLayout *lines = block.layout();
            for (int i = 0; i < lines->lineCount(); ++i) {
                const QTextLine line = lines->lineAt(i);
                const qreal top = rect.top() + line.y();
                out.units.push_back({top, top + line.height(), heading});
            }
        }
    }
}

constexpr qreal epsilon = 0.5;

// The first of `units` (sorted by top) that starts at or below `y`.
std::vector<Unit>::const_iterator unitFrom(const std::vector<Unit> &units, qreal y)
{
    return std::lower_bound(
        units.begin(), units.end(), y, [](const Unit &u, qreal at) { return u.top < at; });
}

// Where a page that shows the document from `start` and has room down to `limit` ends: at
// `limit` unless that cuts a unit, else at the top of the unit it cuts, or of the heading
// above. A unit taller than a page is cut all the same.
qreal pageEnd(const std::vector<Unit> &units, qreal start, qreal limit)
{
    qreal end = limit;
    for (auto it = unitFrom(units, end - epsilon); it != units.begin();
         it = unitFrom(units, end - epsilon)) {
        const Unit &last = *std::prev(it);
        if (last.top <= start + epsilon || (last.bottom <= end + epsilon && !last.keepWithNext))
            break;
        end = last.top;
    }
    return end > start + epsilon ? end : limit;
}

const TableBand *tableAround(const Layout &layout, qreal y)
{
    for (const TableBand &t : layout.tables)
        if (y > t.headerBottom + epsilon && y < t.bottom - epsilon)
            return &t;
    return nullptr;
}

// One page: the document's band [bodyFrom, bodyTo) drawn from bodyTop down (down to drawTo, to
// close a table row cut under), under a table's header rows [headerTop, headerBottom) when the
// table runs over from the page before.
struct PageSlice
{
    qreal headerTop = 0;
    qreal headerBottom = 0;
    qreal bodyFrom = 0;
    qreal bodyTo = 0;
    qreal drawTo = 0;
    qreal bodyTop = 0;
};

std::vector<PageSlice> paginate(const QTextDocument &document, qreal pageHeight)
{
    Layout layout;
    collect(document.rootFrame(), *document.documentLayout(), layout);
    std::stable_sort(layout.units.begin(), layout.units.end(),
        [](const Unit &a, const Unit &b) { return a.top < b.top; });
    const qreal margin = document.documentMargin();
    const qreal height = document.documentLayout()->documentSize().height();
    std::vector<PageSlice> pages;
    qreal start = 0;
    while (start < height - margin - epsilon || pages.empty()) {
        PageSlice page;
        // Every page but the first starts a margin down, under the header rows of a table
        // that runs over from the page before.
        qreal top = pages.empty() ? 0 : margin;
        if (const TableBand *table = pages.empty() ? nullptr : tableAround(layout, start)) {
            page.headerTop = table->headerTop;
            page.headerBottom = table->headerBottom;
            top += table->headerBottom - table->headerTop;
        }
        page.bodyTop = top;
        const qreal end = pageEnd(layout.units, start, start + pageHeight - top - margin);
        page.bodyFrom = start;
        page.bodyTo = end;
        page.drawTo = end;
        const auto next = unitFrom(layout.units, end - epsilon);
        if (next != layout.units.end() && next->border > 0 && next->top < end + epsilon)
            page.drawTo = end + next->border;
        pages.push_back(page);
        start = end;
    }
    return pages;
}

// Draws the document's band [from, to) with its top at `y` on the page.
void drawBand(
    QPainter &painter, const QTextDocument &document, qreal from, qreal to, qreal y, qreal width)
{
    painter.save();
    painter.translate(0, y - from);
    const QRectF band(0, from, width, to - from);
    painter.setClipRect(band);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = band;
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
        const QFontMetricsF metrics(footerFont, &writer);
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
    const diagramexport::Picture picture(map, scenario);
    report::Diagram diagram;
    diagram.data = picture.svg();
    diagram.mimeType = QByteArrayLiteral("image/svg+xml");
    return report::html(data, diagram);
}

QByteArray pdf(const Map &map, const Scenario &scenario, const Options &options)
{
    const report::ReportData data = report::buildReport(map, scenario, options.report);
    const diagramexport::Picture picture(map, scenario);

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
