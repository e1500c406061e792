// The DOT export: escaping (no id, name or label can break the syntax or the SVG Graphviz makes
// of it), the scenario's colours, clusters, and that `dot` renders the output as it is.

#include "model/impact/graph.h"
#include "model/io/dotexport.h"
#include "model/io/dotimport.h"
#include "model/io/interchange.h"
#include "model/impact/statecolours.h"
#include "model/map/validation.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace faultline;

namespace {

struct Rendered
{
    bool ok = false;
    QByteArray svg;
    QByteArray errors;
};

Rendered render(const QByteArray &dot, const QString &engine = QStringLiteral("dot"),
    const QStringList &extra = {})
{
    QProcess p;
    p.start(engine, extra + QStringList {QStringLiteral("-Tsvg")});
    if (!p.waitForStarted())
        return {};
    p.write(dot);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    Rendered r;
    r.svg = p.readAllStandardOutput();
    r.errors = p.readAllStandardError();
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return r;
}

// The SVG's text, unescaped: every <text>, <title> and tooltip, joined by newlines.
QString svgText(const QByteArray &svg, QString *error)
{
    QXmlStreamReader xml(svg);
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && (xml.name() == u"text" || xml.name() == u"title"))
            texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
    }
    if (xml.hasError())
        *error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
    return texts.join(u'\n');
}

// Names that have broken DOT writers and SVG readers.
const QStringList nastyNames = {
    QStringLiteral("say \"hi\""),
    QStringLiteral("back\\slash"),
    QStringLiteral("trailing\\"),
    QStringLiteral("two\nlines"),
    QStringLiteral("<b>bold</b> & &amp;"),
    QStringLiteral("\"]; system(\"rm -rf /\"); a [label=\""),
    QStringLiteral("} digraph { x"),
    QStringLiteral("// not a comment"),
    QStringLiteral("/* nor this"),
    QStringLiteral("\\N \\G \\l"),
    QStringLiteral("東京 🛒 Zürich عربى"),
    QStringLiteral("<<html>>"),
    QStringLiteral("tab\there"),
};

Map nastyMap()
{
    Map map;
    map.name = QStringLiteral("Map \"with\" <odd> names & more\\");
    Component zone;
    zone.id = QStringLiteral("zone \"1\"");
    zone.name = QStringLiteral("Zone <1> & \"co\"");
    zone.kind = QStringLiteral("zone");
    map.addComponent(zone);
    int i = 0;
    for (const QString &name : nastyNames) {
        Component c;
        c.id = name;
        c.name = name + QStringLiteral(" (name)");
        c.kind = QStringLiteral("service");
        c.owner = name;
        c.description = name;
        c.parent = (i++ % 2) ? zone.id : QString();
        c.extra.insert(QStringLiteral("note"), name);
        map.addComponent(c);
    }
    for (int k = 0; k + 1 < nastyNames.size(); ++k) {
        Dependency d;
        d.from = nastyNames[k];
        d.to = nastyNames[k + 1];
        d.label = nastyNames[k];
        d.type = k % 3 == 0 ? DependencyType::Soft : DependencyType::Hard;
        map.addDependency(d);
    }
    Dependency toZone;
    toZone.from = nastyNames.front();
    toZone.to = zone.id;
    map.addDependency(toZone);
    Scenario s;
    s.name = QStringLiteral("zone <down> \"now\"");
    s.fail = QStringList {zone.id};
    s.degrade = QStringList {nastyNames.back()};
    map.addScenario(s);
    validate(map);
    return map;
}

bool haveDot()
{
    return !QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty();
}

} // namespace

class TestDotExport : public QObject
{
    Q_OBJECT

private slots:
    void quoting_data();
    void quoting();
    void htmlText_data();
    void htmlText();
    void nastyNamesRender();
    void nastyNamesRoundTrip();
    void scenarioColours();
    void clustersAndCompoundEdges();
    void exampleRenders();
    void positions();
};

