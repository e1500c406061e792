#include "app/gui/mainwindow.h"

#include "app/about.h"
#include "app/gui/analysisactions.h"
#include "app/gui/autosave.h"
#include "app/gui/backgroundsave.h"
#include "app/gui/editactions.h"
#include "app/gui/exportactions.h"
#include "app/gui/fileactions.h"
#include "app/gui/foldactions.h"
#include "app/gui/layoutprogress.h"
#include "app/gui/presentermode.h"
#include "app/gui/shortcuts.h"
#include "app/gui/themeactions.h"
#include "app/gui/undokeys.h"
#include "app/gui/userguide.h"
#include "app/gui/whatifactions.h"
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "views/analysispanel.h"
#include "views/comparedialog.h"
#include "views/componentspanel.h"
#include "views/componenttable.h"
#include "views/impactpanel.h"
#include "views/layoutcontroller.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/placement.h"
#include "views/recoverypanel.h"
#include "views/scenariospanel.h"
#include "views/search.h"
#include "views/workshopnotespanel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace faultline {

MainWindow::MainWindow(bool useSettings, QWidget *parent)
    : QMainWindow(parent), m_useSettings(useSettings), m_doc(new MapDocument(this)),
      m_selection(new MapSelection(this)), m_scene(new MapScene(m_doc, m_selection, this)),
      m_view(new MapView(m_scene, this)), m_layout(new LayoutController(m_doc, m_scene, this)),
      m_files(new FileActions(m_doc, this, useSettings)),
      m_whatIf(new WhatIfActions(m_doc, m_selection, this))
{
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();
    connectLayout();
    connectScenarioEdits();
    connect(m_doc, &MapDocument::documentReset, this, &MainWindow::onDocumentReset);
    connect(m_doc, &MapDocument::mapChanged, this, &MainWindow::updateStatus);
    // An id change keeps the component selected (in the list, on the canvas, in the inspector).
    connect(m_doc, &MapDocument::componentsRenamed, m_selection, &MapSelection::rename);
    // The inspector, table, search and editing actions.
    QToolBar *searchBar = addToolBar(tr("Search"));
    searchBar->setObjectName(QStringLiteral("searchToolBar"));
    searchBar->setMovable(false);
    m_edit = new EditActions({this, m_doc, m_selection, m_scene, m_view, m_whatIf, statusBar(),
                                 m_inspectorDock, m_tableDock, m_editMenu, searchBar},
        this);
    connect(m_scene, &MapScene::nodesMoved, m_edit, &EditActions::nodesDropped);
    new UndoKeyRouter(this); // Ctrl+Z and friends wherever focus is in the window
    addKeyTargets();
    createSelectAll();
    createFoldActions();
    showShortcutsInToolTips(this);
    connect(m_doc, &MapDocument::mapChanged, this, &MainWindow::updateHint);
    updateHint();
    connect(m_scene, &MapScene::contextMenuRequested, this,
        [this](const QPoint &pos) { m_edit->popupMenu(pos); });
    resize(1400, 900);
    if (m_useSettings) {
        readSettings();
        enableAutoSave(AutoSave::defaultFolder());
    }
}

void MainWindow::enableAutoSave(const QString &folder, int intervalMs)
{
    delete m_autoSave;
    m_autoSave = new AutoSave(m_doc, folder, this);
    m_autoSave->setInterval(intervalMs);
}

