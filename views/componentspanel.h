#pragma once

#include <QWidget>

#include <vector>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace faultline {

class MapDocument;
class MapSelection;

// The components as a tree by parent (provider › region › zone › component) with a filter box
// and each component's state. Selecting here selects on the canvas; double-click asks the
// canvas to show the component.
class ComponentsPanel : public QWidget
{
    Q_OBJECT

public:
    ComponentsPanel(MapDocument *document, MapSelection *selection, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterBox() const { return m_filter; }

signals:
    void showRequested(const QString &id);

private:
    void rebuild();
    void recolour();
    void onTreeSelection();
    void onSelectionChanged();

    MapDocument *m_doc;
    MapSelection *m_selection;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    std::vector<QStandardItem *> m_stateItems; // per component
    bool m_syncing = false;
};

} // namespace faultline
