#include "app/gui/exportactions.h"

#include "app/gui/fileactions.h"
#include "app/gui/importupdate.h"
#include "model/editing/editplan.h"
#include "model/editing/mapdocument.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/fileio.h"
#include "model/io/impactformat.h"
#include "model/io/importfile.h"
#include "model/io/importmerge.h"
#include "model/io/interchange.h"
#include "model/io/mapfile.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "views/diagramexport.h"
#include "views/reportexport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSet>

#include <cstdio>
#include <memory>

namespace faultline {

namespace {

// A busy dialog while a picture is drawn (it blocks the GUI thread: the canvas's items live
// there). Shown at once for a big map, not at all for a small one.
class Busy
{
public:
    Busy(QWidget *window, const QString &text, int components, bool interactive)
    {
        if (!interactive || components < 300)
            return;
        m_dialog = std::make_unique<QProgressDialog>(text, QString(), 0, 0, window);
        m_dialog->setWindowModality(Qt::WindowModal);
        m_dialog->setMinimumDuration(0);
        m_dialog->setCancelButton(nullptr);
        m_dialog->show();
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
        QApplication::setOverrideCursor(Qt::WaitCursor);
    }
    ~Busy()
    {
        if (m_dialog)
            QApplication::restoreOverrideCursor();
    }

private:
    std::unique_ptr<QProgressDialog> m_dialog;
};

} // namespace

ExportActions::ExportActions(MapDocument *document, FileActions *files, QWidget *window)
    : QObject(window), m_doc(document), m_files(files), m_window(window)
{
    m_export = new QAction(tr("&Export…"), this);
    m_export->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_export->setStatusTip(tr("Write the diagram with the current what-if (SVG, PNG, PDF, DOT), "
                              "the impact table (CSV) or the map (JSON)"));
    connect(m_export, &QAction::triggered, this, &ExportActions::askExport);
    m_report = new QAction(tr("&Report…"), this);
    m_report->setStatusTip(tr("Write the workshop report on a scenario as HTML or PDF"));
    connect(m_report, &QAction::triggered, this, &ExportActions::askReport);
    m_import = new QAction(tr("&Import…"), this);
    // Ctrl+I is View › Inspector: one key, one action.
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_import->setStatusTip(tr("Bring components and dependencies in from CSV, Graphviz DOT or "
                              "interchange JSON"));
    connect(m_import, &QAction::triggered, this, &ExportActions::askImport);
}

// Where the file dialogs open: the folder last used, else the map's own, else home.
QString ExportActions::startFolder() const
{
    if (!m_lastFolder.isEmpty())
        return m_lastFolder;
    if (!m_doc->filePath().isEmpty())
        return QFileInfo(m_doc->filePath()).absolutePath();
    return QDir::homePath();
}

void ExportActions::fail(const QString &title, const QString &message)
{
    m_lastError = message;
    if (m_interactive)
        QMessageBox::warning(m_window, title, message);
    else
        std::fputs(qPrintable(message + u'\n'), stderr);
}

Scenario ExportActions::currentScenario() const
{
    Scenario s;
    s.fail = m_doc->failed();
    s.degrade = m_doc->degraded();
    auto sorted = [](QStringList l) {
        l.sort();
        return l;
    };
    for (const Scenario &saved : m_doc->map().scenarios()) {
        if (sorted(saved.fail) == sorted(s.fail) && sorted(saved.degrade) == sorted(s.degrade)
            && !(s.fail.isEmpty() && s.degrade.isEmpty())) {
            s.name = saved.name;
            break;
        }
    }
    return s;
}

bool ExportActions::exportTo(const QString &path, const Scenario &scenario)
{
    m_lastError.clear();
    const Map &map = m_doc->map();
    const QString suffix = QFileInfo(path).suffix().toLower();
    try {
        if (suffix == QLatin1String("json")) {
            interchange::writeFile(map, path);
        } else if (suffix == QLatin1String("csv")) {
            const ImpactGraph graph(map);
            writeWholeFile(path,
                impactformat::csv(map, evaluateImpact(graph, resolveScenario(map, scenario))));
        } else if (diagramexport::formatFor(path)) {
            Busy busy(m_window, tr("Drawing %1 components…").arg(map.componentCount()),
                map.componentCount(), m_interactive);
            const diagramexport::Picture picture(map, scenario,
                int(m_focus.size()) == map.componentCount() ? m_focus
                                                            : std::vector<std::uint8_t> {});
            diagramexport::Options options;
            if (suffix == QLatin1String("png"))
                options.dpi = 192; // sharp on a high-density screen and in print
            picture.write(path, options);
        } else {
            throw FormatError(tr("%1: cannot tell the format; use .svg, .png, .pdf, .dot, .csv "
                                 "or .json")
                                  .arg(path));
        }
    } catch (const Error &e) {
        fail(tr("Export"), e.message());
        return false;
    }
    return true;
}

bool ExportActions::reportTo(const QString &path, const Scenario &scenario, double outageHours)
{
    m_lastError.clear();
    try {
        Busy busy(
            m_window, tr("Writing the report…"), m_doc->map().componentCount(), m_interactive);
        reportexport::Options options;
        options.report.outageHours = outageHours;
        if (int(m_focus.size()) == m_doc->map().componentCount())
            options.focus = m_focus;
        Scenario s = scenario;
        if (s.name.isEmpty())
            s.name = tr("Current what-if");
        reportexport::write(path, m_doc->map(), s, options);
    } catch (const Error &e) {
        fail(tr("Report"), e.message());
        return false;
    }
    return true;
}

Map ExportActions::readImport(const QString &path)
{
    return newMapFrom(importFile(path));
}

namespace {

Map planMerge(edit::EditPlan &plan, const Map &imported)
{
    QStringList clashes;
    for (const Component &c : imported.components()) {
        if (plan.map().findComponent(c.id))
            clashes.append(QStringLiteral("\"%1\"").arg(c.id));
    }
    if (!clashes.isEmpty()) {
        const int n = int(clashes.size());
        if (n > 10) {
            clashes = clashes.mid(0, 10);
            clashes.append(QStringLiteral("…"));
        }
        throw ValidationError(
            QStringLiteral("the open map already has %1 %2; nothing was imported (open the file "
                           "as a new map instead, or rename them)")
                .arg(n == 1 ? QStringLiteral("a component with the imported id")
                            : QStringLiteral("%1 components with imported ids").arg(n),
                    clashes.join(QStringLiteral(", "))));
    }
    for (const Component &c : imported.components())
        plan.insertComponent(ComponentIndex(plan.map().componentCount()), c);
    // Every imported component is new, so an imported dependency can repeat only one of the
    // import's own. (Asking the plan's map instead would rebuild its lookup after each insert.)
    QSet<QString> pairs;
    for (const Dependency &d : imported.dependencies()) {
        const QString ends = d.from + QChar(0) + d.to;
        if (pairs.contains(ends))
            continue;
        pairs.insert(ends);
        plan.insertDependency(DependencyIndex(plan.map().dependencyCount()), d);
    }
    validate(plan.map());
    return plan.map();
}

} // namespace

Map ExportActions::merged(const Map &map, const Map &imported)
{
    edit::EditPlan plan(map);
    return planMerge(plan, imported);
}

bool ExportActions::importFrom(const QString &path, ImportMode mode)
{
    m_lastError.clear();
    m_lastImportReport.clear();
    try {
        ImportOptions options;
        options.existing = &m_doc->map();
        ImportResult imported = importFile(path, options);
        if (mode == ImportMode::NewMap) {
            m_doc->reset(newMapFrom(std::move(imported)), QString(), false);
            return true;
        }
        edit::EditPlan plan(m_doc->map());
        if (imported.source.isEmpty()) {
            planMerge(plan, imported.map);
        } else {
            // Terraform, Backstage: update what this source made before, keep the hand work.
            Map updated = m_doc->map();
            const MergeReport report = mergeImport(updated, imported.map, imported.source);
            m_lastImportReport = report.text(QFileInfo(path).fileName());
            if (report.isEmpty())
                return true;
            if (m_interactive) {
                QMessageBox ask(QMessageBox::Question, tr("Import"),
                    m_lastImportReport.section(u'\n', 0, 0), QMessageBox::Cancel, m_window);
                ask.setInformativeText(tr("Apply these changes to the open map? (Edit › Undo "
                                          "takes them back.)"));
                ask.setDetailedText(m_lastImportReport);
                QPushButton *apply = ask.addButton(tr("&Apply"), QMessageBox::AcceptRole);
                ask.setDefaultButton(apply);
                ask.exec();
                if (ask.clickedButton() != apply)
                    return true;
            }
            planReplacement(plan, updated);
            validate(plan.map());
        }
        if (plan.isEmpty())
            return true;
        m_doc->undoStack()->push(new edit::MapEditCommand(
            m_doc, tr("Import %1").arg(QFileInfo(path).fileName()), plan.takeSteps()));
    } catch (const Error &e) {
        fail(tr("Import"), e.message());
        return false;
    }
    return true;
}

void ExportActions::askExport()
{
    const QString svg = tr("SVG picture (*.svg)");
    const QString png = tr("PNG image (*.png)");
    const QString pdf = tr("PDF document (*.pdf)");
    const QString dot = tr("Graphviz source (*.dot)");
    const QString csv = tr("Impact table, CSV (*.csv)");
    const QString json = tr("Interchange JSON (*.json)");
    QString filter = svg;
    const QString base = m_doc->map().name.isEmpty() ? tr("map") : m_doc->map().name;
    const QString folder = startFolder();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export"),
        QDir(folder).filePath(base + QStringLiteral(".svg")),
        QStringList {svg, png, pdf, dot, csv, json}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const qsizetype star = filter.indexOf(QLatin1String("(*"));
        path += filter.mid(star + 2, filter.size() - star - 3);
    }
    m_lastFolder = QFileInfo(path).absolutePath();
    exportTo(path, currentScenario());
}

