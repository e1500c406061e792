#include "views/blastradiustab.h"

#include "model/editing/mapdocument.h"
#include "views/resultwidgets.h"
#include "views/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace faultline {

using namespace resultwidgets;

namespace {

constexpr int SortRole = Qt::UserRole + 2;

// A table cell that sorts by a number rather than by its text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString &text, double value) : QTableWidgetItem(text)
    {
        setData(SortRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(SortRole).toDouble() < other.data(SortRole).toDouble();
    }
};

QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace

BlastRadiusTab::BlastRadiusTab(MapDocument *document, QWidget *parent)
    : QWidget(parent), m_doc(document)
{
    m_kind = new QComboBox(this);
    m_kind->setAccessibleName(tr("Components to rank"));
    auto *rank = new QPushButton(tr("Rank"), this);
    rank->setToolTip(tr("Fail each component alone and rank them by what goes down"));
    m_table = new QTableWidget(this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setMinimumSectionSize(36);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Blast radius ranking"));
    m_summary = wrappedLabel(this);
    m_summary->setText(tr("Rank shows what each component's failure alone takes down. "
                          "Select a row to apply that failure on the map."));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Fail:"), this));
    top->addWidget(m_kind, 1);
    top->addWidget(rank);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    connect(rank, &QPushButton::clicked, this, &BlastRadiusTab::runRequested);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (m_filling)
            return;
        const QList<QTableWidgetItem *> items = m_table->selectedItems();
        if (items.isEmpty())
            return;
        const QTableWidgetItem *first = m_table->item(items.front()->row(), 0);
        const QString id = first ? first->data(IdRole).toString() : QString();
        if (!id.isEmpty() && m_doc->map().findComponent(id))
            m_doc->setWhatIf({id}, {});
    });
    refreshKinds();
}

BlastRadiusOptions BlastRadiusTab::options() const
{
    BlastRadiusOptions options;
    options.kind = m_kind->currentData().toString();
    return options;
}

void BlastRadiusTab::refreshKinds()
{
    const QString current = m_kind->currentData().toString();
    std::set<QString> kinds;
    for (const Component &c : m_doc->map().components())
        kinds.insert(c.kind);
    m_kind->clear();
    m_kind->addItem(tr("Every component"), QString());
    m_kind->addItem(tr("Each provider (business share)"), QStringLiteral("provider"));
    m_kind->addItem(tr("Each region (business share)"), QStringLiteral("region"));
    m_kind->addItem(tr("Each zone (business share)"), QStringLiteral("zone"));
    for (const QString &kind : kinds) {
        if (kind != QLatin1String("provider") && kind != QLatin1String("region")
            && kind != QLatin1String("zone"))
            m_kind->addItem(tr("Each %1").arg(kind), kind);
    }
    const int at = m_kind->findData(current);
    m_kind->setCurrentIndex(at < 0 ? 0 : at);
}

void BlastRadiusTab::showReport(const Map &map, const BlastRadiusReport &report)
{
    const bool concentration = !report.kind.isEmpty();
    m_filling = true;
    m_table->setSortingEnabled(false);
    m_table->clear();
    QStringList headers {tr("Component"), tr("Kind"), tr("Down"), tr("Degr."), tr("Cost/h")};
    if (concentration)
        headers << tr("Business share");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeaderItem(2)->setToolTip(tr("Components down, not counting it"));
    m_table->horizontalHeaderItem(3)->setToolTip(tr("Components degraded"));
    m_table->horizontalHeaderItem(4)->setToolTip(tr("Cost per hour of what goes down"));
    m_table->setRowCount(int(report.ranking.size()));
    int row = 0;
    for (const BlastRadius &r : report.ranking) {
        const Component &c = map.component(r.component);
        auto *name = new QTableWidgetItem(c.displayName());
        name->setData(IdRole, c.id);
        name->setToolTip(c.id);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(c.kind));
        m_table->setItem(row, 2, new NumberItem(QString::number(r.down), r.down));
        m_table->setItem(row, 3, new NumberItem(QString::number(r.degraded), r.degraded));
        m_table->setItem(row, 4,
            new NumberItem(
                r.costPerHour > 0 ? QLocale().toString(r.costPerHour, 'f', 0) : QString(),
                r.costPerHour));
        if (concentration)
            m_table->setItem(row, 5, new NumberItem(percent(r.businessShare), r.businessShare));
        ++row;
    }
    // The name takes what the numbers leave; kinds get a fixed column (wide enough for most
    // kinds), so that a narrow dock still shows names.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::Interactive);
    header->resizeSection(1, fontMetrics().horizontalAdvance(QStringLiteral("database")) + 12);
    for (int c = 2; c < headers.size(); ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->setSortingEnabled(true);
    m_table->sortItems(2, Qt::DescendingOrder);
    // Equal counts keep the analysis's order (cost, then map order): Qt's sort is stable.
    m_filling = false;
    if (concentration)
        m_summary->setText((report.ranking.size() == 1
                ? tr("%1 %2 component ranked. Business cost on the map: %3.")
                : tr("%1 %2 components ranked. Business cost on the map: %3."))
                               .arg(QString::number(report.ranking.size()), report.kind,
                                   theme::formatCostPerHour(report.totalBusinessCostPerHour)));
    else
        m_summary->setText((report.ranking.size() == 1
                ? tr("%1 component ranked. Select its row to apply that failure.")
                : tr("%1 components ranked. Select a row to apply that failure."))
                               .arg(report.ranking.size()));
}

} // namespace faultline
