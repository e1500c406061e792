// Search: folding, ranking, and the toolbar box choosing a component.
#include "model/editing/mapdocument.h"
#include "tests/model/maptestutil.h"
#include "views/search.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QSignalSpy>
#include <QTest>

using namespace faultline;

class TestSearch : public QObject
{
    Q_OBJECT

private:
    static Map sampleMap()
    {
        return testutil::parseMap(
            QStringLiteral("payments-db name=Payments-DB; zrh name=Zürich-DC; pay name=Pay;"
                           "checkout name=Checkout -> payments-db; api name=Public-API"));
    }
    static QStringList ids(const Map &map, const QString &query)
    {
        QStringList out;
        for (ComponentIndex i : findComponents(map, query))
            out.append(map.component(i).id);
        return out;
    }

private slots:
    void searchKey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::newRow("ascii") << QStringLiteral("Checkout API") << QStringLiteral("checkout api");
        QTest::newRow("accents") << QStringLiteral("Zürich Café") << QStringLiteral("zurich cafe");
        QTest::newRow("upper accents") << QStringLiteral("ZÜRICH") << QStringLiteral("zurich");
        QTest::newRow("full width") << QStringLiteral("ＡＷＳ") << QStringLiteral("aws");
        QTest::newRow("greek") << QStringLiteral("ΣΊΣΥΦΟΣ") << QStringLiteral("σισυφοσ");
    }
    void searchKey()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QCOMPARE(faultline::searchKey(text), key);
    }

    void ranksExactThenPrefixThenWordThenAnywhere()
    {
        const Map map = sampleMap();
        QCOMPARE(ids(map, QStringLiteral("pay")), (QStringList {"pay", "payments-db"}));
        QCOMPARE(ids(map, QStringLiteral("DB")), QStringList {"payments-db"});
        QCOMPARE(ids(map, QStringLiteral("zurich")), QStringList {"zrh"});
        QCOMPARE(ids(map, QStringLiteral("ZRH")), QStringList {"zrh"});
        // "api" is a whole word of one name and a prefix of an id.
        QCOMPARE(ids(map, QStringLiteral("api")), QStringList {"api"});
        QCOMPARE(ids(map, QStringLiteral("out")), QStringList {"checkout"});
        QVERIFY(ids(map, QStringLiteral("nothing")).isEmpty());
        QVERIFY(ids(map, QStringLiteral("  ")).isEmpty());
    }

    void enterChoosesTheBestMatch()
    {
        MapDocument doc;
        doc.reset(sampleMap(), {}, false);
        ComponentSearch search(&doc);
        search.show();
        QVERIFY(QTest::qWaitForWindowExposed(&search));
        QSignalSpy chosen(&search, &ComponentSearch::componentChosen);
        QTest::keyClicks(&search, QStringLiteral("ZUR"));
        QCOMPARE(search.suggestions(), QStringList {"zrh"});
        search.suggestionCompleter()->popup()->hide();
        QTest::keyClick(&search, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("zrh"));
        QCOMPARE(search.text(), QStringLiteral("Zürich-DC"));
    }

    void pickingASuggestion()
    {
        MapDocument doc;
        doc.reset(sampleMap(), {}, false);
        ComponentSearch search(&doc);
        search.show();
        QVERIFY(QTest::qWaitForWindowExposed(&search));
        QSignalSpy chosen(&search, &ComponentSearch::componentChosen);
        QTest::keyClicks(&search, QStringLiteral("pay"));
        QCOMPARE(search.suggestions(), (QStringList {"pay", "payments-db"}));
        QAbstractItemView *popup = search.suggestionCompleter()->popup();
        QVERIFY(popup->isVisible());
        popup->setCurrentIndex(popup->model()->index(1, 0));
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("payments-db"));
    }
};

QTEST_MAIN(TestSearch)
#include "tst_search.moc"
