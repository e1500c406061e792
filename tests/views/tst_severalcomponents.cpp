// Editing one property of several components at once, under the offscreen platform: the
// Inspector with several selected (shared values, "— several —" where they differ, a change
// applied to all as one undo step) and the component table (every property column editable,
// an edit with several rows selected applying to all of them, a taken id refused clearly).
#include "model/editing/mapdocument.h"
#include "tests/model/maptestutil.h"
#include "views/componenttable.h"
#include "views/inspector.h"
#include "views/mapselection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace faultline;

namespace {

Map sampleMap()
{
    return testutil::parseMap(QStringLiteral(
        "az1 kind=zone; az2 kind=zone; web-a parent=az1 kind=compute cost=10;"
        "web-b parent=az2 kind=compute cost=10; db parent=az1 kind=database;"
        "web kind=group require=1 -> web-a,web-b; shop name=Shop kind=service cost=100 -> web,db"));
}

const Component &get(const MapDocument &doc, const QString &id)
{
    return doc.map().component(*doc.map().findComponent(id));
}

const QString several = QStringLiteral("— several —");

} // namespace

class TestSeveralComponents : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    MapSelection *m_selection = nullptr;
    Inspector *m_inspector = nullptr;
    ComponentTable *m_table = nullptr;

    template<typename T>
    T *field(const QString &name)
    {
        T *w = m_inspector->findChild<T *>(name);
        if (!w)
            qFatal("no field %s", qPrintable(name));
        return w;
    }
    void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    QStringList owners(const QStringList &ids) const
    {
        QStringList out;
        for (const QString &id : ids)
            out.append(get(*m_doc, id).owner);
        return out;
    }
    QModelIndex cell(const QString &id, int column) const
    {
        const QAbstractItemModel *model = m_table->view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ComponentTableModel::IdRole).toString() == id)
                return model->index(row, column);
        }
        return {};
    }

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(sampleMap(), {}, false);
        m_selection = new MapSelection;
        m_inspector = new Inspector(m_doc);
        m_inspector->setSelectionModel(m_selection);
        m_inspector->resize(360, 900);
        m_inspector->show();
        m_table = new ComponentTable(m_doc);
        m_table->setSelectionModel(m_selection);
        m_table->resize(900, 400);
        m_table->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_inspector));
    }
    void cleanup()
    {
        delete m_table;
        delete m_inspector;
        delete m_selection;
        delete m_doc;
    }

    void inspectorShowsWhatTheyShare()
    {
        m_selection->setComponents({"web-a", "web-b", "db"});
        QCOMPARE(m_inspector->componentIds(), (QStringList {"web-a", "web-b", "db"}));
        QCOMPARE(field<QLabel>(QStringLiteral("title"))->text(), QStringLiteral("3 components"));
        QCOMPARE(field<QComboBox>(QStringLiteral("kind"))->lineEdit()->text(), QString());
        QCOMPARE(field<QComboBox>(QStringLiteral("kind"))->lineEdit()->placeholderText(), several);
        QCOMPARE(field<QLineEdit>(QStringLiteral("cost"))->placeholderText(), several);
        QVERIFY(!field<QLineEdit>(QStringLiteral("id"))->isEnabled());
        QVERIFY(!field<QComboBox>(QStringLiteral("parent"))->isEnabled());
        QVERIFY(!field<QLabel>(QStringLiteral("state"))->isVisible());
        QCOMPARE(field<QComboBox>(QStringLiteral("parent"))->currentIndex(), -1);

        // Two of the same kind and cost: their values, not the placeholder.
        m_selection->setComponents({"web-a", "web-b"});
        QCOMPARE(
            field<QComboBox>(QStringLiteral("kind"))->currentText(), QStringLiteral("compute"));
        QCOMPARE(field<QLineEdit>(QStringLiteral("cost"))->text(), QStringLiteral("10"));
        QCOMPARE(field<QLineEdit>(QStringLiteral("owner"))->placeholderText(), QString());

        // Back to one: every field its own again.
        m_selection->setComponents({"shop"});
        QCOMPARE(field<QLabel>(QStringLiteral("title"))->text(), QStringLiteral("Shop"));
        QVERIFY(field<QLineEdit>(QStringLiteral("id"))->isEnabled());
        QVERIFY(field<QLabel>(QStringLiteral("state"))->isVisible());
        QCOMPARE(field<QLineEdit>(QStringLiteral("tier"))->placeholderText(),
            QStringLiteral("1 = most critical"));
    }

    void inspectorChangeAppliesToAllInOneStep()
    {
        const QStringList ids {"web-a", "web-b", "db"};
        m_selection->setComponents(ids);
        type(field<QLineEdit>(QStringLiteral("owner")), QStringLiteral("web-team"));
        QCOMPARE(owners(ids), (QStringList {"web-team", "web-team", "web-team"}));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Set the owner of 3 components"));
        QCOMPARE(field<QLineEdit>(QStringLiteral("owner"))->text(), QStringLiteral("web-team"));

        // Leaving a "— several —" field as it was changes nothing.
        auto *kind = field<QComboBox>(QStringLiteral("kind"));
        emit kind->lineEdit()->editingFinished();
        auto *cost = field<QLineEdit>(QStringLiteral("cost"));
        cost->setFocus();
        QTest::keyClick(cost, Qt::Key_Return);
        QCOMPARE(m_doc->undoStack()->count(), 1);

        // Business: partly checked; a click makes all of them business services.
        auto *business = field<QCheckBox>(QStringLiteral("business"));
        m_selection->setComponents({"shop", "db"});
        Component shop = get(*m_doc, QStringLiteral("shop"));
        QVERIFY(!shop.isBusiness());
        QCOMPARE(business->checkState(), Qt::Unchecked);
        QTest::mouseClick(business, Qt::LeftButton, {}, QPoint(6, business->height() / 2));
        QVERIFY(get(*m_doc, QStringLiteral("shop")).isBusiness());
        QVERIFY(get(*m_doc, QStringLiteral("db")).isBusiness());
        m_selection->setComponents({"shop", "web"});
        QCOMPARE(business->checkState(), Qt::PartiallyChecked);
        QTest::mouseClick(business, Qt::LeftButton, {}, QPoint(6, business->height() / 2));
        QVERIFY(get(*m_doc, QStringLiteral("web")).isBusiness());
        QCOMPARE(m_doc->undoStack()->count(), 3);

        // A value that does not read: the message, nothing pushed, the field as it was.
        type(field<QLineEdit>(QStringLiteral("tier")), QStringLiteral("x"));
        QCOMPARE(m_inspector->message(), QStringLiteral("“x” is not a number."));
        QCOMPARE(m_doc->undoStack()->count(), 3);

        // Undo all of it: the map as it was.
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == sampleMap());
    }

    void tableEditsEveryPropertyColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        using C = ComponentTableModel;
        QTest::newRow("name") << int(C::Name) << "Primary DB"
                              << "Primary DB";
        QTest::newRow("kind") << int(C::Kind) << "cache"
                              << "cache";
        QTest::newRow("owner") << int(C::Owner) << "dba"
                               << "dba";
        QTest::newRow("tier") << int(C::Tier) << "2"
                              << "2";
        QTest::newRow("business") << int(C::Business) << "yes"
                                  << "yes";
        QTest::newRow("cost") << int(C::Cost) << "2500"
                              << "$2,500/h";
        QTest::newRow("availability") << int(C::Availability) << "99.9%"
                                      << "99.9%";
        QTest::newRow("rto") << int(C::Rto) << "30"
                             << "30 min";
        QTest::newRow("rpo") << int(C::Rpo) << "5"
                             << "5 min";
        QTest::newRow("target rto") << int(C::TargetRto) << "60"
                                    << "1 h";
        QTest::newRow("target rpo") << int(C::TargetRpo) << "0"
                                    << "0 min";
        QTest::newRow("tags") << int(C::Tags) << "pci, eu"
                              << "pci, eu";
    }
    void tableEditsEveryPropertyColumn()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QAbstractItemModel *model = m_table->view()->model();
        const QModelIndex index = cell(QStringLiteral("db"), column);
        QVERIFY(model->flags(index) & Qt::ItemIsEditable);
        QVERIFY(model->setData(index, text));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(cell(QStringLiteral("db"), column).data().toString(), shown);
        // The editor starts from what it was given.
        QVERIFY(model->setData(cell(QStringLiteral("db"), column),
            cell(QStringLiteral("db"), column).data(Qt::EditRole)));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == sampleMap());
        using C = ComponentTableModel;
        QVERIFY(!(model->flags(cell(QStringLiteral("db"), C::Parent)) & Qt::ItemIsEditable));
        QVERIFY(!(model->flags(cell(QStringLiteral("db"), C::State)) & Qt::ItemIsEditable));
    }

    void tableEditWithSeveralRowsSelected()
    {
        // Ctrl+click three rows, then F2 on the current one and type.
        QTableView *view = m_table->view();
        m_table->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_table));
        const auto click = [&](const QString &id, Qt::KeyboardModifiers modifiers) {
            const QRect r = view->visualRect(cell(id, ComponentTableModel::Kind));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, r.center());
        };
        click(QStringLiteral("web-a"), {});
        click(QStringLiteral("web-b"), Qt::ControlModifier);
        click(QStringLiteral("db"), Qt::ControlModifier);
        QCOMPARE(m_selection->components(), (QStringList {"db", "web-a", "web-b"}));
        QCOMPARE(m_inspector->componentIds(), (QStringList {"db", "web-a", "web-b"}));
        const QModelIndex owner = cell(QStringLiteral("db"), ComponentTableModel::Owner);
        view->selectionModel()->setCurrentIndex(owner, QItemSelectionModel::NoUpdate);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QVERIFY(qobject_cast<QLineEdit *>(editor));
        QCOMPARE(editor->parentWidget(), view->viewport());
        QTest::keyClicks(editor, QStringLiteral("ops"));
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits Return after the event (a queued call).
        QTRY_COMPARE(
            owners({"web-a", "web-b", "db", "shop"}), (QStringList {"ops", "ops", "ops", ""}));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Set the owner of 3 components"));
        // The same rows stay selected after the edit.
        QCOMPARE(m_selection->components().size(), 3);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->map() == sampleMap());

        // A click on one of the selected rows selects it alone; it does not edit all three.
        QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
        click(QStringLiteral("web-b"), {});
        QTest::qWait(QApplication::doubleClickInterval() + 50);
        QCOMPARE(m_selection->components(), QStringList {"web-b"});
        QVERIFY(!qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    }

    void tableIdEditIsItsRowsAlone()
    {
        QAbstractItemModel *model = m_table->view()->model();
        auto *message = m_table->findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY(message);
        m_selection->setComponents({"web-a", "web-b"});
        // A taken id: refused with the reason, in the table's own message line.
        QVERIFY(!model->setData(
            cell(QStringLiteral("web-a"), ComponentTableModel::Id), QStringLiteral("db")));
        QCOMPARE(message->text(), QStringLiteral("There is already a component with the id “db”."));
        QVERIFY(message->isVisible());
        QVERIFY(!model->setData(
            cell(QStringLiteral("web-a"), ComponentTableModel::Tier), QStringLiteral("two")));
        QCOMPARE(message->text(), QStringLiteral("Tier: “two” is not a number."));
        QCOMPARE(m_doc->undoStack()->count(), 0);
        // A free id renames that row only, and it stays selected.
        QVERIFY(model->setData(
            cell(QStringLiteral("web-a"), ComponentTableModel::Id), QStringLiteral("web-1")));
        QVERIFY(m_doc->map().findComponent(QStringLiteral("web-1")));
        QVERIFY(m_doc->map().findComponent(QStringLiteral("web-b")));
        QCOMPARE(
            m_doc->undoStack()->undoText(), QStringLiteral("Change the id of “web-a” to “web-1”"));
        QVERIFY(!message->isVisible());
    }
};

QTEST_MAIN(TestSeveralComponents)
#include "tst_severalcomponents.moc"
