// Terraform import: every file of tests/data/terraform (real outputs and two written for these
// tests), the zones each one gives, what losing one zone takes down, the dependencies made from
// references, the rules file, and every kind of bad input, which must name the file and entry.

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/fileio.h"
#include "model/io/importsource.h"
#include "model/io/terraform/tfaddress.h"
#include "model/io/terraform/terraformimport.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace faultline;

namespace {

const QString data = QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/terraform/");

Map importMap(const QString &file, const terraformimport::Options &options = {})
{
    return terraformimport::readFile(data + file, options).map;
}

template<typename F>
QString errorOf(F f)
{
    try {
        f();
    } catch (const Error &e) {
        return e.message().isEmpty() ? QStringLiteral("(empty message)") : e.message();
    }
    return {};
}

QString importError(const QByteArray &json)
{
    return errorOf([&] { terraformimport::read(json, QStringLiteral("bad.tfstate")); });
}

QStringList idsOfKind(const Map &map, const QString &kind)
{
    QStringList out;
    for (const Component &c : map.components()) {
        if (c.kind == kind)
            out.append(c.id);
    }
    return out;
}

QString dependencyType(const Map &map, const QString &from, const QString &to)
{
    const auto d = map.findDependency(from, to);
    return d ? toString(map.dependency(*d).type) : QStringLiteral("none");
}

// Each component's state after failing `failed`, by id.
QHash<QString, State> failing(const Map &map, const QString &failed)
{
    const ImpactGraph graph(map);
    const ImpactResult result = evaluateImpact(graph, resolveScenario(map, {failed}, {}));
    QHash<QString, State> states;
    for (int i = 0; i < map.componentCount(); ++i)
        states.insert(map.component(ComponentIndex(i)).id, result.state(ComponentIndex(i)));
    return states;
}

QJsonObject object(const QString &file)
{
    return QJsonDocument::fromJson(readWholeFile(data + file)).object();
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

// A minimal raw state of one resource with the given instances.
QByteArray stateWith(const QJsonArray &resources, int version = 4)
{
    QJsonObject top;
    top.insert(QStringLiteral("version"), version);
    top.insert(QStringLiteral("terraform_version"), QStringLiteral("1.6.6"));
    top.insert(QStringLiteral("lineage"), QStringLiteral("x"));
    top.insert(QStringLiteral("resources"), resources);
    return bytes(top);
}

QJsonObject resource(const QString &type, const QString &name, const QJsonArray &instances,
    const QString &module = {})
{
    QJsonObject r {{QStringLiteral("mode"), QStringLiteral("managed")},
        {QStringLiteral("type"), type}, {QStringLiteral("name"), name},
        {QStringLiteral("provider"),
            QStringLiteral("provider[\"registry.terraform.io/hashicorp/aws\"]")},
        {QStringLiteral("instances"), instances}};
    if (!module.isEmpty())
        r.insert(QStringLiteral("module"), module);
    return r;
}

} // namespace

class TestTerraform : public QObject
{
    Q_OBJECT

private slots:
    void everyFileImports_data();
    void everyFileImports();
    void zoneFailure_data();
    void zoneFailure();
    void dependenciesFromReferences_data();
    void dependenciesFromReferences();
    void componentsKeepTheirAddress();
    void foldingAndAllResources();
    void rulesFileOverrides();
    void oldStateIsRefused();
    void badInput_data();
    void badInput();
    void addressesWithQuotesAndDots();
    void missingDependenciesAreWarnings();
    void otherProvidersAndFailover();
};

void TestTerraform::everyFileImports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("zones");
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<int>("resources");

