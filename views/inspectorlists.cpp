// The inspector's lists (dependencies, dependents, causes, what contributes to a business
// service's downtime) and its dependency page.
#include "views/inspector.h"

#include "model/analysis/availability.h"
#include "model/editing/mapdocument.h"
#include "views/inspectorformat.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace faultline {

using namespace inspector;

namespace {

QString href(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString idFromHref(const QString &link)
{
    return QUrl::fromPercentEncoding(link.toLatin1());
}

QString link(const Map &map, const QString &id)
{
    const auto i = map.findComponent(id);
    const QString name = i ? map.component(*i).displayName() : id;
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(href(id), name.toHtmlEscaped());
}

QLabel *linkLabel(const QString &html)
{
    auto *label = new QLabel(html);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    return label;
}

// Swaps a rebuilt list in for the old one. The old one may be in the middle of emitting the
// signal that led here, so it goes later. The caller fills the new one, then shows it (so that
// its children show with it, not an event loop later).
QWidget *replace(QVBoxLayout *layout, QWidget *old)
{
    auto *fresh = new QWidget;
    layout->replaceWidget(old, fresh);
    old->hide();
    old->deleteLater();
    return fresh;
}

QString chipStyle(theme::Look look)
{
    const theme::StateStyle &s = theme::style(look);
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3;"
                          " border-radius: 4px; padding: 2px 8px; font-weight: 600; }")
        .arg(s.fill.name(), s.text.name(), s.border.name());
}

} // namespace

void Inspector::refreshDependencies()
{
    const Map &map = m_doc->map();
    m_dependencies = replace(m_componentLayout, m_dependencies);
    auto *grid = new QGridLayout(m_dependencies);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(0, 1);
    int row = 0;
    QStringList dependents;
    for (const Dependency &d : map.dependencies()) {
        if (d.to == m_componentId) {
            QString entry = link(map, d.from);
            if (!d.isHard())
                entry += tr(" (soft)");
            dependents.append(entry);
        }
        if (d.from != m_componentId)
            continue;
        QString text = link(map, d.to);
        if (!d.label.isEmpty())
            text += QStringLiteral(" <span style=\"color: gray\">· %1</span>")
                        .arg(d.label.toHtmlEscaped());
        auto *target = linkLabel(text);
        connect(target, &QLabel::linkActivated, this,
            [this](const QString &l) { emit componentActivated(idFromHref(l)); });
        auto *type = new QComboBox;
        type->setObjectName(QStringLiteral("type:") + d.to);
        type->addItem(tr("hard"), int(DependencyType::Hard));
        type->addItem(tr("soft"), int(DependencyType::Soft));
        type->setCurrentIndex(d.isHard() ? 0 : 1);
        type->setToolTip(tr("Hard: cannot work without it. Soft: works, worse, without it."));
        const QString from = d.from, to = d.to;
        connect(type, &QComboBox::activated, this, [this, type, from, to](int index) {
            const auto t = DependencyType(type->itemData(index).toInt());
            apply(edit::setDependencyType(*m_doc, from, to, t));
        });
        auto *remove = new QToolButton;
        remove->setObjectName(QStringLiteral("delete:") + d.to);
        remove->setText(QStringLiteral("✕"));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Delete this dependency"));
        connect(remove, &QToolButton::clicked, this,
            [this, from, to] { apply(edit::deleteDependency(*m_doc, from, to)); });
        grid->addWidget(target, row, 0);
        grid->addWidget(type, row, 1);
        grid->addWidget(remove, row, 2);
        ++row;
    }
    if (row == 0) {
        auto *none = new QLabel(tr("Nothing."));
        none->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(none, 0, 0);
    }
    m_dependencies->show();
    m_dependents->setText(dependents.isEmpty() ? tr("Nothing depends on it.")
                                               : dependents.join(QStringLiteral(", ")));
    m_dependents->setTextFormat(Qt::RichText);
}