bool MainWindow::offerRecovery(const QString &folder)
{
    for (const QString &file : AutoSave::leftBehind(folder)) {
        if (m_autoSave && file == m_autoSave->recoveryFile())
            continue;
        const QString source = AutoSave::sourceOf(file);
        QMessageBox ask(QMessageBox::Question, tr("Restore unsaved changes"),
            tr("Faultline closed without saving the changes to “%1” (auto-saved %2). Restore "
               "them?")
                .arg(source.isEmpty() ? tr("an untitled map") : QFileInfo(source).fileName(),
                    QLocale().toString(QFileInfo(file).lastModified(), QLocale::ShortFormat)),
            QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("recoveryBox"));
        QPushButton *restore = ask.addButton(tr("&Restore"), QMessageBox::AcceptRole);
        QPushButton *discard = ask.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        ask.addButton(tr("&Later"), QMessageBox::RejectRole);
        ask.setDefaultButton(restore);
        ask.exec();
        if (ask.clickedButton() == discard) {
            AutoSave::remove(file);
        } else if (ask.clickedButton() == restore) {
            if (!m_files->maybeSave())
                return false;
            return m_files->openRecovered(file, source);
        }
    }
    return false;
}

MainWindow::~MainWindow()
{
    // The editing actions filter the whole application's events and ask this window for its
    // scene: they go first, while this is still a MainWindow, not during QWidget's teardown.
    delete m_edit;
    m_edit = nullptr;
    // The document is a child of this window and goes after it; clearing its undo stack then
    // emits canUndoChanged, whose receivers (the Undo action's text) would call into a window
    // no longer a MainWindow (UBSan, tst_gui under FAULTLINE_SANITIZE). Nothing here listens
    // any more.
    disconnect(m_doc->undoStack(), nullptr, nullptr, nullptr);
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &title, const QString &name, QWidget *widget,
                    Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    m_components = new ComponentsPanel(m_doc, m_selection, this);
    m_componentsDock = dock(
        tr("Components"), QStringLiteral("componentsDock"), m_components, Qt::LeftDockWidgetArea);
    m_impact = new ImpactPanel(m_doc, m_selection, this);
    m_impactDock =
        dock(tr("Impact"), QStringLiteral("impactDock"), m_impact, Qt::RightDockWidgetArea);
    m_recovery = new RecoveryPanel(m_doc, m_selection, this);
    m_recoveryDock =
        dock(tr("Recovery"), QStringLiteral("recoveryDock"), m_recovery, Qt::RightDockWidgetArea);
    m_scenarios = new ScenariosPanel(m_doc, this);
    m_scenariosDock =
        dock(tr("Scenarios"), QStringLiteral("scenariosDock"), m_scenarios, Qt::LeftDockWidgetArea);
    // The editing part fills these two (the inspector and the component table).
    auto *inspectorPlaceholder = new QLabel(tr("Select a component to inspect it."), this);
    inspectorPlaceholder->setAlignment(Qt::AlignCenter);
    m_inspectorDock = dock(tr("Inspector"), QStringLiteral("inspectorDock"), inspectorPlaceholder,
        Qt::RightDockWidgetArea);
    m_tableDock = dock(tr("Component Table"), QStringLiteral("tableDock"), new QWidget(this),
        Qt::BottomDockWidgetArea);
    m_tableDock->hide();
    tabifyDockWidget(m_impactDock, m_recoveryDock);
    tabifyDockWidget(m_impactDock, m_inspectorDock);
    m_analysis = new AnalysisPanel(m_doc, m_selection, this);
    m_analysisDock =
        dock(tr("Analysis"), QStringLiteral("analysisDock"), m_analysis, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_impactDock, m_analysisDock);
    m_workshopNotes = new WorkshopNotesPanel(m_doc, this);
    m_workshopNotesDock = dock(tr("Workshop Notes"), QStringLiteral("workshopNotesDock"),
        m_workshopNotes, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_impactDock, m_workshopNotesDock);
    m_impactDock->raise();
    resizeDocks({m_componentsDock, m_impactDock}, {330, 400}, Qt::Horizontal);
    resizeDocks({m_componentsDock, m_scenariosDock}, {600, 220}, Qt::Vertical);
    connect(m_components, &ComponentsPanel::showRequested, m_view, &MapView::centreOn);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_files->newAction());
    file->addAction(m_files->openAction());
    file->addMenu(m_files->recentMenu());
    file->addAction(m_files->openExampleAction());
    file->addSeparator();
    file->addAction(m_files->saveAction());
    file->addAction(m_files->saveAsAction());
    file->addAction(m_files->closeAction());
    file->addSeparator();
    file->addAction(m_files->propertiesAction());
    file->addSeparator();
    m_export = new ExportActions(m_doc, m_files, this);
    file->addAction(m_export->importAction());
    file->addAction(m_export->exportAction());
    file->addAction(m_export->reportAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = createUndoAction();
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(redoKeys());
    m_editMenu->addAction(undo);
    m_editMenu->addAction(redo);
    m_editMenu->addSeparator(); // the editing part's actions go below

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = m_viewMenu->addAction(tr("Zoom &In"), m_view, &MapView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut = m_viewMenu->addAction(tr("Zoom &Out"), m_view, &MapView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = m_viewMenu->addAction(tr("&Fit the Map"), m_view, &MapView::fitToMap);
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
    QAction *actual = m_viewMenu->addAction(tr("&Actual Size"), m_view, &MapView::resetZoom);
    actual->setShortcut(Qt::CTRL | Qt::Key_1);
    QAction *toSelection =
        m_viewMenu->addAction(tr("Zoom to &Selection"), m_view, &MapView::zoomToSelection);
    toSelection->setShortcut(Qt::CTRL | Qt::Key_2);
    m_viewMenu->addSeparator();
    QAction *relayoutAction = m_viewMenu->addAction(tr("&Re-layout"), this, &MainWindow::relayout);
    relayoutAction->setShortcut(Qt::CTRL | Qt::Key_L);
    relayoutAction->setObjectName(QStringLiteral("relayoutAction"));
    m_viewMenu->addSeparator();
    m_dimAction = m_viewMenu->addAction(tr("&Dim Unaffected"));
    m_dimAction->setCheckable(true);
    m_dimAction->setShortcut(Qt::Key_U);
    m_dimAction->setShortcutContext(Qt::WidgetShortcut); // a letter: see keyTargets()
    connect(m_dimAction, &QAction::toggled, m_scene, &MapScene::setDimUnaffected);
    m_legendAction = m_viewMenu->addAction(tr("Show &Legend"));
    m_legendAction->setCheckable(true);
    m_legendAction->setChecked(true);
    connect(m_legendAction, &QAction::toggled, m_view, &MapView::setLegendVisible);
    m_theme = new ThemeActions(m_viewMenu, this, m_view, m_useSettings);
    m_viewMenu->addSeparator();
    m_presenter = new PresenterMode(this);
    m_viewMenu->addAction(m_presenter->presentAction());
    m_viewMenu->addSeparator();
    for (QDockWidget *d : {m_componentsDock, m_scenariosDock, m_impactDock, m_recoveryDock,
             m_analysisDock, m_inspectorDock, m_tableDock, m_workshopNotesDock})
        m_viewMenu->addAction(d->toggleViewAction());
    // During a workshop: straight to the notes of the scenario on screen.
    QAction *notes = m_viewMenu->addAction(tr("Take Workshop &Notes"), this, [this] {
        m_workshopNotesDock->show();
        m_workshopNotesDock->raise();
        m_workshopNotes->notesEdit()->setFocus(Qt::ShortcutFocusReason);
        m_workshopNotes->notesEdit()->moveCursor(QTextCursor::End); // notes go on at the end
    });
    notes->setObjectName(QStringLiteral("workshopNotesAction"));
    notes->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_K);

    QMenu *whatIf = menuBar()->addMenu(tr("&What If"));
    whatIf->addAction(m_whatIf->failAction());
    whatIf->addAction(m_whatIf->degradeAction());
    whatIf->addAction(m_whatIf->restoreAction());
    whatIf->addAction(m_whatIf->clearAction());
    whatIf->addSeparator();
    whatIf->addAction(tr("&Save as Scenario…"), m_scenarios, &ScenariosPanel::askToSave);
    QMenu *analysis = addAnalysisMenu(menuBar(), m_analysisDock, m_analysis);
    analysis->addSeparator();
    QAction *compare = analysis->addAction(tr("Co&mpare…"), this, &MainWindow::showCompare);
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
    whatIf->addAction(compare);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide"), this, [this] { showUserGuide(this); });
    guide->setShortcut(Qt::Key_F1);
    guide->setShortcutContext(Qt::ApplicationShortcut); // from the guide's own window too
    guide->setObjectName(QStringLiteral("userGuideAction"));
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showShortcutsDialog(this); });
    help->addAction(tr("&About Faultline"), this,
        [this] { QMessageBox::about(this, tr("About Faultline"), about::html()); });
}

