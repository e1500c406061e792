// The command line against hostile input and broken output (issue 17), through the real
// executable: what reaches the terminal, what happens when stdout or a file cannot be written,
// what a killed import leaves behind.
#include "tests/app/clitestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QXmlStreamReader>

#include <csignal>

using namespace clitest;

namespace {

// A map whose component names carry `name`.
QByteArray mapJson(const QString &name)
{
    QJsonObject web {{QStringLiteral("id"), QStringLiteral("web")},
        {QStringLiteral("name"), name}};
    QJsonObject db {{QStringLiteral("id"), QStringLiteral("db")}};
    QJsonObject dependency {{QStringLiteral("from"), QStringLiteral("web")},
        {QStringLiteral("to"), QStringLiteral("db")}};
    QJsonObject map {{QStringLiteral("format"), QStringLiteral("faultline-map")},
        {QStringLiteral("version"), 1}, {QStringLiteral("name"), name},
        {QStringLiteral("components"), QJsonArray {web, db}},
        {QStringLiteral("dependencies"), QJsonArray {dependency}}};
    return QJsonDocument(map).toJson();
}

QByteArray chainJson(int length)
{
    QByteArray json = "{\"format\": \"faultline-map\", \"version\": 1, \"components\": [";
    for (int i = 0; i < length; ++i)
        json += QByteArray(i ? "," : "") + "{\"id\": \"c" + QByteArray::number(i) + "\"}";
    json += "], \"dependencies\": [";
    for (int i = 1; i < length; ++i)
        json += QByteArray(i > 1 ? "," : "") + "{\"from\": \"c" + QByteArray::number(i)
            + "\", \"to\": \"c" + QByteArray::number(i - 1) + "\"}";
    return json + "]}";
}

// Runs faultline through the shell, for what QProcess cannot set up (limits, signals).
Result runShell(const QString &script, const QStringList &args)
{
    return run(QStringLiteral("/bin/sh"),
        QStringList {QStringLiteral("-c"), script, QStringLiteral("sh"),
            QStringLiteral(FAULTLINE_EXECUTABLE)}
            + args);
}

} // namespace

class TestCliHardening : public QObject
{
    Q_OBJECT

private slots:
    void stdoutWriteErrorFails();
    void fileWriteErrorSaysWhy();
    void terminalEscapesAreShown();
    void svgWithControlCharacterIsXml();
    void dotWithTextAfterTheGraphWritesNothing();
    void impactWithoutPaths();
    void killedImportLeavesNothing();
};

void TestCliHardening::stdoutWriteErrorFails()
{
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("m.json"));
    writeFile(map, mapJson(QStringLiteral("Web")));
    for (const QString &format : {QStringLiteral("json"), QStringLiteral("text")}) {
        QProcess process;
        process.setProcessEnvironment(headlessEnvironment());
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(FAULTLINE_EXECUTABLE),
            {QStringLiteral("impact"), map, QStringLiteral("--fail"), QStringLiteral("db"),
                QStringLiteral("--format"), format});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains("standard output: No space left on device"), err.constData());
    }
}

void TestCliHardening::fileWriteErrorSaysWhy()
{
    // A file size limit stands in for a full disk: the first write is cut short and the system
    // says why only when asked for the rest ("Unknown error" before).
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("m.json"));
    writeFile(map, mapJson(QString(5000, u'w')));
    const QString out = dir.filePath(QStringLiteral("out.json"));
    const Result r = runShell(
        QStringLiteral("trap '' XFSZ; ulimit -f 4; exec \"$@\""), {QStringLiteral("export"), map,
                                                                    QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(out.toUtf8() + ": cannot write: File too large"), r.err.constData());
    QVERIFY(!QFileInfo::exists(out));
}