void ExportActions::askReport()
{
    const Map &map = m_doc->map();
    Scenario scenario = currentScenario();
    QStringList choices;
    const QString current = tr("The current what-if");
    if (!scenario.fail.isEmpty() || !scenario.degrade.isEmpty())
        choices.append(scenario.name.isEmpty() ? current : scenario.name);
    for (const Scenario &s : map.scenarios()) {
        if (!choices.contains(s.name))
            choices.append(s.name);
    }
    if (choices.isEmpty()) {
        fail(tr("Report"),
            tr("Fail or impair something first, or save a scenario: the report "
               "is about what a scenario takes down."));
        return;
    }
    bool ok = true;
    const QString chosen = choices.size() == 1
        ? choices.front()
        : QInputDialog::getItem(m_window, tr("Report"), tr("Scenario:"), choices, 0, false, &ok);
    if (!ok)
        return;
    if (chosen != current) {
        if (const auto i = map.findScenario(chosen))
            scenario = map.scenario(*i);
    }
    const double hours = QInputDialog::getDouble(m_window, tr("Report"),
        tr("Outage duration for the estimated loss (hours):"), 4.0, 0.1, 10000.0, 1, &ok);
    if (!ok)
        return;
    QString filter = tr("HTML page (*.html)");
    const QString folder = startFolder();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Report"),
        QDir(folder).filePath(
            (map.name.isEmpty() ? tr("map") : map.name) + tr(" report") + QStringLiteral(".html")),
        tr("HTML page (*.html);;PDF document (*.pdf)"), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                      : QStringLiteral(".html");
    m_lastFolder = QFileInfo(path).absolutePath();
    reportTo(path, scenario, hours);
}

void ExportActions::askImport()
{
    const QString folder = startFolder();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import"), folder,
        tr("Inventories (*.csv *.dot *.gv *.json *.tfstate *.yaml *.yml);;CSV (*.csv);;"
           "Graphviz DOT (*.dot *.gv);;Interchange JSON (*.json);;"
           "Terraform state or plan JSON (*.tfstate *.json);;Backstage catalog (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    m_lastFolder = QFileInfo(path).absolutePath();
    QMessageBox ask(QMessageBox::Question, tr("Import"),
        tr("Add the components and dependencies of %1 to the open map, or open it as a new map?")
            .arg(QFileInfo(path).fileName()),
        QMessageBox::Cancel, m_window);
    QPushButton *merge = ask.addButton(tr("&Add to This Map"), QMessageBox::AcceptRole);
    QPushButton *open = ask.addButton(tr("Open as &New Map"), QMessageBox::AcceptRole);
    ask.setDefaultButton(merge);
    ask.exec();
    if (ask.clickedButton() == merge) {
        importFrom(path, ImportMode::Merge);
    } else if (ask.clickedButton() == open) {
        if (m_files && !m_files->maybeSave())
            return;
        importFrom(path, ImportMode::NewMap);
    }
}

} // namespace faultline