// An empty map says how to start.
void MainWindow::updateHint()
{
    m_view->setHint(m_doc->map().componentCount() > 0
            ? QString()
            : tr("This map is empty.\nPress Insert (or right-click here) to add a component, or "
                 "File › Import… (Ctrl+Shift+I) to bring components in from a file."));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setMovable(false);
    bar->addAction(m_files->openAction());
    bar->addAction(m_files->saveAction());
    bar->addSeparator();
    bar->addAction(m_whatIf->failAction());
    bar->addAction(m_whatIf->degradeAction());
    bar->addAction(m_whatIf->restoreAction());
    bar->addAction(m_whatIf->clearAction());
    bar->addSeparator();
    bar->addAction(m_dimAction);
    for (QAction *a : m_viewMenu->actions()) {
        if (a->objectName() == QLatin1String("relayoutAction"))
            bar->addAction(a);
    }
}

void MainWindow::createStatusBar()
{
    m_progress = new LayoutProgress(this);
    m_zoomLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &MapView::zoomChanged, this,
        [this](qreal zoom) { m_zoomLabel->setText(tr("%1 %").arg(qRound(zoom * 100))); });
    connect(m_progress, &LayoutProgress::cancelRequested, m_layout, &LayoutController::cancel);
    updateStatus();
}

