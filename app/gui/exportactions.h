#pragma once

#include <cstdint>
#include <vector>

#include "model/map/map.h"
#include "model/map/scenario.h"

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace faultline {

class FileActions;
class MapDocument;

// File › Export…, File › Report… and File › Import… for one window.
//
// Export writes the open map with the current what-if (named after the saved scenario it
// matches) as .svg, .png, .pdf or .dot through views/diagramexport (the canvas's drawing code),
// the impact table as .csv, or the map as interchange .json. Report writes the workshop report
// (.html or .pdf) on a saved scenario, or on the current what-if. Import reads .csv, .dot,
// .json, a Terraform state or plan or a Backstage catalog (model/io/importfile.h) and either
// merges it into the open map as one undoable edit (refusing ids the map already has; a
// Terraform or Backstage import updates what an earlier import of the same source made, as
// `faultline import --into` does, after showing the difference) or opens it as a new, untitled
// map. A busy dialog shows while a big map is
// drawn. Errors are shown with the model's message; nothing here throws.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    ExportActions(MapDocument *document, FileActions *files, QWidget *window);

    // Not interactive (tests): no dialogs; errors go to lastError().
    void setInteractive(bool interactive) { m_interactive = interactive; }
    // Diagrams and reports show only these components (the canvas's focus); empty: all.
    void setFocusFilter(const std::vector<std::uint8_t> &focus) { m_focus = focus; }
    QString lastError() const { return m_lastError; }
    // The difference the last Terraform or Backstage import into the open map made.
    QString lastImportReport() const { return m_lastImportReport; }

    QAction *exportAction() const { return m_export; }
    QAction *reportAction() const { return m_report; }
    QAction *importAction() const { return m_import; }

    // The scenario the window shows: the current what-if, named after the saved scenario with
    // the same failed and impaired components, if any.
    Scenario currentScenario() const;

    // The non-interactive halves of the actions: true on success.
    bool exportTo(const QString &path, const Scenario &scenario);
    bool reportTo(const QString &path, const Scenario &scenario, double outageHours);
    enum class ImportMode { Merge, NewMap };
    bool importFrom(const QString &path, ImportMode mode);

    // Reads what importFile() reads, as a new map. Throws faultline::Error.
    static Map readImport(const QString &path);
    // The map with `imported`'s components and dependencies added after its own; throws
    // ValidationError naming the ids both maps have.
    static Map merged(const Map &map, const Map &imported);

private:
    QString startFolder() const;
    void askExport();
    void askReport();
    void askImport();
    void fail(const QString &title, const QString &message);

    MapDocument *m_doc;
    FileActions *m_files;
    QWidget *m_window;
    bool m_interactive = true;
    std::vector<std::uint8_t> m_focus;
    QString m_lastError;
    QString m_lastImportReport;
    QString m_lastFolder;
    QAction *m_export, *m_report, *m_import;
};

} // namespace faultline
