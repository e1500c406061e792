#include "views/impactpanel.h"

#include "model/editing/mapdocument.h"
#include "model/impact/exposure.h"
#include "views/mapselection.h"
#include "views/stateicons.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace faultline {
namespace {

constexpr int IdRole = Qt::UserRole + 1;

theme::Look lookOf(const MapDocument *doc, int c)
{
    const QString &id = doc->map().components()[c].id;
    return theme::lookFor(doc->impact().state(ComponentIndex(c)), doc->failed().contains(id),
        doc->degraded().contains(id));
}

QString stateWord(theme::Look look)
{
    switch (look) {
    case theme::Look::Failed:
        return QObject::tr("failed");
    case theme::Look::Impaired:
        return QObject::tr("impaired");
    case theme::Look::Down:
        return QObject::tr("down");
    case theme::Look::Degraded:
        return QObject::tr("degraded");
    case theme::Look::AtRisk:
        return QObject::tr("at risk");
    case theme::Look::Up:
        return QObject::tr("up");
    }
    return {};
}

} // namespace

ImpactPanel::ImpactPanel(MapDocument *document, MapSelection *selection, QWidget *parent)
    : QWidget(parent), m_doc(document), m_selection(selection), m_summary(new QLabel(this)),
      m_cost(new QLabel(this)), m_list(new QTreeWidget(this)),
      m_chainTitle(new QLabel(tr("Why?"), this)), m_chain(new QLabel(this))
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_summary->setFont(big);
    m_summary->setWordWrap(true);
    QFont costFont = big;
    costFont.setPointSizeF(big.pointSizeF() * 1.3);
    m_costFont = costFont;
    m_cost->setFont(costFont);
    m_cost->setStyleSheet(QStringLiteral("color: #B91C1C;"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Affected"), tr("Cost")});
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Affected components"));
    m_chainTitle->setFont(big);
    m_chain->setWordWrap(true);
    m_chain->setTextFormat(Qt::RichText);
    m_chain->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_chain->setMinimumHeight(80);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_summary);
    layout->addWidget(m_cost);
    layout->addWidget(m_list, 3);
    layout->addWidget(m_chainTitle);
    layout->addWidget(m_chain, 1);

    connect(m_doc, &MapDocument::impactChanged, this, &ImpactPanel::refresh);
    connect(m_selection, &MapSelection::changed, this, &ImpactPanel::refreshChain);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QString id = item ? item->data(0, IdRole).toString() : QString();
        if (!m_syncing && !id.isEmpty())
            m_selection->setComponents({id});
    });
    refresh();
}

