// Diagrams, reports and imports through the real executable, each output read back: SVG as
// XML with every name, PNG at the requested size, PDF page counts, DOT through Graphviz, the
// HTML report as XML without script, CSV rows; imports that fail name file and line and leave
// the output alone. The child runs without DISPLAY or a Qt platform.

#include "tests/app/clitestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace clitest;

namespace {

const QString evil = QStringLiteral("<script>alert(1)</script> & \"q\"");

// A region cluster whose title is the hostile name (a cluster title is never elided), zones
// in it, a pool over them, a business shop.
QByteArray tinyMap()
{
    QJsonArray components;
    auto add = [&](const char *id, const QString &name, const char *kind, const char *parent,
                   QJsonObject extra = {}) {
        QJsonObject c = extra;
        c[QStringLiteral("id")] = QLatin1String(id);
        if (!name.isEmpty())
            c[QStringLiteral("name")] = name;
        c[QStringLiteral("kind")] = QLatin1String(kind);
        if (parent)
            c[QStringLiteral("parent")] = QLatin1String(parent);
        components.append(c);
    };
    add("cloud", QStringLiteral("Cloud"), "provider", nullptr);
    add("region", evil, "region", "cloud");
    add("zone-a", QStringLiteral("Zone A"), "zone", "region");
    add("zone-b", QStringLiteral("Zone B"), "zone", "region");
    add("web-a", QStringLiteral("Web A"), "compute", "zone-a");
    add("web-b", QStringLiteral("Web B"), "compute", "zone-b");
    add("web", QStringLiteral("Web pool"), "group", nullptr, {{QStringLiteral("require"), 1}});
    add("db", QStringLiteral("Payments DB"), "database", "zone-a",
        {{QStringLiteral("owner"), QStringLiteral("data-team")}, {QStringLiteral("tier"), 1},
            {QStringLiteral("rto_minutes"), 60}, {QStringLiteral("cost_per_hour"), 1000}});
    add("shop", QStringLiteral("Shop front"), "service", nullptr,
        {{QStringLiteral("business"), true}, {QStringLiteral("cost_per_hour"), 50000}});
    QJsonArray deps;
    auto dep = [&](const char *from, const char *to) {
        deps.append(QJsonObject {{QStringLiteral("from"), QLatin1String(from)},
            {QStringLiteral("to"), QLatin1String(to)}});
    };
    dep("web", "web-a");
    dep("web", "web-b");
    dep("shop", "web");
    dep("shop", "db");
    QJsonObject map {{QStringLiteral("format"), QStringLiteral("faultline-map")},
        {QStringLiteral("version"), 1}, {QStringLiteral("name"), QStringLiteral("Tiny ") + evil},
        {QStringLiteral("components"), components}, {QStringLiteral("dependencies"), deps},
        {QStringLiteral("scenarios"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("zone a down")},
                            {QStringLiteral("fail"), QJsonArray {QStringLiteral("zone-a")}},
                            {QStringLiteral("degrade"), QJsonArray {}}},
                QJsonObject {{QStringLiteral("name"), QStringLiteral("cloud down")},
                    {QStringLiteral("fail"), QJsonArray {QStringLiteral("cloud")}},
                    {QStringLiteral("degrade"), QJsonArray {}}}}}};
    return QJsonDocument(map).toJson();
}

const QStringList tinyNames = {QStringLiteral("Cloud"), evil, QStringLiteral("Zone A"),
    QStringLiteral("Zone B"), QStringLiteral("Web A"), QStringLiteral("Web B"),
    QStringLiteral("Web pool"), QStringLiteral("Payments DB"), QStringLiteral("Shop front")};

// An interchange map with `components`, `deps` and one saved scenario that fails `fail`.
QByteArray mapJson(const QString &name, const QJsonArray &components, const QJsonArray &deps,
    const QString &scenario, const QString &fail)
{
    const QJsonObject map {{QStringLiteral("format"), QStringLiteral("faultline-map")},
        {QStringLiteral("version"), 1}, {QStringLiteral("name"), name},
        {QStringLiteral("components"), components}, {QStringLiteral("dependencies"), deps},
        {QStringLiteral("scenarios"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), scenario},
                {QStringLiteral("fail"), QJsonArray {fail}},
                {QStringLiteral("degrade"), QJsonArray {}}}}}};
    return QJsonDocument(map).toJson();
}