void MainWindow::connectLayout()
{
    connect(m_scene, &MapScene::layoutNeeded, this, [this] {
        // Coalesce: one layout after the edits of this event loop turn.
        QTimer::singleShot(0, this, [this] {
            if (m_scene->hasUnplacedComponents() && !m_layout->isRunning())
                m_layout->start(false);
        });
    });
    connect(m_layout, &LayoutController::started, this, [this](int count) {
        m_progress->begin(count);
        if (m_scene->hasUnplacedComponents())
            m_view->setBusyText(tr("Laying out %1 components…").arg(QLocale().toString(count)));
    });
    connect(m_layout, &LayoutController::runningChanged, this, [this](bool running) {
        if (!running) {
            m_progress->end();
            m_view->setBusyText(m_scene->hasUnplacedComponents()
                    ? tr("Not laid out: View › Re-layout (Ctrl+L)")
                    : QString());
        }
    });
    connect(m_layout, &LayoutController::failed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Layout failed"), message);
    });
    connect(m_layout, &LayoutController::finished, this,
        [this](const QHash<QString, QPointF> &positions, bool requested, qint64 ms) {
            if (requested) {
                edit::tryPush(*m_doc, edit::applyLayout(*m_doc, positions));
            } else if (m_doc->map().positions().isEmpty()) {
                // A map that had no positions gets them; that is not an edit of the user's.
                m_doc->setPositions(positions);
            } else {
                // Components added to a laid-out map (an import): only they are placed, so
                // the picture stays and Undo of the addition gives it back exactly.
                m_doc->setPositions(placement::placeNew(*m_doc, *m_scene, positions));
            }
            statusBar()->showMessage(tr("Laid out %1 components in %2 s")
                                         .arg(QLocale().toString(positions.size()))
                                         .arg(ms / 1000.0, 0, 'f', 2),
                5000);
            if (m_fitPending || requested) {
                m_fitPending = false;
                m_view->fitToMap();
            }
        });
}

