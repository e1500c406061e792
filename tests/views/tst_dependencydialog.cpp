// The add-dependency dialog: names or ids in, one undo command out, refusals shown inline.
#include "model/editing/mapdocument.h"
#include "tests/model/maptestutil.h"
#include "views/dependencydialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>

using namespace faultline;

class TestDependencyDialog : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(testutil::parseMap(QStringLiteral(
                         "db name=Payments-DB; api name=Checkout -> db; cache name=Redis")),
            {}, false);
    }
    void cleanup() { delete m_doc; }

    void addsByName()
    {
        DependencyDialog dialog(m_doc);
        dialog.show();
        dialog.setFrom(QStringLiteral("api"));
        auto *to = dialog.findChild<QComboBox *>(QStringLiteral("to"));
        to->setEditText(QStringLiteral("redis")); // a display name, any case
        dialog.findChild<QComboBox *>(QStringLiteral("type"))->setCurrentIndex(1);
        QTest::keyClicks(
            dialog.findChild<QLineEdit *>(QStringLiteral("label")), QStringLiteral("sessions"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto i = m_doc->map().findDependency(QStringLiteral("api"), QStringLiteral("cache"));
        QVERIFY(i);
        QVERIFY(!m_doc->map().dependency(*i).isHard());
        QCOMPARE(m_doc->map().dependency(*i).label, QStringLiteral("sessions"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
    }

    void addsById()
    {
        DependencyDialog dialog(m_doc);
        dialog.findChild<QComboBox *>(QStringLiteral("from"))->setEditText(QStringLiteral("cache"));
        dialog.findChild<QComboBox *>(QStringLiteral("to"))->setEditText(QStringLiteral("db"));
        dialog.accept();
        QVERIFY(m_doc->map().findDependency(QStringLiteral("cache"), QStringLiteral("db")));
    }

    void refusalsStayOpen_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("self") << "api"
                              << "api"
                              << "A component cannot depend on itself.";
        QTest::newRow("twice") << "api"
                               << "db"
                               << "“Checkout” already depends on “Payments-DB”.";
        QTest::newRow("unknown") << "api"
                                 << "nope"
                                 << "There is no component “nope”.";
        QTest::newRow("empty") << "api"
                               << ""
                               << "Choose the component that depends and the one it needs.";
    }
    void refusalsStayOpen()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        DependencyDialog dialog(m_doc);
        dialog.show();
        dialog.findChild<QComboBox *>(QStringLiteral("from"))->setEditText(from);
        dialog.findChild<QComboBox *>(QStringLiteral("to"))->setEditText(to);
        const Map before = m_doc->map();
        dialog.accept();
        QCOMPARE(dialog.message(), message);
        QVERIFY(dialog.isVisible());
        QVERIFY(m_doc->map() == before);
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestDependencyDialog)
#include "tst_dependencydialog.moc"
