#include "views/componenttable.h"

#include "model/editing/bulkedits.h"
#include "model/editing/mapdocument.h"
#include "model/report/htmlreport.h"
#include "views/inspectorformat.h"
#include "views/mapselection.h"
#include "views/search.h"
#include "views/theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace faultline {

namespace {

// The recovery field a column shows.
std::optional<double> minutesOf(const Component &c, int column)
{
    switch (column) {
    case ComponentTableModel::Rto:
        return c.rtoMinutes;
    case ComponentTableModel::Rpo:
        return c.rpoMinutes;
    case ComponentTableModel::TargetRto:
        return c.targetRtoMinutes;
    case ComponentTableModel::TargetRpo:
        return c.targetRpoMinutes;
    default:
        return std::nullopt;
    }
}

} // namespace

ComponentTableModel::ComponentTableModel(MapDocument *doc, QObject *parent)
    : QAbstractTableModel(parent), m_doc(doc)
{
    connect(m_doc, &MapDocument::mapChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(m_doc, &MapDocument::impactChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, State), index(rowCount() - 1, State));
    });
}

int ComponentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_doc->map().componentCount();
}

int ComponentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant ComponentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Id");
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Parent:
        return tr("Inside");
    case Owner:
        return tr("Owner");
    case Tier:
        return tr("Tier");
    case Business:
        return tr("Business");
    case Cost:
        return tr("Cost / h");
    case Availability:
        return tr("Availability");
    case Rto:
        return tr("RTO");
    case Rpo:
        return tr("RPO");
    case TargetRto:
        return tr("Target RTO");
    case TargetRpo:
        return tr("Target RPO");
    case Tags:
        return tr("Tags");
    case State:
        return tr("State");
    }
    return {};
}

QVariant ComponentTableModel::display(int row, int column) const
{
    const Map &map = m_doc->map();
    const Component &c = map.components()[row];
    switch (column) {
    case Id:
        return c.id;
    case Name:
        return c.displayName();
    case Kind:
        return c.kind;
    case Parent:
        if (const auto p = map.findComponent(c.parent))
            return map.component(*p).displayName();
        return c.parent;
    case Owner:
        return c.owner;
    case Tier:
        return c.tier ? QVariant(*c.tier) : QVariant();
    case Business:
        return c.isBusiness() ? tr("yes") : QString();
    case Cost:
        return c.costPerHour ? QVariant(theme::formatCostPerHour(*c.costPerHour)) : QVariant();
    case Availability:
        if (!c.availability)
            return {};
        return QString(inspector::formatNumber(*c.availability * 100.0) + QLatin1Char('%'));
    case Rto:
    case Rpo:
    case TargetRto:
    case TargetRpo:
        if (const std::optional<double> m = minutesOf(c, column))
            return report::formatMinutes(*m);
        return {};
    case Tags:
        return inspector::formatTags(c.tags);
    case State:
        return inspector::lookWord(inspector::lookOf(*m_doc, ComponentIndex(row)));
    }
    return {};
}

// What an editor starts with: the value as the Inspector writes it (plain numbers, availability
// from 0 to 1), which setData() reads back.
QVariant ComponentTableModel::editValue(int row, int column) const
{
    const Component &c = m_doc->map().components()[row];
    const auto number = [](const std::optional<double> &v) {
        return v ? inspector::formatNumber(*v) : QString();
    };
    switch (column) {
    case Name:
        return c.name;
    case Business:
        return c.isBusiness() ? tr("yes") : tr("no");
    case Cost:
        return number(c.costPerHour);
    case Availability:
        return number(c.availability);
    case Rto:
    case Rpo:
    case TargetRto:
    case TargetRpo:
        return number(minutesOf(c, column));
    default:
        return display(row, column);
    }
}

QVariant ComponentTableModel::sortValue(int row, int column) const
{
    const Component &c = m_doc->map().components()[row];
    switch (column) {
    case Tier:
        return c.tier ? QVariant(*c.tier) : QVariant();
    case Business:
        return int(c.isBusiness());
    case Cost:
        return c.costPerHour ? QVariant(*c.costPerHour) : QVariant();
    case Availability:
        return c.availability ? QVariant(*c.availability) : QVariant();
    case Rto:
    case Rpo:
    case TargetRto:
    case TargetRpo:
        if (const std::optional<double> m = minutesOf(c, column))
            return *m;
        return {};
    case State:
        return int(inspector::lookOf(*m_doc, ComponentIndex(row)));
    default: {
        const QString text = display(row, column).toString();
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    }
}

QVariant ComponentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row(), column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::EditRole:
        return editValue(row, column);
    case IdRole:
        return m_doc->map().components()[row].id;
    case SortRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        if (column == Tier || column == Cost || column == Availability
            || (column >= Rto && column <= TargetRpo))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
    case Qt::ForegroundRole:
        if (column == State) {
            const theme::Look look = inspector::lookOf(*m_doc, ComponentIndex(row));
            if (look == theme::Look::Up)
                return {}; // plain, like the rest of the row
            const auto &style = theme::style(look);
            return role == Qt::BackgroundRole ? style.fill : style.text;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == State)
            return inspector::causeSentence(*m_doc, ComponentIndex(row));
        return {};
    }
    return {};
}

