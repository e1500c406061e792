// The workshop pack (`faultline report MAP --all-scenarios`) and the action items' CSV
// (`faultline export MAP -o FILE.csv --actions`), driven through the real executable. The
// pack's matrix is checked against the engine, not against spelled-out strings.
#include "clitestutil.h"

#include "model/impact/engine.h"
#include "model/impact/exposure.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/impactformat.h"
#include "model/io/interchange.h"

#include <QHash>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace faultline;
using namespace clitest;

namespace {

// What a test reads of the pack: every table with an id, as rows of cell texts; the h2
// headings by id; every element name; the text of the whole body.
struct Pack
{
    QHash<QString, QList<QStringList>> tables;
    QHash<QString, QString> headings;
    QStringList elements;
    QString text;
    QString error; // the XML parser's, when the pack is not well-formed
};

Pack readPack(const QByteArray &bytes)
{
    Pack pack;
    QXmlStreamReader xml(bytes);
    QString table, heading;
    QStringList row;
    QString cell;
    int cellDepth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QString name = xml.name().toString();
            pack.elements.append(name);
            const QString id = xml.attributes().value(QStringLiteral("id")).toString();
            if (name == u"table")
                table = id;
            else if (name == u"tr")
                row.clear();
            else if (name == u"td" || name == u"th") {
                cell.clear();
                cellDepth = 1;
            } else if (name == u"h2")
                heading = id;
        } else if (xml.isEndElement()) {
            const QString name = xml.name().toString();
            if (name == u"td" || name == u"th") {
                row.append(cell.trimmed());
                cellDepth = 0;
            } else if (name == u"tr" && !table.isEmpty())
                pack.tables[table].append(row);
            else if (name == u"table")
                table.clear();
            else if (name == u"h2")
                heading.clear();
        } else if (xml.isCharacters()) {
            const QString t = xml.text().toString();
            pack.text += t;
            if (cellDepth)
                cell += t;
            if (!heading.isEmpty())
                pack.headings[heading] += t;
        }
    }
    if (xml.hasError())
        pack.error = xml.errorString();
    return pack;
}

// The word the pack shows for a business service in a scenario.
QString cellWord(State state, bool exposed)
{
    switch (state) {
    case State::Down:
        return QStringLiteral("down");
    case State::Degraded:
        return QStringLiteral("degraded");
    case State::AtRisk:
        return QStringLiteral("at risk");
    case State::Up:
        break;
    }
    return exposed ? QStringLiteral("exposed") : QStringLiteral("up");
}

} // namespace

