#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QTableView;

namespace faultline {

class MapDocument;
class MapSelection;

// Every component of the map as a row, in map order: the table's source model. Resets on
// mapChanged(); on impactChanged() only the state column changes. Every column but Inside and
// State is editable: a cell's edit is one undo step (edit::editComponents), applied to the
// components the edit targets give (the selected rows, when the edited one is among them); an
// id is only ever changed on its own row. A value that does not read, or an edit the map
// refuses (a taken id), emits editRefused() with the reason and changes nothing.
class ComponentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Id,
        Name,
        Kind,
        Parent,
        Owner,
        Tier,
        Business,
        Cost,
        Availability,
        Rto,
        Rpo,
        TargetRto,
        TargetRpo, // minutes (DESIGN.md, "Recovery")
        Tags,
        State,
        Count
    };
    // The component's id, on every cell; and the value the column sorts by (unset is invalid).
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit ComponentTableModel(MapDocument *doc, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    // The ids an edit of the row of `id` applies to (unset: that row alone).
    using EditTargets = std::function<QStringList(const QString &id)>;
    void setEditTargets(EditTargets targets) { m_targets = std::move(targets); }

signals:
    void editRefused(const QString &message);

private:
    QVariant display(int row, int column) const;
    QVariant sortValue(int row, int column) const;
    QVariant editValue(int row, int column) const;

    MapDocument *m_doc;
    EditTargets m_targets;
};

// Sorts unset values last and ties in map order; keeps rows whose id, name, kind, owner or
// parent contain the filter text (case- and accent-insensitive, see searchKey()).
class ComponentFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_key;
};

// The components panel: a filter box over a sortable table. Selecting rows (Ctrl+click,
// Shift+click for several) emits componentsSelected(), the current row first;
// double-clicking a cell that is not a name emits componentActivated() (jump to it). F2 or a
// click on the selected cell edits it; with several rows selected the edit applies to all of
// them (DESIGN.md, "Desktop editing").
class ComponentTable : public QWidget
{
    Q_OBJECT

public:
    explicit ComponentTable(MapDocument *doc, QWidget *parent = nullptr);

    // Optional: follow and drive a selection shared with the canvas and the inspector.
    void setSelectionModel(MapSelection *selection);

    QTableView *view() const { return m_view; }
    QLineEdit *filterBox() const { return m_filter; }
    ComponentFilterModel *proxy() const { return m_proxy; }

public slots:
    void setSelection(const QString &id);
    // Selects the rows of `ids`, the first current.
    void setSelectedIds(const QStringList &ids);

signals:
    // The current row's component, and every selected one (the current first).
    void componentSelected(const QString &id);
    void componentsSelected(const QStringList &ids);
    void componentActivated(const QString &id);

private:
    void updateCount();
    QString currentId() const;
    QStringList selectedIds() const;
    void emitSelection();

    MapDocument *m_doc;
    QPointer<MapSelection> m_selection;
    ComponentTableModel *m_model;
    ComponentFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_count, *m_message;
    QStringList m_selectedIds;
    bool m_syncing = false;
};

} // namespace faultline
