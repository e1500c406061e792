#pragma once

#include "model/analysis/focus.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <vector>

class QAction;
class QLabel;
class QMenu;
class QSpinBox;
class QStatusBar;
class QWidget;

namespace faultline {

class LayoutController;
class MapDocument;
class MapScene;
class MapSelection;
class MapView;

// The View menu's folding and focus (model/layout/folding.h, model/analysis/focus.h):
// - Fold (−) and Open (+) the selected cluster, a double-click on a cluster or a folded box,
//   View › Collapse to Level. A fold lays the folded view out first and is then one undo step
//   with its new positions (model/editing/foldedits.h). Selecting a component hidden in a folded
//   box (from the tree, the table, search, the "Why?" chain) opens the boxes round it.
// - Focus on Selection (Ctrl+Shift+F) shows only the selected component's cone; Focus on a Tag,
//   Owner or Kind… shows only what matches. Neither edits the map: the focus belongs to the
//   window, a banner over the canvas says what is hidden, and Esc or Show All ends it.
class FoldActions : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        QWidget *window;
        MapDocument *document;
        MapSelection *selection;
        MapScene *scene;
        MapView *view;
        LayoutController *layout;
        QStatusBar *statusBar;
        QAction *clearWhatIf; // gives Esc to Show All while a focus is on
    };
    FoldActions(const Parts &parts, QObject *parent);

    QAction *foldAction() const { return m_fold; }
    QAction *openAction() const { return m_open; }
    QMenu *collapseMenu() const { return m_collapse; }
    QAction *focusSelectionAction() const { return m_focusSelection; }
    QAction *focusMatchingAction() const { return m_focusMatching; }
    QAction *showAllAction() const { return m_showAll; }
    // The banner over the canvas while a focus is on (hidden otherwise).
    QWidget *banner() const { return m_banner; }
    // The keys + and − (and Esc while focused) act where the canvas or a list has focus.
    void addKeyTarget(QWidget *target);

    // Folds (or opens) the cluster `id`: lays out, then one undo step.
    void fold(const QString &id, bool fold);
    // Folds every cluster at `depth` (0 providers, 1 regions, 2 zones) and opens the rest;
    // -1 opens everything.
    void collapseToDepth(int depth);
    // Shows only `id`'s cone, `hops` steps each way (0: all).
    void focusOn(const QString &id, int hops = 0);
    void focusMatching(focus::Field field, const QString &value);
    void showAll();

private:
    void setFolding(const QStringList &folded, const QString &text);
    void openAroundSelection();
    void updateActions();
    void updateBanner();
    void askFocusMatching();
    QString selectedCluster(bool folded) const;

    Parts m_parts;
    QAction *m_fold;
    QAction *m_open;
    QMenu *m_collapse;
    QAction *m_focusSelection;
    QAction *m_focusMatching;
    QAction *m_showAll;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QSpinBox *m_hops; // the cone's steps each way (0: all), shown for a focus on a component
    QString m_focusTarget; // the component the focus is on; empty for a tag, owner or kind
    QList<QPointer<QWidget>> m_keyTargets;
};

} // namespace faultline
