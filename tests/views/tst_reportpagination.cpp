// How the PDF report is cut into pages (views/reportpagination.h), on documents made for it:
// pages end between lines of text, never through one; table rows stay whole, and a row taller
// than a page is cut between lines of all its cells; the pages cover the document in order.
#include "views/reportpagination.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>
#include <set>
#include <vector>

using namespace faultline;
using reportexport::PageSlice;

namespace {

constexpr qreal slack = 0.5;

struct LineBox
{
    qreal top;
    qreal bottom;
    int row; // of the table; -1 outside it
    bool heading;
};

// Every line of text in the document, with the table row it is in.
std::vector<LineBox> lineBoxes(const QTextDocument &document)
{
    std::vector<LineBox> out;
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const qreal top = layout->blockBoundingRect(block).top();
        const QTextCursor cursor(block);
        const QTextTable *table = cursor.currentTable();
        const int row = table ? table->cellAt(cursor).row() : -1;
        const bool heading = block.blockFormat().headingLevel() > 0;
        const QTextLayout *lines = block.layout();
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            out.push_back({top + line.y(), top + line.y() + line.height(), row, heading});
        }
    }
    return out;
}

QString words(const QString &stem, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(stem + QString::number(i));
    return out.join(QLatin1Char(' '));
}

// A heading, a paragraph, then a table of `rows` rows under a header row; row `tall` (if any)
// has two cells far taller than a page, in different sizes of type, so that their lines do
// not line up.
QString documentHtml(int rows, int tall)
{
    QString html = QStringLiteral("<h2>Affected components</h2><p>%1</p>"
                                  "<table border=\"1\" cellpadding=\"5\" cellspacing=\"0\" "
                                  "width=\"100%\"><thead><tr><th>Name</th><th>Owner</th></tr>"
                                  "</thead><tbody>")
                       .arg(words(QStringLiteral("intro"), 60));
    for (int r = 0; r < rows; ++r) {
        if (r == tall)
            html += QStringLiteral("<tr><td><span style=\"font-size:15pt\">%1</span></td>"
                                   "<td>%2</td></tr>")
                        .arg(words(QStringLiteral("big"), 250), words(QStringLiteral("w"), 900));
        else
            html += QStringLiteral("<tr><td>row %1</td><td>%2</td></tr>")
                        .arg(r)
                        .arg(words(QStringLiteral("o"), 3 + r % 17));
    }
    return html + QStringLiteral("</tbody></table><p>%1</p>").arg(words(QStringLiteral("end"), 40));
}

} // namespace