void TestCliHardening::terminalEscapesAreShown()
{
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("m.json"));
    // Clear the screen, retitle the window, and a C1 CSI.
    writeFile(map, mapJson(QStringLiteral("W\x1b[2J\x1b]0;owned\x07") + QChar(0x9b) + u'x'));
    const Result r = runFaultline({QStringLiteral("impact"), map, QStringLiteral("--fail"),
        QStringLiteral("db")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains('\x1b') && !r.out.contains('\x07') && !r.out.contains("\xc2\x9b"),
        r.out.constData());
    QVERIFY2(r.out.contains("W\\x1B[2J\\x1B]0;owned\\x07\\u009Bx"), r.out.constData());

    // Errors quote ids and names too.
    const Result e = runFaultline({QStringLiteral("impact"), map, QStringLiteral("--fail"),
        QStringLiteral("\x1b[31mred")});
    QCOMPARE(e.exitCode, 1);
    QVERIFY2(!e.err.contains('\x1b'), e.err.constData());
    QVERIFY2(e.err.contains("\\x1B[31mred"), e.err.constData());

    // JSON escapes them as JSON does, and keeps the data.
    const Result j = runFaultline({QStringLiteral("impact"), map, QStringLiteral("--fail"),
        QStringLiteral("db"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(j.exitCode, 0);
    QVERIFY(!j.out.contains('\x1b'));
    QVERIFY(parseObject(j.out)[QStringLiteral("components")].toArray().size() == 2);
}

void TestCliHardening::svgWithControlCharacterIsXml()
{
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("m.json"));
    writeFile(map, mapJson(QStringLiteral("x\x01y")));
    const QString svg = dir.filePath(QStringLiteral("m.svg"));
    Result r = runFaultline({QStringLiteral("export"), map, QStringLiteral("-o"), svg,
        QStringLiteral("--fail"), QStringLiteral("db")});
    QCOMPARE(r.exitCode, 0);
    QXmlStreamReader xml(readFile(svg));
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

    const QString html = dir.filePath(QStringLiteral("m.html"));
    r = runFaultline({QStringLiteral("report"), map, QStringLiteral("-o"), html,
        QStringLiteral("--fail"), QStringLiteral("db")});
    QCOMPARE(r.exitCode, 0);
    // The report embeds the same SVG as a data URI: it must be XML as well.
    const QByteArray page = readFile(html);
    const QByteArray prefix = "data:image/svg+xml;base64,";
    const qsizetype start = page.indexOf(prefix);
    QVERIFY(start > 0);
    const qsizetype end = page.indexOf('"', start);
    const QByteArray embedded =
        QByteArray::fromBase64(page.mid(start + prefix.size(), end - start - prefix.size()));
    QVERIFY(embedded.contains("<svg"));
    QXmlStreamReader inReport(embedded);
    while (!inReport.atEnd())
        inReport.readNext();
    QVERIFY2(!inReport.hasError(), qPrintable(inReport.errorString()));
}

void TestCliHardening::dotWithTextAfterTheGraphWritesNothing()
{
    QTemporaryDir dir;
    const QString dot = dir.filePath(QStringLiteral("shop.dot"));
    writeFile(dot, "digraph shop { web -> db } web -> cache\n");
    const QString out = dir.filePath(QStringLiteral("shop.faultline"));
    const Result r = runFaultline({QStringLiteral("import"), dot, QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(dot.toUtf8() + ":1: DOT syntax error"), r.err.constData());
    QVERIFY(!QFileInfo::exists(out));
}

void TestCliHardening::impactWithoutPaths()
{
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("chain.json"));
    writeFile(map, chainJson(200));
    const QStringList args {QStringLiteral("impact"), map, QStringLiteral("--fail"),
        QStringLiteral("c0"), QStringLiteral("--format"), QStringLiteral("json")};
    const Result with = runFaultline(args);
    const Result without = runFaultline(args + QStringList {QStringLiteral("--no-paths")});
    QCOMPARE(with.exitCode, 0);
    QCOMPARE(without.exitCode, 0);
    const QJsonArray full = parseObject(with.out)[QStringLiteral("components")].toArray();
    const QJsonArray lean = parseObject(without.out)[QStringLiteral("components")].toArray();
    QCOMPARE(lean.size(), 200);
    QCOMPARE(full.size(), 200);
    QCOMPARE(full.last()[QStringLiteral("path")].toArray().size(), 200);
    for (qsizetype i = 0; i < lean.size(); ++i) {
        const QJsonObject c = lean[i].toObject();
        QVERIFY(!c.contains(QStringLiteral("path")));
        QCOMPARE(c[QStringLiteral("cause")], full[i].toObject()[QStringLiteral("cause")]);
    }
    // The text format names the direct cause only.
    const Result text = runFaultline({QStringLiteral("impact"), map, QStringLiteral("--fail"),
        QStringLiteral("c0"), QStringLiteral("--no-paths")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("c199  ← c198 ← …"), text.out.constData());
}

void TestCliHardening::killedImportLeavesNothing()
{
    // The import used to build `.NAME.PID.part.faultline` and its journal beside the target;
    // killed at that moment, it left both behind for good. Kill it as soon as anything but the
    // input shows up in the folder, or when it has run for a while.
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("big.json"));
    writeFile(input, chainJson(60000));
    const QString out = dir.filePath(QStringLiteral("big.faultline"));
    QProcess process;
    process.setProcessEnvironment(headlessEnvironment());
    process.start(QStringLiteral(FAULTLINE_EXECUTABLE),
        {QStringLiteral("import"), input, QStringLiteral("-o"), out});
    QVERIFY(process.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    const QDir folder(dir.path());
    while (process.state() != QProcess::NotRunning && timer.elapsed() < 60000) {
        if (folder.entryList(QDir::Files | QDir::Hidden).size() > 1) {
            ::kill(pid_t(process.processId()), SIGKILL);
            break;
        }
        QThread::usleep(200);
    }
    process.waitForFinished(60000);
    QStringList left = folder.entryList(QDir::Files | QDir::Hidden);
    left.removeAll(QStringLiteral("big.json"));
    // Either nothing, or the whole document (the kill came after its last step).
    if (!left.isEmpty()) {
        QCOMPARE(left, QStringList {QStringLiteral("big.faultline")});
        const Result r = runFaultline({QStringLiteral("impact"), out, QStringLiteral("--fail"),
            QStringLiteral("c0"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--no-paths")});
        QCOMPARE(r.exitCode, 0);
    }
}

QTEST_GUILESS_MAIN(TestCliHardening)
#include "tst_cli_hardening.moc"
