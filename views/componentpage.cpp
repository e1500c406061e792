#include "views/componentpage.h"

#include "model/editing/bulkedits.h"
#include "model/editing/editnotices.h"
#include "model/editing/mapdocument.h"
#include "model/map/validation.h"
#include "views/availabilitysection.h"
#include "views/dependencydialog.h"
#include "views/inspectorformat.h"
#include "views/inspectorlinks.h"
#include "views/notice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace faultline {

using namespace inspector;

namespace {

void setLine(QLineEdit *field, const QString &text)
{
    if (field->text() != text)
        field->setText(text);
    field->setModified(false);
    field->setCursorPosition(0);
}

QString optionalNumber(const std::optional<double> &v)
{
    return v ? formatNumber(*v) : QString();
}

QString chipStyle(theme::Look look)
{
    const theme::StateStyle &s = theme::style(look);
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3;"
                          " border-radius: 4px; padding: 2px 8px; font-weight: 600; }")
        .arg(s.fill.name(), s.text.name(), s.border.name());
}

} // namespace

ComponentPage::ComponentPage(
    MapDocument *document, Apply apply, ShowMessage showMessage, QWidget *parent)
    : QWidget(parent), m_doc(document), m_apply(std::move(apply)),
      m_showMessage(std::move(showMessage)), m_availability(new AvailabilitySection(document))
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);

    // Impact first: in a workshop it is what people look at.
    m_singleOnly.append(addSection(m_layout, tr("Impact")));
    m_state = new QLabel;
    m_singleOnly.append(m_state);
    m_state->setObjectName(QStringLiteral("state"));
    m_layout->addWidget(m_state, 0, Qt::AlignLeft);
    m_causes = new QWidget;
    m_layout->addWidget(m_causes);

    m_layout->addWidget(m_availability);
    m_singleOnly.append(m_availability);
    connect(m_availability, &AvailabilitySection::componentActivated, this,
        &ComponentPage::componentActivated);

    buildProperties();
    buildRedundancyAndLinks();
    rememberPlaceholders();
}

void ComponentPage::rememberPlaceholders()
{
    for (QLineEdit *field : m_commits.keys())
        m_placeholders.insert(field, field->placeholderText());
    m_placeholders.insert(m_kind->lineEdit(), QString());
}