    QTest::newRow("terragoat plan") << QStringLiteral("aws-plan-terragoat.json")
                                    << QStringList {QStringLiteral("aws/us-west-2/us-west-2a"),
                                           QStringLiteral("aws/us-west-2/us-west-2b")}
                                    << QStringList {QStringLiteral("aws/us-west-2")} << 37;
    QTest::newRow("alb asg plan") << QStringLiteral("aws-plan-alb-asg-prior-state.json")
                                  << QStringList {} << QStringList {QStringLiteral("aws/us-east-1")}
                                  << 13;
    QTest::newRow("state modules") << QStringLiteral("aws-state-v4-modules.tfstate")
                                   << QStringList {} << QStringList {} << 12;
    QTest::newRow("state az ids") << QStringLiteral("aws-state-v4-az-ids.tfstate")
                                  << QStringList {QStringLiteral("aws/ap-northeast-1/ap-northeast-1a")}
                                  << QStringList {QStringLiteral("aws/ap-northeast-1")} << 9;
    QTest::newRow("azure") << QStringLiteral("azure-state-v4-vnet-peering.tfstate")
                           << QStringList {} << QStringList {} << 5; // pruned: no location
    QTest::newRow("two zones state") << QStringLiteral("aws-state-v4-two-zones.tfstate")
                                     << QStringList {QStringLiteral("aws/eu-west-1/eu-west-1a"),
                                            QStringLiteral("aws/eu-west-1/eu-west-1b")}
                                     << QStringList {QStringLiteral("aws/eu-west-1")} << 26;
    QTest::newRow("count.index plan") << QStringLiteral("aws-plan-count-index.json")
                                      << QStringList {QStringLiteral("aws/eu-central-1/eu-central-1a"),
                                             QStringLiteral("aws/eu-central-1/eu-central-1b")}
                                      << QStringList {QStringLiteral("aws/eu-central-1")} << 15;
}

void TestTerraform::everyFileImports()
{
    QFETCH(QString, file);
    QFETCH(QStringList, zones);
    QFETCH(QStringList, regions);
    QFETCH(int, resources);

    const Map map = importMap(file);
    QVERIFY(!validationError(map));
    QCOMPARE(idsOfKind(map, QStringLiteral("zone")), zones);
    QCOMPARE(idsOfKind(map, QStringLiteral("region")), regions);
    int fromTerraform = 0;
    for (const Component &c : map.components()) {
        QVERIFY2(importSources(c.extra) == QStringList {QStringLiteral("terraform")}, qPrintable(c.id));
        if (c.extra.contains(QStringLiteral("terraform_address"))) {
            ++fromTerraform;
            QCOMPARE(c.extra.value(QStringLiteral("terraform_address")).toString(), c.id);
        }
    }
    QCOMPARE(fromTerraform, resources);
}

void TestTerraform::zoneFailure_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QStringList>("down");
    QTest::addColumn<QStringList>("up");
    QTest::addColumn<QStringList>("atRisk");

    QTest::newRow("two zones, a")
        << QStringLiteral("aws-state-v4-two-zones.tfstate")
        << QStringLiteral("aws/eu-west-1/eu-west-1a")
        << QStringList {QStringLiteral("aws_nat_gateway.nat[0]"),
               QStringLiteral("aws_instance.app[0]"), QStringLiteral("aws_route_table.private[0]"),
               QStringLiteral("aws_ebs_volume.data")}
        << QStringList {QStringLiteral("aws_nat_gateway.nat[1]"),
               QStringLiteral("aws_instance.app[1]"), QStringLiteral("aws_route_table.private[1]"),
               QStringLiteral("aws_db_instance.reports"), QStringLiteral("aws_lb_listener.https")}
        << QStringList {QStringLiteral("aws_lb.web"), QStringLiteral("aws_db_instance.main"),
               QStringLiteral("aws_autoscaling_group.workers"), QStringLiteral("aws_instance.app")};
    QTest::newRow("two zones, b")
        << QStringLiteral("aws-state-v4-two-zones.tfstate")
        << QStringLiteral("aws/eu-west-1/eu-west-1b")
        << QStringList {QStringLiteral("aws_nat_gateway.nat[1]"),
               QStringLiteral("aws_instance.app[1]"), QStringLiteral("aws_db_instance.reports")}
        << QStringList {QStringLiteral("aws_nat_gateway.nat[0]"),
               QStringLiteral("aws_instance.app[0]"), QStringLiteral("aws_ebs_volume.data")}
        << QStringList {QStringLiteral("aws_lb.web"), QStringLiteral("aws_db_instance.main")};
    QTest::newRow("count.index plan")
        << QStringLiteral("aws-plan-count-index.json")
        << QStringLiteral("aws/eu-central-1/eu-central-1a")
        << QStringList {QStringLiteral("aws_nat_gateway.nat[0]"),
               QStringLiteral("aws_instance.app[0]"), QStringLiteral("aws_route_table.private[0]")}
        << QStringList {QStringLiteral("aws_nat_gateway.nat[1]"),
               QStringLiteral("aws_instance.app[1]"), QStringLiteral("aws_route_table.private[1]"),
               QStringLiteral("aws_lb_target_group.app")}
        << QStringList {QStringLiteral("aws_lb.web"), QStringLiteral("aws_instance.app")};
    QTest::newRow("terragoat")
        << QStringLiteral("aws-plan-terragoat.json") << QStringLiteral("aws/us-west-2/us-west-2a")
        << QStringList {QStringLiteral("aws_instance.web_host"), QStringLiteral("aws_instance.db_app"),
               QStringLiteral("aws_elb.weblb"), QStringLiteral("aws_ebs_volume.web_host_storage"),
               QStringLiteral("aws_db_instance.default")}
        << QStringList {QStringLiteral("aws_subnet.web_subnet2"), QStringLiteral("aws_s3_bucket.data")}
        << QStringList {QStringLiteral("aws_eks_cluster.eks_cluster")};
    QTest::newRow("az ids") << QStringLiteral("aws-state-v4-az-ids.tfstate")
                            << QStringLiteral("aws/ap-northeast-1/ap-northeast-1a")
                            << QStringList {QStringLiteral("module.subnets.aws_subnet.main[0]"),
                                   QStringLiteral("module.subnets.aws_subnet.main[1]")}
                            << QStringList {QStringLiteral("aws_acm_certificate.main"),
                                   QStringLiteral("aws_iam_user.user[\"me\"]")}
                            << QStringList {};
}

