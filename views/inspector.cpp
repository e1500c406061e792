#include "views/inspector.h"

#include "model/analysis/availability.h"
#include "model/editing/mapdocument.h"
#include "model/map/errors.h"
#include "model/map/validation.h"
#include "views/dependencydialog.h"
#include "views/inspectorformat.h"
#include "views/mapselection.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>

namespace faultline {

using namespace inspector;

struct Inspector::AvailabilityJob
{
    QString componentId;
    quint64 revision = 0;
    std::atomic<bool> cancelled {false};
    AvailabilityReport report; // written by the worker, read after it finished
    QString error;
};

Inspector::Inspector(MapDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 10, 10, 10);
    scroll->setWidget(content);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel;
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(
        QStringLiteral("QLabel { background: #FDECEC; color: #7F1D1D; border: 1px solid #F5B5B5;"
                       " border-radius: 4px; padding: 6px; }"));
    m_message->hide();
    m_empty = new QLabel(tr("Select a component or a dependency to see and edit it here."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_message);
    layout->addWidget(m_empty);
    buildComponentPage();
    buildDependencyPage();
    layout->addWidget(m_componentPage);
    layout->addWidget(m_dependencyPage);
    layout->addStretch(1);

    connect(m_doc, &MapDocument::mapChanged, this, [this] {
        ++m_revision;
        if (!m_committing)
            refresh();
    });
    connect(m_doc, &MapDocument::impactChanged, this, [this] {
        if (!m_committing && m_componentPage->isVisible())
            refreshImpact();
    });
    connect(m_doc, &MapDocument::documentReset, this, [this] {
        ++m_revision;
        clearSelection();
    });
    refresh();
}

Inspector::~Inspector()
{
    stopAvailability();
    for (QThread *thread : m_threads) {
        thread->wait();
        delete thread;
    }
}

QLabel *Inspector::addSection(QVBoxLayout *layout, const QString &title)
{
    auto *label = new QLabel(title);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 10, 0, 2);
    layout->addWidget(label);
    return label;
}