void ComponentPage::buildProperties()
{
    addSection(m_layout, tr("Properties"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_layout->addLayout(form);

    m_idField = addLineField(QStringLiteral("id"), tr("Id"), [this](const QString &text) {
        const QString id = text.trimmed();
        commitComponent([&](Component &c) { c.id = id; });
    });
    m_name = addLineField(QStringLiteral("name"), tr("Name"), [this](const QString &text) {
        commitComponent([&](Component &c) { c.name = text.trimmed(); });
    });
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setEditable(true);
    m_kind->setInsertPolicy(QComboBox::NoInsert);
    m_kind->addItems(knownKinds());
    const auto commitKind = [this] {
        const QString kind = m_kind->currentText().trimmed();
        if (!m_updating && kind != m_shownKind)
            commitComponent([&](Component &c) { c.kind = kind; });
    };
    connect(m_kind, &QComboBox::activated, this, commitKind);
    connect(m_kind->lineEdit(), &QLineEdit::editingFinished, this, commitKind);
    m_parent = new QComboBox;
    m_parent->setObjectName(QStringLiteral("parent"));
    m_parent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_parent->setMinimumContentsLength(10);
    connect(m_parent, &QComboBox::activated, this, [this](int row) {
        if (m_updating)
            return;
        const QString parent = m_parent->itemData(row).toString();
        const auto i = m_doc->map().findComponent(m_id);
        if (!i || m_doc->map().component(*i).parent == parent)
            return;
        m_apply(edit::setParent(*m_doc, m_id, parent,
                    m_placer ? m_placer(m_id, parent) : QHash<QString, QPointF> {}),
            {});
    });
    m_owner = addLineField(QStringLiteral("owner"), tr("Owner"), [this](const QString &text) {
        commitComponent([&](Component &c) { c.owner = text.trimmed(); });
    });
    m_tier = addLineField(QStringLiteral("tier"), tr("Tier"), [this](const QString &text) {
        std::optional<int> tier;
        if (!parseOptionalInt(text, &tier))
            return notANumber(text);
        commitComponent([&](Component &c) { c.tier = tier; });
    });
    m_tier->setPlaceholderText(tr("1 = most critical"));
    m_business = new QCheckBox(tr("Customers see it"));
    m_business->setObjectName(QStringLiteral("business"));
    connect(m_business, &QCheckBox::clicked, this, [this] {
        // From "several" (partly checked) a click checks.
        const bool on = m_business->checkState() == Qt::Checked;
        commitComponent([&](Component &c) {
            c.business = (on || c.business) ? std::optional<bool>(on) : std::nullopt;
        });
    });
    m_availabilityField = addLineField(
        QStringLiteral("availability"), tr("Availability"), [this](const QString &text) {
            std::optional<double> v;
            if (!parseAvailability(text, &v))
                return notANumber(text);
            commitComponent([&](Component &c) { c.availability = v; });
        });
    m_availabilityField->setPlaceholderText(tr("0..1, e.g. 0.9995"));
    m_rto = addMinutesField(QStringLiteral("rto"), tr("RTO"),
        tr("minutes to come back once what it needs is"), &Component::rtoMinutes);
    m_rpo = addMinutesField(QStringLiteral("rpo"), tr("RPO"),
        tr("minutes of data a failure may lose"), &Component::rpoMinutes);
    m_targetRto = addMinutesField(QStringLiteral("target-rto"), tr("Target RTO"),
        tr("back within, in minutes"), &Component::targetRtoMinutes);
    m_targetRpo = addMinutesField(QStringLiteral("target-rpo"), tr("Target RPO"),
        tr("data loss accepted, in minutes"), &Component::targetRpoMinutes);
    m_cost = addLineField(QStringLiteral("cost"), tr("Cost per hour"), [this](const QString &text) {
        std::optional<double> v;
        if (!parseOptionalNumber(text, &v))
            return notANumber(text);
        commitComponent([&](Component &c) { c.costPerHour = v; });
    });
    m_cost->setPlaceholderText(tr("lost per hour down"));
    m_tags = addLineField(QStringLiteral("tags"), tr("Tags"), [this](const QString &text) {
        commitComponent([&](Component &c) { c.tags = parseTags(text); });
    });
    m_tags->setPlaceholderText(tr("comma, separated"));
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    m_description->installEventFilter(this);

    form->addRow(tr("Id"), m_idField);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Inside"), m_parent);
    form->addRow(tr("Owner"), m_owner);
    form->addRow(tr("Tier"), m_tier);
    form->addRow(tr("Business"), m_business);
    form->addRow(tr("Availability"), m_availabilityField);
    form->addRow(tr("RTO"), m_rto);
    form->addRow(tr("RPO"), m_rpo);
    form->addRow(tr("Target RTO"), m_targetRto);
    form->addRow(tr("Target RPO"), m_targetRpo);
    form->addRow(tr("Cost / hour"), m_cost);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(tr("Notes"), m_description);
}

QLineEdit *ComponentPage::addMinutesField(const QString &name, const QString &label,
    const QString &placeholder, std::optional<double> Component::*field)
{
    QLineEdit *edit = addLineField(name, label, [this, field](const QString &text) {
        std::optional<double> v;
        if (!parseOptionalNumber(text, &v))
            return notANumber(text);
        commitComponent([&](Component &c) { c.*field = v; });
    });
    edit->setPlaceholderText(placeholder);
    return edit;
}

void ComponentPage::buildRedundancyAndLinks()
{
    m_singleOnly.append(addSection(m_layout, tr("Redundancy")));
    auto *requireBox = new QWidget;
    m_singleOnly.append(requireBox);
    auto *requireRow = new QHBoxLayout(requireBox);
    requireRow->setContentsMargins(0, 0, 0, 0);
    m_require = new QSpinBox;
    m_require->setObjectName(QStringLiteral("require"));
    m_require->setKeyboardTracking(false);
    m_require->setMinimum(-1);
    m_require->setSpecialValueText(tr("all"));
    m_requireText = new QLabel;
    m_requireText->setWordWrap(true);
    requireRow->addWidget(new QLabel(tr("Requires")));
    requireRow->addWidget(m_require);
    requireRow->addWidget(m_requireText, 1);
    m_layout->addWidget(requireBox);
    connect(m_require, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_updating)
            m_apply(edit::setRequire(
                        *m_doc, m_id, value < 0 ? std::nullopt : std::optional<int>(value)),
                {});
    });

    m_singleOnly.append(addSection(m_layout, tr("Depends on")));
    m_dependencies = new QWidget;
    m_layout->addWidget(m_dependencies);
    m_addDependency = new QPushButton(tr("Add dependency…"));
    m_layout->addWidget(m_addDependency, 0, Qt::AlignLeft);
    m_singleOnly.append(m_addDependency);
    connect(m_addDependency, &QPushButton::clicked, this, [this] {
        auto *dialog = new DependencyDialog(m_doc, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFrom(m_id);
        dialog->open();
    });

    m_singleOnly.append(addSection(m_layout, tr("Needed by")));
    m_dependents = new QLabel;
    m_singleOnly.append(m_dependents);
    m_dependents->setWordWrap(true);
    m_layout->addWidget(m_dependents);
    connect(m_dependents, &QLabel::linkActivated, this, &ComponentPage::componentActivated);

    m_delete = new QPushButton(tr("Delete component"));
    m_layout->addSpacing(12);
    m_layout->addWidget(m_delete, 0, Qt::AlignLeft);
    m_singleOnly.append(m_delete);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString notice = edit::deleteNotice(m_doc->map(), {m_id});
        m_apply(edit::deleteComponents(*m_doc, {m_id}), {});
        if (!notice.isEmpty() && !m_doc->map().findComponent(m_id))
            showNotice(window(), notice);
    });
}