class TestReportPagination : public QObject
{
    Q_OBJECT

private slots:
    void pagesEndBetweenLinesAndRows_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("tall");
        QTest::addColumn<qreal>("pageHeight");
        QTest::newRow("rows that fit") << 60 << -1 << qreal(400);
        QTest::newRow("a tall row in the middle") << 40 << 20 << qreal(400);
        QTest::newRow("a tall row first") << 10 << 0 << qreal(500);
        QTest::newRow("a tall row last") << 10 << 9 << qreal(350);
        QTest::newRow("a tall row first, short page") << 3 << 0 << qreal(260);
    }

    void pagesEndBetweenLinesAndRows()
    {
        QFETCH(int, rows);
        QFETCH(int, tall);
        QFETCH(qreal, pageHeight);
        QTextDocument document;
        document.setHtml(documentHtml(rows, tall));
        document.setTextWidth(420);
        const std::vector<PageSlice> pages = reportexport::paginate(document, pageHeight);
        QVERIFY(pages.size() >= 2);

        // The pages cover the document in order, each within its height.
        const qreal margin = document.documentMargin();
        QCOMPARE(pages.front().bodyFrom, qreal(0));
        for (size_t p = 0; p < pages.size(); ++p) {
            const PageSlice &page = pages[p];
            QVERIFY2(page.bodyTo > page.bodyFrom, qPrintable(QString::number(p)));
            QVERIFY2(page.bodyTop + (page.bodyTo - page.bodyFrom) <= pageHeight - margin + slack,
                qPrintable(QString::number(p)));
            if (p > 0)
                QCOMPARE(page.bodyFrom, pages[p - 1].bodyTo);
        }
        QVERIFY(pages.back().bodyTo
            >= document.documentLayout()->documentSize().height() - margin - slack);

        // Every line is on one page, whole; a row's lines are on one page unless it is the tall
        // one, which runs over several. No page holds only a heading or the table's header row:
        // they stay with what follows them.
        std::vector<std::set<int>> pagesOfRow(rows);
        std::vector<bool> holdsContent(pages.size(), false);
        for (const LineBox &line : lineBoxes(document)) {
            int on = -1;
            for (size_t p = 0; p < pages.size(); ++p) {
                const bool straddles =
                    line.top < pages[p].bodyTo - slack && line.bottom > pages[p].bodyTo + slack;
                QVERIFY2(!straddles,
                    qPrintable(QStringLiteral("page %1 ends at %2, through a line from %3 to %4")
                                   .arg(p + 1)
                                   .arg(pages[p].bodyTo)
                                   .arg(line.top)
                                   .arg(line.bottom)));
                if (line.top >= pages[p].bodyFrom - slack && line.bottom <= pages[p].bodyTo + slack)
                    on = int(p);
            }
            QVERIFY2(on >= 0, qPrintable(QStringLiteral("a line at %1").arg(line.top)));
            if (line.row != 0 && !line.heading)
                holdsContent[on] = true;
            if (line.row >= 1)
                pagesOfRow[line.row - 1].insert(on); // row 0 is the header
        }
        for (size_t p = 0; p < pages.size(); ++p)
            QVERIFY2(holdsContent[p], qPrintable(QStringLiteral("page %1").arg(p + 1)));
        // A page is left part blank only to keep a row whole: never more than half of it.
        for (size_t p = 0; p + 1 < pages.size(); ++p) {
            const qreal used = pages[p].bodyTop + pages[p].bodyTo - pages[p].bodyFrom;
            QVERIFY2(used >= pageHeight / 2,
                qPrintable(
                    QStringLiteral("page %1: %2 of %3").arg(p + 1).arg(used).arg(pageHeight)));
        }
        for (int r = 0; r < rows; ++r) {
            if (r == tall)
                QVERIFY2(pagesOfRow[r].size() >= 3, qPrintable(QString::number(r)));
            else
                QVERIFY2(pagesOfRow[r].size() == 1, qPrintable(QString::number(r)));
        }

        // Every page after the table's first and up to its last repeats its header row.
        const int tableFrom = *pagesOfRow.front().begin();
        const int tableTo = *pagesOfRow.back().rbegin();
        QVERIFY(tableTo > tableFrom);
        for (int p = tableFrom + 1; p <= tableTo; ++p)
            QVERIFY2(pages[p].headerBottom > pages[p].headerTop, qPrintable(QString::number(p)));
    }

    // A heading with page-break-before: always (each scenario of the workshop pack) starts a
    // page, though the page before has room for it.
    void pageBreakBeforeStartsAPage()
    {
        QTextDocument document;
        document.setHtml(
            QStringLiteral("<html><head><style>h2.new-page { page-break-before: "
                           "always; }</style></head><body><h1>Cover</h1><p>short</p>"
                           "<h2 class=\"new-page\">First</h2><p>one</p>"
                           "<h2 class=\"new-page\">Second</h2><p>two</p></body></html>"));
        document.setTextWidth(420);
        const std::vector<PageSlice> pages = reportexport::paginate(document, 2000);
        QCOMPARE(int(pages.size()), 3);
        for (const auto &[page, heading] : {std::pair(1, "First"), std::pair(2, "Second")}) {
            const QTextBlock block = document.find(QLatin1String(heading)).block();
            QCOMPARE(
                pages[page].bodyFrom, document.documentLayout()->blockBoundingRect(block).top());
        }
    }
};

QTEST_MAIN(TestReportPagination)
#include "tst_reportpagination.moc"