Qt::ItemFlags ComponentTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != Parent && index.column() != State)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ComponentTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable) || index.row() >= rowCount())
        return false;
    const int column = index.column();
    const QString id = m_doc->map().components()[index.row()].id;
    const QString text = value.toString().trimmed();
    const QString header = headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    const auto refuse = [&](const QString &why) {
        emit editRefused(header + QStringLiteral(": ") + why);
        return false;
    };
    const auto notANumber = [&] {
        return refuse(tr("“%1” is not a number.").arg(text));
    };
    std::function<void(Component &)> change;
    std::optional<double> number;
    switch (column) {
    case Id:
        change = [&](Component &c) {
            c.id = text;
        };
        break;
    case Name:
        change = [&](Component &c) {
            c.name = text;
        };
        break;
    case Kind:
        change = [&](Component &c) {
            c.kind = text;
        };
        break;
    case Owner:
        change = [&](Component &c) {
            c.owner = text;
        };
        break;
    case Tags:
        change = [&](Component &c) {
            c.tags = inspector::parseTags(text);
        };
        break;
    case Tier: {
        std::optional<int> tier;
        if (!inspector::parseOptionalInt(text, &tier))
            return notANumber();
        change = [tier](Component &c) {
            c.tier = tier;
        };
        break;
    }
    case Business: {
        const QString t = text.toLower();
        const bool yes = t == tr("yes") || t == QLatin1String("yes") || t == QLatin1String("true");
        if (!yes && !t.isEmpty() && t != tr("no") && t != QLatin1String("no")
            && t != QLatin1String("false"))
            return refuse(tr("“%1” is neither yes nor no.").arg(text));
        change = [yes](Component &c) {
            c.business = (yes || c.business) ? std::optional<bool>(yes) : std::nullopt;
        };
        break;
    }
    case Availability:
        if (!inspector::parseAvailability(text, &number))
            return notANumber();
        change = [number](Component &c) {
            c.availability = number;
        };
        break;
    case Cost:
    case Rto:
    case Rpo:
    case TargetRto:
    case TargetRpo: {
        if (!inspector::parseOptionalNumber(text, &number))
            return notANumber();
        using Field = std::optional<double> Component::*;
        const Field field = column == Cost ? &Component::costPerHour
            : column == Rto                ? &Component::rtoMinutes
            : column == Rpo                ? &Component::rpoMinutes
            : column == TargetRto          ? &Component::targetRtoMinutes
                                           : &Component::targetRpoMinutes;
        change = [field, number](Component &c) {
            c.*field = number;
        };
        break;
    }
    default:
        return false;
    }
    // An id is the one property that cannot be shared: it changes on its own row only.
    const QStringList ids = column == Id || !m_targets ? QStringList {id} : m_targets(id);
    if (auto why = edit::tryPush(*m_doc, edit::editComponents(*m_doc, ids, change))) {
        emit editRefused(*why);
        return false;
    }
    return true;
}

void ComponentFilterModel::setFilterText(const QString &text)
{
    const QString key = searchKey(text.simplified());
    if (key == m_key)
        return;
    m_key = key;
    invalidateFilter();
}

bool ComponentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_key.isEmpty())
        return true;
    using C = ComponentTableModel;
    for (int column : {C::Id, C::Name, C::Kind, C::Owner, C::Parent}) {
        const QModelIndex i = sourceModel()->index(sourceRow, column, sourceParent);
        if (searchKey(i.data(Qt::DisplayRole).toString()).contains(m_key))
            return true;
    }
    return false;
}

bool ComponentFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(ComponentTableModel::SortRole);
    const QVariant r = right.data(ComponentTableModel::SortRole);
    // Unset last and ties (and two unset) in map order, whichever way the column sorts: the
    // proxy sorts descending by asking lessThan(right, left).
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    if (l.isValid() != r.isValid())
        return ascending ? l.isValid() : r.isValid();
    if (l.isValid()) {
        int order = 0;
        if (l.typeId() == QMetaType::QString)
            order = QString::localeAwareCompare(
                l.toString().toCaseFolded(), r.toString().toCaseFolded());
        else
            order = l.toDouble() < r.toDouble() ? -1 : (r.toDouble() < l.toDouble() ? 1 : 0);
        if (order != 0)
            return order < 0;
    }
    return ascending ? left.row() < right.row() : right.row() < left.row();
}

