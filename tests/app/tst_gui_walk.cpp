// The walk of issue 11 as one test: from File › New, build a small web shop with the keyboard
// and the inspector (a provider, a region, two zones, a load balancer, two web servers in a
// 1-of-2 group, a database primary and replica, a payment SaaS, the shop), save, reopen, fail
// zone A, export and report; check the saved file and the outputs.
#include "app/gui/editactions.h"
#include "app/gui/exportactions.h"
#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "model/storage/faultlinefile.h"
#include "tests/app/guitestutil.h"
#include "views/canvasitems.h"
#include "views/componentspanel.h"
#include "views/dependencydialog.h"
#include "views/icons.h"
#include "views/inspector.h"
#include "views/mapselection.h"
#include "views/mapview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace faultline;
using namespace faultline::guitest;

namespace {

struct Part
{
    const char *name;
    const char *kind;
    const char *inside; // a name, or nullptr
};

QWidget *inspectorField(MainWindow *w, const char *name)
{
    return w->editActions()->inspector()->findChild<QWidget *>(QLatin1String(name));
}

void typeInto(QLineEdit *field, const QString &text)
{
    QTest::mouseClick(field, Qt::LeftButton);
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

QString idNamed(MainWindow *w, const QString &name)
{
    for (const Component &c : w->document()->map().components()) {
        if (c.name == name)
            return c.id;
    }
    return {};
}

// Selects in the Components list, as a click there does.
void select(MainWindow *w, const QStringList &names)
{
    QStringList ids;
    for (const QString &n : names)
        ids.append(idNamed(w, n));
    w->selection()->setComponents(ids);
}

void setInside(MainWindow *w, const QString &parentName)
{
    auto *inside = qobject_cast<QComboBox *>(inspectorField(w, "parent"));
    QVERIFY(inside);
    const int row = inside->findData(idNamed(w, parentName));
    QVERIFY(row > 0);
    inside->showPopup();
    QAbstractItemView *list = inside->view();
    QVERIFY(QTest::qWaitForWindowExposed(list->window()));
    list->scrollTo(list->model()->index(row, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
        list->visualRect(list->model()->index(row, 0)).center());
    QTRY_VERIFY(!list->window()->isVisible());
    // The drop-down was a window of its own: the main window is the active one again.
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
}

void depends(MainWindow *w, const QString &from, const QString &to)
{
    select(w, {from, to});
    w->activateWindow(); // after the last dialog
    QVERIFY(QTest::qWaitForWindowActive(w));
    w->view()->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(w->view(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    DependencyDialog *dialog = w->editActions()->dependencyDialog();
    QVERIFY(dialog);
    QTest::mouseClick(
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!w->editActions()->dependencyDialog());
    QVERIFY2(w->document()->map().findDependency(idNamed(w, from), idNamed(w, to)),
        qPrintable(from + QStringLiteral(" → ") + to));
}

} // namespace

class TestGuiWalk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    void buildSaveReopenFailExport()
    {
        QTemporaryDir dir;
        auto w = std::make_unique<MainWindow>(false);
        w->resize(1400, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->files()->newAction()->trigger();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        w->exportActions()->setInteractive(false);

        const Part parts[] = {{"AWS", "provider", nullptr}, {"eu-west-1", "region", "AWS"},
            {"Zone A", "zone", "eu-west-1"}, {"Zone B", "zone", "eu-west-1"},
            {"Load balancer", "load-balancer", "eu-west-1"}, {"Web 1", "compute", "Zone A"},
            {"Web 2", "compute", "Zone B"}, {"Web pool", "group", nullptr},
            {"DB primary", "database", "Zone A"}, {"DB replica", "database", "Zone B"},
            {"Payments", "saas", nullptr}, {"Shop", "service", nullptr}};
        for (const Part &p : parts) {
            w->view()->setFocus(Qt::MouseFocusReason);
            QTest::keyClick(w->view(), Qt::Key_Insert);
            QWidget *name = QApplication::focusWidget();
            QCOMPARE(name, inspectorField(w.get(), "name"));
            QTest::keyClicks(name, QLatin1String(p.name));
            QTest::keyClick(name, Qt::Key_Return);
            auto *kind = qobject_cast<QComboBox *>(inspectorField(w.get(), "kind"));
            typeInto(kind->lineEdit(), QLatin1String(p.kind));
            if (p.inside)
                setInside(w.get(), QLatin1String(p.inside));
        }
        const Map &map = w->document()->map();
        QCOMPARE(map.componentCount(), 12);
        for (const Part &p : parts) {
            const Component &c =
                map.component(*map.findComponent(idNamed(w.get(), QLatin1String(p.name))));
            QCOMPARE(c.kind, QLatin1String(p.kind));
            QCOMPARE(c.parent, p.inside ? idNamed(w.get(), QLatin1String(p.inside)) : QString());
        }
        depends(w.get(), QStringLiteral("Web pool"), QStringLiteral("Web 1"));
        depends(w.get(), QStringLiteral("Web pool"), QStringLiteral("Web 2"));
        depends(w.get(), QStringLiteral("Load balancer"), QStringLiteral("Web pool"));
        depends(w.get(), QStringLiteral("Shop"), QStringLiteral("Load balancer"));
        depends(w.get(), QStringLiteral("Shop"), QStringLiteral("DB primary"));
        depends(w.get(), QStringLiteral("Shop"), QStringLiteral("Payments"));
        depends(w.get(), QStringLiteral("DB replica"), QStringLiteral("DB primary"));
        // The pool needs 1 of its 2 servers; the shop is what customers see.
        select(w.get(), {QStringLiteral("Web pool")});
        auto *require = qobject_cast<QSpinBox *>(inspectorField(w.get(), "require"));
        QTest::mouseClick(require, Qt::LeftButton);
        require->selectAll();
        QTest::keyClicks(require, QStringLiteral("1"));
        QTest::keyClick(require, Qt::Key_Return);
        QCOMPARE(
            map.component(*map.findComponent(idNamed(w.get(), QStringLiteral("Web pool")))).require,
            std::optional<int>(1));
        select(w.get(), {QStringLiteral("Shop")});
        auto *business = qobject_cast<QCheckBox *>(inspectorField(w.get(), "business"));
        QTest::mouseClick(business, Qt::LeftButton, {}, QPoint(8, business->height() / 2));
        QVERIFY(map.component(*map.findComponent(idNamed(w.get(), QStringLiteral("Shop"))))
                    .isBusiness());

        // Save, reopen: the same map, positions included.
        const QString path = dir.filePath(QStringLiteral("shop.faultline"));
        QVERIFY(w->files()->saveTo(path));
        QVERIFY(!w->document()->isModified());
        const Map saved = w->document()->map();
        QCOMPARE(faultlinefile::load(path).map, saved);
        auto again = std::make_unique<MainWindow>(false);
        again->resize(1400, 900);
        again->show();
        QVERIFY(QTest::qWaitForWindowExposed(again.get()));
        QVERIFY(again->files()->open(path));
        QVERIFY(again->waitForLayout());
        QCOMPARE(again->document()->map(), saved);
        QVERIFY(!again->scene()->hasUnplacedComponents());

        // Fail zone A from the Components list: the shop stays up on Web 2, but its pool is
        // at risk; the primary database is down, so the shop is too.
        again->activateWindow();
        const QString zoneA = idNamed(again.get(), QStringLiteral("Zone A"));
        again->selection()->setComponents({zoneA});
        QTreeView *tree = again->componentsPanel()->tree();
        tree->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(tree, Qt::Key_F);
        QCOMPARE(again->document()->failed(), QStringList {zoneA});
        QCOMPARE(again->scene()->lookName(idNamed(again.get(), QStringLiteral("Web 1"))),
            QStringLiteral("down"));
        QCOMPARE(again->scene()->lookName(idNamed(again.get(), QStringLiteral("Web pool"))),
            QStringLiteral("at-risk"));
        QCOMPARE(again->scene()->lookName(idNamed(again.get(), QStringLiteral("Shop"))),
            QStringLiteral("down"));
        checkCanvasMatchesEngine(again.get());

        // Export and report the what-if.
        again->exportActions()->setInteractive(false);
        Scenario s;
        s.fail = {zoneA};
        const QString png = dir.filePath(QStringLiteral("shop.png"));
        QVERIFY2(again->exportActions()->exportTo(png, s),
            qPrintable(again->exportActions()->lastError()));
        QVERIFY(QImage(png).width() > 200);
        const QString report = dir.filePath(QStringLiteral("shop.html"));
        QVERIFY2(again->exportActions()->reportTo(report, s, 4),
            qPrintable(again->exportActions()->lastError()));
        QFile html(report);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        QVERIFY(text.contains(QLatin1String("Zone A")));
        QVERIFY(text.contains(QLatin1String("Shop")));
    }
};

QTEST_MAIN(TestGuiWalk)
#include "tst_gui_walk.moc"
