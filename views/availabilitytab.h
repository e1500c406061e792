#pragma once

#include "model/analysis/availability.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace faultline {

// The Analysis panel's Availability tab: the target's exact availability, its downtime a year
// and the components that contribute most, written as the inspector writes them
// (views/availabilityformat.h).
class AvailabilityTab : public QWidget
{
    Q_OBJECT

public:
    explicit AvailabilityTab(QWidget *parent = nullptr);

    QTreeWidget *contributorList() const { return m_contributors; }
    // The figure and the downtime line, as shown.
    QString text() const;
    void showReport(const Map &map, const AvailabilityReport &report);

signals:
    void runRequested();

private:
    QLabel *m_value;
    QLabel *m_downtime;
    QTreeWidget *m_contributors;
};

} // namespace faultline