void TestTerraform::zoneFailure()
{
    QFETCH(QString, file);
    QFETCH(QString, zone);
    QFETCH(QStringList, down);
    QFETCH(QStringList, up);
    QFETCH(QStringList, atRisk);

    const Map map = importMap(file);
    const auto states = failing(map, zone);
    for (const QString &id : down) {
        QVERIFY2(states.contains(id), qPrintable(id));
        QVERIFY2(states.value(id) == State::Down, qPrintable(id + u' ' + toString(states.value(id))));
    }
    for (const QString &id : up) {
        QVERIFY2(states.contains(id), qPrintable(id));
        QVERIFY2(states.value(id) == State::Up, qPrintable(id + u' ' + toString(states.value(id))));
    }
    for (const QString &id : atRisk) {
        QVERIFY2(states.contains(id), qPrintable(id));
        QVERIFY2(states.value(id) == State::AtRisk,
            qPrintable(id + u' ' + toString(states.value(id))));
    }
}

void TestTerraform::dependenciesFromReferences_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("type");

    auto row = [](const char *name, const char *file, const char *from, const char *to,
                   const char *type) {
        QTest::newRow(name) << QString::fromUtf8(file) << QString::fromUtf8(from)
                            << QString::fromUtf8(to) << QString::fromUtf8(type);
    };
    // Configuration references of a plan.
    row("instance needs its subnet", "aws-plan-terragoat.json", "aws_instance.web_host",
        "aws_subnet.web_subnet", "hard");
    row("volume attachment folded into the instance", "aws-plan-terragoat.json",
        "aws_instance.web_host", "aws_ebs_volume.web_host_storage", "hard");
    row("encrypted bucket needs its key", "aws-plan-terragoat.json", "aws_s3_bucket.logs",
        "aws_kms_key.logs_key", "hard");
    row("route folded into its table", "aws-plan-terragoat.json", "aws_route_table.web_rtb",
        "aws_internet_gateway.web_igw", "hard");
    row("association folded into the subnet", "aws-plan-terragoat.json", "aws_subnet.web_subnet",
        "aws_route_table.web_rtb", "hard");
    row("role is soft", "aws-plan-terragoat.json", "aws_eks_cluster.eks_cluster",
        "aws_iam_role.iam_for_eks", "soft");
    row("security group is soft", "aws-plan-terragoat.json", "aws_instance.web_host",
        "aws_security_group.web-node", "soft");
    row("parameter group dropped", "aws-plan-terragoat.json", "aws_db_instance.default",
        "aws_db_parameter_group.default", "none");
    row("data source is no component", "aws-plan-terragoat.json", "aws_instance.db_app",
        "data.aws_ami.amazon-linux-2", "none");
    row("eks over two subnets", "aws-plan-terragoat.json", "aws_eks_cluster.eks_cluster",
        "aws_subnet.eks_subnet2", "hard");
    row("module output to a resource", "aws-plan-alb-asg-prior-state.json",
        "module.myapp-asg.aws_autoscaling_group.asg", "module.alb.aws_alb_target_group.alb",
        "hard");
    row("alb over placeholder subnets", "aws-plan-alb-asg-prior-state.json",
        "module.alb.aws_alb.alb", "subnet-13f44a58", "hard");
    row("asg through a subnets group", "aws-plan-alb-asg-prior-state.json",
        "module.myapp-asg.aws_autoscaling_group.asg (subnets)", "subnet-9918eec4", "hard");
    row("count.index pairs instance 0", "aws-plan-count-index.json", "aws_instance.app[0]",
        "aws_subnet.private[0]", "hard");
    row("count.index does not cross", "aws-plan-count-index.json", "aws_instance.app[0]",
        "aws_subnet.private[1]", "none");
    row("paired route", "aws-plan-count-index.json", "aws_route_table.private[1]",
        "aws_nat_gateway.nat[1]", "hard");
    row("without count.index: all", "aws-plan-count-index.json", "aws_lb.web",
        "aws_subnet.public[1]", "hard");
    row("siblings become a group", "aws-plan-count-index.json", "aws_lb_target_group.app",
        "aws_instance.app", "hard");
    row("group member", "aws-plan-count-index.json", "aws_instance.app", "aws_instance.app[1]",
        "hard");
    // Raw states: `dependencies` and attribute values.
    row("dependencies", "aws-state-v4-modules.tfstate", "module.vpc.aws_nat_gateway.this[0]",
        "module.vpc.aws_eip.nat[0]", "hard");
    row("module instance keys", "aws-state-v4-modules.tfstate",
        "module.ec2_openvpn.module.ec2_bastion.aws_instance.this[0]",
        "module.ec2_openvpn.module.bastion_sg.aws_security_group.this_name_prefix[0]", "soft");
    row("azure dependencies", "azure-state-v4-vnet-peering.tfstate",
        "azurerm_virtual_network_peering.example-1", "azurerm_virtual_network.myterraformnetwork2",
        "hard");
    row("subnet_id value", "aws-state-v4-two-zones.tfstate", "aws_nat_gateway.nat[1]",
        "aws_subnet.public[1]", "hard");
    row("NAT route", "aws-state-v4-two-zones.tfstate", "aws_route_table.private[0]",
        "aws_nat_gateway.nat[0]", "hard");
    row("no cross-zone route", "aws-state-v4-two-zones.tfstate", "aws_route_table.private[0]",
        "aws_nat_gateway.nat[1]", "none");
    row("monitoring role ignored", "aws-state-v4-two-zones.tfstate", "aws_db_instance.main",
        "aws_iam_role.rds_monitoring", "none");
    row("db subnet group: multi-az", "aws-state-v4-two-zones.tfstate", "aws_db_instance.main",
        "aws_subnet.private[1]", "hard");
    row("db subnet group: single az in its zone", "aws-state-v4-two-zones.tfstate",
        "aws_db_instance.reports", "aws_subnet.private[1]", "hard");
    row("db subnet group: not the other zone", "aws-state-v4-two-zones.tfstate",
        "aws_db_instance.reports", "aws_subnet.private[0]", "none");
    row("kms key by arn", "aws-state-v4-two-zones.tfstate", "aws_ebs_volume.data",
        "aws_kms_key.ebs", "hard");
}

