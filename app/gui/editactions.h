#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>

#include <optional>

class QAction;
class QEvent;
class QGraphicsLineItem;
class QKeyEvent;
class QMessageBox;
class QPoint;

namespace faultline {

class ComponentSearch;
class ComponentTable;
class DependencyDialog;
class Inspector;
class MainWindow;

// The keys of Edit › Redo: the platform's, plus Ctrl+Shift+Z and Ctrl+Y everywhere, each once (a
// key bound twice to one action is ambiguous and does nothing).
QList<QKeySequence> redoKeys();

// The editing part of the window: the inspector and component table docks, the search box in
// the toolbar, the Edit menu's actions (new component, delete, add dependency) and the canvas
// gestures that make a dependency (Shift+drag from one component to another, or "Add Dependency
// from Here…" then a click on the target). Every edit goes through edit::tryPush; a refused one
// shows its message in the status bar and in a non-modal message box. Ctrl+Z, Ctrl+Shift+Z and
// Ctrl+Y undo and redo the document wherever focus is in the window, except typing not yet
// committed in a text field, which they undo and redo first (see undoKey()).
class EditActions : public QObject
{
    Q_OBJECT

public:
    explicit EditActions(MainWindow *window);
    ~EditActions() override;

    Inspector *inspector() const { return m_inspector; }
    ComponentTable *table() const { return m_table; }
    ComponentSearch *search() const { return m_search; }
    QAction *newComponentAction() const { return m_newComponent; }
    QAction *deleteAction() const { return m_delete; }
    QAction *addDependencyAction() const { return m_addDependency; }
    QAction *dependencyFromHereAction() const { return m_fromHere; }
    QAction *findAction() const { return m_find; }
    // The last refusal shown, empty when none since the last successful edit.
    QString lastRefusal() const { return m_lastRefusal; }
    // The dialog of Add Dependency…, while it is open.
    DependencyDialog *dependencyDialog() const;
    // The component a connect gesture starts from, empty when none runs.
    QString connectingFrom() const { return m_connectFrom; }

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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool apply(const std::optional<QString> &refusal);
    void refuse(const QString &message);
    void updateActions();
    QString componentAt(const QPointF &scenePos) const;
    bool sceneMouse(QEvent *event);
    bool undoKey(QObject *watched, QKeyEvent *event);

    MainWindow *m_window;
    Inspector *m_inspector;
    ComponentTable *m_table;
    ComponentSearch *m_search;
    QAction *m_newComponent, *m_delete, *m_addDependency, *m_fromHere, *m_find;
    QPointer<DependencyDialog> m_dialog;
    QPointer<QMessageBox> m_refusalBox;
    QString m_lastRefusal;
    std::optional<QPointF> m_menuPoint; // where the context menu opened, in the scene
    QString m_connectFrom;
    bool m_dragging = false; // Shift+drag, as opposed to the click after "from here"
    QGraphicsLineItem *m_rubber = nullptr;
};

} // namespace faultline
