#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QStringList>

#include <optional>

class QAction;
class QDockWidget;
class QMenu;
class QStatusBar;
class QToolBar;
class QWidget;
class QMessageBox;
class QPoint;

namespace faultline {

class ComponentSearch;
class ComponentTable;
class DependencyDialog;
class Inspector;
class MapDocument;
class MapScene;
class MapSelection;
class MapView;
class WhatIfActions;

// The editing part of the window: the inspector and component table docks, the search box in
// the toolbar, the Edit menu's actions (new component, delete, add dependency), and the
// dependencies the canvas's connect gesture asks for (MapScene::dependencyRequested: Shift+drag
// from one component to another, or "Add Dependency from Here…" then a click on the target).
// Every edit goes through edit::tryPush; a refused one shows its message in the status bar and
// in a non-modal message box. (The undo keys are routed by app/gui/undokeys.h.)
class EditActions : public QObject
{
    Q_OBJECT

public:
    // What the editing part works with, handed over by the window that owns them all.
    struct Parts
    {
        QWidget *window = nullptr; // shortcuts and dialogs belong to it
        MapDocument *document = nullptr;
        MapSelection *selection = nullptr;
        MapScene *scene = nullptr;
        MapView *view = nullptr;
        WhatIfActions *whatIf = nullptr;
        QStatusBar *statusBar = nullptr;
        QDockWidget *inspectorDock = nullptr; // filled with the inspector
        QDockWidget *tableDock = nullptr; // filled with the component table
        QMenu *editMenu = nullptr; // the editing actions go at its end
        QToolBar *searchBar = nullptr; // the search box goes on it
    };
    explicit EditActions(const Parts &parts, QObject *parent = nullptr);
    ~EditActions() override;

    Inspector *inspector() const { return m_inspector; }
    ComponentTable *table() const { return m_table; }
    ComponentSearch *search() const { return m_search; }
    QAction *newComponentAction() const { return m_newComponent; }
    QAction *deleteAction() const { return m_delete; }
    QAction *addDependencyAction() const { return m_addDependency; }
    QAction *dependencyFromHereAction() const { return m_fromHere; }
    QAction *findAction() const { return m_find; }
    // Cut, copy, paste, duplicate (Ctrl+X, C, V, D) of the selected components, with the
    // dependencies among them; the clipboard holds interchange JSON (edit::copyComponents), so a
    // paste works across windows and from text. The window adds them to the lists it wants them
    // on (they act on the canvas already).
    QList<QAction *> clipboardActions() const { return {m_cut, m_copy, m_paste, m_duplicate}; }
    bool copySelected();
    // Pastes an interchange map; returns the new ids (selected), empty when refused.
    QStringList paste(const QByteArray &json);
    // The last refusal shown, empty when none since the last successful edit.
    QString lastRefusal() const { return m_lastRefusal; }
    // The dialog of Add Dependency…, while it is open.
    DependencyDialog *dependencyDialog() const;
    // The component a connect gesture starts from, empty when none runs.
    QString connectingFrom() const;

    // Adds a component, placed at `scenePos` (or the view's centre), selects it and shows it in
    // the inspector. Returns its id, empty when refused.
    QString newComponent(std::optional<QPointF> scenePos = {});
    void deleteSelected();
    void openDependencyDialog();
    // The canvas gesture's end: `from` needs `to`.
    bool addDependency(const QString &from, const QString &to);
    // Starts "click the component this one depends on".
    void startConnect(const QString &from);
    void cancelConnect();

    // The canvas's context menu at `screenPos`: the what-if actions and the editing ones.
    void popupMenu(const QPoint &screenPos);
    // Actions of other parts the canvas's context menu lists too (Fold, Open, Focus).
    void setMenuExtras(const QList<QAction *> &actions) { m_menuExtras = actions; }

    // The end of a drag on the canvas (MapScene::nodesMoved). One component dropped on the box
    // of another cluster: asks whether to move it in there (one undo step: the new parent and
    // its place); otherwise it stays in its own parent, at the nearest free spot. Several:
    // moved as dropped.
    void nodesDropped(const QHash<QString, QPointF> &before, const QHash<QString, QPointF> &after);
    // Where component `id` goes on the canvas when it moves into `parent` (empty: the top
    // level): free space inside the parent's box, with what moves out of its way (its new place
    // included). Empty for a cluster (its contents place it).
    QHash<QString, QPointF> placeInto(const QString &id, const QString &parent) const;

private:
    // Centres for what `json` pastes, and the components moved out of their way.
    void placePaste(
        const QByteArray &json, QHash<QString, QPointF> &at, QHash<QString, QPointF> &moves);
    bool apply(const std::optional<QString> &refusal);
    void createClipboardActions();
    void createArrowActions();
    // Selects the nearest component from the current one within 45° of `direction`.
    void selectToward(QPointF direction);
    void refuse(const QString &message);
    void updateActions();

    Parts m_parts;
    Inspector *m_inspector;
    ComponentTable *m_table;
    ComponentSearch *m_search;
    QAction *m_newComponent, *m_delete, *m_addDependency, *m_fromHere, *m_find;
    QAction *m_cut = nullptr, *m_copy = nullptr, *m_paste = nullptr, *m_duplicate = nullptr;
    QPointer<DependencyDialog> m_dialog;
    QPointer<QMessageBox> m_refusalBox;
    QString m_lastRefusal;
    std::optional<QPointF> m_menuPoint; // where the context menu opened, in the scene
    QList<QAction *> m_menuExtras;
};

} // namespace faultline