void TestTerraform::dependenciesFromReferences()
{
    QFETCH(QString, file);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, type);
    const Map map = importMap(file);
    QVERIFY2(map.findComponent(from), qPrintable(from));
    QCOMPARE(dependencyType(map, from, to), type);
}

void TestTerraform::componentsKeepTheirAddress()
{
    const Map map = importMap(QStringLiteral("aws-state-v4-two-zones.tfstate"));
    const Component &nat = map.component(*map.findComponent(QStringLiteral("aws_nat_gateway.nat[0]")));
    QCOMPARE(nat.name, QStringLiteral("NAT eu-west-1a"));
    QCOMPARE(nat.kind, QStringLiteral("network"));
    QCOMPARE(nat.parent, QStringLiteral("aws/eu-west-1/eu-west-1a"));
    QCOMPARE(nat.extra.value(QStringLiteral("terraform_type")).toString(),
        QStringLiteral("aws_nat_gateway"));
    const Component &db = map.component(*map.findComponent(QStringLiteral("aws_db_instance.main")));
    QCOMPARE(db.kind, QStringLiteral("database"));
    QCOMPARE(db.parent, QStringLiteral("aws/eu-west-1")); // multi-AZ: the region
    QCOMPARE(db.require, 1);
    const Component &iam =
        map.component(*map.findComponent(QStringLiteral("aws_iam_role.rds_monitoring")));
    QCOMPARE(iam.parent, QStringLiteral("aws")); // global
    QCOMPARE(iam.name, QString()); // no Name tag: shown as its address

    const Map modules = importMap(QStringLiteral("aws-state-v4-modules.tfstate"));
    const Component &ubuntu = modules.component(
        *modules.findComponent(QStringLiteral("module.ec2_ubuntu_a[1].aws_instance.this[0]")));
    QCOMPARE(ubuntu.extra.value(QStringLiteral("terraform_module")).toString(),
        QStringLiteral("module.ec2_ubuntu_a[1]"));
    QCOMPARE(ubuntu.kind, QStringLiteral("compute"));

    const Map alb = importMap(QStringLiteral("aws-plan-alb-asg-prior-state.json"));
    const Component &placeholder = alb.component(*alb.findComponent(QStringLiteral("subnet-13f44a58")));
    QVERIFY(placeholder.extra.value(QStringLiteral("placeholder")).toBool());
    // Child module addresses without their module in 0.12's prior state are completed.
    QVERIFY(alb.findComponent(QStringLiteral("module.lambda_TFUpgradeTest.aws_lambda_function.lambda")));
    QVERIFY(!alb.findComponent(QStringLiteral("aws_lambda_function.lambda")));

    // The plan deletes aws_instance.legacy: it is left out.
    const Map plan = importMap(QStringLiteral("aws-plan-count-index.json"));
    QVERIFY(!plan.findComponent(QStringLiteral("aws_instance.legacy")));
    QVERIFY(plan.findComponent(QStringLiteral("aws_instance.app[1]")));
}