void MainWindow::connectScenarioEdits()
{
    connect(m_scenarios, &ScenariosPanel::applyRequested, m_whatIf, &WhatIfActions::applyScenario);
    connect(m_scenarios, &ScenariosPanel::applyRequested, m_workshopNotes,
        &WorkshopNotesPanel::showScenario);
    connect(m_scenarios, &ScenariosPanel::saveRequested, this, [this](const QString &name) {
        Scenario s;
        s.name = name;
        s.fail = m_doc->failed();
        s.degrade = m_doc->degraded();
        showRefusal(edit::tryPush(*m_doc, edit::addScenario(*m_doc, s)));
    });
    connect(m_scenarios, &ScenariosPanel::renameRequested, this,
        [this](const QString &name, const QString &newName) {
            const bool shown = m_workshopNotes->scenario() == name;
            showRefusal(edit::tryPush(*m_doc, edit::renameScenario(*m_doc, name, newName)));
            if (shown && m_doc->map().findScenario(newName))
                m_workshopNotes->showScenario(newName);
        });
    connect(m_scenarios, &ScenariosPanel::removeRequested, this, [this](const QString &name) {
        showRefusal(edit::tryPush(*m_doc, edit::deleteScenario(*m_doc, name)));
    });
}

// The scenarios panel checks names before it asks; a refusal here is the plan's last word.
void MainWindow::showRefusal(const std::optional<QString> &refusal)
{
    if (refusal)
        statusBar()->showMessage(*refusal, 10000);
}

bool MainWindow::isLayoutRunning() const
{
    return m_layout->isRunning();
}

bool MainWindow::waitForLayout(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QCoreApplication::processEvents();
    while (m_layout->isRunning() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    if (!m_layout->isRunning())
        m_layout->waitForWorkers(); // a cancelled Graphviz run too: its result must come to nothing
    QCoreApplication::processEvents();
    return !m_layout->isRunning();
}

void MainWindow::relayout()
{
    m_layout->start(true);
}

void MainWindow::onDocumentReset()
{
    // Another map starts clean: no search text, no dimming left from the last one (the
    // what-if, the undo history and the analyses' results go with the map).
    m_selection->clear();
    m_dimAction->setChecked(false);
    if (m_edit)
        m_edit->search()->clear();
    m_fitPending = true;
    // The scene rebuilds on the mapChanged() that follows; fit once it has.
    QTimer::singleShot(0, this, [this] {
        if (!m_scene->hasUnplacedComponents()) {
            m_fitPending = false;
            m_view->setBusyText(QString());
            m_view->fitToMap();
        }
    });
}

// Analysis › Compare…: one dialog per window, kept between uses (its choices stay).
void MainWindow::showCompare()
{
    if (!m_compare)
        m_compare = new CompareDialog(m_doc, m_selection, m_scene, m_view, this);
    m_compare->show();
    m_compare->raise();
    m_compare->activateWindow();
}

void MainWindow::updateStatus()
{
    m_countLabel->setText(tr("%1 components · %2 dependencies")
                              .arg(m_doc->map().componentCount())
                              .arg(m_doc->map().dependencyCount()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_presenter->isPresenting()) {
        // The window's own close (a window manager's button, Alt+F4) ends the presentation.
        m_presenter->leave();
        event->ignore();
        return;
    }
    // A save runs in an event loop of its own (app/gui/backgroundsave.h): the window it saves
    // from must outlive it. The close is refused; the user closes again once it is written.
    if (isSaving() || !m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_layout->cancel();
    if (m_useSettings)
        writeSettings();
    event->accept();
}

void MainWindow::readSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_dimAction->setChecked(settings.value(QStringLiteral("view/dimUnaffected"), false).toBool());
    m_legendAction->setChecked(settings.value(QStringLiteral("view/legend"), true).toBool());
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("view/dimUnaffected"), m_dimAction->isChecked());
    settings.setValue(QStringLiteral("view/legend"), m_legendAction->isChecked());
}

} // namespace faultline
