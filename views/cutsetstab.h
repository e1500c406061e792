#pragma once

#include "model/analysis/cutsets.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QSpinBox;
class QTreeWidget;

namespace faultline {

class MapDocument;

// The Analysis panel's Cut sets tab: the minimal sets of components, up to an order, whose
// joint failure takes the target down. Selecting one applies it as the what-if.
class CutSetsTab : public QWidget
{
    Q_OBJECT

public:
    explicit CutSetsTab(MapDocument *document, QWidget *parent = nullptr);

    QSpinBox *orderBox() const { return m_order; }
    QTreeWidget *list() const { return m_list; }
    CutSetOptions options() const;
    void showReport(const Map &map, const CutSetReport &report);

signals:
    void runRequested();

private:
    MapDocument *m_doc;
    QSpinBox *m_order;
    QCheckBox *m_onlyWithAvailability;
    QTreeWidget *m_list;
    QLabel *m_summary;
    bool m_filling = false;
};

} // namespace faultline
