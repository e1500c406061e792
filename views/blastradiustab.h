#pragma once

#include "model/analysis/blastradius.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace faultline {

class MapDocument;

// The Analysis panel's Blast radius tab: every component (or every one of a kind: provider,
// region and zone add the share of the business cost that sits on each) failed alone, in a
// sortable table. Selecting a row applies that failure as the what-if.
class BlastRadiusTab : public QWidget
{
    Q_OBJECT

public:
    explicit BlastRadiusTab(MapDocument *document, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QComboBox *kindFilter() const { return m_kind; }
    BlastRadiusOptions options() const;
    // The kinds of the map, in the filter; keeps the choice when it still exists.
    void refreshKinds();
    void showReport(const Map &map, const BlastRadiusReport &report);

signals:
    void runRequested();

private:
    MapDocument *m_doc;
    QComboBox *m_kind;
    QTableWidget *m_table;
    QLabel *m_summary;
    bool m_filling = false;
};

} // namespace faultline
