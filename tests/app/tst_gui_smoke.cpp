// Starts the real executable on the bundled example and takes screenshots, as the docs do; then
// opens the example in the main window and checks what the canvas holds.
#include "app/about.h"
#include "model/impact/statecolours.h"
#include "tests/app/guitestutil.h"
#include "views/icons.h"

#include <QApplication>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestGuiSmoke : public QObject
{
    Q_OBJECT

private:
    static int run(const QStringList &args, QString *errors = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FAULTLINE_EXECUTABLE), args);
        if (!p.waitForFinished(120000))
            return -1;
        if (errors)
            *errors = QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // Pixels painted in a state's fill colour: the boxes of components in that state.
    static int pixelsOf(const QImage &image, faultline::palette::Look look)
    {
        const QRgb fill = QColor(QLatin1String(faultline::palette::colours(look).fill)).rgb();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                count += (line[x] | 0xff000000) == fill;
        }
        return count;
    }

private slots:
    void bundledExample()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("example.png"));
        QString errors;
        QCOMPARE(run({QStringLiteral("--screenshot"), png}, &errors), 0);
        const QImage image = QImage(png).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(1600, 1000));
        // No what-if: nothing is painted down or failed beyond the legend's swatches.
        QVERIFY2(pixelsOf(image, faultline::palette::Look::Down) < 2000,
            qPrintable(QString::number(pixelsOf(image, faultline::palette::Look::Down))));
        QVERIFY(pixelsOf(image, faultline::palette::Look::Failed) < 2000);
    }

    void scenarioAndFailures()
    {
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain.png"));
        const QString png = dir.filePath(QStringLiteral("scenario.png"));
        const QStringList size {QStringLiteral("--size"), QStringLiteral("1200x800")};
        QCOMPARE(run(QStringList {QStringLiteral(FAULTLINE_EXAMPLE), QStringLiteral("--screenshot"),
                         plain} + size),
            0);
        QCOMPARE(run(QStringList {QStringLiteral(FAULTLINE_EXAMPLE), QStringLiteral("--scenario"),
                         QStringLiteral("us-east-1 down"), QStringLiteral("--fail"),
                         QStringLiteral("payvine"), QStringLiteral("--screenshot"), png}
                     + size),
            0);
        const QImage before = QImage(plain).convertToFormat(QImage::Format_RGB32);
        const QImage after = QImage(png).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(after.size(), QSize(1200, 800));
        // The region's 64 components go down: their boxes turn the down colour, and the
        // failed ones the failed colour.
        const int downBefore = pixelsOf(before, faultline::palette::Look::Down);
        const int downAfter = pixelsOf(after, faultline::palette::Look::Down);
        QVERIFY2(downAfter > downBefore + 20000,
            qPrintable(QStringLiteral("%1 -> %2").arg(downBefore).arg(downAfter)));
        // Payvine's box, small at this zoom (the region is a cluster, drawn hatched).
        QVERIFY(pixelsOf(after, faultline::palette::Look::Failed)
            > pixelsOf(before, faultline::palette::Look::Failed) + 150);
    }

    // The installed launcher, icon and MIME type are found through the app id the window
    // carries, and Help › About names the versions and the licence.
    void identityAndAbout()
    {
        faultline::icons::initResources();
        faultline::about::setApplicationIdentity();
        QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral("io.faultline.Faultline"));
        QVERIFY(QFile::exists(QStringLiteral(FAULTLINE_SOURCE_DIR
            "/packaging/io.faultline.Faultline.desktop")));
        const QPixmap icon = QGuiApplication::windowIcon().pixmap(64, 64);
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.size(), QSize(64, 64));

        auto w = faultline::guitest::openExample();
        QAction *about = nullptr;
        for (QAction *menu : w->menuBar()->actions())
            for (QAction *a : menu->menu() ? menu->menu()->actions() : QList<QAction *> {})
                if (a->text().remove(QLatin1Char('&')) == QLatin1String("About Faultline"))
                    about = a;
        QVERIFY(about);
        QString shown;
        QTimer::singleShot(0, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box) {
                shown = box->text();
                box->accept();
            }
        });
        about->trigger();
        QVERIFY2(shown.contains(QStringLiteral("Faultline " FAULTLINE_PROJECT_VERSION)),
            qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("Qt ") + QLatin1String(qVersion())));
        QVERIFY(shown.contains(QLatin1String("Graphviz ")));
        QVERIFY(shown.contains(QLatin1String("SQLite 3.")));
        QVERIFY(shown.contains(QLatin1String("Licence: MIT")));
    }

    // The window itself: one box (or cluster, for a parent) per component of the example, and a saved scenario colours
    // them as the engine says.
    void canvasHoldsTheExample()
    {
        using namespace faultline;
        auto w = guitest::openExample();
        const Map &map = w->document()->map();
        QCOMPARE(map.name, QStringLiteral("Acme Outfitters on AWS"));
        QVERIFY(map.componentCount() > 100);
        for (const Component &c : map.components())
            QVERIFY2(w->scene()->nodeItem(c.id) || w->scene()->clusterItem(c.id), qPrintable(c.id));
        QVERIFY2(w->windowTitle().contains(QLatin1String("acme-on-aws.json")),
            qPrintable(w->windowTitle()));
        guitest::checkCanvasMatchesEngine(w.get());
        QCOMPARE(w->scene()->lookName(QStringLiteral("checkout")), QStringLiteral("up"));

        const auto s = map.findScenario(QStringLiteral("DynamoDB DNS failure (Oct 2025)"));
        QVERIFY(s);
        w->document()->setWhatIf(map.scenario(*s).fail, map.scenario(*s).degrade);
        QCoreApplication::processEvents();
        guitest::checkCanvasMatchesEngine(w.get());
        QCOMPARE(w->scene()->lookName(QStringLiteral("checkout")), QStringLiteral("down"));
        int notUp = 0;
        for (const Component &c : map.components())
            notUp += w->scene()->lookName(c.id) != QLatin1String("up");
        QVERIFY(notUp > 40);
    }

    void unknownIdIsAnError()
    {
        QTemporaryDir dir;
        QString errors;
        QCOMPARE(run({QStringLiteral("--fail"), QStringLiteral("no-such-thing"),
                         QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))},
                     &errors),
            1);
        QVERIFY(errors.contains(QLatin1String("no-such-thing")));
    }
};

QTEST_MAIN(TestGuiSmoke)
#include "tst_gui_smoke.moc"
