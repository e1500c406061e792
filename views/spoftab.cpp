#include "views/spoftab.h"

#include "model/editing/mapdocument.h"
#include "views/resultwidgets.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace faultline {

using namespace resultwidgets;

SpofTab::SpofTab(MapDocument *document, QWidget *parent) : QWidget(parent), m_doc(document)
{
    auto *find = new QPushButton(tr("Find Single Points of Failure"), this);
    find->setToolTip(tr("The components whose failure alone takes the selected one down"));
    m_list = resultTree({tr("Component"), tr("Kind")}, this);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Single points of failure"));
    m_summary = wrappedLabel(this);
    m_summary->setText(tr("Select a component (a business service, say) and find what "
                          "takes it down alone. They are selected on the map."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(find, 0, Qt::AlignLeft);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    connect(find, &QPushButton::clicked, this, &SpofTab::runRequested);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, IdRole).toString();
        if (m_doc->map().findComponent(id))
            m_doc->setWhatIf({id}, {});
    });
}

QStringList SpofTab::showReport(const Map &map, const SpofReport &report)
{
    m_list->clear();
    QStringList ids;
    for (ComponentIndex c : report.spof) {
        const Component &comp = map.component(c);
        auto *item = new QTreeWidgetItem(m_list, {comp.displayName(), comp.kind});
        item->setData(0, IdRole, comp.id);
        item->setToolTip(0, comp.id);
        ids.append(comp.id);
    }
    const QString target = map.component(report.target).displayName().toHtmlEscaped();
    if (ids.isEmpty())
        m_summary->setText(tr("No single component takes %1 down alone (%2 examined).")
                               .arg(target, QString::number(report.coneSize - 1)));
    else
        m_summary->setText(
            (ids.size() == 1 ? tr("%1 component takes %2 down alone; it is selected on the map. "
                                  "Double-click it to fail it.")
                             : tr("%1 components take %2 down alone; they are selected on the map. "
                                  "Double-click one to fail it."))
                .arg(ids.size())
                .arg(target));
    return ids;
}

} // namespace faultline