void TestTerraform::foldingAndAllResources()
{
    const QString file = QStringLiteral("aws-state-v4-two-zones.tfstate");
    const Map folded = importMap(file);
    for (const char *id : {"aws_security_group_rule.app_https", "aws_route.private_nat[0]",
             "aws_route_table_association.private[0]", "aws_db_parameter_group.main",
             "aws_db_subnet_group.main", "aws_volume_attachment.data"})
        QVERIFY2(!folded.findComponent(QLatin1String(id)), id);
    terraformimport::Options all;
    all.allResources = true;
    const Map everything = importMap(file, all);
    for (const char *id : {"aws_security_group_rule.app_https", "aws_route.private_nat[0]",
             "aws_route_table_association.private[0]", "aws_db_parameter_group.main",
             "aws_volume_attachment.data"})
        QVERIFY2(everything.findComponent(QLatin1String(id)), id);
    QCOMPARE(dependencyType(everything, QStringLiteral("aws_route.private_nat[0]"),
                 QStringLiteral("aws_nat_gateway.nat[0]")),
        QStringLiteral("hard"));
}

void TestTerraform::rulesFileOverrides()
{
    QTemporaryDir dir;
    const QString rules = dir.filePath(QStringLiteral("rules.json"));
    writeWholeFile(rules,
        R"({"kinds": {"aws_nat_gateway": "gateway"},
            "dependencies": [{"to": "aws_security_group", "type": "hard"},
                             {"from": "aws_db_instance", "attribute": "monitoring_role_arn", "type": "soft"}],
            "require": [{"from": "aws_lb", "require": "all"}]})");
    terraformimport::Options options;
    options.rulesFile = rules;
    const Map map = importMap(QStringLiteral("aws-state-v4-two-zones.tfstate"), options);
    QCOMPARE(map.component(*map.findComponent(QStringLiteral("aws_nat_gateway.nat[0]"))).kind,
        QStringLiteral("gateway"));
    QCOMPARE(dependencyType(map, QStringLiteral("aws_instance.app[0]"),
                 QStringLiteral("aws_security_group.app")),
        QStringLiteral("hard"));
    QCOMPARE(dependencyType(map, QStringLiteral("aws_db_instance.main"),
                 QStringLiteral("aws_iam_role.rds_monitoring")),
        QStringLiteral("soft"));
    QCOMPARE(map.component(*map.findComponent(QStringLiteral("aws_lb.web"))).require, std::nullopt);
    const auto states = failing(map, QStringLiteral("aws/eu-west-1/eu-west-1a"));
    QVERIFY(states.value(QStringLiteral("aws_lb.web")) == State::Down);

    writeWholeFile(rules, R"({"dependencies": [{"to": "aws_vpc", "type": "firm"}]})");
    const QString error = errorOf([&] { importMap(QStringLiteral("aws-state-v4-two-zones.tfstate"), options); });
    QVERIFY2(error.contains(rules) && error.contains(QStringLiteral("dependencies[0]")), qPrintable(error));
}