void TestDotExport::quoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << "web" << QByteArray("\"web\"");
    QTest::newRow("quote") << "a\"b" << QByteArray("\"a\\\"b\"");
    QTest::newRow("backslash") << "a\\" << QByteArray("\"a\\\\\"");
    QTest::newRow("newline") << "a\nb" << QByteArray("\"a\\nb\"");
    QTest::newRow("control") << QString::fromLatin1("a\x01"
                                                    "b\rc")
                             << QByteArray("\"a b c\"");
    QTest::newRow("unicode") << "東京" << QByteArray("\"東京\"");
}

void TestDotExport::quoting()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(dotexport::quoted(text), expected);
}

void TestDotExport::htmlText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("markup") << "<b>&\"" << QByteArray("&lt;b&gt;&amp;&quot;");
    QTest::newRow("newline") << "a\nb" << QByteArray("a<br/>b");
    QTest::newRow("entity") << "&amp;" << QByteArray("&amp;amp;");
}

void TestDotExport::htmlText()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(dotexport::htmlText(text), expected);
}

void TestDotExport::nastyNamesRender()
{
    QVERIFY2(haveDot(), "Graphviz's dot is missing: packaging/install-deps.sh installs it");
    const Map map = nastyMap();
    const QByteArray dot = dotexport::write(map, map.scenarios().front());
    const Rendered r = render(dot);
    QVERIFY2(r.ok, r.errors.constData());
    QVERIFY2(!r.errors.contains("rror"), r.errors.constData());
    QString error;
    const QString text = svgText(r.svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Every name is drawn as it is (names with line breaks line by line).
    for (const QString &name : nastyNames) {
        for (const QString &line : (name + QStringLiteral(" (name)")).split(u'\n')) {
            const QString simplified = line.simplified();
            QVERIFY2(text.simplified().contains(simplified), qPrintable(simplified));
        }
    }
    QVERIFY(text.contains(QStringLiteral("Map \"with\" <odd> names & more\\")));
    // Nothing from a name became an element of the SVG.
    QVERIFY(!r.svg.contains("<b>bold"));
    QVERIFY(!r.svg.contains("<html"));
}

void TestDotExport::nastyNamesRoundTrip()
{
    const Map map = nastyMap();
    const Map back = dotimport::read(dotexport::write(map), QStringLiteral("nasty.dot"));
    QCOMPARE(back.name, map.name);
    QCOMPARE(back.componentCount(), map.componentCount());
    for (const Component &c : map.components()) {
        const auto i = back.findComponent(c.id);
        QVERIFY2(i, qPrintable(c.id));
        const Component &b = back.component(*i);
        QCOMPARE(b.name, c.name);
        QCOMPARE(b.parent, c.parent);
        QCOMPARE(b.owner, c.owner);
        QCOMPARE(b.description, c.description);
        QCOMPARE(b.extra.value("note").toString(), c.extra.value("note").toString());
    }
    QCOMPARE(back.dependencyCount(), map.dependencyCount());
    for (const Dependency &d : map.dependencies()) {
        const auto i = back.findDependency(d.from, d.to);
        QVERIFY2(i, qPrintable(d.from + " -> " + d.to));
        QCOMPARE(back.dependency(*i).label, d.label);
        QVERIFY(back.dependency(*i).type == d.type);
    }
}

void TestDotExport::scenarioColours()
{
    Map map;
    for (const char *id : {"db", "api", "web", "cache"}) {
        Component c;
        c.id = QString::fromLatin1(id);
        map.addComponent(c);
    }
    map.addDependency({QStringLiteral("api"), QStringLiteral("db"), DependencyType::Hard, {}, {}});
    map.addDependency({QStringLiteral("web"), QStringLiteral("api"), DependencyType::Soft, {}, {}});
    Scenario s;
    s.name = QStringLiteral("db fails");
    s.fail = QStringList {QStringLiteral("db")};
    s.degrade = QStringList {QStringLiteral("cache")};
    const QString dot = QString::fromUtf8(dotexport::write(map, s));
    auto line = [&dot](const QString &start) {
        for (const QString &l : dot.split(u'\n')) {
            if (l.trimmed().startsWith(start))
                return l;
        }
        return QString();
    };
    using palette::Look;
    auto fill = [](Look look) {
        return QStringLiteral("fillcolor=\"%1\"").arg(QLatin1String(palette::colours(look).fill));
    };
    QVERIFY2(line("\"db\" [").contains(fill(Look::Failed)), qPrintable(line("\"db\" [")));
    QVERIFY(line("\"api\" [").contains(fill(Look::Down)));
    QVERIFY(line("\"web\" [").contains(fill(Look::Degraded)));
    QVERIFY(line("\"cache\" [").contains(fill(Look::Impaired)));
    // The dependencies the states came through carry the state's colour; soft ones are dashed.
    QVERIFY(line("\"api\" -> \"db\"").contains(QLatin1String(palette::colours(Look::Down).border)));
    QVERIFY(line("\"web\" -> \"api\"").contains(QLatin1String("style=dashed")));
    QVERIFY(dot.contains(QStringLiteral("2 down · 2 degraded · 0 at risk")));
}

void TestDotExport::clustersAndCompoundEdges()
{
    Map map;
    auto add = [&map](const char *id, const char *parent) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.parent = QString::fromLatin1(parent);
        map.addComponent(c);
    };
    add("region", "");
    add("zone", "region");
    add("vm", "zone");
    add("web", "");
    map.addDependency(
        {QStringLiteral("web"), QStringLiteral("region"), DependencyType::Hard, {}, {}});
    validate(map);
    const QByteArray dot = dotexport::write(map);
    QVERIFY(dot.contains("subgraph \"cluster_region\" {"));
    QVERIFY(dot.contains("subgraph \"cluster_zone\" {"));
    QVERIFY(dot.contains("\"web\" -> \"vm\" [lhead=\"cluster_region\"]"));
    const Map back = dotimport::read(dot, "t.dot");
    QVERIFY(back.findDependency(QStringLiteral("web"), QStringLiteral("region")));
    QCOMPARE(
        back.component(*back.findComponent(QStringLiteral("vm"))).parent, QStringLiteral("zone"));
    if (haveDot()) {
        const Rendered r = render(dot);
        QVERIFY2(r.ok, r.errors.constData());
    }
}

