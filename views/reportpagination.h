#pragma once

#include <QtGlobal>

#include <vector>

class QTextDocument;

// Cutting the report, laid out as one tall unpaginated QTextDocument, into pages: between lines
// of text and between table rows, a heading kept with what follows it, a table's header rows
// repeated on every page it runs over, and a row taller than a page cut between two of its
// lines. reportexport draws the pages; the rules are here so that they can be tested alone.
namespace faultline::reportexport {

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

// Every page of `document` (laid out unpaginated, with its text width set), each at most
// `pageHeight` high (give or take half a unit), top margin and repeated header rows included.
std::vector<PageSlice> paginate(const QTextDocument &document, qreal pageHeight);

} // namespace faultline::reportexport
