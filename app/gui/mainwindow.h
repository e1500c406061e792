#pragma once

#include <QMainWindow>

#include <optional>

class QDockWidget;
class QAction;
class QLabel;
class QMenu;
class QToolBar;

namespace faultline {

class AnalysisPanel;
class AutoSave;
class CompareDialog;
class ComponentsPanel;
class FileActions;
class FoldActions;
class EditActions;
class ExportActions;
class ImpactPanel;
class RecoveryPanel;
class LayoutController;
class LayoutProgress;
class MapDocument;
class MapScene;
class MapSelection;
class MapView;
class PresenterMode;
class ScenariosPanel;
class ThemeActions;
class WorkshopNotesPanel;
class WhatIfActions;

// The desktop window: the map canvas in the centre, the components tree on the left, the
// impact panel and saved scenarios on the right, the inspector's dock beside them and a bottom
// dock for the component table (both filled by the editing part: inspectorDock(),
// tableDock(), editMenu()). The window wires parts together; each part lives in its own file.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `useSettings` false: neither reads nor writes geometry, recent files or view options
    // (screenshots and tests run the same every time).
    explicit MainWindow(bool useSettings = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    MapDocument *document() const { return m_doc; }
    MapSelection *selection() const { return m_selection; }
    MapScene *scene() const { return m_scene; }
    MapView *view() const { return m_view; }
    FileActions *files() const { return m_files; }
    WhatIfActions *whatIf() const { return m_whatIf; }
    PresenterMode *presenter() const { return m_presenter; }
    ThemeActions *themeActions() const { return m_theme; }
    EditActions *editActions() const { return m_edit; }
    FoldActions *foldActions() const { return m_fold; }
    ExportActions *exportActions() const { return m_export; }
    ComponentsPanel *componentsPanel() const { return m_components; }
    ImpactPanel *impactPanel() const { return m_impact; }
    ScenariosPanel *scenariosPanel() const { return m_scenarios; }
    WorkshopNotesPanel *workshopNotesPanel() const { return m_workshopNotes; }
    AnalysisPanel *analysisPanel() const { return m_analysis; }
    RecoveryPanel *recoveryPanel() const { return m_recovery; }
    QDockWidget *recoveryDock() const { return m_recoveryDock; }
    QDockWidget *analysisDock() const { return m_analysisDock; }

    // Where the editing part goes.
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *tableDock() const { return m_tableDock; }
    QMenu *editMenu() const { return m_editMenu; }

    // Auto-save to a recovery file in `folder` (app/gui/autosave.h); the app uses
    // AutoSave::defaultFolder(), tests a folder of their own and a shorter interval.
    void enableAutoSave(const QString &folder, int intervalMs = 60 * 1000);
    AutoSave *autoSave() const { return m_autoSave; }
    // Offers to restore each recovery file left in `folder` by a Faultline that did not close;
    // true when one was restored.
    bool offerRecovery(const QString &folder);

    bool isLayoutRunning() const;
    // Processes events until no layout runs (or the timeout passes), then waits for Graphviz to
    // end (a cancelled run too) and delivers what is due; true when idle.
    bool waitForLayout(int timeoutMs = 60000);
    void relayout();
    // Analysis › Compare…
    void showCompare();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createToolBar();
    QAction *createUndoAction();
    void addKeyTargets();
    void createSelectAll();
    void createFoldActions();
    void updateHint();
    void createStatusBar();
    void connectLayout();
    void connectScenarioEdits();
    void readSettings();
    void writeSettings();
    void onDocumentReset();
    void updateStatus();
    void showRefusal(const std::optional<QString> &refusal);

    bool m_useSettings;
    MapDocument *m_doc;
    MapSelection *m_selection;
    MapScene *m_scene;
    MapView *m_view;
    LayoutController *m_layout;
    FileActions *m_files;
    WhatIfActions *m_whatIf;
    PresenterMode *m_presenter = nullptr;
    CompareDialog *m_compare = nullptr;
    ThemeActions *m_theme = nullptr;
    EditActions *m_edit = nullptr;
    FoldActions *m_fold = nullptr; // folding and focus (View menu, double-click, + and −)
    ExportActions *m_export = nullptr; // File › Import…, Export…, Report…
    ComponentsPanel *m_components = nullptr;
    ImpactPanel *m_impact = nullptr;
    ScenariosPanel *m_scenarios = nullptr;
    AnalysisPanel *m_analysis = nullptr;
    QDockWidget *m_analysisDock = nullptr;
    QDockWidget *m_componentsDock = nullptr;
    QDockWidget *m_impactDock = nullptr;
    RecoveryPanel *m_recovery = nullptr;
    QDockWidget *m_recoveryDock = nullptr;
    QDockWidget *m_scenariosDock = nullptr;
    WorkshopNotesPanel *m_workshopNotes = nullptr;
    QDockWidget *m_workshopNotesDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_tableDock = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_dimAction = nullptr;
    QAction *m_legendAction = nullptr;
    LayoutProgress *m_progress = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    AutoSave *m_autoSave = nullptr;
    bool m_fitPending = true;
};

} // namespace faultline
