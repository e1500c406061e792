#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace faultline {

class MapDocument;
class MapSelection;

// Every component of the map as a row, in map order: the table's source model. Resets on
// mapChanged(); on impactChanged() only the state column changes. The name is editable, through
// an EditComponent command.
class ComponentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Id, Name, Kind, Parent, Owner, Tier, Business, Cost, Availability,
        Rto, Rpo, TargetRto, TargetRpo, // minutes (DESIGN.md, "Recovery")
        State, Count
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

signals:
    void editRefused(const QString &message);

private:
    QVariant display(int row, int column) const;
    QVariant sortValue(int row, int column) const;

    MapDocument *m_doc;
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

// The components panel: a filter box over a sortable table. Selecting a row emits
// componentSelected(); double-clicking one emits componentActivated() (jump to it).
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

signals:
    void componentSelected(const QString &id);
    void componentActivated(const QString &id);

private:
    void updateCount();
    QString currentId() const;

    MapDocument *m_doc;
    QPointer<MapSelection> m_selection;
    ComponentTableModel *m_model;
    ComponentFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_count, *m_message;
    QString m_selectedId;
    bool m_syncing = false;
};

} // namespace faultline
