// Backstage catalog import: entities, parents, dependencies, faultline.io annotations,
// Locations followed relative to their file (loops refused), the join with a Terraform
// resource, and bad input named by file, line and entity.

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/backstage/catalogimport.h"
#include "model/io/importmerge.h"
#include "model/io/fileio.h"
#include "model/io/importsource.h"
#include "model/io/terraform/terraformimport.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QTemporaryDir>
#include <QTest>

using namespace faultline;

namespace {

const QString data = QStringLiteral(FAULTLINE_SOURCE_DIR "/tests/data/");

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

const Component &component(const Map &map, const QString &id)
{
    const auto i = map.findComponent(id);
    if (!i)
        qFatal("no component %s", qPrintable(id));
    return map.component(*i);
}

QString dependencyType(const Map &map, const QString &from, const QString &to)
{
    const auto d = map.findDependency(from, to);
    return d ? toString(map.dependency(*d).type) : QStringLiteral("none");
}

QString catalogError(const QByteArray &yaml)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog-info.yaml"));
    writeWholeFile(path, yaml);
    return errorOf([&] { backstageimport::readFile(path); });
}

} // namespace

class TestBackstage : public QObject
{
    Q_OBJECT

private slots:
    void entitiesBecomeComponents();
    void dependencies();
    void locationLoopIsRefused();
    void badInput_data();
    void badInput();
    void meetsTerraform();
};

void TestBackstage::entitiesBecomeComponents()
{
    const auto result = backstageimport::readFile(data + QStringLiteral("backstage/catalog-info.yaml"));
    const Map &map = result.map;
    QVERIFY(!validationError(map));
    QStringList ids;
    for (const Component &c : map.components())
        ids.append(c.id);
    QCOMPARE(ids,
        (QStringList {QStringLiteral("system:default/shop"), QStringLiteral("aws_db_instance.main"),
            QStringLiteral("resource:default/sessions-cache"), QStringLiteral("api:default/payments-api"),
            QStringLiteral("component:default/checkout"), QStringLiteral("component:default/payments"),
            QStringLiteral("domain:default/commerce")}));

    const Component &shop = component(map, QStringLiteral("system:default/shop"));
    QCOMPARE(shop.name, QStringLiteral("Online shop"));
    QCOMPARE(shop.kind, QStringLiteral("system"));
    QCOMPARE(shop.parent, QStringLiteral("domain:default/commerce"));
    QCOMPARE(shop.owner, QStringLiteral("team-shop"));

    const Component &checkout = component(map, QStringLiteral("component:default/checkout"));
    QCOMPARE(checkout.name, QStringLiteral("Checkout"));
    QCOMPARE(checkout.kind, QStringLiteral("service"));
    QCOMPARE(checkout.parent, QStringLiteral("system:default/shop"));
    QCOMPARE(checkout.description, QStringLiteral("Takes the orders"));
    QCOMPARE(checkout.tags, (QStringList {QStringLiteral("web"), QStringLiteral("tier-1")}));
    QCOMPARE(checkout.business, true);
    QCOMPARE(checkout.tier, 1);
    QCOMPARE(checkout.costPerHour, 12000.0);
    QCOMPARE(importSources(checkout.extra), QStringList {QStringLiteral("backstage")});

    QCOMPARE(component(map, QStringLiteral("resource:default/sessions-cache")).kind, QStringLiteral("cache"));
    QCOMPARE(component(map, QStringLiteral("api:default/payments-api")).kind, QStringLiteral("api"));
    QCOMPARE(component(map, QStringLiteral("component:default/payments")).require, 1);

    // Tied to a Terraform address: that is its id; Terraform says its kind and place.
    const Component &db = component(map, QStringLiteral("aws_db_instance.main"));
    QCOMPARE(db.name, QStringLiteral("Orders database"));
    QCOMPARE(db.availability, 0.9995);
    QCOMPARE(db.kind, QString());
    QCOMPARE(db.extra.value(QStringLiteral("backstage_ref")).toString(), QStringLiteral("resource:default/orders-db"));
    QVERIFY(result.warnings.isEmpty());
}

void TestBackstage::dependencies()
{
    const Map map = backstageimport::readFile(data + QStringLiteral("backstage/catalog-info.yaml")).map;
    QCOMPARE(dependencyType(map, QStringLiteral("component:default/checkout"), QStringLiteral("aws_db_instance.main")),
        QStringLiteral("hard"));
    QCOMPARE(dependencyType(map, QStringLiteral("component:default/checkout"),
                 QStringLiteral("resource:default/sessions-cache")),
        QStringLiteral("soft"));
    QCOMPARE(dependencyType(map, QStringLiteral("component:default/checkout"), QStringLiteral("api:default/payments-api")),
        QStringLiteral("hard"));
    QCOMPARE(dependencyType(map, QStringLiteral("api:default/payments-api"), QStringLiteral("component:default/payments")),
        QStringLiteral("hard"));
    QCOMPARE(dependencyType(map, QStringLiteral("component:default/payments"), QStringLiteral("aws_db_instance.main")),
        QStringLiteral("hard"));
    QCOMPARE(map.dependencyCount(), 5);
}