// `regions` regions of `zones` zones of `perZone` services each, every service needing one in
// the next zone, plus a business front per region.
QByteArray bigMap(int regions, int zones, int perZone)
{
    QJsonArray components, deps;
    components.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("cloud")},
        {QStringLiteral("kind"), QStringLiteral("provider")}});
    for (int r = 0; r < regions; ++r) {
        const QString region = QStringLiteral("r%1").arg(r);
        components.append(QJsonObject {{QStringLiteral("id"), region},
            {QStringLiteral("kind"), QStringLiteral("region")},
            {QStringLiteral("parent"), QStringLiteral("cloud")}});
        for (int z = 0; z < zones; ++z) {
            const QString zone = QStringLiteral("%1z%2").arg(region).arg(z);
            components.append(QJsonObject {{QStringLiteral("id"), zone},
                {QStringLiteral("kind"), QStringLiteral("zone")},
                {QStringLiteral("parent"), region}});
            for (int s = 0; s < perZone; ++s) {
                const QString id = QStringLiteral("%1s%2").arg(zone).arg(s);
                components.append(QJsonObject {{QStringLiteral("id"), id},
                    {QStringLiteral("name"), QStringLiteral("Service %1").arg(id)},
                    {QStringLiteral("kind"), QStringLiteral("service")},
                    {QStringLiteral("parent"), zone}, {QStringLiteral("cost_per_hour"), 100}});
                if (z + 1 < zones)
                    deps.append(QJsonObject {{QStringLiteral("from"), id},
                        {QStringLiteral("to"),
                            QStringLiteral("%1z%2s%3").arg(region).arg(z + 1).arg(s)}});
            }
        }
    }
    return mapJson(
        QStringLiteral("Big"), components, deps, QStringLiteral("r0 down"), QStringLiteral("r0"));
}

// A hub and `count` services that need it, whose names and owners wrap onto two or three lines
// in the report's table: service N is named "alphaNNN ... omegaNNN" and owned by "ownerNNN ...".
QByteArray wrapMap(int count)
{
    QJsonArray components, deps;
    components.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("hub")},
        {QStringLiteral("name"), QStringLiteral("Hub")},
        {QStringLiteral("kind"), QStringLiteral("service")}});
    for (int i = 0; i < count; ++i) {
        const QString n = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        const QString filler = QStringLiteral(" with a long name").repeated(1 + i % 4);
        components.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("s") + n},
            {QStringLiteral("name"), QStringLiteral("alpha%1%2 omega%1").arg(n, filler)},
            {QStringLiteral("kind"), QStringLiteral("service")},
            {QStringLiteral("owner"), QStringLiteral("owner%1 platform team").arg(n)},
            {QStringLiteral("cost_per_hour"), 100}});
        deps.append(QJsonObject {{QStringLiteral("from"), QStringLiteral("s") + n},
            {QStringLiteral("to"), QStringLiteral("hub")}});
    }
    return mapJson(QStringLiteral("Wrap"), components, deps, QStringLiteral("hub down"),
        QStringLiteral("hub"));
}

// A hub and one service that depends on it, whose owner is `words` numbered words ("w0001
// w0002 ..."): in the report's narrow owner column, a row taller than a page.
QByteArray tallRowMap(int words)
{
    QStringList owner;
    for (int i = 1; i <= words; ++i)
        owner.append(QStringLiteral("w%1").arg(i, 4, 10, QLatin1Char('0')));
    QJsonArray components {
        QJsonObject {{QStringLiteral("id"), QStringLiteral("hub")},
            {QStringLiteral("name"), QStringLiteral("Hub")},
            {QStringLiteral("kind"), QStringLiteral("service")}},
        QJsonObject {{QStringLiteral("id"), QStringLiteral("tall")},
            {QStringLiteral("name"), QStringLiteral("Tall")},
            {QStringLiteral("kind"), QStringLiteral("service")},
            {QStringLiteral("owner"), owner.join(QLatin1Char(' '))}},
    };
    const QJsonArray deps {QJsonObject {{QStringLiteral("from"), QStringLiteral("tall")},
        {QStringLiteral("to"), QStringLiteral("hub")}}};
    return mapJson(QStringLiteral("Tall"), components, deps, QStringLiteral("hub down"),
        QStringLiteral("hub"));
}

