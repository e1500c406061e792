// The inspector under the offscreen platform: select, edit a field as a user would (type, then
// Enter), and check the map, the undo stack and the message shown for a refused edit.
#include "model/analysis/availability.h"
#include "model/editing/mapdocument.h"
#include "tests/model/maptestutil.h"
#include "views/availabilityformat.h"
#include "views/inspector.h"
#include "views/inspectorformat.h"
#include "views/mapselection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace faultline;

namespace {

Map sampleMap()
{
    Map map = testutil::parseMap(QStringLiteral(
        "aws kind=provider; use1 parent=aws kind=region; az1 parent=use1 kind=zone;"
        "az2 parent=use1 kind=zone; web-a parent=az1 kind=compute; web-b parent=az2 kind=compute;"
        "web kind=group require=1 -> web-a,web-b; db parent=az1 kind=database;"
        "shop name=Shop kind=service cost=100 -> web,db"));
    return map;
}

// The sample with availabilities, Shop a business service: the web pool is redundant over two
// zones, the database sits in one of them.
Map availabilityMap()
{
    Map map = testutil::parseMap(QStringLiteral(
        "az1 kind=zone availability=0.999; az2 kind=zone availability=0.999;"
        "web-a parent=az1 kind=compute availability=0.99;"
        "web-b parent=az2 kind=compute availability=0.99;"
        "web kind=group require=1 -> web-a,web-b; db parent=az1 kind=database availability=0.9995;"
        "shop name=Shop kind=service cost=100 -> web,db; batch kind=service -> db"));
    Component shop = map.component(*map.findComponent(QStringLiteral("shop")));
    shop.business = true;
    map.setComponent(*map.findComponent(QStringLiteral("shop")), shop);
    return map;
}

const Component &get(const MapDocument &doc, const QString &id)
{
    return doc.map().component(*doc.map().findComponent(id));
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    Inspector *m_inspector = nullptr;

    template<typename T>
    T *field(const QString &name)
    {
        T *w = m_inspector->findChild<T *>(name);
        if (!w)
            qFatal("no field %s", qPrintable(name));
        return w;
    }
    // Types into a line edit as a user would: replace its text, then Enter.
    void type(const QString &name, const QString &text)
    {
        auto *edit = field<QLineEdit>(name);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(sampleMap(), {}, false);
        m_inspector = new Inspector(m_doc);
        m_inspector->resize(360, 800);
        m_inspector->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_inspector));
    }
    void cleanup()
    {
        delete m_inspector;
        delete m_doc;
    }

    void showsTheSelection()
    {
        QVERIFY(m_inspector->findChild<QLineEdit *>(QStringLiteral("name"))->isHidden()
            || !m_inspector->findChild<QLineEdit *>(QStringLiteral("name"))->isVisible());
        m_inspector->setSelection(QStringLiteral("shop"));
        QCOMPARE(field<QLineEdit>(QStringLiteral("id"))->text(), QStringLiteral("shop"));
        QCOMPARE(field<QLineEdit>(QStringLiteral("name"))->text(), QStringLiteral("Shop"));
        QCOMPARE(
            field<QComboBox>(QStringLiteral("kind"))->currentText(), QStringLiteral("service"));
        QCOMPARE(field<QLineEdit>(QStringLiteral("cost"))->text(), QStringLiteral("100"));
        QCOMPARE(field<QComboBox>(QStringLiteral("parent"))->currentData().toString(), QString());
        QCOMPARE(field<QLabel>(QStringLiteral("title"))->text(), QStringLiteral("Shop"));
        QVERIFY(field<QLineEdit>(QStringLiteral("name"))->isVisible());
    }

    void editingAFieldPushesOneCommand()
    {
        m_inspector->setSelection(QStringLiteral("shop"));
        type(QStringLiteral("name"), QStringLiteral("Checkout API"));
        QCOMPARE(get(*m_doc, QStringLiteral("shop")).name, QStringLiteral("Checkout API"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_doc->undoStack()->text(0), QStringLiteral("Rename “Shop” to “Checkout API”"));
        QCOMPARE(field<QLabel>(QStringLiteral("title"))->text(), QStringLiteral("Checkout API"));
        QVERIFY(m_inspector->message().isEmpty());

        type(QStringLiteral("availability"), QStringLiteral("99.95%"));
        QCOMPARE(get(*m_doc, QStringLiteral("shop")).availability, 0.9995);
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(field<QLineEdit>(QStringLiteral("availability"))->text(), QString());
    }

    // RTO, RPO and the targets: each field commits its own property, one undoable edit each,
    // and a negative value is refused with its reason.
    void recoveryFields()
    {
        m_inspector->setSelection(QStringLiteral("shop"));
        type(QStringLiteral("rpo"), QStringLiteral("15"));
        type(QStringLiteral("target-rto"), QStringLiteral("60"));
        type(QStringLiteral("target-rpo"), QStringLiteral("0.5"));
        const Component shop = get(*m_doc, QStringLiteral("shop"));
        QCOMPARE(shop.rpoMinutes, std::optional<double>(15));
        QCOMPARE(shop.targetRtoMinutes, std::optional<double>(60));
        QCOMPARE(shop.targetRpoMinutes, std::optional<double>(0.5));
        QCOMPARE(m_doc->undoStack()->count(), 3);
        QVERIFY2(m_doc->undoStack()->text(1).contains(QStringLiteral("target RTO")),
            qPrintable(m_doc->undoStack()->text(1)));
        m_doc->undoStack()->undo();
        QCOMPARE(field<QLineEdit>(QStringLiteral("target-rpo"))->text(), QString());
        QVERIFY(!get(*m_doc, QStringLiteral("shop")).targetRpoMinutes);
        type(QStringLiteral("rpo"), QStringLiteral("-1"));
        QCOMPARE(m_inspector->message(), QStringLiteral("RPO cannot be negative."));
        QCOMPARE(field<QLineEdit>(QStringLiteral("rpo"))->text(), QStringLiteral("15"));
    }

    void enterWithoutChangeDoesNothing()
    {
        m_inspector->setSelection(QStringLiteral("shop"));
        QTest::keyClick(field<QLineEdit>(QStringLiteral("owner")), Qt::Key_Return);
        type(QStringLiteral("name"), QStringLiteral("Shop"));
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void refusedEditShowsTheMessage()
    {
        m_inspector->setSelection(QStringLiteral("shop"));
        const Map before = m_doc->map();
        type(QStringLiteral("availability"), QStringLiteral("1.5"));
        QCOMPARE(m_inspector->message(),
            QStringLiteral("Availability must be between 0 and 1 (for example 0.9995)."));
        QVERIFY(field<QLabel>(QStringLiteral("message"))->isVisible());
        QCOMPARE(field<QLineEdit>(QStringLiteral("availability"))->text(), QString());
        QVERIFY(m_doc->map() == before);
        QCOMPARE(m_doc->undoStack()->count(), 0);

        type(QStringLiteral("cost"), QStringLiteral("lots"));
        QCOMPARE(m_inspector->message(), QStringLiteral("“lots” is not a number."));
        QCOMPARE(field<QLineEdit>(QStringLiteral("cost"))->text(), QStringLiteral("100"));

        type(QStringLiteral("id"), QStringLiteral("web"));
        QCOMPARE(m_inspector->message(),
            QStringLiteral("There is already a component with the id “web”."));
        QCOMPARE(field<QLineEdit>(QStringLiteral("id"))->text(), QStringLiteral("shop"));

        // The next good edit clears the message.
        type(QStringLiteral("owner"), QStringLiteral("web-team"));
        QVERIFY(m_inspector->message().isEmpty());
        QCOMPARE(get(*m_doc, QStringLiteral("shop")).owner, QStringLiteral("web-team"));
    }

    void renamingTheIdKeepsTheSelection()
    {
        m_inspector->setSelection(QStringLiteral("az1"));
        type(QStringLiteral("id"), QStringLiteral("use1-az1"));
        QCOMPARE(m_inspector->componentId(), QStringLiteral("use1-az1"));
        QCOMPARE(get(*m_doc, QStringLiteral("db")).parent, QStringLiteral("use1-az1"));
        QCOMPARE(field<QLineEdit>(QStringLiteral("id"))->text(), QStringLiteral("use1-az1"));
        // Undone, the renamed component is gone: nothing shown, nothing broken.
        m_doc->undoStack()->undo();
        QVERIFY(!field<QLineEdit>(QStringLiteral("id"))->isVisible());
    }

    void parentLoopIsRefused()
    {
        m_inspector->setSelection(QStringLiteral("use1"));
        auto *parent = field<QComboBox>(QStringLiteral("parent"));
        const int row = parent->findData(QStringLiteral("az1"));
        QVERIFY(row > 0);
        parent->setCurrentIndex(row);
        emit parent->activated(row);
        QCOMPARE(m_inspector->message(),
            QStringLiteral("“az1” cannot be the parent of “use1”: it is inside “use1”."));
        QCOMPARE(parent->currentData().toString(), QStringLiteral("aws"));
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void kindAndBusiness()
    {
        m_inspector->setSelection(QStringLiteral("db"));
        auto *kind = field<QComboBox>(QStringLiteral("kind"));
        kind->setCurrentText(QStringLiteral("mainframe"));
        emit kind->lineEdit()->editingFinished();
        QCOMPARE(get(*m_doc, QStringLiteral("db")).kind, QStringLiteral("mainframe"));
        auto *business = field<QCheckBox>(QStringLiteral("business"));
        QTest::mouseClick(business, Qt::LeftButton, {}, QPoint(6, business->height() / 2));
        QCOMPARE(get(*m_doc, QStringLiteral("db")).business, true);
        QCOMPARE(m_doc->undoStack()->count(), 2);
    }

    void requireSpinBox()
    {
        m_inspector->setSelection(QStringLiteral("web"));
        auto *require = field<QSpinBox>(QStringLiteral("require"));
        QCOMPARE(require->value(), 1);
        QCOMPARE(require->maximum(), 2);
        require->stepUp();
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, 2);
        require->setValue(-1); // "all"
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, std::nullopt);
        QCOMPARE(m_doc->undoStack()->count(), 1); // clicks on one spin box merge
    }

    void dependencyRows()
    {
        m_inspector->setSelection(QStringLiteral("web"));
        m_doc->undoStack()->clear();
        auto *type = field<QComboBox>(QStringLiteral("type:web-b"));
        type->setCurrentIndex(1);
        emit type->activated(1);
        const auto i = m_doc->map().findDependency(QStringLiteral("web"), QStringLiteral("web-b"));
        QVERIFY(!m_doc->map().dependency(*i).isHard());
        QCOMPARE(m_doc->undoStack()->count(), 1);

        QTest::mouseClick(field<QToolButton>(QStringLiteral("delete:web-a")), Qt::LeftButton);
        QVERIFY(!m_doc->map().findDependency(QStringLiteral("web"), QStringLiteral("web-a")));
        // The pool has no hard dependency left: its require went down with it.
        QCOMPARE(get(*m_doc, QStringLiteral("web")).require, 0);
        QCOMPARE(m_doc->undoStack()->count(), 2);
        // The old rows are deleted later.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(!m_inspector->findChild<QToolButton *>(QStringLiteral("delete:web-a")));
    }

    void showsImpactAndCauses()
    {
        m_inspector->setSelection(QStringLiteral("shop"));
        QCOMPARE(field<QLabel>(QStringLiteral("state"))->text(), QStringLiteral("Up"));
        m_doc->setWhatIf({QStringLiteral("az1")}, {});
        QCOMPARE(field<QLabel>(QStringLiteral("state"))->text(), QStringLiteral("Down"));
        QCOMPARE(field<QLabel>(QStringLiteral("state"))->toolTip(),
            QStringLiteral("Down because “db” is down because “az1” failed"));
        QSignalSpy activated(m_inspector, &Inspector::componentActivated);
        bool found = false;
        for (QLabel *label : m_inspector->findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(QStringLiteral("needs"))) {
                found = true;
                emit label->linkActivated(QStringLiteral("db"));
            }
        }
        QVERIFY(found);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("db"));
    }

    void dependencySelection()
    {
        m_inspector->setDependencySelection(QStringLiteral("shop"), QStringLiteral("db"));
        QCOMPARE(field<QLabel>(QStringLiteral("title"))->text(), QStringLiteral("Shop → db"));
        type(QStringLiteral("dependencyLabel"), QStringLiteral("SQL"));
        const auto i = m_doc->map().findDependency(QStringLiteral("shop"), QStringLiteral("db"));
        QCOMPARE(m_doc->map().dependency(*i).label, QStringLiteral("SQL"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
    }

    void followsASharedSelection()
    {
        MapSelection selection;
        m_inspector->setSelectionModel(&selection);
        selection.setComponents({QStringLiteral("db")});
        QCOMPARE(m_inspector->componentId(), QStringLiteral("db"));
        selection.setDependency(QStringLiteral("web"), QStringLiteral("web-a"));
        QCOMPARE(m_inspector->dependencyFrom(), QStringLiteral("web"));
        selection.clear();
        QVERIFY(m_inspector->componentId().isEmpty());
    }

    // A business service shows its exact availability, its downtime a year and what
    // contributes most, as the model computes them; other components do not.
    void availabilityOfABusinessService()
    {
        m_doc->reset(availabilityMap(), {}, false);
        MapSelection selection;
        m_inspector->setSelectionModel(&selection);
        selection.setComponents({QStringLiteral("batch")});
        QVERIFY(!m_inspector->isAvailabilityShown());
        selection.setComponents({QStringLiteral("shop")});
        QVERIFY(m_inspector->isAvailabilityShown());
        QTRY_VERIFY(!m_inspector->isAvailabilityPending());

        const auto expect = [this](const QStringList &ids) {
            const Map &map = m_doc->map();
            const AvailabilityReport r = availabilityContributors(
                map, *map.findComponent(QStringLiteral("shop")), Inspector::contributorLimit);
            QStringList contributors;
            for (const AvailabilityContributor &c : r.contributors)
                contributors << map.component(c.component).id;
            QCOMPARE(contributors, ids);
            QCOMPARE(m_inspector->contributorIds(), contributors);
            const QString text = m_inspector->availabilityText();
            QVERIFY2(
                text.startsWith(availabilityformat::percent(r.unavailability)), qPrintable(text));
            QVERIFY2(text.contains(availabilityformat::minutes(r.downtimeMinutesPerYear)
                         + QStringLiteral(" minutes of downtime a year")),
                qPrintable(text));
        };
        // The zone az1 (0.999) and db (0.9995) are in series; the web pool's members are
        // redundant, so they add far less (web-a more: its partner also fails with az2).
        expect({QStringLiteral("az1"), QStringLiteral("db"), QStringLiteral("web-a"),
            QStringLiteral("web-b"), QStringLiteral("az2")});
        // 0.999 x 0.9995 x (1 - (1 - 0.99) x (1 - 0.99 x 0.999)) = 0.998390...
        QVERIFY2(m_inspector->availabilityText().startsWith(QStringLiteral("99.839 %")),
            qPrintable(m_inspector->availabilityText()));

        // An edit anywhere refreshes it: a database that never fails is no contributor.
        const auto db = m_doc->map().findComponent(QStringLiteral("db"));
        QVERIFY(db);
        Component perfect = m_doc->map().component(*db);
        perfect.availability.reset();
        QVERIFY(!edit::tryPush(*m_doc, edit::editComponent(*m_doc, QStringLiteral("db"), perfect)));
        QTRY_VERIFY(!m_inspector->isAvailabilityPending());
        expect({QStringLiteral("az1"), QStringLiteral("web-a"), QStringLiteral("web-b"),
            QStringLiteral("az2")});
        // Its own availability, typed in the inspector, counts too; undo takes it back.
        type(QStringLiteral("availability"), QStringLiteral("99 %"));
        QTRY_VERIFY(!m_inspector->isAvailabilityPending());
        QCOMPARE(m_inspector->contributorIds().value(0), QStringLiteral("shop"));
        m_doc->undoStack()->undo();
        QTRY_VERIFY(!m_inspector->isAvailabilityPending());
        QVERIFY(!m_inspector->contributorIds().contains(QStringLiteral("shop")));

        // A click on a contributor selects it. (Replaced lists are deleted later.)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        auto *link = field<QLabel>(QStringLiteral("contributor:az1"));
        QVERIFY(link->isVisible());
        QTest::mouseClick(link, Qt::LeftButton, {}, QPoint(4, link->height() / 2));
        QCOMPARE(selection.current(), QStringLiteral("az1"));
        QVERIFY(!m_inspector->isAvailabilityShown()); // a zone is no business service
        m_inspector->setSelectionModel(nullptr);
    }

    // The asynchronous path: "Computing…" until the worker's result arrives; a result for a
    // map that changed meanwhile is dropped and computed again.
    void availabilityArrivesLater()
    {
        m_doc->reset(availabilityMap(), {}, false);
        m_inspector->setAvailabilityWait(0);
        m_inspector->setSelection(QStringLiteral("shop"));
        if (m_inspector->isAvailabilityPending()) {
            QCOMPARE(m_inspector->availabilityText(), QStringLiteral("Computing…"));
            QVERIFY(m_inspector->contributorIds().isEmpty());
        }
        QSignalSpy updated(m_inspector, &Inspector::availabilityUpdated);
        Component db = get(*m_doc, QStringLiteral("db"));
        db.availability.reset();
        QVERIFY(!edit::tryPush(*m_doc, edit::editComponent(*m_doc, QStringLiteral("db"), db)));
        QTRY_VERIFY(!m_inspector->isAvailabilityPending());
        QCOMPARE(updated.count(), 1); // the result for the map before the edit never showed
        const Map &map = m_doc->map();
        const AvailabilityReport r = availabilityContributors(
            map, *map.findComponent(QStringLiteral("shop")), Inspector::contributorLimit);
        QVERIFY(m_inspector->availabilityText().startsWith(
            availabilityformat::percent(r.unavailability)));
        QVERIFY(!m_inspector->contributorIds().contains(QStringLiteral("db")));
        QCOMPARE(m_inspector->contributorIds().size(), int(r.contributors.size()));
        // Another component while one computes: its figures, not the first one's.
        m_inspector->setSelection(QStringLiteral("web"));
        QVERIFY(!m_inspector->isAvailabilityShown());
        QVERIFY(!m_inspector->isAvailabilityPending());
    }

    void availabilityWithoutAnyAvailability()
    {
        Component shop = get(*m_doc, QStringLiteral("shop"));
        shop.business = true;
        QVERIFY(!edit::tryPush(*m_doc, edit::editComponent(*m_doc, QStringLiteral("shop"), shop)));
        m_inspector->setSelection(QStringLiteral("shop"));
        QVERIFY(m_inspector->isAvailabilityShown());
        QTRY_VERIFY(!m_inspector->isAvailabilityPending());
        QVERIFY2(m_inspector->availabilityText().startsWith(
                     QStringLiteral("No component with an availability")),
            qPrintable(m_inspector->availabilityText()));
        QVERIFY(m_inspector->contributorIds().isEmpty());
    }

    void availabilityPercentShowsTheNines()
    {
        QCOMPARE(availabilityformat::percent(1.27e-4), QStringLiteral("99.9873 %"));
        QCOMPARE(availabilityformat::percent(0.0005), QStringLiteral("99.95 %"));
        QCOMPARE(availabilityformat::percent(0.001), QStringLiteral("99.90 %"));
        QCOMPARE(availabilityformat::percent(0.02), QStringLiteral("98.00 %"));
        QCOMPARE(availabilityformat::percent(1e-9), QStringLiteral("99.9999999 %"));
        QCOMPARE(availabilityformat::percent(0.0), QStringLiteral("100 %"));
        QCOMPARE(availabilityformat::minutes(66.752), QStringLiteral("66.8"));
        QCOMPARE(availabilityformat::minutes(0.0421), QStringLiteral("0.042"));
    }

    void switchingSelectionCommitsTheTypedText()
    {
        m_inspector->setSelection(QStringLiteral("shop"));
        auto *owner = field<QLineEdit>(QStringLiteral("owner"));
        QTest::keyClicks(owner, QStringLiteral("payments"));
        m_inspector->setSelection(QStringLiteral("db"));
        QCOMPARE(get(*m_doc, QStringLiteral("shop")).owner, QStringLiteral("payments"));
        QCOMPARE(m_inspector->componentId(), QStringLiteral("db"));
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