void TestDotExport::exampleRenders()
{
    QVERIFY2(haveDot(), "Graphviz's dot is missing: packaging/install-deps.sh installs it");
    const Map example = interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE));
    for (const Scenario &s : example.scenarios()) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray dot = dotexport::write(example, s);
        const Rendered r = render(dot);
        QVERIFY2(r.ok, r.errors.constData());
        QString error;
        const QString text = svgText(r.svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(text.contains(example.name));
        QVERIFY(timer.elapsed() < 60000);
    }
}

void TestDotExport::positions()
{
    Map map;
    Component a;
    a.id = QStringLiteral("a");
    map.addComponent(a);
    map.setPosition(QStringLiteral("a"), QPointF(10, 20));
    QVERIFY(!dotexport::write(map).contains("pos="));
    dotexport::Options options;
    options.positions = true;
    const QByteArray dot = dotexport::write(map, {}, options);
    QVERIFY(dot.contains("pos=\"10,-20!\""));
    if (!QStandardPaths::findExecutable(QStringLiteral("neato")).isEmpty()) {
        const Rendered r = render(dot, QStringLiteral("neato"), {QStringLiteral("-n2")});
        QVERIFY2(r.ok, r.errors.constData());
    }
}

QTEST_GUILESS_MAIN(TestDotExport)
#include "tst_dotexport.moc"