QLineEdit *ComponentPage::addLineField(
    const QString &name, const QString &label, std::function<void(const QString &)> commit)
{
    auto *field = new QLineEdit;
    field->setObjectName(name);
    field->setAccessibleName(label);
    m_commits.insert(field, commit);
    connect(field, &QLineEdit::editingFinished, this, [this, field] {
        if (!m_updating && field->isModified())
            m_commits.value(field)(field->text());
    });
    return field;
}

void ComponentPage::showComponents(const QStringList &ids)
{
    m_ids = ids;
    m_id = ids.value(0);
    for (QWidget *w : std::as_const(m_singleOnly))
        w->setVisible(ids.size() == 1);
    m_idField->setEnabled(ids.size() == 1);
    m_parent->setEnabled(ids.size() == 1);
    if (ids.size() > 1) {
        m_availability->stop();
        m_causes->hide();
        m_dependencies->hide();
        m_idField->setToolTip(tr("Each component has an id of its own."));
        m_parent->setToolTip(tr("Move several components into a box by dragging them onto it."));
        refreshSeveral();
        return;
    }
    m_idField->setToolTip({});
    m_parent->setToolTip({});
    refreshFields();
    refreshDependencies();
    refreshImpact();
    m_availability->showFor(m_id);
}

void ComponentPage::commitComponent(const std::function<void(Component &)> &change)
{
    if (m_ids.size() > 1) {
        m_apply(edit::editComponents(*m_doc, m_ids, change), {});
        return;
    }
    const auto i = m_doc->map().findComponent(m_id);
    if (!i)
        return;
    Component c = m_doc->map().component(*i);
    change(c);
    const QString newId = c.id;
    m_apply(edit::editComponent(*m_doc, m_id, std::move(c)), newId);
}

