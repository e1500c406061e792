// `faultline import` of Terraform files through the real executable: detected by content,
// warnings on stderr, bad input exits 1 naming the file and writes nothing.

#include "clitestutil.h"

#include "model/io/fileio.h"
#include "model/storage/faultlinefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString data = QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/terraform/");
const QString catalog = QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/backstage/catalog-info.yaml");

// The two-zones state without aws_db_instance.reports, as a newer state would be.
QByteArray newerState()
{
    QJsonObject top = QJsonDocument::fromJson(
        faultline::readWholeFile(data + QStringLiteral("aws-state-v4-two-zones.tfstate")))
                          .object();
    QJsonArray kept;
    for (const QJsonValue &r : top.value(QStringLiteral("resources")).toArray()) {
        if (r.toObject().value(QStringLiteral("name")).toString() != QStringLiteral("reports"))
            kept.append(r);
    }
    top.insert(QStringLiteral("resources"), kept);
    return QJsonDocument(top).toJson();
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private slots:
    void importsByContent();
    void warningsGoToStderr();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
    void intoKeepsHandWork();
    void backstageCatalog();
    void usageMistakes();
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

void TestCliImport::intoKeepsHandWork()
{
    using namespace faultline;
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("shop.faultline"));
    const QString newer = dir.filePath(QStringLiteral("terraform.tfstate"));
    clitest::writeFile(newer, newerState());
    auto r = clitest::runFaultline({QStringLiteral("import"),
        data + QStringLiteral("aws-state-v4-two-zones.tfstate"), QStringLiteral("-o"), map});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // By hand: a component, its dependencies (one on what the newer state drops), a position.
    Map m = faultlinefile::load(map).map;
    Component checkout;
    checkout.id = QStringLiteral("checkout");
    checkout.kind = QStringLiteral("service");
    m.addComponent(checkout);
    m.addDependency({QStringLiteral("checkout"), QStringLiteral("aws_lb.web"), DependencyType::Hard, {}, {}});
    m.addDependency({QStringLiteral("checkout"), QStringLiteral("aws_db_instance.reports"), DependencyType::Hard, {}, {}});
    m.setPosition(QStringLiteral("checkout"), QPointF(50, 60));
    faultlinefile::save(m, map);
    const QByteArray saved = readWholeFile(map);

    r = clitest::runFaultline({QStringLiteral("import"), newer, QStringLiteral("--into"), map,
        QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("0 added, 0 changed, 1 removed") && r.out.contains("- aws_db_instance.reports")
            && r.out.contains("hand-made dependency checkout -> aws_db_instance.reports removed"),
        r.out.constData());
    QCOMPARE(readWholeFile(map), saved); // a dry run writes nothing

    for (int run = 0; run < 2; ++run) {
        r = clitest::runFaultline({QStringLiteral("import"), newer, QStringLiteral("--into"), map});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith(newer.toUtf8() + (run == 0 ? ": 0 added, 0 changed, 1 removed" : ": 0 added, 0 changed, 0 removed")),
            r.out.constData());
    }
    m = faultlinefile::load(map).map;
    QVERIFY(m.findComponent(QStringLiteral("checkout")));
    QVERIFY(!m.findComponent(QStringLiteral("aws_db_instance.reports")));
    QVERIFY(m.findDependency(QStringLiteral("checkout"), QStringLiteral("aws_lb.web")));
    QVERIFY(!m.findDependency(QStringLiteral("checkout"), QStringLiteral("aws_db_instance.reports")));
    QCOMPARE(m.positions().value(QStringLiteral("checkout")), QPointF(50, 60));
}

void TestCliImport::backstageCatalog()
{
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("shop.faultline"));
    auto r = clitest::runFaultline({QStringLiteral("import"),
        data + QStringLiteral("aws-state-v4-two-zones.tfstate"), QStringLiteral("-o"), map});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = clitest::runFaultline({QStringLiteral("import"), catalog, QStringLiteral("--into"), map});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("6 added") && r.out.contains("+ component:default/checkout"), r.out.constData());
    r = clitest::runFaultline({QStringLiteral("spof"), map, QStringLiteral("--target"),
        QStringLiteral("component:default/checkout"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("\"aws/eu-west-1\"") && !r.out.contains("eu-west-1a"), r.out.constData());

    const QString alone = dir.filePath(QStringLiteral("catalog.faultline"));
    r = clitest::runFaultline({QStringLiteral("import"), catalog, QStringLiteral("-o"), alone});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString loop = QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/backstage/loop/a.yaml");
    r = clitest::runFaultline({QStringLiteral("import"), loop, QStringLiteral("-o"),
        dir.filePath(QStringLiteral("loop.faultline"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("loop"), r.err.constData());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("loop.faultline"))));
}

void TestCliImport::usageMistakes()
{
    QTemporaryDir dir;
    const QString map = dir.filePath(QStringLiteral("m.faultline"));
    const QString state = data + QStringLiteral("aws-state-v4-two-zones.tfstate");
    QCOMPARE(clitest::runFaultline({QStringLiteral("import"), state, QStringLiteral("-o"), map,
                 QStringLiteral("--into"), map}).exitCode, 2);
    QCOMPARE(clitest::runFaultline({QStringLiteral("import"), state, QStringLiteral("-o"), map,
                 QStringLiteral("--dry-run")}).exitCode, 2);
    QVERIFY(clitest::runFaultline({QStringLiteral("import"), state, QStringLiteral("-o"), map}).exitCode == 0);
    const QString csv = QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/samples/online-boutique-components.csv");
    const auto r = clitest::runFaultline({QStringLiteral("import"), csv, QStringLiteral("--into"), map});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--into"), r.err.constData());
    QCOMPARE(clitest::runFaultline({QStringLiteral("import"), state, QStringLiteral("--into"),
                 dir.filePath(QStringLiteral("none.faultline"))}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