void Inspector::refreshImpact()
{
    const auto i = m_doc->map().findComponent(m_componentId);
    if (!i)
        return;
    const theme::Look look = lookOf(*m_doc, *i);
    m_state->setText(lookWord(look));
    m_state->setStyleSheet(chipStyle(look));
    m_state->setToolTip(causeSentence(*m_doc, *i));

    m_causes = replace(m_componentLayout, m_causes);
    auto *lines = new QVBoxLayout(m_causes);
    lines->setContentsMargins(0, 2, 0, 0);
    lines->setSpacing(2);
    QString hint;
    if (m_doc->failed().isEmpty() && m_doc->degraded().isEmpty())
        hint = tr("Nothing is failed. Fail components to see what this one loses.");
    else if (look == theme::Look::Failed)
        hint = tr("The what-if fails it.");
    else if (look == theme::Look::Impaired)
        hint = tr("The what-if impairs it.");
    else if (look == theme::Look::AtRisk)
        hint = tr("It still works, but its redundancy is spent.");
    else if (look == theme::Look::Up)
        hint = tr("Not affected by the what-if.");
    if (!hint.isEmpty()) {
        auto *label = new QLabel(hint);
        label->setWordWrap(true);
        label->setForegroundRole(QPalette::PlaceholderText);
        lines->addWidget(label);
    }
    for (const CauseLine &line : causeChain(*m_doc, *i)) {
        const QString name = m_doc->map()
                                 .component(*m_doc->map().findComponent(line.id))
                                 .displayName()
                                 .toHtmlEscaped();
        const QString quotedName = QStringLiteral("“%1”").arg(name);
        QString html = line.text.toHtmlEscaped();
        html.replace(quotedName, QStringLiteral("<a href=\"%1\">%2</a>").arg(href(line.id), name));
        auto *label = linkLabel(QStringLiteral("← ") + html);
        connect(label, &QLabel::linkActivated, this,
            [this](const QString &l) { emit componentActivated(idFromHref(l)); });
        lines->addWidget(label);
    }
    m_causes->show();
}

void Inspector::buildAvailabilitySection()
{
    m_availabilitySection = new QWidget;
    m_availabilityLayout = new QVBoxLayout(m_availabilitySection);
    m_availabilityLayout->setContentsMargins(0, 0, 0, 0);
    m_availabilityLayout->setSpacing(2);
    addSection(m_availabilityLayout, tr("Availability"));
    m_availabilityValue = new QLabel;
    m_availabilityValue->setObjectName(QStringLiteral("availabilityValue"));
    m_availabilityValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_availabilityValue->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_availabilityValue->setFont(big);
    m_availabilityValue->setToolTip(tr("The chance that it is not down, each component with an "
                                       "availability failing independently (exact)"));
    m_downtime = new QLabel;
    m_downtime->setObjectName(QStringLiteral("downtime"));
    m_downtime->setWordWrap(true);
    m_availabilityNote = new QLabel;
    m_availabilityNote->setObjectName(QStringLiteral("availabilityNote"));
    m_availabilityNote->setWordWrap(true);
    m_availabilityNote->setForegroundRole(QPalette::PlaceholderText);
    m_contributorsTitle = new QLabel(tr("Contributes most (downtime it adds a year):"));
    m_contributorsTitle->setWordWrap(true);
    m_contributorsTitle->setContentsMargins(0, 4, 0, 0);
    m_contributors = new QWidget;
    m_availabilityLayout->addWidget(m_availabilityValue);
    m_availabilityLayout->addWidget(m_downtime);
    m_availabilityLayout->addWidget(m_availabilityNote);
    m_availabilityLayout->addWidget(m_contributorsTitle);
    m_availabilityLayout->addWidget(m_contributors);
    m_componentLayout->addWidget(m_availabilitySection);
    m_availabilitySection->hide();
}

void Inspector::showAvailability(const AvailabilityReport &report)
{
    const Map &map = m_doc->map();
    const QLocale locale;
    m_contributorIds.clear();
    m_contributors = replace(m_availabilityLayout, m_contributors);
    auto *grid = new QGridLayout(m_contributors);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(0, 1);

    const bool nothingFails = report.variableCount == 0;
    m_availabilityValue->setVisible(!nothingFails);
    m_downtime->setVisible(!nothingFails);
    m_contributorsTitle->setVisible(!report.contributors.empty());
    m_availabilityNote->setVisible(nothingFails || report.contributors.empty());
    if (nothingFails) {
        m_availabilityNote->setText(tr("No component with an availability: give it, or what it "
                                       "needs, one (e.g. 0.9995) to see how often it is down."));
        m_contributors->show();
        return;
    }
    m_availabilityValue->setText(availabilityPercent(report.unavailability));
    const double minutes = report.downtimeMinutesPerYear;
    QString downtime = tr("%1 minutes of downtime a year").arg(formatMinutes(minutes));
    if (minutes >= 120.0)
        downtime += tr(" (%1 hours)").arg(locale.toString(minutes / 60.0, 'f', 1));
    m_downtime->setText(downtime);
    m_downtime->setToolTip(tr("%n component(s) it needs can fail.", nullptr, report.variableCount));
    m_availabilityNote->setText(tr("Nothing it needs can take it down."));

    const QString target = map.component(*map.findComponent(m_componentId)).displayName();
    int row = 0;
    for (const AvailabilityContributor &c : report.contributors) {
        const Component &comp = map.component(c.component);
        const double share = c.criticality; // of the target's downtime
        const QString saved = formatMinutes(c.contribution * minutesPerYear);
        auto *name = linkLabel(link(map, comp.id));
        name->setObjectName(QStringLiteral("contributor:") + comp.id);
        name->setWordWrap(false);
        connect(name, &QLabel::linkActivated, this,
            [this](const QString &l) { emit componentActivated(idFromHref(l)); });
        auto *minutesLabel = new QLabel(tr("%1 min").arg(saved));
        minutesLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *shareLabel = new QLabel(share >= 0.995 ? QStringLiteral("100 %")
                : share < 0.005                      ? QStringLiteral("<1 %")
                                : locale.toString(share * 100.0, 'f', 0) + QStringLiteral(" %"));
        shareLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        shareLabel->setForegroundRole(QPalette::PlaceholderText);
        const QString tip =
            tr("If %1 never failed, %2 would be down %3 minutes less a year "
               "(%4 % of its downtime). Its own availability: %5.")
                .arg(comp.displayName(), target, saved, locale.toString(share * 100.0, 'f', 1),
                    availabilityPercent(c.unavailability));
        for (QLabel *label : {name, minutesLabel, shareLabel}) {
            label->setToolTip(tip);
            grid->addWidget(label, row, label == name ? 0 : label == minutesLabel ? 1 : 2);
        }
        m_contributorIds.append(comp.id);
        ++row;
    }
    m_contributors->show();
}