void TestTerraform::oldStateIsRefused()
{
    const QString error = errorOf([] { importMap(QStringLiteral("aws-state-v3-legacy.json")); });
    QVERIFY2(error.contains(QStringLiteral("aws-state-v3-legacy.json")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("version 3")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("terraform state pull")), qPrintable(error));
}

void TestTerraform::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("mentions");

    const QByteArray state = readWholeFile(data + QStringLiteral("aws-state-v4-two-zones.tfstate"));
    QTest::newRow("truncated") << state.left(state.size() / 2)
                               << QStringList {QStringLiteral("bad.tfstate:"), QStringLiteral("not valid JSON")};
    QTest::newRow("state version 5")
        << stateWith({}, 5) << QStringList {QStringLiteral("version 5"), QStringLiteral("bad.tfstate")};
    QJsonObject plan = object(QStringLiteral("aws-plan-count-index.json"));
    QJsonObject future = plan;
    future.insert(QStringLiteral("format_version"), QStringLiteral("2.0"));
    QTest::newRow("show-json 2.0") << bytes(future)
                                   << QStringList {QStringLiteral("format_version"), QStringLiteral("2.0")};
    QJsonObject noConfiguration = plan;
    noConfiguration.remove(QStringLiteral("configuration"));
    QTest::newRow("plan without configuration")
        << bytes(noConfiguration) << QStringList {QStringLiteral("without \"configuration\"")};

    // A configuration reference to a resource the configuration does not declare.
    QJsonObject configuration = plan.value(QStringLiteral("configuration")).toObject();
    QJsonObject root = configuration.value(QStringLiteral("root_module")).toObject();
    QJsonArray resources = root.value(QStringLiteral("resources")).toArray();
    for (int i = 0; i < resources.size(); ++i) {
        QJsonObject r = resources.at(i).toObject();
        if (r.value(QStringLiteral("address")).toString() != QStringLiteral("aws_instance.app"))
            continue;
        QJsonObject e = r.value(QStringLiteral("expressions")).toObject();
        e.insert(QStringLiteral("subnet_id"),
            QJsonObject {{QStringLiteral("references"),
                QJsonArray {QStringLiteral("aws_subnet.missing.id"), QStringLiteral("aws_subnet.missing")}}});
        r.insert(QStringLiteral("expressions"), e);
        resources[i] = r;
    }
    root.insert(QStringLiteral("resources"), resources);
    configuration.insert(QStringLiteral("root_module"), root);
    QJsonObject missing = plan;
    missing.insert(QStringLiteral("configuration"), configuration);
    QTest::newRow("reference to a resource not in the file")
        << bytes(missing)
        << QStringList {QStringLiteral("aws_instance.app[0]"), QStringLiteral("aws_subnet.missing")};

    // A malformed address: a quoted key never closed.
    QJsonObject badAddress = plan;
    QJsonObject planned = plan.value(QStringLiteral("planned_values")).toObject();
    QJsonObject plannedRoot = planned.value(QStringLiteral("root_module")).toObject();
    QJsonArray plannedResources = plannedRoot.value(QStringLiteral("resources")).toArray();
    QJsonObject first = plannedResources.at(0).toObject();
    first.insert(QStringLiteral("address"), QStringLiteral("aws_vpc.main[\"a.1]"));
    plannedResources[0] = first;
    plannedRoot.insert(QStringLiteral("resources"), plannedResources);
    planned.insert(QStringLiteral("root_module"), plannedRoot);
    badAddress.insert(QStringLiteral("planned_values"), planned);
    QTest::newRow("unterminated quoted key")
        << bytes(badAddress) << QStringList {QStringLiteral("aws_vpc.main[\"a.1]"), QStringLiteral("never closed")};

    QTest::newRow("module with an open key")
        << stateWith({resource(QStringLiteral("aws_vpc"), QStringLiteral("main"),
               QJsonArray {QJsonObject {{QStringLiteral("attributes"), QJsonObject {}}}},
               QStringLiteral("module.net[\"x"))})
        << QStringList {QStringLiteral("module.net[\"x.aws_vpc.main"), QStringLiteral("malformed address")};
    QTest::newRow("not terraform") << QByteArray(R"({"hello": 1})")
                                   << QStringList {QStringLiteral("not a Terraform state or plan")};
}

