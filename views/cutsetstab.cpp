#include "views/cutsetstab.h"

#include "model/editing/mapdocument.h"
#include "views/resultwidgets.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace faultline {

using namespace resultwidgets;

CutSetsTab::CutSetsTab(MapDocument *document, QWidget *parent) : QWidget(parent), m_doc(document)
{
    m_order = new QSpinBox(this);
    m_order->setRange(1, 6);
    m_order->setValue(3);
    m_order->setAccessibleName(tr("Largest set size"));
    m_onlyWithAvailability = new QCheckBox(tr("Only components with an availability"), this);
    m_onlyWithAvailability->setToolTip(
        tr("The fault-tree view: components without an availability never fail"));
    auto *find = new QPushButton(tr("Find Cut Sets"), this);
    m_list = resultTree({tr("Components"), tr("Size")}, this);
    m_list->setAccessibleName(tr("Minimal cut sets"));
    m_summary = wrappedLabel(this);
    m_summary->setText(tr("The smallest sets of components whose joint failure takes the "
                          "selected component down. Select one to apply it on the map."));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Up to"), this));
    top->addWidget(m_order);
    top->addWidget(new QLabel(tr("components"), this));
    top->addStretch(1);
    top->addWidget(find);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_onlyWithAvailability);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    connect(find, &QPushButton::clicked, this, &CutSetsTab::runRequested);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_filling || !item)
            return;
        const QStringList ids = item->data(0, IdRole).toStringList();
        for (const QString &id : ids) {
            if (!m_doc->map().findComponent(id))
                return;
        }
        m_doc->setWhatIf(ids, {});
    });
}

CutSetOptions CutSetsTab::options() const
{
    CutSetOptions options;
    options.maxOrder = m_order->value();
    options.onlyWithAvailability = m_onlyWithAvailability->isChecked();
    return options;
}

void CutSetsTab::showReport(const Map &map, const CutSetReport &report)
{
    m_filling = true;
    m_list->clear();
    for (const auto &set : report.cutSets) {
        QStringList names, ids;
        for (ComponentIndex c : set) {
            names.append(map.component(c).displayName());
            ids.append(map.component(c).id);
        }
        auto *item = new QTreeWidgetItem(
            m_list, {names.join(QStringLiteral(" + ")), QString::number(set.size())});
        item->setData(0, IdRole, ids);
        item->setToolTip(0, ids.join(QStringLiteral(", ")));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_filling = false;
    QStringList byOrder;
    const std::vector<int> counts = report.countByOrder();
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (counts[k] > 0)
            byOrder.append(tr("%1 of size %2").arg(counts[k]).arg(k + 1));
    }
    const QString target = map.component(report.target).displayName().toHtmlEscaped();
    if (report.cutSets.empty())
        m_summary->setText(
            tr("No set of at most %1 components takes %2 down.").arg(report.maxOrder).arg(target));
    else
        m_summary->setText((report.cutSets.size() == 1
                ? tr("%1 minimal cut set of %2 up to size %3: %4. Select it to "
                     "apply it on the map.")
                : tr("%1 minimal cut sets of %2 up to size %3: %4. Select one "
                     "to apply it on the map."))
                               .arg(report.cutSets.size())
                               .arg(target)
                               .arg(report.maxOrder)
                               .arg(byOrder.join(QStringLiteral(", "))));
}

} // namespace faultline
