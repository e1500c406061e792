#include "views/reportpagination.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>
#include <limits>

namespace faultline::reportexport {

namespace {

// A line of text: its top and bottom in document units.
struct Line
{
    qreal top = 0;
    qreal bottom = 0;
};

// A stretch of the laid-out document that must stay on one page: a line of text outside tables,
// or a whole table row. `keepWithNext` holds headings to what follows them.
struct Unit
{
    qreal top = 0;
    qreal bottom = 0;
    bool keepWithNext = false;
    qreal border = 0; // of a table row: the line under the row above is its top border
    // Of a table row: the lines of all its cells, where a row taller than a page may be cut
    // between them.
    std::vector<Line> lines;
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
    std::vector<qreal> breaks; // tops of blocks that start a page (page-break-before: always)
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

// Every line of text in `frame` (a table cell's blocks included), appended to `out`.
void appendLines(
    QTextFrame::iterator it, const QAbstractTextDocumentLayout &layout, std::vector<Line> &out)
{
    for (; !it.atEnd(); ++it) {
        if (QTextFrame *child = it.currentFrame()) {
            appendLines(child->begin(), layout, out);
            continue;
        }
        const QTextBlock block = it.currentBlock();
        const qreal top = layout.blockBoundingRect(block).top();
        const QTextLayout *lines = block.layout();
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            out.push_back({top + line.y(), top + line.y() + line.height()});
        }
    }
}

// The lines of every cell of `row`, from the top down.
std::vector<Line> rowLines(
    const QTextTable &table, int row, const QAbstractTextDocumentLayout &layout)
{
    std::vector<Line> lines;
    for (int c = 0; c < table.columns(); ++c) {
        const QTextTableCell cell = table.cellAt(row, c);
        if (cell.isValid() && cell.row() == row)
            appendLines(cell.begin(), layout, lines);
    }
    std::stable_sort(
        lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.top < b.top; });
    return lines;
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
                out.units.push_back(
                    {tops[r], tops[r + 1], r < header, border, rowLines(*table, r, layout)});
            if (header > 0 && header < table->rows())
                out.tables.push_back({tops[0], tops[header], bottom});
        } else if (QTextFrame *child = it.currentFrame()) {
            collect(child, layout, out);
        } else {
            const QTextBlock block = it.currentBlock();
            const QRectF rect = layout.blockBoundingRect(block);
            const bool heading = block.blockFormat().headingLevel() > 0;
            if (block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                out.breaks.push_back(rect.top());
            const QTextLayout *lines = block.layout();
            for (int i = 0; i < lines->lineCount(); ++i) {
                const QTextLine line = lines->lineAt(i);
                const qreal top = rect.top() + line.y();
                out.units.push_back({top, top + line.height(), heading, 0, {}});
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

// Where to end a page that runs from `start` to `limit` inside `tall`, a unit taller than a page:
// at `limit` when no line of its text straddles it, else at the top of the lowest line that no
// other line straddles (lines of different cells need not line up), and at `limit`, through a
// line, when there is no such line in the lower three quarters of the page (a single line
// taller than a page).
qreal cutBetweenLines(const Unit &tall, qreal start, qreal limit)
{
    // A line's top is a place to cut when no line above it reaches below it. The lines are in
    // order of their tops, so one pass keeps how far down the lines above reach.
    const std::vector<Line> &lines = tall.lines;
    qreal best = start;
    qreal reach = std::numeric_limits<qreal>::lowest();
    std::size_t above = 0;
    for (const Line &candidate : lines) {
        const qreal y = candidate.top;
        if (y > limit - epsilon)
            break;
        for (; above < lines.size() && lines[above].top < y - epsilon; ++above)
            reach = std::max(reach, lines[above].bottom);
        if (y > start + epsilon && reach <= y + epsilon)
            best = y;
    }
    // Whether a line straddles `limit`: the lines that start above it reach below it.
    for (; above < lines.size() && lines[above].top < limit - epsilon; ++above)
        reach = std::max(reach, lines[above].bottom);
    if (reach <= limit + epsilon)
        return limit;
    // A cut high on the page (under the row's top padding, above one huge line) would leave the
    // page nearly empty and the line cut all the same on the next.
    return best > start + (limit - start) / 4 ? best : limit;
}

// Where a page that shows the document from `start` and has room down to `limit` ends: at
// `limit` unless that cuts a unit, else at the top of the unit it cuts, or of the heading
// above. A unit taller than the page is cut between two of its lines where it is
// (cutBetweenLines()): moving it to the next page would only leave this one part blank, and
// the headings before it alone.
qreal pageEnd(const std::vector<Unit> &units, qreal start, qreal limit)
{
    qreal end = limit;
    for (auto it = unitFrom(units, end - epsilon); it != units.begin();
         it = unitFrom(units, end - epsilon)) {
        const Unit &last = *std::prev(it);
        const bool fits = last.bottom <= end + epsilon;
        if (fits && (!last.keepWithNext || last.top <= start + epsilon))
            break;
        if (!fits && end == limit
            && (last.top <= start + epsilon || last.bottom - last.top > limit - start))
            return cutBetweenLines(last, start, limit);
        if (last.top <= start + epsilon)
            break; // a heading that starts the page, and what follows it does not fit
        end = last.top;
    }
    return end;
}

const TableBand *tableAround(const Layout &layout, qreal y)
{
    for (const TableBand &t : layout.tables)
        if (y > t.headerBottom + epsilon && y < t.bottom - epsilon)
            return &t;
    return nullptr;
}

} // namespace

std::vector<PageSlice> paginate(const QTextDocument &document, qreal pageHeight)
{
    Layout layout;
    collect(document.rootFrame(), *document.documentLayout(), layout);
    std::stable_sort(layout.units.begin(), layout.units.end(),
        [](const Unit &a, const Unit &b) { return a.top < b.top; });
    std::sort(layout.breaks.begin(), layout.breaks.end());
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
        // Header rows taller than most of a page are not repeated: the page would hold little
        // else, or nothing.
        if (top > pageHeight / 2) {
            page.headerTop = page.headerBottom = 0;
            top = margin;
        }
        page.bodyTop = top;
        qreal end = pageEnd(layout.units, start, start + pageHeight - top - margin);
        for (const qreal at : layout.breaks) {
            if (at > start + epsilon && at < end - epsilon) {
                end = at;
                break;
            }
        }
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

} // namespace faultline::reportexport
