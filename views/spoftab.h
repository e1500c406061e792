#pragma once

#include "model/analysis/spof.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace faultline {

class MapDocument;

// The Analysis panel's Single points tab: the components whose failure alone takes the target
// down. Double-clicking one fails it.
class SpofTab : public QWidget
{
    Q_OBJECT

public:
    explicit SpofTab(MapDocument *document, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // Lists the report; returns the ids found, for the panel to select on the map.
    QStringList showReport(const Map &map, const SpofReport &report);

signals:
    void runRequested();

private:
    MapDocument *m_doc;
    QTreeWidget *m_list;
    QLabel *m_summary;
};

} // namespace faultline
