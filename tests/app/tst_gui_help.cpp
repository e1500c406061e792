// Help › User Guide (F1) opens the guide of docs/ (built into the executable) in a window of
// its own, from the canvas and from a text field, once; the guide covers what a new user does.
#include "app/gui/editactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/userguide.h"
#include "tests/app/guitestutil.h"
#include "views/icons.h"
#include "views/search.h"

#include <QApplication>
#include <QFile>
#include <QTest>
#include <QTextBrowser>

using namespace faultline;
using namespace faultline::guitest;

class TestGuiHelp : public QObject
{
    Q_OBJECT

private:
    static QList<QWidget *> guides(MainWindow *w)
    {
        return w->findChildren<QWidget *>(QStringLiteral("userGuide"));
    }

private slots:
    void initTestCase() { icons::initResources(); }

    void builtInGuideIsTheDocument()
    {
        QFile doc(QStringLiteral(FAULTLINE_SOURCE_DIR "/docs/user-guide.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        QCOMPARE(userGuideMarkdown(), QString::fromUtf8(doc.readAll()));
        // What a new user needs, each with a section of its own.
        for (const char *section : {"## Build a map", "## Ask \"what if?\"", "## Analyses",
                 "## Export and report", "## Import", "## In a workshop", "## Keyboard shortcuts"})
            QVERIFY2(userGuideMarkdown().contains(QLatin1String(section)), section);
    }

    void f1OpensTheGuide()
    {
        auto w = openExample();
        QVERIFY(guides(w.get()).isEmpty());
        w->view()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(w->view(), Qt::Key_F1);
        QCOMPARE(guides(w.get()).size(), 1);
        QWidget *guide = guides(w.get()).front();
        QVERIFY(guide->isVisible());
        QVERIFY(guide->isWindow());
        QCOMPARE(guide->windowTitle(), QStringLiteral("Faultline User Guide"));
        auto *browser = guide->findChild<QTextBrowser *>();
        QVERIFY(browser);
        // Rendered, not shown as source: the headings lose their hashes, tables their bars.
        const QString text = browser->toPlainText();
        QVERIFY(text.contains(QLatin1String("Build a map")));
        QVERIFY(!text.contains(QLatin1String("## Build a map")));
        QVERIFY(!text.contains(QLatin1String("|---|")));
        QVERIFY(text.contains(QLatin1String("Impaired (what-if)")));

        // F1 from a text field, and again: the same window, not a second one.
        guide->close();
        QVERIFY(!guide->isVisible());
        ComponentSearch *search = w->editActions()->search();
        w->activateWindow();
        search->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(search, Qt::Key_F1);
        QCOMPARE(guides(w.get()).size(), 1);
        QVERIFY(guides(w.get()).front()->isVisible());
        QTest::keyClick(browser, Qt::Key_F1);
        QCOMPARE(guides(w.get()).size(), 1);
    }

    void helpMenuSaysF1()
    {
        auto w = openExample();
        QAction *guide = w->findChild<QAction *>(QStringLiteral("userGuideAction"));
        QVERIFY(guide);
        QCOMPARE(guide->text().remove(QLatin1Char('&')), QStringLiteral("User Guide"));
        QCOMPARE(guide->shortcut(), QKeySequence(Qt::Key_F1));
        QVERIFY(guide->toolTip().contains(QLatin1String("F1")));
    }
};

QTEST_MAIN(TestGuiHelp)
#include "tst_gui_help.moc"