bool Inspector::isAvailabilityShown() const
{
    return !m_availabilitySection->isHidden() && !m_componentPage->isHidden();
}

QString Inspector::availabilityText() const
{
    QStringList parts;
    for (const QLabel *label : {m_availabilityValue, m_downtime, m_availabilityNote}) {
        if (!label->isHidden() && !label->text().isEmpty())
            parts.append(label->text());
    }
    return parts.join(QLatin1Char('\n'));
}

QStringList Inspector::contributorIds() const
{
    return m_contributorIds;
}

void Inspector::buildDependencyPage()
{
    m_dependencyPage = new QWidget;
    auto *layout = new QVBoxLayout(m_dependencyPage);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addLayout(form);

    m_depFrom = linkLabel({});
    m_depTo = linkLabel({});
    for (QLabel *label : {m_depFrom, m_depTo}) {
        connect(label, &QLabel::linkActivated, this,
            [this](const QString &l) { emit componentActivated(idFromHref(l)); });
    }
    m_depType = new QComboBox;
    m_depType->setObjectName(QStringLiteral("dependencyType"));
    m_depType->addItem(tr("hard: cannot work without it"), int(DependencyType::Hard));
    m_depType->addItem(tr("soft: works, worse, without it"), int(DependencyType::Soft));
    connect(m_depType, &QComboBox::activated, this, [this](int index) {
        const auto t = DependencyType(m_depType->itemData(index).toInt());
        apply(edit::setDependencyType(*m_doc, m_from, m_to, t));
    });
    m_depLabel = new QLineEdit;
    m_depLabel->setObjectName(QStringLiteral("dependencyLabel"));
    m_depLabel->setPlaceholderText(tr("protocol or purpose"));
    connect(m_depLabel, &QLineEdit::editingFinished, this, [this] {
        const auto i = m_doc->map().findDependency(m_from, m_to);
        if (m_updating || !m_depLabel->isModified() || !i)
            return;
        Dependency d = m_doc->map().dependency(*i);
        d.label = m_depLabel->text().trimmed();
        apply(edit::editDependency(*m_doc, m_from, m_to, d));
    });
    form->addRow(tr("From"), m_depFrom);
    form->addRow(tr("Needs"), m_depTo);
    form->addRow(tr("Type"), m_depType);
    form->addRow(tr("Label"), m_depLabel);

    auto *remove = new QPushButton(tr("Delete dependency"));
    layout->addSpacing(12);
    layout->addWidget(remove, 0, Qt::AlignLeft);
    connect(remove, &QPushButton::clicked, this,
        [this] { apply(edit::deleteDependency(*m_doc, m_from, m_to)); });
}

void Inspector::refreshDependency()
{
    const Map &map = m_doc->map();
    const Dependency &d = map.dependency(*map.findDependency(m_from, m_to));
    m_updating = true;
    const auto name = [&map](const QString &id) {
        const auto i = map.findComponent(id);
        return i ? map.component(*i).displayName() : id;
    };
    m_title->setText(QStringLiteral("%1 → %2").arg(name(d.from), name(d.to)));
    m_subtitle->setText(d.isHard() ? tr("Hard dependency") : tr("Soft dependency"));
    m_depFrom->setText(link(map, d.from));
    m_depTo->setText(link(map, d.to));
    m_depType->setCurrentIndex(d.isHard() ? 0 : 1);
    if (m_depLabel->text() != d.label)
        m_depLabel->setText(d.label);
    m_depLabel->setModified(false);
    m_updating = false;
}

} // namespace faultline
