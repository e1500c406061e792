// import --into: a map kept in step with a newer Terraform state. What the architect added by
// hand (a component, its dependencies, its position, scenarios, properties changed by hand)
// stays across re-imports; what the newer state no longer has goes, with the hand-made
// dependencies on it, and the report says so.

#include "model/io/fileio.h"
#include "model/io/importmerge.h"
#include "model/io/importsource.h"
#include "model/io/terraform/terraformimport.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "model/storage/faultlinefile.h"
#include "tests/model/maptestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace faultline;

namespace {

const QString stateFile =
    QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/terraform/aws-state-v4-two-zones.tfstate");
const QString source = QStringLiteral("terraform");

Map importState(const QByteArray &state)
{
    return terraformimport::read(state, QStringLiteral("state.tfstate")).map;
}

// What `faultline import STATE -o MAP` makes: the import merged into an empty map, so that
// every component remembers what the import gave it.
Map firstImport(const QByteArray &state)
{
    Map map;
    map.name = QStringLiteral("shop");
    mergeImport(map, importState(state), source);
    return map;
}

// The same state a week later: aws_db_instance.reports destroyed, a third app instance behind
// the load balancer, the second NAT gateway renamed.
QByteArray newerState()
{
    QJsonObject top = QJsonDocument::fromJson(readWholeFile(stateFile)).object();
    QJsonArray resources = top.value(QStringLiteral("resources")).toArray();
    QJsonArray out;
    for (const QJsonValue &v : resources) {
        QJsonObject r = v.toObject();
        const QString type = r.value(QStringLiteral("type")).toString();
        const QString name = r.value(QStringLiteral("name")).toString();
        if (type == QStringLiteral("aws_db_instance") && name == QStringLiteral("reports"))
            continue;
        QJsonArray instances = r.value(QStringLiteral("instances")).toArray();
        if (type == QStringLiteral("aws_instance")) {
            QJsonObject third = instances.at(0).toObject();
            third.insert(QStringLiteral("index_key"), 2);
            QJsonObject a = third.value(QStringLiteral("attributes")).toObject();
            a.insert(QStringLiteral("id"), QStringLiteral("i-app2"));
            a.insert(QStringLiteral("arn"),
                QStringLiteral("arn:aws:ec2:eu-west-1:111122223333:instance/i-app2"));
            third.insert(QStringLiteral("attributes"), a);
            instances.append(third);
        }
        if (type == QStringLiteral("aws_lb_target_group_attachment")) {
            QJsonObject third = instances.at(0).toObject();
            third.insert(QStringLiteral("index_key"), 2);
            QJsonObject a = third.value(QStringLiteral("attributes")).toObject();
            a.insert(QStringLiteral("id"), QStringLiteral("tga-2"));
            a.insert(QStringLiteral("target_id"), QStringLiteral("i-app2"));
            third.insert(QStringLiteral("attributes"), a);
            instances.append(third);
        }
        if (type == QStringLiteral("aws_nat_gateway")) {
            QJsonObject second = instances.at(1).toObject();
            QJsonObject a = second.value(QStringLiteral("attributes")).toObject();
            a.insert(QStringLiteral("tags"),
                QJsonObject {{QStringLiteral("Name"), QStringLiteral("NAT B")}});
            second.insert(QStringLiteral("attributes"), a);
            instances[1] = second;
        }
        r.insert(QStringLiteral("instances"), instances);
        out.append(r);
    }
    top.insert(QStringLiteral("resources"), out);
    return QJsonDocument(top).toJson();
}

// What the architect does by hand after the first import.
void editByHand(Map &map)
{
    Component checkout;
    checkout.id = QStringLiteral("checkout");
    checkout.name = QStringLiteral("Checkout");
    checkout.kind = QStringLiteral("service");
    checkout.business = true;
    checkout.costPerHour = 5000;
    map.addComponent(checkout);
    map.addDependency(
        {QStringLiteral("checkout"), QStringLiteral("aws_lb.web"), DependencyType::Hard, {}, {}});
    map.addDependency({QStringLiteral("checkout"), QStringLiteral("aws_db_instance.reports"),
        DependencyType::Soft, QStringLiteral("reports"), {}});
    map.setPosition(QStringLiteral("checkout"), QPointF(120, 340));
    map.setPosition(QStringLiteral("aws_lb.web"), QPointF(10, 20));
    map.addScenario(
        testutil::scenario(QStringLiteral("zone a"), {QStringLiteral("aws/eu-west-1/eu-west-1a")}));
    map.addScenario(testutil::scenario(QStringLiteral("reports lost"),
        {QStringLiteral("aws_db_instance.reports")}, {QStringLiteral("checkout")}));
    // A property changed by hand: the import must not undo it.
    Component lb = map.component(*map.findComponent(QStringLiteral("aws_lb.web")));
    lb.name = QStringLiteral("Public ALB");
    lb.owner = QStringLiteral("team-web");
    map.setComponent(*map.findComponent(QStringLiteral("aws_lb.web")), lb);
}

} // namespace

