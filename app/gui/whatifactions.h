#pragma once

#include <QObject>
#include <QPoint>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace faultline {

class MapDocument;
class MapSelection;

// What-if in one click: fail (F) or impair (D) the selected components, restore them, clear the
// whole what-if (C or Esc), apply a saved scenario. A what-if is not an edit: these call
// MapDocument::setWhatIf and never touch the undo stack.
//
// The single-letter keys belong to the focused widget: they act only while a widget handed to
// addKeyTarget() (the canvas, the lists) has focus, never in a field or drop-down of the
// inspector. Clearing can be taken back (restoreCleared(), which Edit › Undo offers first)
// until the what-if or the map changes again.
class WhatIfActions : public QObject
{
    Q_OBJECT

public:
    WhatIfActions(MapDocument *document, MapSelection *selection, QWidget *window);

    QAction *failAction() const { return m_fail; }
    QAction *degradeAction() const { return m_degrade; }
    QAction *restoreAction() const { return m_restore; }
    QAction *clearAction() const { return m_clear; }

    // Toggles: failing what is already failed restores it.
    void failSelected();
    void degradeSelected();
    void restoreSelected();
    void clear();
    bool applyScenario(const QString &name);
    // The shortcuts act while `widget` has focus.
    void addKeyTarget(QWidget *widget);
    // The what-if the last clear() wiped, while nothing changed since.
    bool canRestoreCleared() const { return m_cleared; }
    void restoreCleared();
    // Makes the last clear() final.
    void forgetCleared();

    // The canvas's context menu for the current selection.
    void popupMenu(const QPoint &screenPos, QMenu *extra = nullptr);

signals:
    // The last clear() became restorable, or stopped being.
    void restorableChanged(bool restorable);

private:
    void updateActions();

    MapDocument *m_doc;
    MapSelection *m_selection;
    QWidget *m_window;
    QAction *m_fail, *m_degrade, *m_restore, *m_clear;
    bool m_cleared = false;
    bool m_restoring = false;
    QStringList m_clearedFailed, m_clearedDegraded;
};

} // namespace faultline