ComponentTable::ComponentTable(MapDocument *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_model(new ComponentTableModel(doc, this)),
      m_proxy(new ComponentFilterModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ComponentTableModel::SortRole);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter by name, id, kind, owner…"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel;
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #7F1D1D; }"));
    m_message->hide();

    m_view = new QTableView;
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // map order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setHighlightSections(false);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    const int widths[] = {12, 16, 8, 12, 8, 4, 6, 8, 8, 6, 6, 7, 7, 10, 7};
    static_assert(std::size(widths) == ComponentTableModel::Count);
    for (int c = 0; c < ComponentTableModel::Count; ++c)
        m_view->setColumnWidth(c, widths[c] * em);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateCount();
    });
    // The view sets its current index before it selects: by then the current row is known.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        // With several rows selected a click on one of them selects it alone (a spreadsheet's
        // click) instead of editing it for all: that takes F2.
        const bool several = m_view->selectionModel()->selectedRows().size() > 1;
        m_view->setEditTriggers(several
                ? QAbstractItemView::EditKeyPressed
                : QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
        if (!m_syncing)
            emitSelection();
    });
    m_model->setEditTargets([this](const QString &id) {
        const QStringList selected = selectedIds();
        return selected.contains(id) ? selected : QStringList {id};
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != ComponentTableModel::Name)
            emit componentActivated(index.data(ComponentTableModel::IdRole).toString());
    });
    connect(m_model, &ComponentTableModel::editRefused, this, [this](const QString &message) {
        m_message->setText(message);
        m_message->show();
    });
    // A reset loses the view's selection; put it back by id. While it runs, what the view
    // selects on its own (an open editor closing moves the current row to the first) is not
    // the user's.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_syncing = true; });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_syncing = false;
        m_message->hide();
        const QStringList ids = m_selectedIds;
        m_selectedIds.clear();
        setSelectedIds(ids);
        updateCount();
    });
    updateCount();
}

void ComponentTable::setSelectionModel(MapSelection *selection)
{
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (!selection)
        return;
    connect(selection, &MapSelection::changed, this,
        [this] { setSelectedIds(m_selection->components()); });
    connect(this, &ComponentTable::componentsSelected, selection,
        [this](const QStringList &ids) { m_selection->setComponents(ids); });
    setSelectedIds(selection->components());
}

void ComponentTable::setSelection(const QString &id)
{
    setSelectedIds(id.isEmpty() ? QStringList() : QStringList {id});
}

void ComponentTable::setSelectedIds(const QStringList &ids)
{
    if (ids == m_selectedIds && (ids.isEmpty() || currentId() == ids.front()))
        return;
    m_selectedIds = ids;
    m_syncing = true;
    QItemSelection rows;
    QModelIndex current;
    for (const QString &id : ids) {
        const auto i = m_doc->map().findComponent(id);
        const QModelIndex proxyIndex =
            i ? m_proxy->mapFromSource(m_model->index(i->value, 0)) : QModelIndex();
        if (!proxyIndex.isValid())
            continue;
        rows.select(proxyIndex, proxyIndex);
        if (!current.isValid())
            current = proxyIndex;
    }
    if (current.isValid()) {
        m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_view->selectionModel()->select(
            rows, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(current);
    } else {
        m_view->selectionModel()->clearSelection();
    }
    m_syncing = false;
}

QString ComponentTable::currentId() const
{
    return m_view->currentIndex().data(ComponentTableModel::IdRole).toString();
}

// The selected rows' components in map order, the current one first.
QStringList ComponentTable::selectedIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    for (int row : rows)
        ids.append(m_doc->map().components()[row].id);
    const QString current = currentId();
    if (ids.removeOne(current))
        ids.prepend(current);
    return ids;
}

void ComponentTable::emitSelection()
{
    // Rows hidden by the filter leave the selection elsewhere as it is.
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || ids == m_selectedIds)
        return;
    m_selectedIds = ids;
    if (!ids.isEmpty())
        emit componentSelected(ids.front());
    emit componentsSelected(ids);
}

void ComponentTable::updateCount()
{
    const int shown = m_proxy->rowCount(), all = m_model->rowCount();
    m_count->setText(shown != all ? tr("%1 of %2").arg(shown).arg(all)
            : all == 1            ? tr("1 component")
                                  : tr("%1 components").arg(all));
}

} // namespace faultline