class TestImportMerge : public QObject
{
    Q_OBJECT

private slots:
    void sameStateChangesNothing();
    void handWorkSurvivesTwoReimports();
    void failedMergeLeavesTheMap();
};

void TestImportMerge::sameStateChangesNothing()
{
    const QByteArray state = readWholeFile(stateFile);
    Map map = firstImport(state);
    editByHand(map);
    const Map before = map;
    const MergeReport report = mergeImport(map, importState(state), source);
    QVERIFY2(report.isEmpty(), qPrintable(report.text(source)));
    QCOMPARE(map.componentCount(), before.componentCount());
    QVERIFY(map == before);
}

void TestImportMerge::handWorkSurvivesTwoReimports()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.faultline"));
    Map map = firstImport(readWholeFile(stateFile));
    editByHand(map);
    faultlinefile::save(map, path);

    // First re-import, through the document as the command line does it.
    map = faultlinefile::load(path).map;
    const MergeReport first = mergeImport(map, importState(newerState()), source);
    faultlinefile::save(map, path);
    const QString text = first.text(source);
    QCOMPARE(first.addedCount, 1);
    QCOMPARE(first.removedCount, 1);
    QVERIFY2(text.contains(QStringLiteral("+ aws_instance.app[2] (compute)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("- aws_db_instance.reports")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("~ aws_nat_gateway.nat[1]: name NAT eu-west-1b → NAT B")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                 "hand-made dependency checkout -> aws_db_instance.reports removed")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                 "scenario \"reports lost\" no longer names aws_db_instance.reports")),
        qPrintable(text));

    // Second re-import of the same newer state: nothing more to do.
    map = faultlinefile::load(path).map;
    const MergeReport second = mergeImport(map, importState(newerState()), source);
    QVERIFY2(second.isEmpty(), qPrintable(second.text(source)));
    faultlinefile::save(map, path);
    map = faultlinefile::load(path).map;

    QVERIFY(map.findComponent(QStringLiteral("checkout")));
    QVERIFY(!map.findComponent(QStringLiteral("aws_db_instance.reports")));
    QVERIFY(map.findComponent(QStringLiteral("aws_instance.app[2]")));
    QVERIFY(map.findDependency(QStringLiteral("checkout"), QStringLiteral("aws_lb.web")));
    QVERIFY(
        !map.findDependency(QStringLiteral("checkout"), QStringLiteral("aws_db_instance.reports")));
    QCOMPARE(map.positions().value(QStringLiteral("checkout")), QPointF(120, 340));
    QCOMPARE(map.positions().value(QStringLiteral("aws_lb.web")), QPointF(10, 20));
    const Component &lb = map.component(*map.findComponent(QStringLiteral("aws_lb.web")));
    QCOMPARE(lb.name, QStringLiteral("Public ALB"));
    QCOMPARE(lb.owner, QStringLiteral("team-web"));
    QCOMPARE(map.component(*map.findComponent(QStringLiteral("aws_nat_gateway.nat[1]"))).name,
        QStringLiteral("NAT B"));
    QCOMPARE(map.scenarios().size(), std::size_t(2));
    QCOMPARE(map.scenario(*map.findScenario(QStringLiteral("reports lost"))).fail, QStringList());
    QCOMPARE(map.scenario(*map.findScenario(QStringLiteral("reports lost"))).degrade,
        QStringList {QStringLiteral("checkout")});
    QVERIFY(importSources(map.component(*map.findComponent(QStringLiteral("checkout"))).extra)
                .isEmpty());
    // The new instance joined its siblings' group.
    QVERIFY(map.findDependency(
        QStringLiteral("aws_instance.app"), QStringLiteral("aws_instance.app[2]")));
}

void TestImportMerge::failedMergeLeavesTheMap()
{
    Map map = firstImport(readWholeFile(stateFile));
    // A require set by hand that the newer state can no longer meet: the target group loses
    // nothing, but the hand-made pool does.
    Component pool;
    pool.id = QStringLiteral("reporting pool");
    pool.kind = QStringLiteral("group");
    pool.require = 2;
    map.addComponent(pool);
    map.addDependency(
        {pool.id, QStringLiteral("aws_db_instance.reports"), DependencyType::Hard, {}, {}});
    map.addDependency(
        {pool.id, QStringLiteral("aws_db_instance.main"), DependencyType::Hard, {}, {}});
    const Map before = map;
    const QString error = [&] {
        try {
            mergeImport(map, importState(newerState()), source);
        } catch (const ValidationError &e) {
            return e.message();
        }
        return QString();
    }();
    QVERIFY2(error.contains(QStringLiteral("reporting pool"))
            && error.contains(QStringLiteral("require")),
        qPrintable(error));
    QVERIFY(map == before);
}

QTEST_GUILESS_MAIN(TestImportMerge)
#include "tst_importmerge.moc"