void TestBackstage::locationLoopIsRefused()
{
    const QString error = errorOf([] { backstageimport::readFile(data + QStringLiteral("backstage/loop/a.yaml")); });
    QVERIFY2(error.contains(QStringLiteral("loop")) && error.contains(QStringLiteral("b.yaml"))
            && error.contains(QStringLiteral("Location b")),
        qPrintable(error));
}

void TestBackstage::badInput_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("no metadata.name")
        << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n---\n"
                      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  title: B\n")
        << QStringList {QStringLiteral("catalog-info.yaml:6"), QStringLiteral("document 2"),
               QStringLiteral("metadata.name")};
    QTest::newRow("not yaml") << QByteArray("kind: Component\nmetadata: [a, b\n")
                              << QStringList {QStringLiteral("catalog-info.yaml:"), QStringLiteral("not valid YAML")};
    // yaml-cpp 0.7's LoadAll looped forever, allocating, on a stray comma (fuzz_backstage).
    QTest::newRow("stray comma") << QByteArray(",Lacai/g\n")
                                 << QStringList {QStringLiteral("catalog-info.yaml:1:1"), QStringLiteral("not valid YAML"), QStringLiteral("','")};
    QTest::newRow("stray comma, second document")
        << QByteArray("kind: Component\nmetadata:\n  name: a\n---\n,\n")
        << QStringList {QStringLiteral("catalog-info.yaml:5:1"), QStringLiteral("not valid YAML")};
    QTest::newRow("stray comma after an anchor") << QByteArray("&a ,\n")
                                                 << QStringList {QStringLiteral("catalog-info.yaml:1:4"), QStringLiteral("not valid YAML")};
    QTest::newRow("missing target")
        << QByteArray("kind: Location\nmetadata:\n  name: here\nspec:\n  target: ./nowhere.yaml\n")
        << QStringList {QStringLiteral("Location here"), QStringLiteral("nowhere.yaml")};
    QTest::newRow("bad annotation")
        << QByteArray("kind: Component\nmetadata:\n  name: a\n  annotations:\n    faultline.io/availability: \"1.5\"\n")
        << QStringList {QStringLiteral("Component a"), QStringLiteral("faultline.io/availability")};
    QTest::newRow("bad dependency type")
        << QByteArray("kind: Component\nmetadata:\n  name: a\n  annotations:\n    faultline.io/dependency-type: firm\n")
        << QStringList {QStringLiteral("Component a"), QStringLiteral("firm")};
    QTest::newRow("twice") << QByteArray("kind: Component\nmetadata:\n  name: a\n---\nkind: Component\nmetadata:\n  name: A\n")
                           << QStringList {QStringLiteral("component:default/a"), QStringLiteral("twice")};
    QTest::newRow("require too high")
        << QByteArray("kind: Component\nmetadata:\n  name: a\n  annotations:\n    faultline.io/require: \"3\"\n")
        << QStringList {QStringLiteral("catalog-info.yaml"), QStringLiteral("component:default/a"), QStringLiteral("require")};
}

void TestBackstage::badInput()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, mentions);
    const QString error = catalogError(yaml);
    QVERIFY2(!error.isEmpty(), "no error");
    for (const QString &m : mentions)
        QVERIFY2(error.contains(m), qPrintable(error + QStringLiteral(" / ") + m));
}

void TestBackstage::meetsTerraform()
{
    Map map = terraformimport::readFile(data + QStringLiteral("terraform/aws-state-v4-two-zones.tfstate")).map;
    const Map terraformOnly = map;
    backstageimport::Options options;
    options.existing = &map;
    const Map catalog =
        backstageimport::readFile(data + QStringLiteral("backstage/catalog-info.yaml"), options).map;
    const MergeReport report = mergeImport(map, catalog, QStringLiteral("backstage"));
    QCOMPARE(report.addedCount, 6);
    QCOMPARE(report.removedCount, 0);

    // One component, both sources: Terraform's kind and place, the catalog's availability.
    const Component &db = component(map, QStringLiteral("aws_db_instance.main"));
    QCOMPARE(importSources(db.extra), (QStringList {QStringLiteral("terraform"), QStringLiteral("backstage")}));
    QCOMPARE(db.kind, QStringLiteral("database"));
    QCOMPARE(db.parent, QStringLiteral("aws/eu-west-1"));
    QCOMPARE(db.availability, 0.9995);
    QCOMPARE(db.name, QStringLiteral("orders db")); // Terraform named it first
    QCOMPARE(map.componentCount(), terraformOnly.componentCount() + 6);

    // Checkout now rides on the multi-AZ database: one zone down leaves it up, both take it down.
    const ImpactGraph graph(map);
    const auto checkout = *map.findComponent(QStringLiteral("component:default/checkout"));
    const auto one = evaluateImpact(graph, resolveScenario(map, {QStringLiteral("aws/eu-west-1/eu-west-1a")}, {}));
    QVERIFY(one.state(checkout) == State::Up);
    const auto both = evaluateImpact(graph,
        resolveScenario(map, {QStringLiteral("aws/eu-west-1/eu-west-1a"), QStringLiteral("aws/eu-west-1/eu-west-1b")}, {}));
    QVERIFY(both.state(checkout) == State::Down);
}

QTEST_GUILESS_MAIN(TestBackstage)
#include "tst_backstage.moc"
