// MainWindow's own actions that tie several parts of the window together: Undo (which also
// brings back a cleared what-if), the keys' targets, Select All, folding and focus.
#include "app/gui/editactions.h"
#include "app/gui/exportactions.h"
#include "app/gui/foldactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/whatifactions.h"
#include "model/editing/mapdocument.h"
#include "views/componentspanel.h"
#include "views/componenttable.h"
#include "views/impactpanel.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/scenariospanel.h"

#include <QAction>
#include <QListWidget>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace faultline {

// Edit › Undo: the document's last edit, or first a what-if that Clear What-If (C, Esc) just
// wiped: it is not an edit of the map, but one key too many must not lose it.
QAction *MainWindow::createUndoAction()
{
    QUndoStack *stack = m_doc->undoStack();
    auto *undo = new QAction(tr("&Undo"), this);
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    const auto update = [this, undo, stack] {
        if (m_whatIf->canRestoreCleared()) {
            undo->setText(tr("&Undo Clear What-If"));
            undo->setEnabled(true);
        } else {
            undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
            undo->setEnabled(stack->canUndo());
        }
    };
    connect(undo, &QAction::triggered, this, [this, stack] {
        if (m_whatIf->canRestoreCleared())
            m_whatIf->restoreCleared();
        else
            stack->undo();
    });
    connect(stack, &QUndoStack::canUndoChanged, undo, update);
    connect(stack, &QUndoStack::undoTextChanged, undo, update);
    connect(m_whatIf, &WhatIfActions::restorableChanged, undo, update);
    connect(m_whatIf->clearAction(), &QAction::triggered, this, [this] {
        if (m_whatIf->canRestoreCleared())
            statusBar()->showMessage(tr("What-if cleared: Ctrl+Z brings it back"), 8000);
    });
    update();
    return undo;
}

// The single-letter keys (F, D, R, C, Esc, U) act only while the canvas or a list has focus:
// in a field or drop-down they are the widget's own.
void MainWindow::addKeyTargets()
{
    for (QWidget *target : std::initializer_list<QWidget *> {m_view, m_components->tree(),
             m_scenarios->list(), m_impact->affectedList(), m_edit->table()->view()}) {
        m_whatIf->addKeyTarget(target);
        target->addAction(m_dimAction);
    }
}

// Edit › Select All (Ctrl+A) on the canvas and the components list; Del then deletes them all.
void MainWindow::createSelectAll()
{
    auto *all = new QAction(tr("Select &All"), this);
    all->setObjectName(QStringLiteral("selectAllAction"));
    all->setShortcut(QKeySequence::SelectAll);
    all->setShortcutContext(Qt::WidgetShortcut); // text fields keep Ctrl+A for their text
    connect(all, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const Component &c : m_doc->map().components())
            ids.append(c.id);
        m_selection->setComponents(ids);
    });
    m_view->addAction(all);
    m_components->tree()->addAction(all);
    m_components->tree()->addActions(m_edit->clipboardActions());
    m_editMenu->insertAction(m_edit->newComponentAction(), all);
}

// Folding and focus: the View menu's entries, the canvas's double-click and context menu, the
// keys + and − where the letters act, and the focus banner above the canvas.
void MainWindow::createFoldActions()
{
    m_fold = new FoldActions(
        {this, m_doc, m_selection, m_scene, m_view, m_layout, statusBar(), m_whatIf->clearAction()},
        this);
    auto *centre = new QWidget(this);
    auto *column = new QVBoxLayout(centre);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_fold->banner());
    column->addWidget(m_view, 1);
    setCentralWidget(centre);
    QAction *before = nullptr;
    for (QAction *a : m_viewMenu->actions()) {
        if (a->objectName() == QLatin1String("relayoutAction"))
            before = a;
    }
    QMenu *menu = m_viewMenu;
    menu->insertAction(before, m_fold->foldAction());
    menu->insertAction(before, m_fold->openAction());
    menu->insertMenu(before, m_fold->collapseMenu());
    menu->insertSeparator(before);
    menu->insertAction(before, m_fold->focusSelectionAction());
    menu->insertAction(before, m_fold->focusMatchingAction());
    menu->insertAction(before, m_fold->showAllAction());
    menu->insertSeparator(before);
    for (QWidget *target : std::initializer_list<QWidget *> {m_view, m_components->tree(),
             m_scenarios->list(), m_impact->affectedList(), m_edit->table()->view()})
        m_fold->addKeyTarget(target);
    addAction(m_fold->focusSelectionAction());
    // Exports from the window show what the canvas shows.
    connect(m_scene, &MapScene::focusChanged, this,
        [this] { m_export->setFocusFilter(m_scene->focusFilter()); });
    m_edit->setMenuExtras({m_fold->foldAction(), m_fold->openAction(),
        m_fold->focusSelectionAction(), m_fold->showAllAction()});
}

} // namespace faultline
