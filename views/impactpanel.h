#pragma once

#include <QFont>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace faultline {

class MapDocument;
class MapSelection;

// What the current what-if does: the counts and the cost per hour, the business services it
// reaches or exposes (first), everything else it reaches, and why the selected component is in its state
// (its chain of causes, also highlighted on the canvas). Reads MapDocument::impact() only.
class ImpactPanel : public QWidget
{
    Q_OBJECT

public:
    ImpactPanel(MapDocument *document, MapSelection *selection, QWidget *parent = nullptr);

    QString summaryText() const;
    QString chainText() const;
    QTreeWidget *affectedList() const { return m_list; }

private:
    void refresh();
    void refreshChain();

    MapDocument *m_doc;
    MapSelection *m_selection;
    QLabel *m_summary;
    QLabel *m_cost;
    QTreeWidget *m_list;
    QLabel *m_chainTitle;
    QLabel *m_chain;
    QFont m_costFont;
    bool m_syncing = false;
};

} // namespace faultline
