// The command line's side of building a map by hand (issue 11): the interchange JSON keeps the
// layout both ways, `import -o` does not replace a map unasked, `export` refuses a PNG too
// small to read.
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "tests/app/clitestutil.h"

#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

using namespace clitest;
using namespace faultline;

namespace {

const QByteArray laidOut = R"({"format": "faultline-map", "version": 1, "name": "Shop",
  "components": [
    {"id": "zone-a", "kind": "zone"},
    {"id": "web-1", "kind": "compute", "parent": "zone-a"},
    {"id": "db", "kind": "database"}
  ],
  "dependencies": [{"from": "web-1", "to": "db"}],
  "layout": {"web-1": [120.5, -40], "db": [400, 300], "gone": [1, 2]}
})";

} // namespace

class TestCliMapBuild : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    // Bug 10: positions go out in an optional "layout" object and come back on import; entries
    // for ids the map lacks are dropped, malformed ones are refused with the entry.
    void interchangeKeepsTheLayout()
    {
        const Map map = interchange::read(laidOut, QStringLiteral("t.json"));
        QCOMPARE(map.positions().size(), 2);
        QCOMPARE(map.positions().value(QStringLiteral("web-1")), QPointF(120.5, -40));
        const QByteArray written = interchange::write(map);
        QVERIFY2(written.contains("\"layout\": {"), written.constData());
        QVERIFY(!written.contains("gone"));
        QCOMPARE(interchange::read(written, QStringLiteral("w.json")), map); // positions too
        // A map never laid out has no layout key at all.
        Map bare = map;
        bare.setPositions({});
        QVERIFY(!interchange::write(bare).contains("layout"));

        for (const QByteArray &bad : {QByteArray(R"("layout": [1, 2])"),
                 QByteArray(R"("layout": {"db": [1]})"), QByteArray(R"("layout": {"db": "x"})"),
                 QByteArray(R"("layout": {"db": [1, 2, 3]})"),
                 QByteArray(R"("layout": {"db": [1e300, 2]})")}) {
            const QByteArray doc =
                R"({"format": "faultline-map", "components": [{"id": "db"}], )" + bad + "}";
            try {
                interchange::read(doc, QStringLiteral("bad.json"));
                QFAIL(doc.constData());
            } catch (const FormatError &e) {
                QVERIFY2(
                    e.message().startsWith(QLatin1String("bad.json:1:")), qPrintable(e.message()));
                QVERIFY2(e.message().contains(QLatin1String("layout")), qPrintable(e.message()));
            }
        }

        // Through the command line: import keeps the positions in the document, export gives
        // them back.
        const QString in = path(QStringLiteral("shop.json"));
        writeFile(in, laidOut);
        const QString doc = path(QStringLiteral("shop.faultline"));
        Result r = runFaultline({QStringLiteral("import"), in, QStringLiteral("-o"), doc});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString out = path(QStringLiteral("back.json"));
        r = runFaultline({QStringLiteral("export"), doc, QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject layout = parseObject(readFile(out))[QStringLiteral("layout")].toObject();
        QCOMPARE(layout.keys(), (QStringList {QStringLiteral("db"), QStringLiteral("web-1")}));
        QCOMPARE(layout[QStringLiteral("web-1")].toArray(), (QJsonArray {120.5, -40}));
        QCOMPARE(layout[QStringLiteral("db")].toArray(), (QJsonArray {400, 300}));
    }

    // Bug 9: `import -o EXISTING` does not replace a map without --force.
    void importDoesNotReplaceAMapUnasked()
    {
        const QString in = path(QStringLiteral("first.json"));
        writeFile(in, laidOut);
        const QString doc = path(QStringLiteral("mine.faultline"));
        QCOMPARE(
            runFaultline({QStringLiteral("import"), in, QStringLiteral("-o"), doc}).exitCode, 0);
        const QByteArray before = readFile(doc);
        const QString other = path(QStringLiteral("other.json"));
        writeFile(other, R"({"format": "faultline-map", "components": [{"id": "solo"}]})");
        Result r = runFaultline({QStringLiteral("import"), other, QStringLiteral("-o"), doc});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--force"), r.err.constData());
        QVERIFY2(r.err.contains("mine.faultline"), r.err.constData());
        QCOMPARE(readFile(doc), before);
        r = runFaultline({QStringLiteral("import"), other, QStringLiteral("-o"), doc,
            QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(readFile(doc) != before);
        // An empty file holds nothing to lose.
        const QString empty = path(QStringLiteral("empty.faultline"));
        writeFile(empty, QByteArray());
        QCOMPARE(
            runFaultline({QStringLiteral("import"), other, QStringLiteral("-o"), empty}).exitCode,
            0);
        // --force is for -o.
        QCOMPARE(runFaultline({QStringLiteral("import"), other, QStringLiteral("--into"), doc,
                                  QStringLiteral("--force")})
                     .exitCode,
            2);
    }

    // Bug 9: a PNG whose names nobody can read is refused, with the smallest width that works.
    void exportRefusesAnUnreadablePng()
    {
        const QString in = path(QStringLiteral("png.json"));
        writeFile(in, laidOut);
        const QString png = path(QStringLiteral("tiny.png"));
        Result r = runFaultline({QStringLiteral("export"), in, QStringLiteral("-o"), png,
            QStringLiteral("--width"), QStringLiteral("50")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFileInfo::exists(png));
        const QString err = QString::fromUtf8(r.err);
        const qsizetype at = err.indexOf(QLatin1String("at least --width "));
        QVERIFY2(at >= 0, r.err.constData());
        const int least = err.mid(at + 17).section(QLatin1Char('\n'), 0, 0).toInt();
        QVERIFY2(least > 50, r.err.constData());
        r = runFaultline({QStringLiteral("export"), in, QStringLiteral("-o"), png,
            QStringLiteral("--width"), QString::number(least)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QImage(png).width(), least);
        r = runFaultline({QStringLiteral("export"), in, QStringLiteral("-o"), png,
            QStringLiteral("--dpi"), QStringLiteral("20")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--dpi 48"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliMapBuild)
#include "tst_cli_mapbuild.moc"