void ImpactPanel::refresh()
{
    const ImpactResult &impact = m_doc->impact();
    const ImpactSummary &s = impact.summary();
    const Map &map = m_doc->map();
    m_syncing = true;
    m_list->clear();
    if (m_doc->failed().isEmpty() && m_doc->degraded().isEmpty()) {
        m_summary->setText(tr("No what-if applied"));
        m_cost->setText(tr("Select a component and press F to fail it or D to impair it, or "
                           "pick a saved scenario."));
        m_cost->setWordWrap(true);
        m_cost->setFont(font());
        m_cost->setStyleSheet(QStringLiteral("color: #475569;"));
        m_list->setVisible(false);
        m_syncing = false;
        refreshChain();
        return;
    }
    m_list->setVisible(true);
    m_cost->setFont(m_costFont);
    m_cost->setStyleSheet(QStringLiteral("color: #B91C1C;"));
    m_summary->setText(
        tr("%1 down · %2 degraded · %3 at risk").arg(s.down).arg(s.degraded).arg(s.atRisk));
    m_cost->setText(tr("%1 lost").arg(theme::formatCostPerHour(s.costPerHour)));

    auto *business = new QTreeWidgetItem(m_list, {tr("Business services")});
    auto *others = new QTreeWidgetItem(m_list, {tr("Everything else")});
    QFont bold = m_list->font();
    bold.setBold(true);
    business->setFont(0, bold);
    others->setFont(0, bold);
    std::vector<ComponentIndex> affected = impact.affected();
    // Worst first, then map order.
    std::stable_sort(affected.begin(), affected.end(),
        [&](ComponentIndex a, ComponentIndex b) { return impact.state(a) > impact.state(b); });
    int businessCount = 0;
    for (ComponentIndex c : affected) {
        const Component &comp = map.component(c);
        const theme::Look look = lookOf(m_doc, c.value);
        auto *item = new QTreeWidgetItem(comp.isBusiness() ? business : others);
        item->setText(0, comp.displayName() + QStringLiteral(" — ") + stateWord(look));
        item->setIcon(0, theme::stateIcon(look));
        item->setData(0, IdRole, comp.id);
        if (impact.state(c) == State::Down && comp.costPerHour.value_or(0) > 0)
            item->setText(1, theme::formatCostPerHour(*comp.costPerHour));
        if (comp.isBusiness())
            ++businessCount;
    }
    // Business services that are up but exposed (model/impact/exposure.h): not hit, yet a
    // redundancy they need is spent, which is what a workshop wants to see.
    const Exposure exposure(m_doc->graph(), impact);
    int exposedCount = 0;
    for (ComponentIndex c : exposure.exposed()) {
        const Component &comp = map.component(c);
        if (!comp.isBusiness())
            continue;
        auto *item = new QTreeWidgetItem(business);
        item->setText(0,
            tr("%1 — exposed: %2 is at risk")
                .arg(comp.displayName(), map.component(exposure.via(c)).displayName()));
        item->setIcon(0, theme::stateIcon(theme::Look::AtRisk));
        item->setData(0, IdRole, comp.id);
        item->setToolTip(0, tr("Up, but one more failure may take it down"));
        ++exposedCount;
    }
    business->setText(0,
        exposedCount == 0
            ? tr("Business services (%1)").arg(businessCount)
            : tr("Business services (%1, %2 exposed)").arg(businessCount).arg(exposedCount));
    others->setText(0, tr("Everything else (%1)").arg(int(affected.size()) - businessCount));
    business->setExpanded(true);
    others->setExpanded(businessCount + exposedCount == 0 || affected.size() < 40);
    m_syncing = false;
    refreshChain();
}

void ImpactPanel::refreshChain()
{
    const Map &map = m_doc->map();
    const auto c = map.findComponent(m_selection->current());
    const ImpactResult &impact = m_doc->impact();
    if (!c || impact.size() != map.componentCount()) {
        m_chain->setText(tr("<i>Select a component to see why it is in its state.</i>"));
        return;
    }
    const std::vector<ComponentIndex> path = impact.path(*c);
    if (path.empty()) {
        m_chain->setText(
            tr("<b>%1</b> is up.").arg(map.component(*c).displayName().toHtmlEscaped()));
        return;
    }
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    for (std::size_t k = 0; k < path.size(); ++k) {
        const Component &comp = map.component(path[k]);
        const theme::Look look = lookOf(m_doc, path[k].value);
        const QString colour = theme::style(look).border.name();
        QString reason;
        if (k == 0)
            reason = QString();
        else if (map.component(path[k - 1]).parent == comp.id)
            reason = tr("because it runs in");
        else
            reason = tr("because it needs");
        QString last;
        if (k + 1 == path.size())
            last = look == theme::Look::Failed || look == theme::Look::Impaired
                ? tr(" (the what-if)")
                : QString();
        const QString name =
            QStringLiteral("<b>") + comp.displayName().toHtmlEscaped() + QStringLiteral("</b>");
        const QString state =
            QStringLiteral("<span style='color:%1'><b>%2</b></span>").arg(colour, stateWord(look));
        const QString line = reason.isEmpty() ? tr("%1 is %2").arg(name, state)
                                              : tr("%1 %2, which is %3").arg(reason, name, state);
        html += QStringLiteral("<tr><td style='color:%1'>&#9632;</td><td>").arg(colour) + line
            + last + QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table>");
    m_chain->setText(html);
    m_syncing = true;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, IdRole).toString() == m_selection->current())
                m_list->setCurrentItem(group->child(i));
        }
    }
    m_syncing = false;
}

QString ImpactPanel::summaryText() const
{
    return m_summary->text() + QLatin1Char('\n') + m_cost->text();
}

QString ImpactPanel::chainText() const
{
    return m_chain->text();
}

} // namespace faultline
