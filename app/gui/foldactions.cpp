#include "app/gui/foldactions.h"

#include "model/editing/foldedits.h"
#include "model/editing/mapdocument.h"
#include "model/layout/folding.h"
#include "views/layoutcontroller.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>

namespace faultline {

FoldActions::FoldActions(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts)
{
    m_fold = new QAction(tr("&Fold Cluster"), this);
    m_fold->setObjectName(QStringLiteral("foldAction"));
    m_fold->setShortcut(Qt::Key_Minus);
    m_fold->setShortcutContext(Qt::WidgetShortcut); // a key a text field types: see addKeyTarget
    m_fold->setStatusTip(tr("Fold the selected region, zone or group into one box"));
    connect(m_fold, &QAction::triggered, this, [this] { fold(selectedCluster(false), true); });
    m_open = new QAction(tr("&Open Folded Cluster"), this);
    m_open->setObjectName(QStringLiteral("openFoldAction"));
    m_open->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    m_open->setShortcutContext(Qt::WidgetShortcut);
    m_open->setStatusTip(tr("Open the selected folded box"));
    connect(m_open, &QAction::triggered, this, [this] { fold(selectedCluster(true), false); });

    m_collapse = new QMenu(tr("&Collapse to Level"), parts.window);
    const std::pair<QString, int> levels[] = {{tr("&Providers (top level folded)"), 0},
        {tr("&Regions (second level folded)"), 1}, {tr("&Zones (third level folded)"), 2},
        {tr("&Everything Open"), -1}};
    for (const auto &[text, depth] : levels) {
        QAction *a = m_collapse->addAction(text);
        a->setObjectName(QStringLiteral("collapseTo%1").arg(depth + 1));
        connect(a, &QAction::triggered, this, [this, depth = depth] { collapseToDepth(depth); });
    }

    m_focusSelection = new QAction(tr("Focus on &Selection"), this);
    m_focusSelection->setObjectName(QStringLiteral("focusSelectionAction"));
    m_focusSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_focusSelection->setStatusTip(
        tr("Show only what the selected component needs and what needs it"));
    connect(m_focusSelection, &QAction::triggered, this,
        [this] { focusOn(m_parts.selection->current()); });
    m_focusMatching = new QAction(tr("Focus on a &Tag, Owner or Kind…"), this);
    m_focusMatching->setObjectName(QStringLiteral("focusMatchingAction"));
    connect(m_focusMatching, &QAction::triggered, this, &FoldActions::askFocusMatching);
    m_showAll = new QAction(tr("Show &All"), this);
    m_showAll->setObjectName(QStringLiteral("showAllAction"));
    m_showAll->setShortcutContext(Qt::WidgetShortcut);
    m_showAll->setStatusTip(tr("End the focus: show every component"));
    connect(m_showAll, &QAction::triggered, this, &FoldActions::showAll);

    // The banner: nobody should take hidden components for deleted ones.
    m_banner = new QWidget(parts.window);
    m_banner->setObjectName(QStringLiteral("focusBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(
        QStringLiteral("#focusBanner { background: #FEF3C7; border-bottom: 1px solid #D97706; }"));
    auto *row = new QHBoxLayout(m_banner);
    row->setContentsMargins(10, 4, 10, 4);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("focusBannerText"));
    auto *showAll = new QPushButton(tr("Show all"), m_banner);
    showAll->setObjectName(QStringLiteral("focusBannerShowAll"));
    connect(showAll, &QPushButton::clicked, this, &FoldActions::showAll);
    m_hops = new QSpinBox(m_banner);
    m_hops->setObjectName(QStringLiteral("focusSteps"));
    m_hops->setRange(0, 99);
    m_hops->setSpecialValueText(tr("all"));
    m_hops->setPrefix(tr("steps: "));
    m_hops->setToolTip(tr("How many steps of “needs” and “needed by” the focus follows"));
    connect(m_hops, &QSpinBox::valueChanged, this, [this](int hops) {
        if (!m_focusTarget.isEmpty())
            focusOn(m_focusTarget, hops);
    });
    row->addWidget(m_bannerText, 1);
    row->addWidget(m_hops);
    row->addWidget(showAll);
    m_banner->hide();

    connect(parts.layout, &LayoutController::foldingLaidOut, this,
        [this](const QStringList &folded, const QHash<QString, QPointF> &positions,
            const QString &text) {
            edit::tryPush(
                *m_parts.document, edit::setFolding(*m_parts.document, folded, positions, text));
        });
    // A folded cluster whose id an edit changes (or its undo changes back) stays folded: the
    // folded list follows, as a position does.
    connect(parts.document, &MapDocument::componentsRenamed, this,
        [this](const QHash<QString, QString> &renames) {
            const QStringList before = folding::foldedIds(m_parts.document->map());
            QStringList after;
            for (const QString &id : before)
                after.append(renames.value(id, id));
            if (after != before)
                m_parts.document->setFolded(after);
        });
    // Another map (even one of the same size) starts with everything shown.
    connect(parts.document, &MapDocument::documentReset, parts.scene, &MapScene::clearFocusFilter);
    connect(parts.selection, &MapSelection::changed, this, &FoldActions::openAroundSelection);
    connect(parts.selection, &MapSelection::changed, this, &FoldActions::updateActions);
    connect(parts.document, &MapDocument::foldingChanged, this, &FoldActions::updateActions);
    connect(parts.document, &MapDocument::mapChanged, this, &FoldActions::updateActions);
    connect(parts.scene, &MapScene::foldRequested, this, &FoldActions::fold);
    connect(parts.scene, &MapScene::focusChanged, this, &FoldActions::updateBanner);
    updateActions();
    updateBanner();
}

void FoldActions::addKeyTarget(QWidget *target)
{
    target->addAction(m_fold);
    target->addAction(m_open);
    target->addAction(m_showAll);
    m_keyTargets.append(target);
}

QString FoldActions::selectedCluster(bool folded) const
{
    const Map &map = m_parts.document->map();
    const auto c = map.findComponent(m_parts.selection->current());
    const folding::View &view = m_parts.scene->view();
    if (!c || std::size_t(c->value) >= view.roles.size())
        return {};
    const folding::Role role = view.roles[c->value];
    if (role == (folded ? folding::Role::FoldedCluster : folding::Role::OpenCluster))
        return map.component(*c).id;
    return {};
}

void FoldActions::updateActions()
{
    m_fold->setEnabled(!selectedCluster(false).isEmpty());
    m_open->setEnabled(!selectedCluster(true).isEmpty());
    m_focusSelection->setEnabled(
        m_parts.document->map().findComponent(m_parts.selection->current()).has_value());
}

void FoldActions::fold(const QString &id, bool fold)
{
    const Map &map = m_parts.document->map();
    const auto c = map.findComponent(id);
    if (!c)
        return;
    QStringList folded = folding::foldedIds(map);
    if (fold == folded.contains(id))
        return;
    if (fold)
        folded.append(id);
    else
        folded.removeAll(id);
    const QString name = map.component(*c).displayName();
    setFolding(folded, fold ? tr("Fold “%1”").arg(name) : tr("Open “%1”").arg(name));
}

void FoldActions::collapseToDepth(int depth)
{
    const Map &map = m_parts.document->map();
    const QStringList folded =
        depth < 0 ? QStringList() : folding::clustersAtDepth(map, m_parts.document->graph(), depth);
    setFolding(
        folded, depth < 0 ? tr("Open every cluster") : tr("Collapse to level %1").arg(depth + 1));
}

void FoldActions::setFolding(const QStringList &folded, const QString &text)
{
    if (folded == folding::foldedIds(m_parts.document->map()))
        return;
    m_parts.statusBar->showMessage(tr("Laying out…"), 2000);
    m_parts.layout->startFolding(folded, text);
}

// A component selected while a folded box hides it (from the tree, the table, search, the
// "Why?" chain): the boxes round it open, so that the canvas shows what is selected. Only for one
// component: Select All (or a filtered list's many rows) leaves the folding as it is.
void FoldActions::openAroundSelection()
{
    const Map &map = m_parts.document->map();
    const ImpactGraph &graph = m_parts.document->graph();
    QStringList folded = folding::foldedIds(map);
    const QStringList &selected = m_parts.selection->components();
    if (folded.isEmpty() || selected.size() != 1)
        return;
    const auto c = map.findComponent(selected.front());
    if (!c || c->value >= graph.size())
        return;
    QStringList opened;
    const std::vector<std::uint8_t> flags = folding::foldedFlags(map, graph, folded);
    for (int a : folding::foldedAncestors(graph, flags, c->value)) {
        if (folded.removeAll(map.components()[a].id) > 0)
            opened.append(map.components()[a].displayName());
    }
    if (!opened.isEmpty())
        setFolding(folded, tr("Open “%1”").arg(opened.join(QStringLiteral("”, “"))));
}

void FoldActions::focusOn(const QString &id, int hops)
{
    const Map &map = m_parts.document->map();
    const auto c = map.findComponent(id);
    if (!c)
        return;
    m_focusTarget = map.component(*c).id;
    {
        const QSignalBlocker quiet(m_hops);
        m_hops->setValue(hops);
    }
    const QString name = map.component(*c).displayName();
    m_parts.scene->setFocusFilter(focus::cone(m_parts.document->graph(), c->value, hops),
        hops > 0 ? tr("Focused on %1: what it needs and what needs it, up to %2 %3")
                       .arg(name)
                       .arg(hops)
                       .arg(hops == 1 ? tr("step") : tr("steps"))
                 : tr("Focused on %1: what it needs and what needs it").arg(name));
    m_parts.view->fitToMap();
}

void FoldActions::focusMatching(focus::Field field, const QString &value)
{
    const Map &map = m_parts.document->map();
    const std::vector<std::uint8_t> flags = focus::matching(map, field, value);
    const QString what = field == focus::Field::Tag ? tr("tag")
        : field == focus::Field::Owner              ? tr("owner")
                                                    : tr("kind");
    if (focus::count(flags) == 0) {
        m_parts.statusBar->showMessage(tr("No component has the %1 “%2”").arg(what, value), 8000);
        return;
    }
    m_focusTarget.clear();
    m_parts.scene->setFocusFilter(flags, tr("Focused on the %1 “%2”").arg(what, value));
    m_parts.view->fitToMap();
}

void FoldActions::showAll()
{
    if (!m_parts.scene->isFocused())
        return;
    m_parts.scene->clearFocusFilter();
    m_parts.view->fitToMap();
}

void FoldActions::updateBanner()
{
    const bool on = m_parts.scene->isFocused();
    if (on) {
        const int shown = focus::count(m_parts.scene->focusFilter());
        const int all = m_parts.document->map().componentCount();
        m_bannerText->setText(tr("%1 — %2 of %3 components shown, the rest hidden (not "
                                 "deleted) — Esc or Show all")
                                  .arg(m_parts.scene->focusDescription())
                                  .arg(shown)
                                  .arg(all));
    }
    m_banner->setVisible(on);
    if (!on)
        m_focusTarget.clear();
    m_hops->setVisible(on && !m_focusTarget.isEmpty());
    // Esc ends the focus first; without one it clears the what-if (one key, one action).
    m_showAll->setShortcuts(
        on ? QList<QKeySequence> {QKeySequence(Qt::Key_Escape)} : QList<QKeySequence> {});
    QList<QKeySequence> clear = m_parts.clearWhatIf->shortcuts();
    clear.removeAll(QKeySequence(Qt::Key_Escape));
    if (!on)
        clear.append(QKeySequence(Qt::Key_Escape));
    m_parts.clearWhatIf->setShortcuts(clear);
    m_showAll->setEnabled(on);
}

void FoldActions::askFocusMatching()
{
    QDialog dialog(m_parts.window);
    dialog.setObjectName(QStringLiteral("focusMatchingDialog"));
    dialog.setWindowTitle(tr("Focus"));
    auto *form = new QFormLayout(&dialog);
    auto *field = new QComboBox(&dialog);
    field->addItem(tr("Tag"), int(focus::Field::Tag));
    field->addItem(tr("Owner"), int(focus::Field::Owner));
    field->addItem(tr("Kind"), int(focus::Field::Kind));
    auto *value = new QLineEdit(&dialog);
    form->addRow(tr("Show the components whose"), field);
    form->addRow(tr("is"), value);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || value->text().trimmed().isEmpty())
        return;
    focusMatching(focus::Field(field->currentData().toInt()), value->text().trimmed());
}

} // namespace faultline
