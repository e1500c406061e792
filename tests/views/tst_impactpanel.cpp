// The Impact panel lists the business services a what-if hits and those it leaves exposed (up,
// but with an at-risk component among what they need), as model/impact/exposure.h says.

#include "model/editing/mapdocument.h"
#include "model/impact/exposure.h"
#include "tests/model/maptestutil.h"
#include "views/impactpanel.h"
#include "views/mapselection.h"

#include <QTest>
#include <QTreeWidget>

using namespace faultline;
using namespace faultline::testutil;

namespace {

// A shop whose web tier needs one of two servers, one per zone, and whose database is in zone a;
// a status page that needs only the web tier.
Map shopMap()
{
    Map map = parseMap("zone-a; zone-b; web-a parent=zone-a; web-b parent=zone-b; "
                       "web require=1 name=Web_pool -> web-a,web-b; db parent=zone-a; "
                       "shop name=Shop -> web,db; status name=Status -> web");
    for (const char *id : {"shop", "status"}) {
        const ComponentIndex c = *map.findComponent(QLatin1String(id));
        Component component = map.component(c);
        component.business = true;
        map.setComponent(c, component);
    }
    return map;
}

QStringList childrenOf(const QTreeWidgetItem *group)
{
    QStringList out;
    for (int i = 0; i < group->childCount(); ++i)
        out.append(group->child(i)->text(0));
    return out;
}

} // namespace

class TestImpactPanel : public QObject
{
    Q_OBJECT

private slots:
    void listsExposedBusinessServices()
    {
        MapDocument doc;
        doc.reset(shopMap(), {}, false);
        MapSelection selection;
        ImpactPanel panel(&doc, &selection);
        QTreeWidget *list = panel.affectedList();

        // Zone b: the web tier's redundancy is spent; both business services are up, exposed.
        doc.setWhatIf({QStringLiteral("zone-b")}, {});
        QTreeWidgetItem *business = list->topLevelItem(0);
        QCOMPARE(business->text(0), QStringLiteral("Business services (0, 2 exposed)"));
        QCOMPARE(childrenOf(business),
            (QStringList {QStringLiteral("Shop — exposed: Web_pool is at risk"),
                QStringLiteral("Status — exposed: Web_pool is at risk")}));
        QCOMPARE(business->child(0)->data(0, Qt::UserRole + 1).toString(), QStringLiteral("shop"));
        const Exposure exposure(doc.graph(), doc.impact());
        QCOMPARE(exposure.count(), 2);

        // Zone a takes the shop down through its database: hit first, then the status page.
        doc.setWhatIf({QStringLiteral("zone-a")}, {});
        business = list->topLevelItem(0);
        QCOMPARE(business->text(0), QStringLiteral("Business services (1, 1 exposed)"));
        QCOMPARE(childrenOf(business),
            (QStringList {QStringLiteral("Shop — down"),
                QStringLiteral("Status — exposed: Web_pool is at risk")}));

        // Both zones: nothing is exposed any more, everything is down.
        doc.setWhatIf({QStringLiteral("zone-a"), QStringLiteral("zone-b")}, {});
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Business services (2)"));
    }
};

QTEST_MAIN(TestImpactPanel)
#include "tst_impactpanel.moc"
