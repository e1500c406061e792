#include "views/componentspanel.h"

#include "model/editing/mapdocument.h"
#include "views/icons.h"
#include "views/mapselection.h"
#include "views/stateicons.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace faultline {
namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

ComponentsPanel::ComponentsPanel(MapDocument *document, MapSelection *selection, QWidget *parent)
    : QWidget(parent), m_doc(document), m_selection(selection), m_filter(new QLineEdit(this)),
      m_tree(new QTreeView(this)), m_model(new QStandardItemModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_filter->setPlaceholderText(tr("Filter components"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    // Filter when the text changes, not on every state change (recolouring must stay cheap).
    m_proxy->setDynamicSortFilter(false);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setIndentation(14);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAccessibleName(tr("Components"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_doc, &MapDocument::mapChanged, this, &ComponentsPanel::rebuild);
    connect(m_doc, &MapDocument::impactChanged, this, &ComponentsPanel::recolour);
    connect(m_selection, &MapSelection::changed, this, &ComponentsPanel::onSelectionChanged);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        emit showRequested(index.siblingAtColumn(0).data(IdRole).toString());
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ComponentsPanel::onTreeSelection);
    rebuild();
}

void ComponentsPanel::rebuild()
{
    m_syncing = true;
    const Map &map = m_doc->map();
    const ImpactGraph &graph = m_doc->graph();
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Component"), tr("Kind"), tr("State")});
    const int n = map.componentCount();
    std::vector<QList<QStandardItem *>> rows(n);
    m_stateItems.assign(n, nullptr);
    for (int c = 0; c < n; ++c) {
        const Component &comp = map.components()[c];
        auto *name = new QStandardItem(icons::kindIcon(comp.kind), comp.displayName());
        name->setData(comp.id, IdRole);
        // The whole name, however deep the row and narrow the dock.
        name->setToolTip(comp.displayName() == comp.id
                ? QStringLiteral("%1\n%2").arg(comp.id, comp.kind)
                : QStringLiteral("%1\n%2 · %3").arg(comp.displayName(), comp.kind, comp.id));
        auto *kind = new QStandardItem(comp.kind);
        auto *state = new QStandardItem;
        m_stateItems[c] = state;
        rows[c] = {name, kind, state};
    }
    // Children after their parents are made; order among siblings is map order.
    for (int c = 0; c < n; ++c) {
        const int p = graph.parent(c);
        if (p >= 0)
            rows[p].front()->appendRow(rows[c]);
        else
            m_model->appendRow(rows[c]);
    }
    // The name takes the room: the kind is the row's icon and in its tooltip (the column stays
    // in the model, hidden, so the filter still finds "database"), and a level indents less
    // than the style's default. Below the second level the name used to be only "…".
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setColumnHidden(1, true);
    // The State column is as wide as its widest value, not measured from the rows: measuring
    // after every recolour would walk all rows (see recolour()).
    int stateWidth = 0;
    for (theme::Look look : {theme::Look::AtRisk, theme::Look::Degraded, theme::Look::Down,
             theme::Look::Failed, theme::Look::Impaired, theme::Look::Up}) {
        stateWidth =
            std::max(stateWidth, m_tree->fontMetrics().horizontalAdvance(theme::lookName(look)));
    }
    stateWidth = std::max(stateWidth, m_tree->fontMetrics().horizontalAdvance(tr("State")));
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Fixed);
    m_tree->header()->resizeSection(
        2, stateWidth + m_tree->style()->pixelMetric(QStyle::PM_SmallIconSize) + 40);
    m_tree->header()->setStretchLastSection(false);
    // Open the containment down to regions: enough to see the shape without flooding the list.
    // In one step: expanding row by row re-measured every visible row for the Kind column after
    // each (quadratic: 16 s for a map with 500 top-level rows).
    m_tree->expandToDepth(0);
    m_syncing = false;
    recolour();
    onSelectionChanged();
}

void ComponentsPanel::recolour()
{
    const ImpactResult &impact = m_doc->impact();
    if (impact.size() != int(m_stateItems.size()))
        return;
    const Map &map = m_doc->map();
    // Item by item, 2,000 components send 6,000 dataChanged signals through the proxy to a view
    // that lays out its rows for each (1.3 s). The proxy neither sorts nor filters on data
    // changes (dynamicSortFilter is off), so change the items quietly and repaint once.
    const QSignalBlocker quiet(m_model);
    for (int c = 0; c < int(m_stateItems.size()); ++c) {
        const QString &id = map.components()[c].id;
        const theme::Look look = theme::lookFor(impact.state(ComponentIndex(c)),
            m_doc->failed().contains(id), m_doc->degraded().contains(id));
        QStandardItem *item = m_stateItems[c];
        if (item->data(Qt::UserRole + 2).toInt() == int(look) + 1)
            continue;
        item->setData(int(look) + 1, Qt::UserRole + 2);
        item->setText(look == theme::Look::Up ? QString() : theme::lookName(look));
        item->setIcon(look == theme::Look::Up ? QIcon() : theme::stateIcon(look));
    }
    m_tree->viewport()->update();
}

void ComponentsPanel::onTreeSelection()
{
    if (m_syncing)
        return;
    QStringList ids;
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (current.isValid() && m_tree->selectionModel()->isSelected(current))
        ids.append(current.data(IdRole).toString());
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        const QString id = index.data(IdRole).toString();
        if (!ids.contains(id))
            ids.append(id);
    }
    m_syncing = true;
    m_selection->setComponents(ids);
    m_syncing = false;
}

void ComponentsPanel::onSelectionChanged()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : m_selection->components()) {
        const QModelIndexList hits = m_model->match(
            m_model->index(0, 0), IdRole, id, 1, Qt::MatchExactly | Qt::MatchRecursive);
        if (hits.isEmpty())
            continue;
        const QModelIndex index = m_proxy->mapFromSource(hits.front());
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index.siblingAtColumn(2));
    }
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_tree->scrollTo(first);
    }
    m_syncing = false;
}

} // namespace faultline
