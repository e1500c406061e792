#include "views/availabilitytab.h"

#include "views/availabilityformat.h"
#include "views/resultwidgets.h"

#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace faultline {

using namespace resultwidgets;

AvailabilityTab::AvailabilityTab(QWidget *parent) : QWidget(parent)
{
    auto *compute = new QPushButton(tr("Compute Availability"), this);
    m_value = wrappedLabel(this);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setText(tr("—"));
    m_downtime = wrappedLabel(this);
    m_downtime->setText(tr("Components with an availability fail independently; those "
                           "without one never fail. Exact, not sampled."));
    m_contributors =
        resultTree({tr("Contributes most"), tr("Availability"), tr("Criticality")}, this);
    m_contributors->setAccessibleName(tr("Components that contribute most to downtime"));
    m_contributors->setToolTip(tr("Criticality: the share of the downtime that repairing this "
                                  "component alone would end"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(compute, 0, Qt::AlignLeft);
    layout->addWidget(m_value);
    layout->addWidget(m_downtime);
    layout->addWidget(m_contributors, 1);
    connect(compute, &QPushButton::clicked, this, &AvailabilityTab::runRequested);
}

QString AvailabilityTab::text() const
{
    return m_value->text() + QLatin1Char('\n') + m_downtime->text();
}

void AvailabilityTab::showReport(const Map &map, const AvailabilityReport &report)
{
    m_value->setText(tr("%1: %2").arg(map.component(report.target).displayName().toHtmlEscaped(),
        availabilityformat::percent(report.unavailability)));
    m_downtime->setText(tr("%1 · %2 of %3 components it needs can fail")
                            .arg(availabilityformat::downtimePerYear(report.downtimeMinutesPerYear))
                            .arg(report.variableCount)
                            .arg(report.coneSize));
    m_downtime->setToolTip(
        tr("Unavailability %1").arg(QString::number(report.unavailability, 'g', 6)));
    m_contributors->clear();
    const std::size_t shown = std::min<std::size_t>(report.contributors.size(), 10);
    for (std::size_t i = 0; i < shown; ++i) {
        const AvailabilityContributor &c = report.contributors[i];
        const Component &comp = map.component(c.component);
        auto *item = new QTreeWidgetItem(m_contributors,
            {comp.displayName(), availabilityformat::percent(c.unavailability),
                availabilityformat::share(c.criticality)});
        item->setData(0, IdRole, comp.id);
        item->setToolTip(0, comp.id);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
}

} // namespace faultline