QLineEdit *Inspector::addLineField(
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

void Inspector::buildComponentPage()
{
    m_componentPage = new QWidget;
    m_componentLayout = new QVBoxLayout(m_componentPage);
    m_componentLayout->setContentsMargins(0, 0, 0, 0);

    // Impact first: in a workshop it is what people look at.
    addSection(m_componentLayout, tr("Impact"));
    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("state"));
    m_componentLayout->addWidget(m_state, 0, Qt::AlignLeft);
    m_causes = new QWidget;
    m_componentLayout->addWidget(m_causes);

    buildAvailabilitySection();

    addSection(m_componentLayout, tr("Properties"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_componentLayout->addLayout(form);

    m_id = addLineField(QStringLiteral("id"), tr("Id"), [this](const QString &text) {
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
        if (!m_updating)
            commitComponent([&](Component &c) { c.kind = m_kind->currentText().trimmed(); });
    };
    connect(m_kind, &QComboBox::activated, this, commitKind);
    connect(m_kind->lineEdit(), &QLineEdit::editingFinished, this, commitKind);
    m_parent = new QComboBox;
    m_parent->setObjectName(QStringLiteral("parent"));
    m_parent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_parent->setMinimumContentsLength(10);
    connect(m_parent, &QComboBox::activated, this, [this](int row) {
        if (!m_updating)
            apply(edit::setParent(*m_doc, m_componentId, m_parent->itemData(row).toString()));
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
    connect(m_business, &QCheckBox::clicked, this, [this](bool on) {
        commitComponent([&](Component &c) {
            c.business = (on || c.business) ? std::optional<bool>(on) : std::nullopt;
        });
    });
    m_availability = addLineField(
        QStringLiteral("availability"), tr("Availability"), [this](const QString &text) {
            std::optional<double> v;
            if (!parseAvailability(text, &v))
                return notANumber(text);
            commitComponent([&](Component &c) { c.availability = v; });
        });
    m_availability->setPlaceholderText(tr("0..1, e.g. 0.9995"));
    m_rto = addLineField(QStringLiteral("rto"), tr("RTO"), [this](const QString &text) {
        std::optional<double> v;
        if (!parseOptionalNumber(text, &v))
            return notANumber(text);
        commitComponent([&](Component &c) { c.rtoMinutes = v; });
    });
    m_rto->setPlaceholderText(tr("minutes"));
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

    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Inside"), m_parent);
    form->addRow(tr("Owner"), m_owner);
    form->addRow(tr("Tier"), m_tier);
    form->addRow(tr("Business"), m_business);
    form->addRow(tr("Availability"), m_availability);
    form->addRow(tr("RTO"), m_rto);
    form->addRow(tr("Cost / hour"), m_cost);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(tr("Notes"), m_description);

    addSection(m_componentLayout, tr("Redundancy"));
    auto *requireRow = new QHBoxLayout;
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
    m_componentLayout->addLayout(requireRow);
    connect(m_require, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_updating)
            apply(edit::setRequire(
                *m_doc, m_componentId, value < 0 ? std::nullopt : std::optional<int>(value)));
    });

    addSection(m_componentLayout, tr("Depends on"));
    m_dependencies = new QWidget;
    m_componentLayout->addWidget(m_dependencies);
    m_addDependency = new QPushButton(tr("Add dependency…"));
    m_componentLayout->addWidget(m_addDependency, 0, Qt::AlignLeft);
    connect(m_addDependency, &QPushButton::clicked, this, [this] {
        auto *dialog = new DependencyDialog(m_doc, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFrom(m_componentId);
        dialog->open();
    });

    addSection(m_componentLayout, tr("Needed by"));
    m_dependents = new QLabel;
    m_dependents->setWordWrap(true);
    m_componentLayout->addWidget(m_dependents);
    connect(m_dependents, &QLabel::linkActivated, this, &Inspector::componentActivated);

    m_delete = new QPushButton(tr("Delete component"));
    m_componentLayout->addSpacing(12);
    m_componentLayout->addWidget(m_delete, 0, Qt::AlignLeft);
    connect(m_delete, &QPushButton::clicked, this,
        [this] { apply(edit::deleteComponents(*m_doc, {m_componentId})); });
}

QString Inspector::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void Inspector::setSelectionModel(MapSelection *selection)
{
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (!selection)
        return;
    const auto follow = [this] {
        if (!m_selection->dependencyFrom().isEmpty())
            setDependencySelection(m_selection->dependencyFrom(), m_selection->dependencyTo());
        else if (!m_selection->current().isEmpty())
            setSelection(m_selection->current());
        else
            clearSelection();
    };
    connect(selection, &MapSelection::changed, this, follow);
    connect(this, &Inspector::componentActivated, selection,
        [this](const QString &id) { m_selection->setComponents({id}); });
    follow();
}

void Inspector::setSelection(const QString &componentId)
{
    if (componentId == m_componentId && m_from.isEmpty())
        return;
    flushPendingEdits();
    m_componentId = componentId;
    m_from.clear();
    m_to.clear();
    hideMessage();
    refresh();
}

void Inspector::setDependencySelection(const QString &from, const QString &to)
{
    if (from == m_from && to == m_to && m_componentId.isEmpty())
        return;
    flushPendingEdits();
    m_componentId.clear();
    m_from = from;
    m_to = to;
    hideMessage();
    refresh();
}

void Inspector::clearSelection()
{
    m_componentId.clear();
    m_from.clear();
    m_to.clear();
    hideMessage();
    refresh();
}

void Inspector::refresh()
{
    const Map &map = m_doc->map();
    const bool component = !m_componentId.isEmpty() && map.findComponent(m_componentId);
    const bool dependency = !m_from.isEmpty() && map.findDependency(m_from, m_to);
    m_componentPage->setVisible(component);
    m_dependencyPage->setVisible(dependency);
    m_empty->setVisible(!component && !dependency);
    m_title->setVisible(component || dependency);
    m_subtitle->setVisible(component || dependency);
    if (!component)
        stopAvailability();
    if (component)
        refreshComponent();
    else if (dependency)
        refreshDependency();
}

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

} // namespace

void Inspector::refreshComponent()
{
    const Map &map = m_doc->map();
    const Component &c = map.component(*map.findComponent(m_componentId));
    m_updating = true;
    m_title->setText(c.displayName());
    m_subtitle->setText(c.kind.isEmpty() ? tr("Component") : c.kind);

    setLine(m_id, c.id);
    setLine(m_name, c.name);
    m_name->setPlaceholderText(c.id);
    m_kind->setCurrentText(c.kind);
    rebuildParents();
    setLine(m_owner, c.owner);
    setLine(m_tier, c.tier ? QString::number(*c.tier) : QString());
    m_business->setChecked(c.isBusiness());
    setLine(m_availability, optionalNumber(c.availability));
    setLine(m_rto, optionalNumber(c.rtoMinutes));
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

    refreshDependencies();
    refreshImpact();
    refreshAvailability();
}

// Shows the availability of a business service, computing it again when the component or the
// map changed since the last time.
void Inspector::refreshAvailability()
{
    const Map &map = m_doc->map();
    const auto i = map.findComponent(m_componentId);
    if (!i || !map.component(*i).isBusiness()) {
        stopAvailability();
        m_availabilitySection->hide();
        return;
    }
    m_availabilitySection->show();
    if (m_availabilityId == m_componentId && m_availabilityRevision == m_revision)
        return; // shown, or on its way
    startAvailability();
}

void Inspector::startAvailability()
{
    if (m_availabilityJob)
        m_availabilityJob->cancelled = true;
    auto job = std::make_shared<AvailabilityJob>();
    job->componentId = m_componentId;
    job->revision = m_revision;
    m_availabilityJob = job;
    m_availabilityId = m_componentId;
    m_availabilityRevision = m_revision;
    const ComponentIndex target = *m_doc->map().findComponent(m_componentId);
    QThread *thread = QThread::create([this, job, target, map = m_doc->map()] {
        try {
            const ImpactGraph graph(map);
            job->report = availabilityContributors(map, graph, target, contributorLimit,
                [job](int, int) { return !job->cancelled.load(); });
        } catch (const Cancelled &) {
            job->cancelled = true;
        } catch (const Error &e) {
            job->error = e.message();
        } catch (const std::exception &e) {
            job->error = QString::fromLocal8Bit(e.what());
        }
        // Queued: the inspector waits for its threads before it goes.
        QMetaObject::invokeMethod(
            this, [this, job] { finishAvailability(job); }, Qt::QueuedConnection);
    });
    m_threads.push_back(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase(m_threads, thread);
        thread->deleteLater();
    });
    thread->start();
    // Long enough for ordinary maps to show the figures at once (no flicker, screenshots see
    // them), short enough not to be felt; bigger maps show "Computing…" meanwhile.
    if (thread->wait(QDeadlineTimer(m_availabilityWaitMs))) {
        finishAvailability(job); // the queued call finds it done and does nothing
        return;
    }
    if (m_availabilityShownFor != m_componentId) {
        // Another component's figures would mislead while this one's are on their way.
        showAvailability(AvailabilityReport {});
        m_availabilityShownFor.clear();
    }
    m_availabilityNote->setText(tr("Computing…"));
    m_availabilityNote->show();
}

void Inspector::finishAvailability(const std::shared_ptr<AvailabilityJob> &job)
{
    if (job != m_availabilityJob)
        return; // superseded, stopped or already shown
    m_availabilityJob.reset();
    if (job->cancelled || job->revision != m_revision || job->componentId != m_componentId) {
        m_availabilityId.clear(); // computed again when shown again
        return;
    }
    if (!job->error.isEmpty()) {
        showAvailability(AvailabilityReport {});
        m_availabilityNote->setText(tr("It cannot be computed exactly: %1").arg(job->error));
    } else {
        showAvailability(job->report);
    }
    m_availabilityShownFor = job->componentId;
    emit availabilityUpdated();
}

void Inspector::stopAvailability()
{
    if (m_availabilityJob)
        m_availabilityJob->cancelled = true;
    m_availabilityJob.reset();
    m_availabilityId.clear();
}

void Inspector::rebuildParents()
{
    const Map &map = m_doc->map();
    const Component &c = map.component(*map.findComponent(m_componentId));
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

void Inspector::commitComponent(const std::function<void(Component &)> &change)
{
    const auto i = m_doc->map().findComponent(m_componentId);
    if (!i)
        return;
    Component c = m_doc->map().component(*i);
    change(c);
    const QString newId = c.id;
    apply(edit::editComponent(*m_doc, m_componentId, std::move(c)), newId);
}

void Inspector::apply(edit::Edit edit, const QString &newId)
{
    m_committing = true;
    const std::optional<QString> refusal = edit::tryPush(*m_doc, std::move(edit));
    m_committing = false;
    if (refusal) {
        showMessage(*refusal);
    } else {
        hideMessage();
        if (!newId.isEmpty())
            m_componentId = newId;
    }
    refresh();
}

// Commits what the user typed in a field before the inspector shows something else.
void Inspector::flushPendingEdits()
{
    if (m_depLabel->isModified())
        emit m_depLabel->editingFinished();
    if (m_componentId.isEmpty() || !m_doc->map().findComponent(m_componentId))
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

bool Inspector::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut && !m_updating
        && m_description->document()->isModified()) {
        const QString text = m_description->toPlainText();
        commitComponent([&](Component &c) { c.description = text; });
    }
    return QWidget::eventFilter(watched, event);
}

void Inspector::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

void Inspector::hideMessage()
{
    m_message->clear();
    m_message->hide();
}

void Inspector::notANumber(const QString &text)
{
    showMessage(tr("“%1” is not a number.").arg(text.trimmed()));
    refresh();
}

} // namespace faultline
