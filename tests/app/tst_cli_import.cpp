// `faultline import` of Terraform files through the real executable: detected by content,
// warnings on stderr, bad input exits 1 naming the file and writes nothing.

#include "clitestutil.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString data = QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/terraform/");

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private slots:
    void importsByContent();
    void warningsGoToStderr();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
};

void TestCliImport::importsByContent()
{
    QTemporaryDir dir;
    // A plan with a .json name and a state with .tfstate: both recognised by what is in them.
    for (const char *file : {"aws-plan-count-index.json", "aws-state-v4-two-zones.tfstate"}) {
        const QString out = dir.filePath(QStringLiteral("map.faultline"));
        QFile::remove(out);
        const auto r = clitest::runFaultline(
            {QStringLiteral("import"), data + QLatin1String(file), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto impact = clitest::runFaultline({QStringLiteral("impact"), out,
            QStringLiteral("--fail"), QStringLiteral("aws_nat_gateway.nat[0]"),
            QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(impact.exitCode == 0, impact.err.constData());
        QVERIFY(impact.out.contains("\"aws_instance.app[0]\""));
        QVERIFY(!impact.out.contains("\"aws_instance.app[1]\""));
    }
    const QString all = dir.filePath(QStringLiteral("all.faultline"));
    const auto r = clitest::runFaultline({QStringLiteral("import"),
        data + QStringLiteral("aws-state-v4-two-zones.tfstate"), QStringLiteral("-o"), all,
        QStringLiteral("--all-resources")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto impact = clitest::runFaultline({QStringLiteral("impact"), all,
        QStringLiteral("--fail"), QStringLiteral("aws_route.private_nat[0]")});
    QVERIFY2(impact.exitCode == 0, impact.err.constData());
}

void TestCliImport::warningsGoToStderr()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("modules.faultline"));
    const auto r = clitest::runFaultline({QStringLiteral("import"),
        data + QStringLiteral("aws-state-v4-modules.tfstate"), QStringLiteral("-o"), out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("warning: ") && r.err.contains("module.vpc.aws_vpc.this is not in the file"),
        r.err.constData());
    QVERIFY(QFileInfo::exists(out));
}

void TestCliImport::badInputWritesNothing_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("contents"); // empty: the file as it is in tests/data
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("version 3") << data + QStringLiteral("aws-state-v3-legacy.json") << QByteArray()
                               << QByteArray("terraform state pull");
    QTest::newRow("truncated") << QStringLiteral("truncated.tfstate")
                               << QByteArray("{\"version\": 4, \"terraform_version\": \"1.6.6\", "
                                             "\"resources\": [{\"mode\": \"managed\"")
                               << QByteArray("not valid JSON");
    QTest::newRow("unknown version") << QStringLiteral("future.tfstate")
                                     << QByteArray("{\"version\": 7, \"terraform_version\": "
                                                   "\"9.0\", \"lineage\": \"x\", \"resources\": []}")
                                     << QByteArray("version 7");
}

void TestCliImport::badInputWritesNothing()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, contents);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    QString input = file;
    if (!contents.isEmpty()) {
        input = dir.filePath(file);
        clitest::writeFile(input, contents);
    }
    const QString out = dir.filePath(QStringLiteral("out.faultline"));
    const auto r = clitest::runFaultline({QStringLiteral("import"), input, QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QFileInfo(input).fileName().toUtf8()) && r.err.contains(message),
        r.err.constData());
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("out")),
        QStringList());
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