class TestCliWorkshopPack : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Map m_example;
    Pack m_pack;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        m_example = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
        const QString out = path(QStringLiteral("pack.html"));
        const Result r = runFaultline({QStringLiteral("report"), QStringLiteral(FAULTLINE_EXAMPLE),
            QStringLiteral("--all-scenarios"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        m_pack = readPack(readFile(out));
        QVERIFY2(m_pack.error.isEmpty(), qPrintable(m_pack.error));
    }

    // Each business service (map order) × each saved scenario (map order): the engine's state,
    // or exposed when it is up with an at-risk component in its cone; then the cost per hour.
    void matrixIsTheEngines()
    {
        const QList<QStringList> &matrix = m_pack.tables.value(QStringLiteral("matrix"));
        const ImpactGraph graph(m_example);
        QStringList header = {QStringLiteral("Business service")};
        for (const Scenario &s : m_example.scenarios())
            header.append(s.name);
        QVERIFY(!matrix.isEmpty());
        QCOMPARE(matrix.front(), header);

        std::vector<ImpactResult> results;
        std::vector<Exposure> exposures;
        for (const Scenario &s : m_example.scenarios()) {
            results.push_back(evaluateImpact(graph, resolveScenario(m_example, s)));
            exposures.emplace_back(graph, results.back());
        }
        int row = 1;
        QSet<QString> words;
        for (int i = 0; i < m_example.componentCount(); ++i) {
            const Component &c = m_example.components()[i];
            if (!c.isBusiness())
                continue;
            QStringList expected = {c.displayName()};
            for (std::size_t s = 0; s < results.size(); ++s) {
                const QString word = cellWord(
                    results[s].state(ComponentIndex(i)), exposures[s].isExposed(ComponentIndex(i)));
                expected.append(word);
                words.insert(word);
            }
            QVERIFY(row < matrix.size());
            QCOMPARE(matrix[row++], expected);
        }
        QStringList cost = {QStringLiteral("Cost per hour")};
        for (const ImpactResult &r : results)
            cost.append(u'$' + impactformat::formatMoney(r.summary().costPerHour));
        QCOMPARE(matrix[row++], cost);
        QCOMPARE(row, int(matrix.size()));
        // The example shows every kind of cell.
        for (const char *word : {"down", "degraded", "at risk", "exposed", "up"})
            QVERIFY2(words.contains(QLatin1String(word)), word);
    }

    // Per scenario: its heading, its cascade (every affected component, in the round the
    // engine gives it), its affected components, its decisions and action items.
    void sectionPerScenario()
    {
        const ImpactGraph graph(m_example);
        for (int n = 0; n < int(m_example.scenarios().size()); ++n) {
            const Scenario &s = m_example.scenarios()[n];
            QCOMPARE(m_pack.headings.value(QStringLiteral("scenario-%1").arg(n + 1)),
                QStringLiteral("Scenario %1: %2").arg(n + 1).arg(s.name));
            const ImpactResult r = evaluateImpact(graph, resolveScenario(m_example, s));
            QHash<QString, int> roundOf;
            for (ComponentIndex c : r.affected())
                roundOf.insert(m_example.component(c).displayName(), r.round(c));
            const QList<QStringList> cascade =
                m_pack.tables.value(QStringLiteral("cascade-%1").arg(n + 1));
            QCOMPARE(int(cascade.size()), int(r.affected().size()) + 1); // and the header
            int round = -1;
            for (int i = 1; i < cascade.size(); ++i) {
                if (!cascade[i][0].isEmpty())
                    round = cascade[i][0].toInt();
                QString name = cascade[i][1];
                name.remove(QStringLiteral(" (business)"));
                QVERIFY2(roundOf.contains(name), qPrintable(name));
                QCOMPARE(round, roundOf.value(name));
            }
            QVERIFY(m_pack.text.contains(
                QStringLiteral("Affected components (%1)").arg(r.affected().size())));
            for (const QString &d : s.decisions)
                QVERIFY2(m_pack.text.contains(d), qPrintable(d));
            QVERIFY(!s.actions.empty()); // the example has some in every scenario
        }
    }

    // The closing list: every action item of every scenario, in order.
    void closingListOfActions()
    {
        const QList<QStringList> &actions = m_pack.tables.value(QStringLiteral("actions"));
        QList<QStringList> expected = {{QStringLiteral("Scenario"), QStringLiteral("What"),
            QStringLiteral("Owner"), QStringLiteral("Due"), QStringLiteral("Status")}};
        for (const Scenario &s : m_example.scenarios()) {
            for (const ActionItem &a : s.actions)
                expected.append({s.name, a.what, a.owner, toString(a.due), displayName(a.status)});
        }
        QCOMPARE(actions, expected);
        QCOMPARE(m_pack.headings.value(QStringLiteral("all-actions")),
            QStringLiteral("All action items (%1)").arg(expected.size() - 1));
    }

    // Names, notes, decisions and action items with markup stay text.
    void escapesEverything()
    {
        const QString map = path(QStringLiteral("hostile.json"));
        // Built as JSON values: moc 6.4 misreads a raw string holding a quote character.
        const QJsonObject action {{QStringLiteral("what"), QStringLiteral("<script>what</script>")},
            {QStringLiteral("owner"), QStringLiteral("\"><iframe>")},
            {QStringLiteral("status"), QStringLiteral("open")}};
        const QJsonObject scenario {
            {QStringLiteral("name"), QStringLiteral("<img src=x onerror=alert(1)>")},
            {QStringLiteral("fail"), QJsonArray {QStringLiteral("z")}},
            {QStringLiteral("notes"), QStringLiteral("</p><script>alert('notes')</script>")},
            {QStringLiteral("decisions"),
                QJsonArray {QStringLiteral("<a href='javascript:x'>decide</a> & \"quote\"")}},
            {QStringLiteral("actions"), QJsonArray {action}}};
        const QJsonObject zone {{QStringLiteral("id"), QStringLiteral("z")},
            {QStringLiteral("name"), QStringLiteral("<iframe src=x>")},
            {QStringLiteral("kind"), QStringLiteral("zone")}};
        const QJsonObject shop {{QStringLiteral("id"), QStringLiteral("s")},
            {QStringLiteral("name"), QStringLiteral("<b onmouseover=x>Shop</b>")},
            {QStringLiteral("business"), true}, {QStringLiteral("parent"), QStringLiteral("z")},
            {QStringLiteral("cost_per_hour"), 10}};
        const QJsonObject doc {{QStringLiteral("format"), QStringLiteral("faultline-map")},
            {QStringLiteral("name"), QStringLiteral("<script>alert('map')</script>")},
            {QStringLiteral("components"), QJsonArray {zone, shop}},
            {QStringLiteral("scenarios"), QJsonArray {scenario}}};
        writeFile(map, QJsonDocument(doc).toJson());
        const QString out = path(QStringLiteral("hostile.html"));
        const Result r = runFaultline({QStringLiteral("report"), map,
            QStringLiteral("--all-scenarios"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        const Pack pack = readPack(readFile(out));
        QVERIFY2(pack.error.isEmpty(), qPrintable(pack.error));
        for (const char *element : {"script", "iframe", "a", "b"})
            QVERIFY2(!pack.elements.contains(QLatin1String(element))
                    || QLatin1String(element) == QLatin1String("b"),
                element);
        QVERIFY(!readFile(out).contains("<script"));
        QVERIFY(!readFile(out).contains("<iframe"));
        QVERIFY(!readFile(out).contains("onerror=alert(1)>"));
        for (const QString &text : {QStringLiteral("<script>alert('map')</script>"),
                 QStringLiteral("<img src=x onerror=alert(1)>"),
                 QStringLiteral("</p><script>alert('notes')</script>"),
                 QStringLiteral("<a href='javascript:x'>decide</a> & \"quote\""),
                 QStringLiteral("<script>what</script>"), QStringLiteral("\"><iframe>")})
            QVERIFY2(pack.text.contains(text), qPrintable(text));
        QCOMPARE(pack.tables.value(QStringLiteral("matrix")).value(1),
            QStringList({QStringLiteral("<b onmouseover=x>Shop</b>"), QStringLiteral("down")}));
    }

    // The PDF: the same pack printed, each scenario and the closing list on pages of their own.
    void pdf()
    {
        const QString out = path(QStringLiteral("pack.pdf"));
        const Result r = runFaultline({QStringLiteral("report"), QStringLiteral(FAULTLINE_EXAMPLE),
            QStringLiteral("--all-scenarios"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        const QByteArray bytes = readFile(out);
        QVERIFY(bytes.startsWith("%PDF-"));
        const qsizetype pages = bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r");
        QVERIFY2(pages >= 2 + qsizetype(m_example.scenarios().size()),
            qPrintable(QString::number(pages)));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString ex = QStringLiteral(FAULTLINE_EXAMPLE);
        QTest::newRow("pack with a scenario")
            << QStringList {QStringLiteral("report"), ex, QStringLiteral("--all-scenarios"),
                   QStringLiteral("--scenario"), QStringLiteral("one zone down"),
                   QStringLiteral("-o"), QStringLiteral("x.html")}
            << 2 << QStringLiteral("--scenario does not go with --all-scenarios");
        QTest::newRow("pack as png") << QStringList {QStringLiteral("report"), ex,
            QStringLiteral("--all-scenarios"), QStringLiteral("-o"), QStringLiteral("x.png")}
                                     << 2 << QStringLiteral("-o must end in .html or .pdf");
        QTest::newRow("actions with a scenario") << QStringList {QStringLiteral("export"), ex,
            QStringLiteral("--actions"), QStringLiteral("--fail"), QStringLiteral("use1"),
            QStringLiteral("-o"),
            QStringLiteral("a.csv")} << 2 << QStringLiteral("--fail does not go with --actions");
        QTest::newRow("actions as json") << QStringList {QStringLiteral("export"), ex,
            QStringLiteral("--actions"), QStringLiteral("-o"), QStringLiteral("a.json")}
                                         << 2 << QStringLiteral("--actions writes a .csv file");
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        for (QString &a : args) {
            if (a.startsWith(u'x') || a.startsWith(u'a'))
                a = path(a);
        }
        const Result r = runFaultline(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void packWithoutScenariosIsBadInput()
    {
        const QString map = path(QStringLiteral("none.json"));
        writeFile(map, R"({"format": "faultline-map", "components": [{"id": "a"}]})");
        const Result r =
            runFaultline({QStringLiteral("report"), map, QStringLiteral("--all-scenarios"),
                QStringLiteral("-o"), path(QStringLiteral("n.html"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("has no saved scenarios"));
        QVERIFY(!QFile::exists(path(QStringLiteral("n.html"))));
    }

    // export --actions: every action item of the example, by RFC 4180, read back by meaning.
    void actionsCsv()
    {
        const QString out = path(QStringLiteral("actions.csv"));
        const Result r = runFaultline({QStringLiteral("export"), QStringLiteral(FAULTLINE_EXAMPLE),
            QStringLiteral("-o"), out, QStringLiteral("--actions")});
        QCOMPARE(r.exitCode, 0);
        const QByteArray bytes = readFile(out);
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
        QList<QStringList> expected = {{QStringLiteral("scenario"), QStringLiteral("what"),
            QStringLiteral("owner"), QStringLiteral("due"), QStringLiteral("status")}};
        for (const Scenario &s : m_example.scenarios()) {
            for (const ActionItem &a : s.actions)
                expected.append({s.name, a.what, a.owner, toString(a.due), toString(a.status)});
        }
        QCOMPARE(rows, expected);
    }
};

QTEST_GUILESS_MAIN(TestCliWorkshopPack)
#include "tst_cli_workshoppack.moc"
