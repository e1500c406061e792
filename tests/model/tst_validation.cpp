// Every error DESIGN.md lists for a map, each one alone, named with its entry; and maps that are
// valid pass. Maps are written in the small text form of maptestutil.h.

#include "model/map/errors.h"
#include "model/map/validation.h"
#include "tests/model/maptestutil.h"

#include <QTest>

#include <algorithm>

using namespace faultline;
using namespace faultline::testutil;

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void invalidMaps_data();
    void invalidMaps();
    void validMaps_data();
    void validMaps();
    void unknownDependencyFrom();
    void missingId();
    void missingDependencyEnds();
    void missingScenarioName();
    void firstOccurrenceIsKeptForDuplicates();
    void helpers();
    void existingComponents();
};

namespace {

// `names`: '|'-separated texts the message must all contain; "x/y" accepts either.
void row(const char *name, const char *map, const char *names)
{
    QTest::newRow(name) << QString::fromUtf8(map)
                        << QString::fromUtf8(names).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

// The message of validate(), or an empty string when it did not throw; also checks that
// validationError() says the same.
QString errorOf(const Map &map, QString *mismatch)
{
    const std::optional<QString> message = validationError(map);
    QString thrown;
    try {
        validate(map);
    } catch (const ValidationError &e) {
        thrown = e.message();
        if (thrown.isEmpty())
            thrown = QStringLiteral("(empty message)");
    }
    if (message.value_or(QString()) != thrown)
        *mismatch = QStringLiteral("validationError() says \"%1\", validate() threw \"%2\"")
                        .arg(message.value_or(QString()), thrown);
    return thrown;
}

} // namespace

void TestValidation::invalidMaps_data()
{
    QTest::addColumn<QString>("map");
    QTest::addColumn<QStringList>("names");

    row("duplicate id", "a; b; a", "\"a\"|duplicate");
    row("duplicate id, unicode", "Zürich; b; Zürich", "\"Zürich\"|duplicate");

    row("unknown parent", "a parent=nowhere", "\"a\"|\"nowhere\"");
    row("unknown dependency to", "a -> ghost", "\"a\"|\"ghost\"");
    row("unknown soft dependency to", "a ~> ghost", "\"a\"|\"ghost\"");
    row("unknown id failed by a scenario", "a; @drill fail=a,ghost", "\"drill\"|\"ghost\"");
    row("unknown id impaired by a scenario", "a; @drill degrade=ghost", "\"drill\"|\"ghost\"");

    row("self dependency, hard", "a; b -> b", "\"b\"|itself");
    row("self dependency, soft", "a; b ~> b", "\"b\"|itself");

    row("same pair twice, hard", "a; b -> a; b -> a", "\"b\"|\"a\"|twice");
    row("same pair twice, soft", "a; b ~> a; b ~> a", "\"b\"|\"a\"|twice");
    row("same pair twice, hard and soft", "a; b -> a ~> a", "\"b\"|\"a\"|twice");
    row("same pair twice, apart", "a; c; b -> a; b -> c; b ~> a", "\"b\"|\"a\"|twice");

    row("parent is itself", "a parent=a", "\"a\"|parent");
    row("parent loop of two", "a parent=b; b parent=a", "parent|loop|\"a\"/\"b\"");
    row("parent loop of three", "a parent=b; b parent=c; c parent=a",
        "parent|loop|\"a\"/\"b\"/\"c\"");
    row("parent loop of three, listed the other way", "c parent=a; b parent=c; a parent=b",
        "parent|loop|\"a\"/\"b\"/\"c\"");
    row("parent loop above a chain", "r; x parent=a; a parent=b; b parent=c; c parent=a",
        "parent|loop|\"a\"/\"b\"/\"c\"");

    row("require above hard dependencies", "a; b; g require=3 -> a,b", "\"g\"|require|3");
    row("require above hard dependencies, soft ones do not count", "a; b; g require=2 -> a ~> b",
        "\"g\"|require|2");
    row("require without dependencies", "g require=1", "\"g\"|require");

    row("two scenarios with one name", "a; b; @drill fail=a; @drill fail=b", "\"drill\"");

    // Ids and names are any text, "%1" and URL-escapes ("%2F") included: messages must quote
    // them as they are.
    row("duplicate id containing %1", "a%1; b; a%1", "\"a%1\"|components[2]|duplicate");
    row("require above hard dependencies, id with %2F", "x; team%2Fapi require=3 -> x",
        "\"team%2Fapi\"|require 3|1 hard");
    row("same pair twice, ids with %1", "x%1; b%1 -> x%1; b%1 -> x%1",
        "\"b%1\"|\"x%1\"|dependencies[1]|twice");
    row("two scenarios with one name containing %1", "a; @drill%1 fail=a; @drill%1",
        "\"drill%1\"|scenarios[1]");
    row("availability above 1, id with %1", "a%1 availability=2", "\"a%1\"|availability 2");

    // Values out of range (DESIGN.md: availability is 0..1).
    row("availability above 1", "a; b availability=1.5", "\"b\"|availability");
    row("availability below 0", "a availability=-0.1; b", "\"a\"|availability");
    row("negative require", "a; g require=-1 -> a", "\"g\"|require");
    row("negative cost", "a cost=-5", "\"a\"|cost");
    row("negative rto", "a; b rto=-1", "\"b\"|rto_minutes");
    row("negative rpo", "a rpo=-0.5", "\"a\"|rpo_minutes");
    row("negative target rto", "a target_rto=-60", "\"a\"|target_rto_minutes");
    row("negative target rpo", "a target_rpo=-1", "\"a\"|target_rpo_minutes");
}

void TestValidation::invalidMaps()
{
    QFETCH(QString, map);
    QFETCH(QStringList, names);

    const Map m = parseMap(map);
    QString mismatch;
    const QString message = errorOf(m, &mismatch);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY2(!message.isEmpty(), "the map was accepted");
    for (const QString &name : names) {
        const QStringList alternatives = name.split(QLatin1Char('/'));
        const bool named = std::any_of(alternatives.begin(), alternatives.end(),
            [&message](const QString &a) { return message.contains(a); });
        QVERIFY2(named, qPrintable(QStringLiteral("\"%1\" does not name %2").arg(message, name)));
    }
}

void TestValidation::validMaps_data()
{
    QTest::addColumn<QString>("map");

    auto add = [](const char *name, const char *map) {
        QTest::newRow(name) << QString::fromUtf8(map);
    };
    add("empty", "");
    add("one component", "a");
    add("parents nested", "aws; r parent=aws; z parent=r; s parent=z; t parent=z");
    add("parent listed after its child", "s parent=z; z parent=r; r");
    add("dependency cycle", "a -> b; b -> c; c -> a");
    add("both directions", "a -> b; b -> a");
    add("hard one way, soft the other", "a -> b; b ~> a");
    add("require equal to hard dependencies", "a; b; g require=2 -> a,b ~> c; c");
    add("require 0", "a; g require=0 -> a");
    add("require 0 without dependencies", "g require=0");
    add("child depends on its parent", "p; c parent=p -> p");
    add("scenarios", "a; b; @one fail=a; @two degrade=a,b; @three fail=b degrade=b; @empty");
    add("unicode", "数据库; 服务 parent=数据库 -> 数据库; 🚀 ~> 服务; @演习 fail=🚀");
}

void TestValidation::validMaps()
{
    QFETCH(QString, map);
    const Map m = parseMap(map);
    QString mismatch;
    const QString message = errorOf(m, &mismatch);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY2(message.isEmpty(), qPrintable(message));
}

void TestValidation::unknownDependencyFrom()
{
    Map m = parseMap(QStringLiteral("a; b -> a"));
    Dependency d;
    d.from = QStringLiteral("ghost");
    d.to = QStringLiteral("a");
    m.addDependency(d);
    QString mismatch;
    const QString message = errorOf(m, &mismatch);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY2(message.contains(QLatin1String("\"ghost\"")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("dependencies[1]")), qPrintable(message));
}

void TestValidation::missingId()
{
    Map m = parseMap(QStringLiteral("a; b"));
    Component c;
    c.name = QStringLiteral("No id");
    m.addComponent(c);
    QString mismatch;
    const QString message = errorOf(m, &mismatch);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY2(message.contains(QLatin1String("components[2]")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("id")), qPrintable(message));
}

void TestValidation::missingDependencyEnds()
{
    for (const bool missingFrom : {true, false}) {
        Map m = parseMap(QStringLiteral("a; b; b -> a"));
        Dependency d;
        (missingFrom ? d.to : d.from) = QStringLiteral("a");
        m.addDependency(d);
        QString mismatch;
        const QString message = errorOf(m, &mismatch);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY2(message.contains(QLatin1String("dependencies[1]")), qPrintable(message));
        QVERIFY2(message.contains(missingFrom ? QLatin1String("from") : QLatin1String("to")),
            qPrintable(message));
    }
}

void TestValidation::missingScenarioName()
{
    Map m = parseMap(QStringLiteral("a; @first fail=a"));
    Scenario s;
    s.fail = {QStringLiteral("a")};
    m.addScenario(s);
    QString mismatch;
    const QString message = errorOf(m, &mismatch);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY2(message.contains(QLatin1String("scenarios[1]")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("name")), qPrintable(message));
}

// A duplicate is reported at its second occurrence; lookups find the first.
void TestValidation::firstOccurrenceIsKeptForDuplicates()
{
    const Map m = parseMap(QStringLiteral("a kind=zone; b; a kind=region"));
    QCOMPARE(m.findComponent(QStringLiteral("a"))->value, 0);
    const QString message = validationError(m).value_or(QString());
    QVERIFY2(message.contains(QLatin1String("components[2]")), qPrintable(message));
}

void TestValidation::helpers()
{
    const Map m = parseMap(QStringLiteral("r; z parent=r; s parent=z; x; g require=1 -> x,s ~> r"));
    QCOMPARE(hardDependencyCount(m, QStringLiteral("g")), 2);
    QCOMPARE(hardDependencyCount(m, QStringLiteral("x")), 0);
    QVERIFY(wouldCreateParentLoop(m, QStringLiteral("r"), QStringLiteral("s")));
    QVERIFY(wouldCreateParentLoop(m, QStringLiteral("r"), QStringLiteral("r")));
    QVERIFY(wouldCreateParentLoop(m, QStringLiteral("z"), QStringLiteral("s")));
    QVERIFY(!wouldCreateParentLoop(m, QStringLiteral("x"), QStringLiteral("s")));
    QVERIFY(!wouldCreateParentLoop(m, QStringLiteral("s"), QStringLiteral("r")));
    QVERIFY(!wouldCreateParentLoop(m, QStringLiteral("r"), QString()));
    QCOMPARE(describeComponent(QStringLiteral("web-a")), QStringLiteral("component \"web-a\""));
    QCOMPARE(describeDependency(QStringLiteral("a"), QStringLiteral("b")),
        QStringLiteral("dependency \"a\" -> \"b\""));
    QCOMPARE(describeScenario(QStringLiteral("s")), QStringLiteral("scenario \"s\""));
}

// What is left of a selection or a what-if: the ids that still name a component, in order.
void TestValidation::existingComponents()
{
    const Map m = parseMap(QStringLiteral("a; b; c"));
    QCOMPARE(
        m.existingComponents({QStringLiteral("c"), QStringLiteral("gone"), QStringLiteral("a")}),
        QStringList({QStringLiteral("c"), QStringLiteral("a")}));
    QCOMPARE(m.existingComponents({}), QStringList());
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
