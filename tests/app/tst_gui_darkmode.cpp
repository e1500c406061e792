// Dark mode (issue 11): with a dark desktop palette the canvas is dark (background, boxes,
// unaffected cards with light text, edges, the legend's box) and the state colours stay as they
// are; View › Theme chooses Light or Dark whatever the desktop; the exports stay light.
#include "app/gui/mainwindow.h"
#include "app/gui/themeactions.h"
#include "model/editing/mapdocument.h"
#include "tests/app/guitestutil.h"
#include "views/canvasitems.h"
#include "views/diagramexport.h"
#include "views/icons.h"
#include "views/theme.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QTest>

using namespace faultline;
using namespace faultline::guitest;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2B, 0x2B, 0x2B));
    p.setColor(QPalette::WindowText, QColor(0xEE, 0xEE, 0xEE));
    p.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
    p.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xEE, 0xEE, 0xEE));
    return p;
}

// What the canvas shows at a point of the viewport.
QColor pixel(MainWindow *w, QPoint at)
{
    return w->view()->viewport()->grab().toImage().pixelColor(at);
}

// The background: the corner of the fitted map's view, which no box reaches.
QColor background(MainWindow *w)
{
    w->view()->fitToMap();
    QCoreApplication::processEvents();
    return pixel(w, QPoint(3, 3));
}

// An unaffected card's colour just above its bottom border, in the middle (below the text).
QColor cardFill(MainWindow *w, const QString &id)
{
    const NodeItem *node = w->scene()->nodeItem(id);
    const QRectF r = node->sceneBoundingRect();
    w->view()->centerOn(node);
    QCoreApplication::processEvents();
    return pixel(w, w->view()->mapFromScene(QPointF(r.center().x(), r.bottom() - 8)));
}

} // namespace

class TestGuiDarkMode : public QObject
{
    Q_OBJECT

private:
    QPalette m_original;

private slots:
    void initTestCase()
    {
        icons::initResources();
        m_original = QApplication::palette();
    }
    void cleanup() { QApplication::setPalette(m_original); }

    void canvasFollowsADarkPalette()
    {
        QVERIFY(!theme::isDarkPalette(QApplication::palette()));
        auto w = openExample();
        w->view()->resetZoom();
        QCOMPARE(theme::scheme(), theme::Scheme::Light);
        const QString id = QStringLiteral("checkout"); // up: no what-if applied
        QVERIFY(background(w.get()).lightness() > 200);
        QVERIFY(cardFill(w.get(), id).lightness() > 200);
        const Scenario scenario = w->document()->map().scenarios().front();
        const QImage before =
            diagramexport::Picture(w->document()->map(), scenario).image(diagramexport::Options {});
        const QByteArray svgBefore = diagramexport::Picture(w->document()->map(), scenario).svg();

        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        QCOMPARE(theme::scheme(), theme::Scheme::Dark);
        QVERIFY(background(w.get()).lightness() < 60); // the background
        QVERIFY(cardFill(w.get(), id).lightness() < 80); // an unaffected card: dark...
        QVERIFY(theme::style(theme::Look::Up).text.lightness() > 200); // ...with light text
        QVERIFY(theme::edgeColor().lightness() > 120);
        QVERIFY(theme::overlayFill().lightness() < 80); // the legend's box
        // The states keep their colours: a failed card is as red on dark as on light.
        QCOMPARE(theme::style(theme::Look::Failed).fill,
            (theme::ScopedScheme(theme::Scheme::Light), theme::style(theme::Look::Failed).fill));

        // The exports stay light, to the pixel and to the byte.
        const QImage after =
            diagramexport::Picture(w->document()->map(), scenario).image(diagramexport::Options {});
        QCOMPARE(after, before);
        QCOMPARE(diagramexport::Picture(w->document()->map(), scenario).svg(), svgBefore);
        QCOMPARE(theme::scheme(), theme::Scheme::Dark); // and the canvas stays dark

        // Back to a light desktop: back to light.
        QApplication::setPalette(m_original);
        QCoreApplication::processEvents();
        QCOMPARE(theme::scheme(), theme::Scheme::Light);
        QVERIFY(background(w.get()).lightness() > 200);
    }

    void viewThemeChooses()
    {
        auto w = openExample();
        ThemeActions *themes = w->themeActions();
        QCOMPARE(themes->choice(), ThemeActions::Choice::FollowSystem);
        QVERIFY(themes->action(ThemeActions::Choice::FollowSystem)->isChecked());
        themes->action(ThemeActions::Choice::Dark)->trigger();
        QCOMPARE(theme::scheme(), theme::Scheme::Dark);
        QVERIFY(background(w.get()).lightness() < 60);
        // Light wins over a dark desktop, and a desktop change leaves the choice alone.
        themes->action(ThemeActions::Choice::Light)->trigger();
        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        QCOMPARE(theme::scheme(), theme::Scheme::Light);
        themes->action(ThemeActions::Choice::FollowSystem)->trigger();
        QCOMPARE(theme::scheme(), theme::Scheme::Dark);
    }
};

QTEST_MAIN(TestGuiDarkMode)
#include "tst_gui_darkmode.moc"
