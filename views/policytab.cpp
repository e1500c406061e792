#include "views/policytab.h"

#include "model/editing/mapdocument.h"
#include "model/impact/state.h"
#include "views/mapselection.h"
#include "views/resultwidgets.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace faultline {

namespace {

constexpr int FailureRole = resultwidgets::IdRole + 1;

QString stateWord(const std::optional<State> &state)
{
    if (!state)
        return {};
    switch (*state) {
    case State::Down:
        return PolicyTab::tr("down");
    case State::Degraded:
        return PolicyTab::tr("degraded");
    case State::AtRisk:
        return PolicyTab::tr("at risk");
    case State::Up:
        break;
    }
    return PolicyTab::tr("up");
}

} // namespace

PolicyTab::PolicyTab(MapDocument *document, MapSelection *selection, QWidget *parent)
    : QWidget(parent), m_doc(document), m_selection(selection),
      m_summary(resultwidgets::wrappedLabel(this)),
      m_list(resultwidgets::resultTree({tr("Rule / service"), tr("Result"), tr("Failure")}, this))
{
    m_list->setRootIsDecorated(true);
    m_list->setWordWrap(true);
    auto *check = new QPushButton(tr("Check"), this);
    check->setObjectName(QStringLiteral("checkPolicyButton"));
    check->setToolTip(tr("Check the map against its policy, as faultline check does"));
    auto *edit = new QPushButton(tr("Edit Policy…"), this);
    edit->setObjectName(QStringLiteral("editPolicyButton"));
    edit->setToolTip(tr("Write or load the policy stored in this map"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(check);
    buttons->addWidget(edit);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);

    connect(check, &QPushButton::clicked, this, &PolicyTab::runRequested);
    connect(edit, &QPushButton::clicked, this, &PolicyTab::editRequested);
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, resultwidgets::IdRole).toString();
        if (!id.isEmpty())
            m_selection->setComponents({id});
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QStringList failure = item->data(0, FailureRole).toStringList();
        if (!failure.isEmpty())
            m_doc->setWhatIf(m_doc->map().existingComponents(failure), {});
    });
    showMessage(tr("Check holds the map to the policy stored in it."));
}

QString PolicyTab::summaryText() const
{
    return m_summary->text();
}

void PolicyTab::showMessage(const QString &text)
{
    m_list->clear();
    m_summary->setText(text);
}

void PolicyTab::showResults(const Map &map, const std::vector<RuleResult> &results)
{
    m_list->clear();
    int broken = 0;
    for (const RuleResult &r : results) {
        auto *rule = new QTreeWidgetItem(m_list);
        rule->setText(0, r.rule->name);
        rule->setToolTip(0, r.rule->name);
        QFont bold = rule->font(0);
        bold.setBold(true);
        rule->setFont(0, bold);
        if (r.holds()) {
            rule->setText(1, tr("holds"));
            rule->setForeground(1, QColor(0x15, 0x80, 0x3D));
            continue;
        }
        ++broken;
        const int count = int(r.violations.size());
        rule->setText(1, count == 1 ? tr("1 violation") : tr("%1 violations").arg(count));
        rule->setForeground(1, QColor(0xC8, 0x1E, 0x1E));
        for (const PolicyViolation &v : r.violations) {
            const Component &service = map.component(v.service);
            QStringList failureNames;
            for (const QString &id : v.failure) {
                const auto c = map.findComponent(id);
                failureNames.append(c ? map.component(*c).displayName() : id);
            }
            auto *item = new QTreeWidgetItem(rule);
            item->setText(0, service.displayName());
            item->setText(1, stateWord(v.state));
            item->setText(2, failureNames.join(QStringLiteral(", ")));
            item->setToolTip(0, v.evidence);
            item->setToolTip(2, v.evidence);
            item->setData(0, resultwidgets::IdRole, service.id);
            item->setData(0, FailureRole, v.failure);
        }
        // A few violations are read at once; dozens (every single point of a tier) would bury
        // the other rules, so those stay folded until asked for.
        rule->setExpanded(count <= 5);
    }
    if (results.empty())
        m_summary->setText(tr("The policy has no rules."));
    else if (broken == 0)
        m_summary->setText(results.size() == 1
                ? tr("The rule holds.")
                : tr("Every rule holds (%1 rules).").arg(results.size()));
    else
        m_summary->setText(tr("<b>%1 of %2 rules broken.</b> Double-click a violation to apply "
                              "its failure.")
                               .arg(broken)
                               .arg(results.size()));
}

} // namespace faultline
