// The component table under the offscreen platform: sorting, filtering, the state column
// following the what-if, inline renaming through an undo command, selection by id.
#include "model/editing/mapdocument.h"
#include "tests/model/maptestutil.h"
#include "views/componenttable.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace faultline;

class TestComponentTable : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    ComponentTable *m_table = nullptr;

    QStringList column(int c) const
    {
        QStringList out;
        const QAbstractItemModel *model = m_table->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            out.append(model->index(row, c).data().toString());
        return out;
    }

private slots:
    void init()
    {
        Map map = testutil::parseMap(QStringLiteral(
            "zone kind=zone; b name=Zürich parent=zone cost=300; a name=alpha cost=50;"
            "c name=Beta availability=0.999; shop name=Shop cost=1000 -> a,b"));
        // The recovery fields (DESIGN.md, "Recovery"), which the table shows in minutes.
        const auto setMinutes = [&map](int i, auto field, double minutes) {
            Component c = map.component(ComponentIndex(i));
            c.*field = minutes;
            map.setComponent(ComponentIndex(i), c);
        };
        setMinutes(2, &Component::rtoMinutes, 90);
        setMinutes(2, &Component::rpoMinutes, 1);
        setMinutes(4, &Component::targetRtoMinutes, 60);
        setMinutes(4, &Component::targetRpoMinutes, 1440);
        setMinutes(1, &Component::rtoMinutes, 5);
        m_doc = new MapDocument;
        m_doc->reset(map, {}, false);
        m_table = new ComponentTable(m_doc);
        m_table->show();
    }
    void cleanup()
    {
        delete m_table;
        delete m_doc;
    }

    void listsInMapOrder()
    {
        QCOMPARE(column(ComponentTableModel::Id), (QStringList {"zone", "b", "a", "c", "shop"}));
        QCOMPARE(column(ComponentTableModel::Parent), (QStringList {"", "zone", "", "", ""}));
        QCOMPARE(column(ComponentTableModel::Cost).at(4), QStringLiteral("$1,000/h"));
        QCOMPARE(column(ComponentTableModel::Availability).at(3), QStringLiteral("99.9%"));
        QCOMPARE(
            column(ComponentTableModel::Rto), (QStringList {"", "5 min", "1 h 30 min", "", ""}));
        QCOMPARE(column(ComponentTableModel::Rpo), (QStringList {"", "", "1 min", "", ""}));
        QCOMPARE(column(ComponentTableModel::TargetRto), (QStringList {"", "", "", "", "1 h"}));
        QCOMPARE(column(ComponentTableModel::TargetRpo), (QStringList {"", "", "", "", "1 d"}));
        // Minutes sort as numbers (90 after 5), unset last.
        m_table->view()->sortByColumn(ComponentTableModel::Rto, Qt::AscendingOrder);
        QCOMPARE(column(ComponentTableModel::Id).mid(0, 2), (QStringList {"b", "a"}));
    }

    void sorts()
    {
        m_table->view()->sortByColumn(ComponentTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(column(ComponentTableModel::Name),
            (QStringList {"alpha", "Beta", "Shop", "zone", "Zürich"}));
        // Numbers as numbers; unset last.
        m_table->view()->sortByColumn(ComponentTableModel::Cost, Qt::AscendingOrder);
        QCOMPARE(column(ComponentTableModel::Id), (QStringList {"a", "b", "shop", "zone", "c"}));
        m_table->view()->sortByColumn(ComponentTableModel::Cost, Qt::DescendingOrder);
        QCOMPARE(column(ComponentTableModel::Id), (QStringList {"shop", "b", "a", "zone", "c"}));
    }

    void filters()
    {
        QTest::keyClicks(m_table->filterBox(), QStringLiteral("zuri"));
        QCOMPARE(column(ComponentTableModel::Id), QStringList {"b"});
        m_table->filterBox()->clear();
        QTest::keyClicks(m_table->filterBox(), QStringLiteral("ZONE"));
        // By id and by parent.
        QCOMPARE(column(ComponentTableModel::Id), (QStringList {"zone", "b"}));
        m_table->filterBox()->clear();
        QCOMPARE(column(ComponentTableModel::Id).size(), 5);
    }

    void stateFollowsTheWhatIf()
    {
        QCOMPARE(column(ComponentTableModel::State).at(4), QStringLiteral("Up"));
        QSignalSpy reset(m_table->view()->model(), &QAbstractItemModel::modelReset);
        m_doc->setWhatIf({QStringLiteral("zone")}, {});
        QCOMPARE(reset.count(), 0); // only the state column changed
        QCOMPARE(column(ComponentTableModel::State),
            (QStringList {"Failed", "Down", "Up", "Up", "Down"}));
        m_table->view()->sortByColumn(ComponentTableModel::State, Qt::DescendingOrder);
        QCOMPARE(column(ComponentTableModel::Id).first(), QStringLiteral("zone"));
    }

    void renamesInline()
    {
        QAbstractItemModel *model = m_table->view()->model();
        QVERIFY(model->flags(model->index(2, ComponentTableModel::Name)) & Qt::ItemIsEditable);
        QVERIFY(!(model->flags(model->index(2, ComponentTableModel::State)) & Qt::ItemIsEditable));
        QVERIFY(model->setData(
            model->index(2, ComponentTableModel::Name), QStringLiteral("Alpha API")));
        QCOMPARE(m_doc->map().component(*m_doc->map().findComponent(QStringLiteral("a"))).name,
            QStringLiteral("Alpha API"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(column(ComponentTableModel::Name).at(2), QStringLiteral("Alpha API"));
    }

    void selectionByIdSurvivesEdits()
    {
        QSignalSpy selected(m_table, &ComponentTable::componentSelected);
        m_table->view()->selectRow(3);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.last().first().toString(), QStringLiteral("c"));

        m_table->setSelection(QStringLiteral("shop")); // from the canvas: no echo
        QCOMPARE(selected.count(), 1);
        QCOMPARE(m_table->view()->currentIndex().row(), 4);

        // A reset (any edit) keeps the selected component selected.
        QAbstractItemModel *model = m_table->view()->model();
        model->setData(model->index(0, ComponentTableModel::Name), QStringLiteral("Zone 1"));
        QCOMPARE(m_table->view()->currentIndex().data(ComponentTableModel::IdRole).toString(),
            QStringLiteral("shop"));
        QCOMPARE(selected.count(), 1);
    }
};

QTEST_MAIN(TestComponentTable)
#include "tst_componenttable.moc"
