// The desktop app: `faultline [MAP] [--fail ID ...] [--degrade ID ...] [--scenario NAME]
// [--select ID] [--screenshot FILE.png [--size WxH]]`.
#include "app/gui/gui.h"

#include "app/about.h"
#include "app/gui/autosave.h"
#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/screenshot.h"
#include "model/editing/mapdocument.h"
#include "views/icons.h"
#include "views/mapselection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

namespace faultline::gui {
namespace {

struct Options
{
    QString map;
    QStringList fail, degrade;
    QString scenario, select, screenshot;
    QSize size {1600, 1000};
};

Options parse(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("faultline", "See what goes down when a part fails."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("map"),
        QApplication::translate("faultline",
            "A .faultline or .json map (default: "
            "the bundled example)."),
        QStringLiteral("[MAP]"));
    const QCommandLineOption fail(QStringLiteral("fail"),
        QApplication::translate("faultline", "Fail a component."), QStringLiteral("ID"));
    const QCommandLineOption degrade(QStringLiteral("degrade"),
        QApplication::translate("faultline", "Impair a component."), QStringLiteral("ID"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
        QApplication::translate("faultline", "Apply a saved scenario."), QStringLiteral("NAME"));
    const QCommandLineOption select(QStringLiteral("select"),
        QApplication::translate("faultline", "Select a component."), QStringLiteral("ID"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("faultline", "Save the window as FILE.png and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"),
        QApplication::translate("faultline", "Window size for --screenshot."),
        QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    parser.addOptions({fail, degrade, scenario, select, screenshot, size});
    parser.process(app);
    Options o;
    o.map = parser.positionalArguments().value(0);
    o.fail = parser.values(fail);
    o.degrade = parser.values(degrade);
    o.scenario = parser.value(scenario);
    o.select = parser.value(select);
    o.screenshot = parser.value(screenshot);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
        o.size = QSize(wh[0].toInt(), wh[1].toInt());
    return o;
}

// Applies the command line's what-if; returns an error message naming what is wrong.
QString applyWhatIf(MainWindow &window, const Options &o)
{
    MapDocument *doc = window.document();
    QStringList fail = o.fail, degrade = o.degrade;
    if (!o.scenario.isEmpty()) {
        const auto s = doc->map().findScenario(o.scenario);
        if (!s)
            return QApplication::translate("faultline", "No scenario named “%1” in the map.")
                .arg(o.scenario);
        fail += doc->map().scenario(*s).fail;
        degrade += doc->map().scenario(*s).degrade;
    }
    for (const QString &id : fail + degrade + QStringList {o.select}) {
        if (!id.isEmpty() && !doc->map().findComponent(id))
            return QApplication::translate("faultline", "No component with id “%1” in the map.")
                .arg(id);
    }
    if (!fail.isEmpty() || !degrade.isEmpty())
        doc->setWhatIf(fail, degrade);
    if (!o.select.isEmpty())
        window.selection()->setComponents({o.select});
    return {};
}

} // namespace

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    icons::initResources();
    about::setApplicationIdentity();
    const Options o = parse(app);
    QTextStream err(stderr);

    const bool shooting = !o.screenshot.isEmpty();
    MainWindow window(!shooting);
    window.files()->setInteractive(!shooting);
    const bool opened =
        o.map.isEmpty() ? window.files()->openExample() : window.files()->open(o.map);
    if (!opened && shooting)
        return 1;
    if (const QString error = applyWhatIf(window, o); !error.isEmpty()) {
        err << error << "\n";
        if (shooting)
            return 1;
    }
    if (shooting) {
        window.resize(o.size);
        window.show();
        if (const QString error = saveScreenshot(&window, o.screenshot); !error.isEmpty()) {
            err << error << "\n";
            return 1;
        }
        return 0;
    }
    window.show();
    // After a crash: the unsaved changes it auto-saved.
    window.offerRecovery(AutoSave::defaultFolder());
    return app.exec();
}

} // namespace faultline::gui