void ComponentPage::flushPendingEdits()
{
    if (m_doc->map().existingComponents(m_ids).isEmpty())
        return;
    for (auto it = m_commits.cbegin(); it != m_commits.cend(); ++it) {
        if (it.key()->isModified())
            it.value()(it.key()->text());
    }
    if (m_description->document()->isModified()) {
        const QString text = m_description->toPlainText();
        commitComponent([&](Component &c) { c.description = text; });
    }
}

bool ComponentPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut && !m_updating
        && m_description->document()->isModified()) {
        const QString text = m_description->toPlainText();
        commitComponent([&](Component &c) { c.description = text; });
    }
    return QWidget::eventFilter(watched, event);
}

void ComponentPage::notANumber(const QString &text)
{
    m_showMessage(tr("“%1” is not a number.").arg(text.trimmed()));
    showComponents(m_ids);
}

void ComponentPage::refreshFields()
{
    const Map &map = m_doc->map();
    const Component &c = map.component(*map.findComponent(m_id));
    m_updating = true;

    for (auto it = m_placeholders.cbegin(); it != m_placeholders.cend(); ++it)
        it.key()->setPlaceholderText(it.value());
    m_description->setPlaceholderText({});
    m_business->setTristate(false);
    setLine(m_idField, c.id);
    setLine(m_name, c.name);
    m_name->setPlaceholderText(c.id);
    m_kind->setCurrentText(c.kind);
    m_shownKind = c.kind;
    rebuildParents();
    setLine(m_owner, c.owner);
    setLine(m_tier, c.tier ? QString::number(*c.tier) : QString());
    m_business->setChecked(c.isBusiness());
    setLine(m_availabilityField, optionalNumber(c.availability));
    setLine(m_rto, optionalNumber(c.rtoMinutes));
    setLine(m_rpo, optionalNumber(c.rpoMinutes));
    setLine(m_targetRto, optionalNumber(c.targetRtoMinutes));
    setLine(m_targetRpo, optionalNumber(c.targetRpoMinutes));
    setLine(m_cost, optionalNumber(c.costPerHour));
    setLine(m_tags, formatTags(c.tags));
    if (m_description->toPlainText() != c.description)
        m_description->setPlainText(c.description);
    m_description->document()->setModified(false);

    const int hard = hardDependencyCount(map, c.id);
    m_require->setMaximum(std::max(hard, c.require.value_or(0)));
    m_require->setValue(c.require.value_or(-1));
    if (hard == 0)
        m_requireText->setText(tr("(it has no hard dependencies)"));
    else if (hard == 1)
        m_requireText->setText(
            c.require ? tr("of 1 hard dependency") : tr("of its 1 hard dependency"));
    else
        m_requireText->setText(c.require ? tr("of %1 hard dependencies").arg(hard)
                                         : tr("of its %1 hard dependencies").arg(hard));
    m_updating = false;
}