void TestTerraform::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, mentions);
    const QString error = importError(json);
    QVERIFY2(error.startsWith(QStringLiteral("bad.tfstate")), qPrintable(error));
    for (const QString &m : mentions)
        QVERIFY2(error.contains(m), qPrintable(error + QStringLiteral(" / ") + m));
}

void TestTerraform::addressesWithQuotesAndDots()
{
    const QJsonArray instances {
        QJsonObject {{QStringLiteral("index_key"), QStringLiteral("a.1")},
            {QStringLiteral("attributes"), QJsonObject {{QStringLiteral("id"), QStringLiteral("i-1")}}}},
        QJsonObject {{QStringLiteral("index_key"), QStringLiteral("b\"q]")},
            {QStringLiteral("attributes"), QJsonObject {{QStringLiteral("id"), QStringLiteral("i-2")}}},
            {QStringLiteral("dependencies"), QJsonArray {QStringLiteral("module.m[\"x.y\"].aws_kms_key.k")}}}};
    const QJsonArray key {QJsonObject {{QStringLiteral("attributes"), QJsonObject {}}}};
    const Map map = terraformimport::read(stateWith({resource(QStringLiteral("aws_instance"),
                                                         QStringLiteral("web"), instances),
                                                     resource(QStringLiteral("aws_kms_key"),
                                                         QStringLiteral("k"), key,
                                                         QStringLiteral("module.m[\"x.y\"]"))}),
        QStringLiteral("quotes.tfstate"))
                        .map;
    QVERIFY(map.findComponent(QStringLiteral("aws_instance.web[\"a.1\"]")));
    QVERIFY(map.findComponent(QStringLiteral("aws_instance.web[\"b\\\"q]\"]")));
    QCOMPARE(dependencyType(map, QStringLiteral("aws_instance.web[\"b\\\"q]\"]"),
                 QStringLiteral("module.m[\"x.y\"].aws_kms_key.k")),
        QStringLiteral("hard"));

    QString why;
    const auto a = terraform::parseAddress(
        QStringLiteral("module.a[\"x.1\"].module.b.aws_instance.web[0].private_ip"), &why);
    QVERIFY(a);
    QCOMPARE(a->module, QStringLiteral("module.a[\"x.1\"].module.b"));
    QCOMPARE(a->resource(), QStringLiteral("module.a[\"x.1\"].module.b.aws_instance.web"));
    QCOMPARE(a->key, QStringLiteral("[0]"));
    QCOMPARE(a->rest, QStringLiteral("private_ip"));
    QCOMPARE(terraform::withoutKeys(a->module), QStringLiteral("module.a.module.b"));
    QVERIFY(!terraform::parseAddress(QStringLiteral("aws_instance..web"), &why));
    QVERIFY(!terraform::parseAddress(QStringLiteral("aws_instance.web[0"), &why));
}

