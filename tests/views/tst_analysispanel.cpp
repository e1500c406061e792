// The Analysis panel on the bundled example, under the offscreen platform: the blast radius
// table fills and a row applies its failure; single points of failure, cut sets and
// availability match the model's functions; cancel and a map change drop the result.

#include "model/analysis/analyses.h"
#include "model/editing/mapdocument.h"
#include "model/io/interchange.h"
#include "views/analysispanel.h"
#include "views/availabilityformat.h"
#include "views/icons.h"
#include "views/inspector.h"
#include "views/mapselection.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace faultline;

class TestAnalysisPanel : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    MapSelection *m_selection = nullptr;
    AnalysisPanel *m_panel = nullptr;

    bool waitForIdle()
    {
        return QTest::qWaitFor([this] { return !m_panel->isRunning(); }, 60000);
    }

    // There is no translator to pick "%n component(s)" apart: every summary and tooltip the
    // panel shows spells its plural out and names the count.
    void verifyPluralsSpeltOut(const QString &expectedCount, const QWidget *in = nullptr)
    {
        bool counted = false;
        for (const QLabel *label : (in ? in : m_panel)->findChildren<QLabel *>()) {
            for (const QString &text : {label->text(), label->toolTip()}) {
                QVERIFY2(!text.contains(QStringLiteral("(s)")), qPrintable(text));
                QVERIFY2(!text.contains(QStringLiteral("%n")), qPrintable(text));
                counted = counted || (label->isVisible() && text.contains(expectedCount));
            }
        }
        QVERIFY2(counted, qPrintable(expectedCount));
    }

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_selection = new MapSelection;
        m_doc->reset(interchange::readFile(QStringLiteral(FAULTLINE_EXAMPLE)), QString(), true);
        m_panel = new AnalysisPanel(m_doc, m_selection);
        m_panel->resize(420, 640);
        m_panel->show();
    }
    void cleanup()
    {
        delete m_panel;
        delete m_selection;
        delete m_doc;
    }

    void blastRadiusFillsAndAppliesARow()
    {
        m_panel->runBlastRadius();
        QVERIFY(m_panel->isRunning());
        QVERIFY(waitForIdle());
        QTableWidget *table = m_panel->blastTable();
        QCOMPARE(table->rowCount(), m_doc->map().componentCount());
        QCOMPARE(table->columnCount(), 5);

        // The first row is the model's first in the ranking.
        const BlastRadiusReport report = blastRadius(m_doc->map(), m_doc->graph());
        const QString first = m_doc->map().component(report.ranking.front().component).id;
        QCOMPARE(table->item(0, 0)->data(Qt::UserRole + 1).toString(), first);
        QCOMPARE(table->item(0, 2)->text().toInt(), report.ranking.front().down);
        verifyPluralsSpeltOut(
            QStringLiteral("%1 components ranked").arg(m_doc->map().componentCount()));

        // A click on a row applies that failure alone.
        const QRect cell = table->visualItemRect(table->item(1, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        const QString second = table->item(1, 0)->data(Qt::UserRole + 1).toString();
        QCOMPARE(m_doc->failed(), QStringList {second});
        QVERIFY(m_doc->degraded().isEmpty());

        // Sorting by another column keeps ids with their rows.
        table->sortItems(0, Qt::AscendingOrder);
        table->selectRow(0);
        QCOMPARE(
            m_doc->failed(), QStringList {table->item(0, 0)->data(Qt::UserRole + 1).toString()});

        if (!qEnvironmentVariableIsEmpty("FAULTLINE_PANEL_SHOT"))
            m_panel->grab().save(qEnvironmentVariable("FAULTLINE_PANEL_SHOT"));
    }

    void concentration()
    {
        m_panel->kindFilter()->setCurrentIndex(
            m_panel->kindFilter()->findData(QStringLiteral("region")));
        m_panel->runBlastRadius();
        QVERIFY(waitForIdle());
        QTableWidget *table = m_panel->blastTable();
        QCOMPARE(table->columnCount(), 6);
        BlastRadiusOptions options;
        options.kind = QStringLiteral("region");
        const BlastRadiusReport report = blastRadius(m_doc->map(), m_doc->graph(), options);
        QCOMPARE(table->rowCount(), int(report.ranking.size()));
        QVERIFY(table->rowCount() > 0);
        QVERIFY(table->item(0, 5)->text().contains(u'%'));
        verifyPluralsSpeltOut(
            QStringLiteral("%1 region component%2 ranked")
                .arg(report.ranking.size())
                .arg(report.ranking.size() == 1 ? QString() : QStringLiteral("s")));
    }

    void singlePointsOfFailureMatchTheModel()
    {
        m_selection->setComponents({QStringLiteral("checkout")});
        QVERIFY(m_panel->findSinglePointsOfFailure());
        QVERIFY(waitForIdle());
        const SpofReport report = singlePointsOfFailure(
            m_doc->graph(), *m_doc->map().findComponent(QStringLiteral("checkout")));
        QStringList expected;
        for (ComponentIndex c : report.spof)
            expected.append(m_doc->map().component(c).id);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(m_panel->singlePoints(), expected);
        QCOMPARE(m_panel->spofList()->topLevelItemCount(), int(expected.size()));
        verifyPluralsSpeltOut(expected.size() == 1
                ? QStringLiteral("1 component takes Checkout down alone")
                : QStringLiteral("%1 components take Checkout down alone").arg(expected.size()));
        // Marked on the map: selected.
        QCOMPARE(m_selection->components(), expected);
        if (!qEnvironmentVariableIsEmpty("FAULTLINE_PANEL_SHOT"))
            m_panel->grab().save(qEnvironmentVariable("FAULTLINE_PANEL_SHOT") + ".spof.png");
    }

    // The single points of failure are selected on the map; the "Target:" line keeps naming
    // the component the analysis ran on, and the next analysis runs on it too.
    void targetStaysAfterMarkingSinglePoints()
    {
        m_selection->setComponents({QStringLiteral("checkout")});
        QVERIFY(m_panel->targetText().contains(QStringLiteral("Checkout")));
        QVERIFY(m_panel->findSinglePointsOfFailure());
        QVERIFY(waitForIdle());
        QVERIFY(m_selection->components().size() > 1);
        QVERIFY(m_selection->current() != QStringLiteral("checkout"));
        const QString first = m_doc->map()
                                  .component(*m_doc->map().findComponent(m_selection->current()))
                                  .displayName();
        QCOMPARE(m_panel->targetId(), QStringLiteral("checkout"));
        QVERIFY2(m_panel->targetText().contains(QStringLiteral("Checkout")),
            qPrintable(m_panel->targetText()));
        QVERIFY2(!m_panel->targetText().contains(first), qPrintable(m_panel->targetText()));
        QVERIFY(m_panel->computeAvailability());
        QVERIFY(waitForIdle());
        QVERIFY(m_panel->availabilityText().startsWith(QStringLiteral("Checkout:")));

        // An explicit target becomes the panel's; the user's next selection takes over again.
        QVERIFY(m_panel->findSinglePointsOfFailure(QStringLiteral("payments")));
        QVERIFY(waitForIdle());
        QCOMPARE(m_panel->targetId(), QStringLiteral("payments"));
        m_selection->setComponents({QStringLiteral("use1")});
        QCOMPARE(m_panel->targetId(), QStringLiteral("use1"));
        QVERIFY(m_panel->targetText().contains(QStringLiteral("us-east-1")));
        m_selection->clear();
        QVERIFY(m_panel->targetText().contains(QStringLiteral("select a component")));
    }

    void cutSetsMatchTheModel()
    {
        m_panel->orderBox()->setValue(2);
        QVERIFY(m_panel->findCutSets(QStringLiteral("checkout")));
        QVERIFY(waitForIdle());
        const CutSetReport report = minimalCutSets(m_doc->map(), m_doc->graph(),
            *m_doc->map().findComponent(QStringLiteral("checkout")), {2, false});
        QCOMPARE(m_panel->cutSetList()->topLevelItemCount(), int(report.cutSets.size()));
        verifyPluralsSpeltOut(
            QStringLiteral("%1 minimal cut set%2 of Checkout")
                .arg(report.cutSets.size())
                .arg(report.cutSets.size() == 1 ? QString() : QStringLiteral("s")));
        // Selecting a set applies it.
        QTreeWidget *list = m_panel->cutSetList();
        list->setCurrentItem(list->topLevelItem(list->topLevelItemCount() - 1));
        QStringList ids;
        for (ComponentIndex c : report.cutSets.back())
            ids.append(m_doc->map().component(c).id);
        QCOMPARE(m_doc->failed(), ids);
        if (!qEnvironmentVariableIsEmpty("FAULTLINE_PANEL_SHOT"))
            m_panel->grab().save(qEnvironmentVariable("FAULTLINE_PANEL_SHOT") + ".cuts.png");
    }

    void availabilityOfABusinessService()
    {
        QVERIFY(m_panel->computeAvailability(QStringLiteral("checkout")));
        QVERIFY(waitForIdle());
        const AvailabilityReport report = availability(
            m_doc->map(), m_doc->graph(), *m_doc->map().findComponent(QStringLiteral("checkout")));
        const QString text = m_panel->availabilityText();
        // Written as everywhere: the nines, then three digits of what is missing.
        QVERIFY2(text.contains(QStringLiteral("Checkout: ")
                     + availabilityformat::percent(report.unavailability)),
            qPrintable(text));
        QVERIFY2(text.contains(availabilityformat::downtimePerYear(report.downtimeMinutesPerYear)),
            qPrintable(text));
        QCOMPARE(m_panel->contributorList()->topLevelItemCount(),
            int(std::min<std::size_t>(report.contributors.size(), 10)));
        verifyPluralsSpeltOut(QStringLiteral("%1 of %2 components it needs can fail")
                                  .arg(report.variableCount)
                                  .arg(report.coneSize));
        if (!qEnvironmentVariableIsEmpty("FAULTLINE_PANEL_SHOT"))
            m_panel->grab().save(qEnvironmentVariable("FAULTLINE_PANEL_SHOT") + ".avail.png");
    }

    // One figure, one way: the Inspector of the same business service shows the same text.
    void availabilityReadsAsInTheInspector()
    {
        QVERIFY(m_panel->computeAvailability(QStringLiteral("checkout")));
        QVERIFY(waitForIdle());
        Inspector inspector(m_doc);
        inspector.setSelection(QStringLiteral("checkout"));
        QVERIFY(QTest::qWaitFor([&] { return !inspector.isAvailabilityPending(); }, 60000));
        const QStringList shown = inspector.availabilityText().split(u'\n');
        QCOMPARE(shown.size(), 2); // the figure and the downtime
        const QString panel = m_panel->availabilityText();
        QVERIFY2(panel.startsWith(QStringLiteral("Checkout: ") + shown[0] + u'\n'),
            qPrintable(panel + QStringLiteral(" / ") + shown[0]));
        QVERIFY2(panel.contains(shown[1]), qPrintable(panel + QStringLiteral(" / ") + shown[1]));
        QCOMPARE(shown[0], QStringLiteral("99.492 %"));
        const AvailabilityReport report = availability(
            m_doc->map(), m_doc->graph(), *m_doc->map().findComponent(QStringLiteral("checkout")));
        inspector.show();
        verifyPluralsSpeltOut(
            QStringLiteral("%1 components it needs can fail.").arg(report.variableCount),
            &inspector);
    }

    void withoutATarget()
    {
        m_selection->clear();
        QVERIFY(!m_panel->findSinglePointsOfFailure());
        QVERIFY(!m_panel->isRunning());
        QVERIFY(m_panel->statusText().contains(QStringLiteral("Select")));
    }

    void cancelDropsTheResult()
    {
        m_panel->runBlastRadius();
        m_panel->cancel();
        QVERIFY(!m_panel->isRunning());
        QTest::qWait(200);
        QCOMPARE(m_panel->blastTable()->rowCount(), 0);
        QVERIFY(m_panel->statusText().contains(QStringLiteral("Cancelled")));
    }

    void aMapChangeDropsTheResult()
    {
        m_panel->runBlastRadius();
        m_doc->setMapName(QStringLiteral("Renamed"));
        QVERIFY(waitForIdle());
        QCOMPARE(m_panel->blastTable()->rowCount(), 0);
        QVERIFY2(m_panel->statusText().contains(QStringLiteral("changed")),
            qPrintable(m_panel->statusText()));
    }

    void destroyedWhileRunning()
    {
        m_panel->runBlastRadius();
        delete m_panel; // waits for the worker; nothing arrives afterwards
        m_panel = nullptr;
        QTest::qWait(100);
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    icons::initResources();
    TestAnalysisPanel test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_analysispanel.moc"
