// Analysis › Compare… driven as a user would: two saved scenarios, and the open map against a
// redesigned copy for one scenario. The table and the canvas's colours must say what
// model/impact/comparison says (what `faultline compare` prints); a file that cannot be read is
// named, and the canvas stays as it was.
#include "app/gui/mainwindow.h"
#include "app/gui/whatifactions.h"
#include "model/editing/mapdocument.h"
#include "model/impact/comparison.h"
#include "model/impact/resolve.h"
#include "model/io/mapfile.h"
#include "tests/app/guitestutil.h"
#include "views/comparedialog.h"
#include "views/icons.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace faultline;
using namespace faultline::guitest;

namespace {

const QString dynamoDb = QStringLiteral("DynamoDB DNS failure (Oct 2025)");
const QString region = QStringLiteral("us-east-1 down");
const QString zone = QStringLiteral("one zone down");

CompareDialog *openCompare(MainWindow *w)
{
    QAction *action = w->findChild<QAction *>(QStringLiteral("compareAction"));
    if (!action)
        return nullptr;
    action->trigger();
    QCoreApplication::processEvents();
    return w->findChild<CompareDialog *>();
}

void choose(CompareDialog *d, const char *combo, const QString &text)
{
    auto *c = d->findChild<QComboBox *>(QLatin1String(combo));
    QVERIFY(c);
    const int i = c->findText(text);
    QVERIFY2(i >= 0, qPrintable(text));
    c->setCurrentIndex(i);
}

void clickCompare(CompareDialog *d)
{
    auto *button = d->findChild<QPushButton *>(QStringLiteral("compareButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCoreApplication::processEvents();
}

ComparedSide side(const Map &map, const QString &scenario)
{
    const Scenario &s = map.scenario(*map.findScenario(scenario));
    return {&map, s, evaluateImpact(ImpactGraph(map), resolveScenario(map, s))};
}

// The table lists exactly the comparison's rows, in its order until sorted; the canvas shows
// every component of the open map (side `here`) by its difference, and no state.
void checkShown(MainWindow *w, CompareDialog *d, const Comparison &expected,
    const ComparedSide &here, const Map &other)
{
    auto *table = d->findChild<QTableView *>(QStringLiteral("compareTable"));
    QVERIFY(table);
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), int(expected.components.size()));
    for (int r = 0; r < model->rowCount(); ++r) {
        const Comparison::Row &row = expected.components[r];
        QCOMPARE(model->index(r, 0).data().toString(), row.id);
        QCOMPARE(model->index(r, 1).data().toString(), row.name);
        QCOMPARE(model->index(r, 2).data().toString(), toString(row.a));
        QCOMPARE(model->index(r, 3).data().toString(), toString(row.b));
        QCOMPARE(model->index(r, 4).data().toString(),
            row.worse() ? QStringLiteral("worse") : QStringLiteral("better"));
    }
    QVERIFY(w->scene()->hasLooksOverride());
    QCOMPARE(w->view()->legendKind(), MapView::Legend::Differences);
    const Map &map = *here.map;
    for (int c = 0; c < map.componentCount(); ++c) {
        const QString &id = map.components()[c].id;
        QString want = QStringLiteral("unaffected");
        const auto row = std::find_if(expected.components.begin(), expected.components.end(),
            [&](const Comparison::Row &r) { return r.id == id; });
        if (row != expected.components.end())
            want = row->worse() ? QStringLiteral("worse") : QStringLiteral("better");
        else if (!other.findComponent(id))
            want = QStringLiteral("only here");
        else if (here.result.state(ComponentIndex(c)) != State::Up)
            want = QStringLiteral("same");
        QVERIFY2(w->scene()->differenceName(id) == want,
            qPrintable(id + QStringLiteral(": ") + w->scene()->differenceName(id)
                + QStringLiteral(", expected ") + want));
        QCOMPARE(w->scene()->lookName(id), QStringLiteral("up"));
    }
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void twoScenariosOfTheMap()
    {
        auto w = openExample();
        QVERIFY(w->whatIf()->applyScenario(zone));
        CompareDialog *d = openCompare(w.get());
        QVERIFY(d);
        QVERIFY(d->isVisible());
        choose(d, "scenarioA", dynamoDb);
        choose(d, "scenarioB", region);
        clickCompare(d);
        QVERIFY2(d->errorText().isEmpty(), qPrintable(d->errorText()));
        const Map map = w->document()->map();
        const ComparedSide a = side(map, dynamoDb);
        const ComparedSide b = side(map, region);
        const Comparison expected = compareImpacts(a, b);
        QVERIFY(expected.components.size() > 10);
        checkShown(w.get(), d, expected, b, map);
        const QString summary = d->findChild<QLabel *>(QStringLiteral("compareSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("$111,900/h"))
                && summary.contains(QLatin1String("$132,400/h")),
            qPrintable(summary));

        // Sorted by B's state, most severe first, as a click on its header does (twice).
        auto *table = d->findChild<QTableView *>(QStringLiteral("compareTable"));
        QHeaderView *header = table->horizontalHeader();
        const QPoint onB(header->sectionViewportPosition(3) + 5, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onB);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onB);
        for (int r = 1; r < table->model()->rowCount(); ++r) {
            QVERIFY(stateFromString(table->model()->index(r - 1, 3).data().toString())
                >= stateFromString(table->model()->index(r, 3).data().toString()));
        }
        // A click on a row selects its component on the canvas.
        const QString id = table->model()->index(2, 0).data().toString();
        const QRect cell = table->visualRect(table->model()->index(2, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(w->selection()->components(), QStringList {id});

        // The current what-if against a saved scenario.
        choose(d, "scenarioA", QStringLiteral("The current what-if"));
        choose(d, "scenarioB", dynamoDb);
        clickCompare(d);
        checkShown(w.get(), d, compareImpacts(side(map, zone), side(map, dynamoDb)),
            side(map, dynamoDb), map);

        // Back to normal: the canvas shows the what-if again, with its legend.
        QTest::mouseClick(
            d->findChild<QPushButton *>(QStringLiteral("backToNormal")), Qt::LeftButton);
        QVERIFY(!w->scene()->hasLooksOverride());
        QCOMPARE(w->view()->legendKind(), MapView::Legend::States);
        checkCanvasMatchesEngine(w.get());
        // And closing the dialog does the same after showing it again.
        d->findChild<QCheckBox *>(QStringLiteral("compareOnCanvas"))->setChecked(true);
        QVERIFY(w->scene()->hasLooksOverride());
        d->close();
        QVERIFY(!w->scene()->hasLooksOverride());
        checkCanvasMatchesEngine(w.get());
    }

    void thisMapAgainstARedesign()
    {
        QTemporaryDir dir;
        // The redesign: the inventory servers egress without the single NAT gateway, which
        // is gone.
        QFile in(QStringLiteral(FAULTLINE_EXAMPLE));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray components, dependencies;
        for (const QJsonValue v : root.value(QLatin1String("components")).toArray()) {
            if (v.toObject().value(QLatin1String("id")).toString() != QLatin1String("nat-use1-az1"))
                components.append(v);
        }
        for (const QJsonValue v : root.value(QLatin1String("dependencies")).toArray()) {
            if (v.toObject().value(QLatin1String("to")).toString() != QLatin1String("nat-use1-az1"))
                dependencies.append(v);
        }
        root.insert(QLatin1String("components"), components);
        root.insert(QLatin1String("dependencies"), dependencies);
        const QString redesign = dir.filePath(QStringLiteral("redesign.json"));
        QFile out(redesign);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();

        auto w = openExample();
        CompareDialog *d = openCompare(w.get());
        QVERIFY(d);
        d->setMode(CompareDialog::Mode::OtherFile);
        d->findChild<QLineEdit *>(QStringLiteral("otherFile"))->setText(redesign);
        choose(d, "fileScenario", zone);
        // The other file is the later version: this map is A.
        d->findChild<QComboBox *>(QStringLiteral("otherSide"))->setCurrentIndex(1);
        clickCompare(d);
        QVERIFY2(d->errorText().isEmpty(), qPrintable(d->errorText()));
        const Map here = w->document()->map();
        const Map later = loadMap(redesign);
        const ComparedSide a = side(here, zone);
        const ComparedSide b = side(later, zone);
        const Comparison expected = compareImpacts(a, b);
        QVERIFY(!expected.components.empty());
        QCOMPARE(expected.removed, QStringList {QStringLiteral("nat-use1-az1")});
        checkShown(w.get(), d, expected, a, later);
        QCOMPARE(w->scene()->differenceName(QStringLiteral("checkout")), QStringLiteral("better"));
        QCOMPARE(w->scene()->differenceName(QStringLiteral("nat-use1-az1")),
            QStringLiteral("only here"));

        // The other way round: the redesign is A, this map B.
        d->findChild<QComboBox *>(QStringLiteral("otherSide"))->setCurrentIndex(0);
        clickCompare(d);
        const Comparison reverse = compareImpacts(b, a);
        checkShown(w.get(), d, reverse, a, later);
        QCOMPARE(w->scene()->differenceName(QStringLiteral("checkout")), QStringLiteral("worse"));
        d->close();
    }

    void aFileThatCannotBeReadIsNamed()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"format\": \"faultline-map\", \"components\": [");
        out.close();
        auto w = openExample();
        QVERIFY(w->whatIf()->applyScenario(dynamoDb));
        CompareDialog *d = openCompare(w.get());
        QVERIFY(d);
        d->setMode(CompareDialog::Mode::OtherFile);
        auto *file = d->findChild<QLineEdit *>(QStringLiteral("otherFile"));
        for (const QString &path : {broken, dir.filePath(QStringLiteral("missing.faultline"))}) {
            file->setText(path);
            clickCompare(d);
            QVERIFY2(d->errorText().contains(path), qPrintable(d->errorText()));
            QVERIFY(!d->comparison());
            QVERIFY(!w->scene()->hasLooksOverride());
            QCOMPARE(
                d->findChild<QTableView *>(QStringLiteral("compareTable"))->model()->rowCount(), 0);
            checkCanvasMatchesEngine(w.get());
        }
        // A scenario whose component the other map lacks: named with the file.
        QTemporaryDir dir2;
        const QString small = dir2.filePath(QStringLiteral("small.json"));
        QFile s(small);
        QVERIFY(s.open(QIODevice::WriteOnly));
        s.write(
            "{\"format\": \"faultline-map\", \"version\": 1, \"components\": [{\"id\": \"x\"}]}");
        s.close();
        file->setText(small);
        choose(d, "fileScenario", dynamoDb);
        clickCompare(d);
        QVERIFY2(d->errorText().contains(small), qPrintable(d->errorText()));
        QVERIFY(!w->scene()->hasLooksOverride());
        d->close();
    }
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