void TestTerraform::missingDependenciesAreWarnings()
{
    const auto result =
        terraformimport::readFile(data + QStringLiteral("aws-state-v4-modules.tfstate"));
    QVERIFY(result.warnings.size() >= 5);
    bool vpc = false;
    for (const QString &w : result.warnings)
        vpc = vpc || (w.contains(QStringLiteral("module.vpc.aws_vpc.this")) && w.contains(QStringLiteral("15")));
    QVERIFY2(vpc, qPrintable(result.warnings.join(u'\n')));
}

void TestTerraform::otherProvidersAndFailover()
{
    auto instance = [](const QJsonObject &attributes) {
        return QJsonArray {QJsonObject {{QStringLiteral("attributes"), attributes}}};
    };
    auto subnet = [&](const char *id, const char *zone) {
        return QJsonObject {{QStringLiteral("id"), QLatin1String(id)},
            {QStringLiteral("availability_zone"), QLatin1String(zone)}};
    };
    QJsonObject vm = resource(QStringLiteral("google_compute_instance"), QStringLiteral("vm"),
        instance({{QStringLiteral("zone"), QStringLiteral("europe-west1-b")}}));
    vm.insert(QStringLiteral("provider"), QStringLiteral("provider[\"registry.terraform.io/hashicorp/google\"]"));
    QJsonObject azure = resource(QStringLiteral("azurerm_linux_virtual_machine"), QStringLiteral("vm"),
        instance({{QStringLiteral("location"), QStringLiteral("westeurope")},
            {QStringLiteral("zone"), QStringLiteral("2")}}));
    azure.insert(QStringLiteral("provider"), QStringLiteral("provider[\"registry.terraform.io/hashicorp/azurerm\"]"));
    const QJsonArray resources {vm, azure,
        resource(QStringLiteral("aws_subnet"), QStringLiteral("a"), instance(subnet("subnet-a", "eu-west-1a"))),
        resource(QStringLiteral("aws_subnet"), QStringLiteral("b"), instance(subnet("subnet-b", "eu-west-1b"))),
        resource(QStringLiteral("aws_elasticache_subnet_group"), QStringLiteral("cache"),
            instance({{QStringLiteral("id"), QStringLiteral("cache-subnets")},
                {QStringLiteral("subnet_ids"), QJsonArray {QStringLiteral("subnet-a"), QStringLiteral("subnet-b")}}})),
        resource(QStringLiteral("aws_elasticache_replication_group"), QStringLiteral("ha"),
            instance({{QStringLiteral("id"), QStringLiteral("ha")},
                {QStringLiteral("subnet_group_name"), QStringLiteral("cache-subnets")},
                {QStringLiteral("automatic_failover_enabled"), true}})),
        resource(QStringLiteral("aws_elasticache_replication_group"), QStringLiteral("single"),
            instance({{QStringLiteral("id"), QStringLiteral("single")},
                {QStringLiteral("subnet_group_name"), QStringLiteral("cache-subnets")},
                {QStringLiteral("automatic_failover_enabled"), false}}))};
    const Map map = terraformimport::read(stateWith(resources), QStringLiteral("mixed.tfstate")).map;
    QCOMPARE(map.component(*map.findComponent(QStringLiteral("google_compute_instance.vm"))).parent,
        QStringLiteral("google/europe-west1/europe-west1-b"));
    QCOMPARE(map.component(*map.findComponent(QStringLiteral("google_compute_instance.vm"))).kind,
        QStringLiteral("compute"));
    QCOMPARE(map.component(*map.findComponent(QStringLiteral("azurerm_linux_virtual_machine.vm"))).parent,
        QStringLiteral("azurerm/westeurope/2"));
    const Component &ha = map.component(*map.findComponent(QStringLiteral("aws_elasticache_replication_group.ha")));
    QCOMPARE(ha.kind, QStringLiteral("cache"));
    QCOMPARE(ha.require, 1);
    QCOMPARE(ha.parent, QStringLiteral("aws/eu-west-1"));
    const auto states = failing(map, QStringLiteral("aws/eu-west-1/eu-west-1a"));
    QVERIFY(states.value(QStringLiteral("aws_elasticache_replication_group.ha")) == State::AtRisk);
    QVERIFY(states.value(QStringLiteral("aws_elasticache_replication_group.single")) == State::Down);
}

QTEST_GUILESS_MAIN(TestTerraform)
#include "tst_terraform.moc"