// All character data of an XML document, and the names of its elements; empty error if fine.
struct XmlText
{
    QString text;
    QStringList elements;
    QString error;
};

XmlText readXml(const QByteArray &bytes)
{
    XmlText out;
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement())
            out.elements.append(xml.name().toString().toLower());
        else if (xml.isCharacters())
            out.text += xml.text().toString() + u'\n';
    }
    if (xml.hasError())
        out.error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return out;
}

// The first page (0-based) whose text holds `word`; -1 when none does.
int pageWith(const QList<QByteArray> &pageTexts, const QByteArray &word)
{
    for (int p = 0; p < pageTexts.size(); ++p) {
        if (pageTexts[p].contains(word))
            return p;
    }
    return -1;
}

// Pages of a PDF: pdfinfo when installed, else the page objects Qt writes.
int pdfPages(const QString &path)
{
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (!pdfinfo.isEmpty()) {
        const Result r = run(pdfinfo, {path});
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(r.out));
        return r.exitCode == 0 && m.hasMatch() ? m.captured(1).toInt() : -1;
    }
    return int(readFile(path).count("/Type /Page\n") + readFile(path).count("/Type /Page\r"));
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_map;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The PDF report on `json`'s "hub down" scenario, written as NAME.pdf, and its text one
    // page an entry, as `pdftotext OPTIONS` reads it; `error` says what failed, if anything.
    struct PdfText
    {
        QString error;
        int pages = 0;
        QList<QByteArray> pageTexts;
    };
    PdfText hubDownReport(const QByteArray &json, const QString &name, const QString &pdftotext,
        const QStringList &options = {})
    {
        PdfText out;
        const QString map = path(name + QStringLiteral(".json"));
        writeFile(map, json);
        const QString pdf = path(name + QStringLiteral(".pdf"));
        const Result r = runFaultline({QStringLiteral("report"), map, QStringLiteral("--scenario"),
            QStringLiteral("hub down"), QStringLiteral("-o"), pdf});
        if (r.exitCode != 0) {
            out.error = QString::fromUtf8(r.err);
            return out;
        }
        out.pages = pdfPages(pdf);
        const Result text = run(pdftotext, options + QStringList {pdf, QStringLiteral("-")});
        if (text.exitCode != 0)
            out.error = QStringLiteral("pdftotext: ") + QString::fromUtf8(text.err);
        out.pageTexts = text.out.split('\f');
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_map = path(QStringLiteral("tiny.json"));
        writeFile(m_map, tinyMap());
    }

    void svgHoldsEveryNameEscaped()
    {
        const QString out = path(QStringLiteral("tiny.svg"));
        const Result r = runFaultline({QStringLiteral("export"), m_map, QStringLiteral("-o"), out,
            QStringLiteral("--scenario"), QStringLiteral("zone a down")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());
        const QByteArray svg = readFile(out);
        const XmlText xml = readXml(svg);
        QVERIFY2(xml.error.isEmpty(), qPrintable(xml.error));
        QVERIFY(xml.elements.contains(QStringLiteral("svg")));
        QVERIFY(!xml.elements.contains(QStringLiteral("script")));
        QVERIFY(!svg.contains("<script"));
        for (const QString &name : tinyNames)
            QVERIFY2(xml.text.contains(name), qPrintable(name));
        QVERIFY2(
            xml.text.contains(QStringLiteral("Tiny ") + evil + QStringLiteral(" — zone a down")),
            qPrintable(xml.text));
        QVERIFY(xml.text.contains(QStringLiteral("Chain of causes"))); // the legend
    }

    // A map that folds its regions (its top-level "folded", DESIGN.md "Diagrams") exports folded:
    // the region boxes with their counts, none of what they hide.
    void exportDrawsTheMapFolded()
    {
        QJsonObject map = parseObject(readFile(QStringLiteral(FAULTLINE_EXAMPLE)));
        map.insert(
            QStringLiteral("folded"), QJsonArray {QStringLiteral("use1"), QStringLiteral("usw2")});
        map.remove(QStringLiteral("layout")); // laid out folded, as a fold in the app does
        const QString in = path(QStringLiteral("folded.json"));
        writeFile(in, QJsonDocument(map).toJson());
        const QString out = path(QStringLiteral("folded.svg"));
        const Result r = runFaultline({QStringLiteral("export"), in, QStringLiteral("-o"), out,
            QStringLiteral("--scenario"), QStringLiteral("us-east-1 down")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const XmlText xml = readXml(readFile(out));
        QVERIFY2(xml.error.isEmpty(), qPrintable(xml.error));
        QVERIFY(xml.text.contains(QStringLiteral("us-east-1 (N. Virginia)")));
        QVERIFY(xml.text.contains(QStringLiteral("56 of 56 down")));
        QVERIFY(xml.text.contains(QStringLiteral("18 components")));
        QVERIFY(xml.text.contains(QStringLiteral("Checkout")));
        // Inside us-east-1: its zones and the DNS control plane are not drawn.
        QVERIFY(!xml.text.contains(QStringLiteral("DynamoDB DNS automation control plane")));
        QVERIFY(!xml.text.contains(QStringLiteral("use1-az1")));
    }

    void pngHasTheRequestedSize()
    {
        const QString out = path(QStringLiteral("tiny.png"));
        Result r = runFaultline(
            {QStringLiteral("export"), m_map, QStringLiteral("-o"), out, QStringLiteral("--fail"),
                QStringLiteral("db"), QStringLiteral("--width"), QStringLiteral("1200")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 1200);
        QVERIFY(image.height() > 100);

        const QString at1x = path(QStringLiteral("tiny1x.png"));
        const QString at2x = path(QStringLiteral("tiny2x.png"));
        r = runFaultline({QStringLiteral("export"), m_map, QStringLiteral("-o"), at1x});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runFaultline({QStringLiteral("export"), m_map, QStringLiteral("-o"), at2x,
            QStringLiteral("--dpi"), QStringLiteral("192")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage one(at1x), two(at2x);
        QVERIFY(!one.isNull() && !two.isNull());
        QVERIFY(qAbs(two.width() - 2 * one.width()) <= 1);
        QVERIFY(qAbs(two.height() - 2 * one.height()) <= 1);
    }

    void pdfIsOnePage()
    {
        const QString out = path(QStringLiteral("tiny.pdf"));
        const Result r = runFaultline({QStringLiteral("export"), m_map, QStringLiteral("-o"), out,
            QStringLiteral("--scenario"), QStringLiteral("cloud down"), QStringLiteral("--page"),
            QStringLiteral("A3"), QStringLiteral("--portrait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(readFile(out).startsWith("%PDF-"));
        QCOMPARE(pdfPages(out), 1);
    }

    void dotRendersWithGraphviz()
    {
        const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
        const QString out = path(QStringLiteral("tiny.dot"));
        const Result r = runFaultline({QStringLiteral("export"), m_map, QStringLiteral("-o"), out,
            QStringLiteral("--scenario"), QStringLiteral("zone a down")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(
            !dot.isEmpty(), "Graphviz's dot is missing: packaging/install-deps.sh installs it");
        const Result svg = run(dot, {QStringLiteral("-Tsvg"), out});
        QVERIFY2(svg.exitCode == 0, svg.err.constData());
        const XmlText xml = readXml(svg.out);
        QVERIFY2(xml.error.isEmpty(), qPrintable(xml.error));
        QVERIFY(!xml.elements.contains(QStringLiteral("script")));
        QVERIFY(xml.text.contains(evil));
    }

    void csvHasTheAffectedRows()
    {
        const QString out = path(QStringLiteral("tiny.csv"));
        const Result r = runFaultline({QStringLiteral("export"), m_map, QStringLiteral("-o"), out,
            QStringLiteral("--scenario"), QStringLiteral("zone a down")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(readFile(out)));
        QVERIFY(rows.size() >= 2);
        for (const char *column :
            {"state", "path", "owner", "tier", "rto_minutes", "cost_per_hour"})
            QVERIFY2(rows.front().contains(QLatin1String(column)), column);
        QStringList ids;
        for (const QStringList &row : rows.mid(1))
            ids.append(row.value(0));
        // zone-a fails; web-a and db in it go down; the pool is at risk; the shop needs db.
        QCOMPARE(ids,
            (QStringList {QStringLiteral("zone-a"), QStringLiteral("web-a"), QStringLiteral("web"),
                QStringLiteral("db"), QStringLiteral("shop")}));
        const int owner = int(rows.front().indexOf(QStringLiteral("owner")));
        QCOMPARE(rows[4].value(owner), QStringLiteral("data-team"));
    }

    void htmlReportParsesWithoutScript()
    {
        const QString out = path(QStringLiteral("report.html"));
        const Result r = runFaultline({QStringLiteral("report"), m_map,
            QStringLiteral("--scenario"), QStringLiteral("zone a down"), QStringLiteral("-o"), out,
            QStringLiteral("--hours"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray html = readFile(out);
        const XmlText xml = readXml(html);
        QVERIFY2(xml.error.isEmpty(), qPrintable(xml.error));
        QVERIFY(!html.toLower().contains("<script"));
        QVERIFY(!xml.elements.contains(QStringLiteral("script")));
        QVERIFY(xml.text.contains(QStringLiteral("Tiny ") + evil));
        QVERIFY(xml.text.contains(QStringLiteral("zone a down")));
        QVERIFY(html.contains("data:image/svg+xml;base64,"));
        // The inlined diagram is itself clean XML naming every component.
        const qsizetype start = html.indexOf("data:image/svg+xml;base64,") + 26;
        const QByteArray svg =
            QByteArray::fromBase64(html.mid(start, html.indexOf('"', start) - start));
        const XmlText diagram = readXml(svg);
        QVERIFY2(diagram.error.isEmpty(), qPrintable(diagram.error));
        for (const QString &name : tinyNames)
            QVERIFY2(diagram.text.contains(name), qPrintable(name));
    }

    void pdfReportPaginates()
    {
        // A map big enough for the affected table to run over several pages.
        const QString big = path(QStringLiteral("medium.json"));
        writeFile(big, bigMap(1, 4, 30));
        const QString out = path(QStringLiteral("report.pdf"));
        const Result r = runFaultline({QStringLiteral("report"), big, QStringLiteral("--scenario"),
            QStringLiteral("r0 down"), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const int pages = pdfPages(out);
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            return;
        // The table's header row repeats on every page the table runs over.
        const Result text = run(pdftotext, {QStringLiteral("-layout"), out, QStringLiteral("-")});
        QCOMPARE(text.exitCode, 0);
        const QList<QByteArray> pageTexts = text.out.split('\f');
        int withHeader = 0;
        for (const QByteArray &page : pageTexts)
            withHeader += page.contains("Chain of causes") ? 1 : 0;
        // Every page from the second (the first holds the summary and diagram) to the one where
        // the recovery plan starts holds the affected table.
        const int recovery = pageWith(pageTexts, "Recovery plan");
        QVERIFY2(recovery >= 2, qPrintable(QString::number(recovery)));
        QVERIFY2(withHeader >= 2 && withHeader >= recovery,
            qPrintable(QStringLiteral("%1 of %2").arg(withHeader).arg(recovery)));
        // Each page's footer numbers it: "Page N of M", once, on page N.
        QCOMPARE(pageTexts.size() - (pageTexts.back().trimmed().isEmpty() ? 1 : 0), pages);
        for (int n = 1; n <= pages; ++n) {
            const QString page = QString::fromUtf8(pageTexts[n - 1]);
            const QString number = QStringLiteral("Page %1 of %2").arg(n).arg(pages);
            QVERIFY2(page.count(number) == 1, qPrintable(number));
            QVERIFY2(page.count(QStringLiteral(" of %1").arg(pages)) == 1, qPrintable(number));
            QVERIFY2(page.contains(QStringLiteral("Big — r0 down")), qPrintable(number));
        }
    }

    // Rows whose cells wrap onto several lines are never split over two pages: each service's
    // first and last name words and its owner are on one page; headers and footers still hold.
    void pdfReportKeepsRowsWhole()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(
            !pdftotext.isEmpty(), "pdftotext is missing: packaging/install-deps.sh installs it");
        constexpr int count = 90;
        const PdfText report = hubDownReport(
            wrapMap(count), QStringLiteral("wrap"), pdftotext, {QStringLiteral("-layout")});
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        const int pages = report.pages;
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
        // The affected table: what comes before the recovery plan (which names the same
        // components again).
        QList<QByteArray> pageTexts = report.pageTexts;
        const int recovery = pageWith(pageTexts, "Recovery plan");
        QVERIFY(recovery >= 1);
        for (int p = recovery; p < pageTexts.size(); ++p)
            pageTexts[p] = p == recovery ? pageTexts[p].left(pageTexts[p].indexOf("Recovery plan"))
                                         : QByteArray();
        auto pageOf = [&](const QByteArray &word) {
            int found = -1;
            for (int p = 0; p < pageTexts.size(); ++p) {
                if (pageTexts[p].contains(word)) {
                    if (found >= 0)
                        return -2; // on two pages
                    found = p;
                }
            }
            return found;
        };
        // A page index, or -2 for a word on two pages (a split row's text is on both).
        for (int i = 0; i < count; ++i) {
            const QByteArray n = QByteArray::number(i).rightJustified(3, '0');
            const int alpha = pageOf("alpha" + n), omega = pageOf("omega" + n),
                      owner = pageOf("owner" + n);
            QVERIFY2(alpha >= 0 && omega == alpha && owner == alpha,
                qPrintable(QStringLiteral("row %1: alpha on %2, omega on %3, owner on %4")
                               .arg(QString::fromLatin1(n))
                               .arg(alpha)
                               .arg(omega)
                               .arg(owner)));
        }
        for (int p = 1; p < pages; ++p) {
            const bool holdsRows = pageTexts[p].contains("alpha");
            QVERIFY2(!holdsRows || pageTexts[p].contains("Chain of causes"),
                qPrintable(QString::number(p + 1)));
            const QString number = QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages);
            QVERIFY2(QString::fromUtf8(report.pageTexts[p]).count(number) == 1, qPrintable(number));
        }
    }

    // A row taller than a page has to be split (between lines of text: tst_reportpagination),
    // and loses nothing: every word of its tall cell is in the PDF, in order, and each page it
    // runs over repeats the table's header. (pdftotext also reads text drawn and clipped away
    // next to a cut, so this is about order and presence; where lines end is checked there.)
    void pdfReportSplitsTallRows()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(
            !pdftotext.isEmpty(), "pdftotext is missing: packaging/install-deps.sh installs it");
        constexpr int words = 700;
        const PdfText report = hubDownReport(tallRowMap(words), QStringLiteral("tall"), pdftotext);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        const QList<QByteArray> &pageTexts = report.pageTexts;
        int previous = 0;
        QSet<int> pagesOfRow;
        for (int i = 1; i <= words; ++i) {
            const QByteArray word = "w" + QByteArray::number(i).rightJustified(4, '0');
            int first = -1;
            for (int p = 0; p < pageTexts.size() && first < 0; ++p) {
                if (pageTexts[p].contains(word))
                    first = p;
            }
            QVERIFY2(first >= previous, word.constData());
            previous = first;
            pagesOfRow.insert(first);
        }
        QVERIFY2(pagesOfRow.size() >= 3, qPrintable(QString::number(pagesOfRow.size())));
        for (int p : pagesOfRow)
            QVERIFY2(pageTexts[p].contains("Chain of causes"), qPrintable(QString::number(p + 1)));
    }

    // report takes the scenario as impact and export do: --fail and --degrade alone, or on top
    // of a saved --scenario.
    void reportOnAdHocScenario_data()
    {
        QTest::addColumn<QStringList>("scenario");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QStringList>("affected");
        QTest::newRow("fail") << QStringList {QStringLiteral("--fail"), QStringLiteral("db")}
                              << QStringLiteral("What-if: fails <b>Payments DB</b>.")
                              << QStringList {
                                     QStringLiteral("Payments DB"), QStringLiteral("Shop front")};
        QTest::newRow("fail and degrade")
            << QStringList {QStringLiteral("--fail"), QStringLiteral("web-a"),
                   QStringLiteral("--degrade"), QStringLiteral("db")}
            << QStringLiteral("What-if: fails <b>Web A</b>; impairs <b>Payments DB</b>.")
            << QStringList {QStringLiteral("Web A"), QStringLiteral("Payments DB"),
                   QStringLiteral("Web pool"), QStringLiteral("Shop front")};
        QTest::newRow("saved plus fail")
            << QStringList {QStringLiteral("--scenario"), QStringLiteral("zone a down"),
                   QStringLiteral("--fail"), QStringLiteral("web-b")}
            << QStringLiteral("What-if: fails <b>Zone A, Web B</b>.")
            << QStringList {QStringLiteral("Zone A"), QStringLiteral("Web B"),
                   QStringLiteral("Web pool"), QStringLiteral("Shop front")};
        QTest::newRow("saved, nothing added")
            << QStringList {QStringLiteral("--scenario"), QStringLiteral("zone a down"),
                   QStringLiteral("--fail"), QStringLiteral("zone-a")}
            << QStringLiteral("Scenario <b>“zone a down”</b>: fails <b>Zone A</b>.")
            << QStringList {QStringLiteral("Zone A"), QStringLiteral("Payments DB")};
    }
    void reportOnAdHocScenario()
    {
        QFETCH(QStringList, scenario);
        QFETCH(QString, headline);
        QFETCH(QStringList, affected);
        const QString out = path(QStringLiteral("adhoc.html"));
        QFile::remove(out);
        const Result r = runFaultline(
            QStringList {QStringLiteral("report"), m_map, QStringLiteral("-o"), out} + scenario);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());
        const QByteArray html = readFile(out);
        const XmlText xml = readXml(html);
        QVERIFY2(xml.error.isEmpty(), qPrintable(xml.error));
        QVERIFY2(QString::fromUtf8(html).contains(headline), html.left(3000).constData());
        for (const QString &name : affected)
            QVERIFY2(xml.text.contains(name), qPrintable(name));

        const QString pdf = path(QStringLiteral("adhoc.pdf"));
        const Result p = runFaultline(
            QStringList {QStringLiteral("report"), m_map, QStringLiteral("-o"), pdf} + scenario);
        QVERIFY2(p.exitCode == 0, p.err.constData());
        QVERIFY(pdfPages(pdf) >= 1);
    }

    void reportUnknownId_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("fail") << QStringLiteral("--fail");
        QTest::newRow("degrade") << QStringLiteral("--degrade");
    }
    void reportUnknownId()
    {
        QFETCH(QString, option);
        const QString out = path(QStringLiteral("unknown-id.html"));
        const Result r = runFaultline({QStringLiteral("report"), m_map, option,
            QStringLiteral("no-such-id"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(
            err.contains(m_map) && err.contains(QStringLiteral("no-such-id")), r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void bigMapExportsInSeconds()
    {
        const QString big = path(QStringLiteral("big.json"));
        writeFile(big, bigMap(4, 5, 100)); // 2,025 components
        for (const char *suffix : {"svg", "png", "pdf"}) {
            const QString out = path(QStringLiteral("big.") + QLatin1String(suffix));
            QElapsedTimer clock;
            clock.start();
            const Result r = runFaultline({QStringLiteral("export"), big, QStringLiteral("-o"), out,
                QStringLiteral("--scenario"), QStringLiteral("r0 down")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            qInfo("%s export of 2,025 components: %lld ms", suffix, clock.elapsed());
            QVERIFY(clock.elapsed() < 60000);
            QVERIFY(QFileInfo(out).size() > 0);
        }
    }

    void importCsvAndDot()
    {
        const QString samples = QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/samples/");
        const QString csvOut = path(QStringLiteral("boutique.faultline"));
        Result r = runFaultline(
            {QStringLiteral("import"), samples + QStringLiteral("online-boutique-components.csv"),
                QStringLiteral("-o"), csvOut});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runFaultline({QStringLiteral("impact"), csvOut, QStringLiteral("--fail"),
            QStringLiteral("gke"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QJsonDocument::fromJson(r.out)
                    .object()
                    .value(QStringLiteral("summary"))
                    .toObject()
                    .value(QStringLiteral("down"))
                    .toInt()
            > 5);

        const QString dotOut = path(QStringLiteral("boutique-dot.faultline"));
        r = runFaultline({QStringLiteral("import"), samples + QStringLiteral("online-boutique.dot"),
            QStringLiteral("-o"), dotOut});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFileInfo(dotOut).size() > 0);

        // Our own DOT export imports back with the same components.
        const QString tinyDot = path(QStringLiteral("tiny.dot"));
        r = runFaultline({QStringLiteral("export"), m_map, QStringLiteral("-o"), tinyDot});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString back = path(QStringLiteral("tiny-back.faultline"));
        r = runFaultline({QStringLiteral("import"), tinyDot, QStringLiteral("-o"), back});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString json = path(QStringLiteral("tiny-back.json"));
        r = runFaultline({QStringLiteral("export"), back, QStringLiteral("-o"), json});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray components = QJsonDocument::fromJson(readFile(json))
                                          .object()
                                          .value(QStringLiteral("components"))
                                          .toArray();
        QCOMPARE(components.size(), tinyNames.size());
    }

    void importErrorsNameFileAndLine_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("where");
        QTest::newRow("csv unknown parent")
            << QStringLiteral("bad-components.csv")
            << QByteArray("id,name,kind,parent\na,A,service,\nb,B,service,ghost\n")
            << QStringLiteral("bad-components.csv:3");
        QTest::newRow("csv duplicate id")
            << QStringLiteral("dup-components.csv") << QByteArray("id,name\na,A\nb,B\na,again\n")
            << QStringLiteral("dup-components.csv:4");
        QTest::newRow("csv bad tier")
            << QStringLiteral("tier-components.csv") << QByteArray("id,tier\na,1\nb,high\n")
            << QStringLiteral("tier-components.csv:3");
        QTest::newRow("dot syntax")
            << QStringLiteral("broken.dot") << QByteArray("digraph g {\n  a -> b;\n  c -> ;\n}\n")
            << QStringLiteral("broken.dot:3");
        QTest::newRow("dot loop") << QStringLiteral("loop.dot")
                                  << QByteArray("digraph g {\n  a;\n  a -> a;\n}\n")
                                  << QStringLiteral("loop.dot:3");
    }
    void importErrorsNameFileAndLine()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, where);
        const QString input = path(name);
        writeFile(input, content);
        // An existing document stays as it was.
        const QString out = path(QStringLiteral("existing.faultline"));
        if (!QFile::exists(out)) {
            const Result made =
                runFaultline({QStringLiteral("import"), m_map, QStringLiteral("-o"), out});
            QVERIFY2(made.exitCode == 0, made.err.constData());
        }
        const QByteArray before = readFile(out);
        const Result r = runFaultline({QStringLiteral("import"), input, QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(where), r.err.constData());
        QCOMPARE(readFile(out), before);
    }

    void usageMistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("both orientations") << QStringList {QStringLiteral("export"),
            QStringLiteral("m.json"), QStringLiteral("-o"), QStringLiteral("x.pdf"),
            QStringLiteral("--landscape"), QStringLiteral("--portrait")}
                                           << QStringLiteral("both");
        QTest::newRow("bad page") << QStringList {QStringLiteral("export"),
            QStringLiteral("m.json"), QStringLiteral("-o"), QStringLiteral("x.pdf"),
            QStringLiteral("--page"), QStringLiteral("B7")}
                                  << QStringLiteral("B7");
        QTest::newRow("bad dpi") << QStringList {QStringLiteral("export"), QStringLiteral("m.json"),
            QStringLiteral("-o"), QStringLiteral("x.png"), QStringLiteral("--dpi"),
            QStringLiteral("0")} << QStringLiteral("--dpi");
        QTest::newRow("report without scenario") << QStringList {QStringLiteral("report"),
            QStringLiteral("m.json"), QStringLiteral("-o"), QStringLiteral("x.html")}
                                                 << QStringLiteral("--fail ID, --degrade ID or "
                                                                   "--scenario NAME");
        QTest::newRow("report --fail without id") << QStringList {QStringLiteral("report"),
            QStringLiteral("m.json"), QStringLiteral("-o"), QStringLiteral("x.html"),
            QStringLiteral("--fail")} << QStringLiteral("--fail needs a value");
        QTest::newRow("report to txt") << QStringList {QStringLiteral("report"),
            QStringLiteral("m.json"), QStringLiteral("--scenario"), QStringLiteral("s"),
            QStringLiteral("-o"), QStringLiteral("x.txt")}
                                       << QStringLiteral("x.txt");
    }
    void usageMistakes()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }

    void reportUnknownScenario()
    {
        const QString out = path(QStringLiteral("nope.html"));
        const Result r = runFaultline({QStringLiteral("report"), m_map,
            QStringLiteral("--scenario"), QStringLiteral("nope"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QString::fromUtf8(r.err).contains(m_map));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
