#pragma once

#include <QObject>
#include <QPoint>

class QAction;
class QMenu;
class QWidget;

namespace faultline {

class MapDocument;
class MapSelection;

// What-if in one click: fail (F) or impair (D) the selected components, restore them, clear the
// whole what-if (C or Esc), apply a saved scenario. A what-if is not an edit: these call
// MapDocument::setWhatIf and never touch the undo stack.
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

    // The canvas's context menu for the current selection.
    void popupMenu(const QPoint &screenPos, QMenu *extra = nullptr);

private:
    void updateActions();

    MapDocument *m_doc;
    MapSelection *m_selection;
    QWidget *m_window;
    QAction *m_fail, *m_degrade, *m_restore, *m_clear;
};

} // namespace faultline