// Several components: each field shows the value they share, or "— several —" when they differ.
void ComponentPage::refreshSeveral()
{
    const Map &map = m_doc->map();
    std::vector<const Component *> shown;
    for (const QString &id : map.existingComponents(m_ids))
        shown.push_back(&map.component(*map.findComponent(id)));
    if (shown.empty())
        return;
    const QString several = tr("— several —");
    // The value they share, or nullopt.
    const auto common =
        [&](const std::function<QString(const Component &)> &text) -> std::optional<QString> {
        const QString first = text(*shown.front());
        for (const Component *c : shown) {
            if (text(*c) != first)
                return std::nullopt;
        }
        return first;
    };
    m_updating = true;
    const auto show = [&](QLineEdit *field, const std::function<QString(const Component &)> &text) {
        const std::optional<QString> value = common(text);
        setLine(field, value.value_or(QString()));
        field->setPlaceholderText(value ? m_placeholders.value(field) : several);
    };
    show(m_idField, [](const Component &c) { return c.id; });
    show(m_name, [](const Component &c) { return c.name; });
    show(m_kind->lineEdit(), [](const Component &c) { return c.kind; });
    m_shownKind = m_kind->currentText();
    rebuildParents();
    if (!common([](const Component &c) { return c.parent; })) {
        m_parent->setPlaceholderText(several);
        m_parent->setCurrentIndex(-1);
    }
    show(m_owner, [](const Component &c) { return c.owner; });
    show(m_tier, [](const Component &c) { return c.tier ? QString::number(*c.tier) : QString(); });
    show(m_availabilityField, [](const Component &c) { return optionalNumber(c.availability); });
    show(m_rto, [](const Component &c) { return optionalNumber(c.rtoMinutes); });
    show(m_rpo, [](const Component &c) { return optionalNumber(c.rpoMinutes); });
    show(m_targetRto, [](const Component &c) { return optionalNumber(c.targetRtoMinutes); });
    show(m_targetRpo, [](const Component &c) { return optionalNumber(c.targetRpoMinutes); });
    show(m_cost, [](const Component &c) { return optionalNumber(c.costPerHour); });
    show(m_tags, [](const Component &c) { return formatTags(c.tags); });
    const std::optional<QString> business =
        common([](const Component &c) { return c.isBusiness() ? QStringLiteral("1") : QString(); });
    m_business->setTristate(!business);
    m_business->setCheckState(!business ? Qt::PartiallyChecked
            : business->isEmpty()       ? Qt::Unchecked
                                        : Qt::Checked);
    const std::optional<QString> description =
        common([](const Component &c) { return c.description; });
    if (m_description->toPlainText() != description.value_or(QString()))
        m_description->setPlainText(description.value_or(QString()));
    m_description->setPlaceholderText(description ? QString() : several);
    m_description->document()->setModified(false);
    m_updating = false;
}

void ComponentPage::rebuildParents()
{
    const Map &map = m_doc->map();
    const Component &c = map.component(*map.findComponent(m_id));
    std::vector<const Component *> candidates;
    candidates.reserve(map.componentCount());
    for (const Component &other : map.components()) {
        if (other.id != c.id)
            candidates.push_back(&other);
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto *a, const auto *b) {
        return QString::localeAwareCompare(a->displayName(), b->displayName()) < 0;
    });
    m_parent->clear();
    m_parent->addItem(tr("(top level)"), QString());
    for (const Component *other : candidates) {
        const QString label = other->name.isEmpty() || other->name == other->id
            ? other->id
            : QStringLiteral("%1 (%2)").arg(other->name, other->id);
        m_parent->addItem(label, other->id);
    }
    m_parent->setCurrentIndex(std::max(0, m_parent->findData(c.parent)));
}

void ComponentPage::refreshDependencies()
{
    const Map &map = m_doc->map();
    m_dependencies = replace(m_layout, m_dependencies);
    auto *grid = new QGridLayout(m_dependencies);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(0, 1);
    int row = 0;
    QStringList dependents;
    for (const Dependency &d : map.dependencies()) {
        if (d.to == m_id) {
            QString entry = link(map, d.from);
            if (!d.isHard())
                entry += tr(" (soft)");
            dependents.append(entry);
        }
        if (d.from != m_id)
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
            m_apply(edit::setDependencyType(*m_doc, from, to, t), {});
        });
        auto *remove = new QToolButton;
        remove->setObjectName(QStringLiteral("delete:") + d.to);
        remove->setText(QStringLiteral("✕"));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Delete this dependency"));
        connect(remove, &QToolButton::clicked, this,
            [this, from, to] { m_apply(edit::deleteDependency(*m_doc, from, to), {}); });
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

void ComponentPage::refreshImpact()
{
    if (m_ids.size() > 1)
        return;
    const auto i = m_doc->map().findComponent(m_id);
    if (!i)
        return;
    const theme::Look look = lookOf(*m_doc, *i);
    m_state->setText(lookWord(look));
    m_state->setStyleSheet(chipStyle(look));
    m_state->setToolTip(causeSentence(*m_doc, *i));

    m_causes = replace(m_layout, m_causes);
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

} // namespace faultline
