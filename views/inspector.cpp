#include "views/inspector.h"

#include "model/editing/mapdocument.h"
#include "views/availabilitysection.h"
#include "views/componentpage.h"
#include "views/dependencypage.h"
#include "views/mapselection.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace faultline {

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
    m_componentPage = new ComponentPage(
        m_doc, [this](edit::Edit e, const QString &newId) { apply(std::move(e), newId); },
        [this](const QString &message) { showMessage(message); });
    m_dependencyPage = new DependencyPage(m_doc, [this](edit::Edit e) { apply(std::move(e)); });
    connect(
        m_componentPage, &ComponentPage::componentActivated, this, &Inspector::componentActivated);
    connect(m_dependencyPage, &DependencyPage::componentActivated, this,
        &Inspector::componentActivated);
    connect(m_componentPage->availability(), &AvailabilitySection::updated, this,
        &Inspector::availabilityUpdated);
    layout->addWidget(m_componentPage);
    layout->addWidget(m_dependencyPage);
    layout->addStretch(1);

    connect(m_doc, &MapDocument::mapChanged, this, [this] {
        if (!m_committing)
            refresh();
    });
    connect(m_doc, &MapDocument::impactChanged, this, [this] {
        if (!m_committing && m_componentPage->isVisible())
            m_componentPage->refreshImpact();
    });
    connect(m_doc, &MapDocument::documentReset, this, &Inspector::clearSelection);
    refresh();
}

Inspector::~Inspector() = default;

bool Inspector::isAvailabilityShown() const
{
    return !m_componentPage->availability()->isHidden() && !m_componentPage->isHidden();
}

QString Inspector::availabilityText() const
{
    return m_componentPage->availability()->text();
}

QStringList Inspector::contributorIds() const
{
    return m_componentPage->availability()->contributorIds();
}

bool Inspector::isAvailabilityPending() const
{
    return m_componentPage->availability()->isPending();
}

void Inspector::setAvailabilityWait(int ms)
{
    m_componentPage->availability()->setWait(ms);
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
        else if (!m_selection->components().isEmpty())
            setComponentsSelection(m_selection->components());
        else
            clearSelection();
    };
    connect(selection, &MapSelection::changed, this, follow);
    connect(this, &Inspector::componentActivated, selection,
        [this](const QString &id) { m_selection->setComponents({id}); });
    follow();
}

void Inspector::setPlacer(Placer placer)
{
    m_componentPage->setPlacer(std::move(placer));
}

void Inspector::setSelection(const QString &componentId)
{
    setComponentsSelection(componentId.isEmpty() ? QStringList() : QStringList {componentId});
}

void Inspector::setComponentsSelection(const QStringList &componentIds)
{
    if (componentIds == m_componentIds && m_from.isEmpty())
        return;
    flushPendingEdits();
    m_componentIds = componentIds;
    m_from.clear();
    m_to.clear();
    hideMessage();
    refresh();
}

void Inspector::setDependencySelection(const QString &from, const QString &to)
{
    if (from == m_from && to == m_to && m_componentIds.isEmpty())
        return;
    flushPendingEdits();
    m_componentIds.clear();
    m_from = from;
    m_to = to;
    hideMessage();
    refresh();
}

void Inspector::clearSelection()
{
    m_componentIds.clear();
    m_from.clear();
    m_to.clear();
    hideMessage();
    refresh();
}

void Inspector::refresh()
{
    const Map &map = m_doc->map();
    const QStringList shown = map.existingComponents(m_componentIds);
    const bool component = !shown.isEmpty();
    const bool dependency = !m_from.isEmpty() && map.findDependency(m_from, m_to);
    m_componentPage->setVisible(component);
    m_dependencyPage->setVisible(dependency);
    m_empty->setVisible(!component && !dependency);
    m_title->setVisible(component || dependency);
    m_subtitle->setVisible(component || dependency);
    if (!component)
        m_componentPage->availability()->stop();
    if (shown.size() > 1) {
        m_componentPage->availability()->stop();
        m_title->setText(tr("%1 components").arg(shown.size()));
        m_subtitle->setText(
            tr("A change applies to all of them; “— several —” where they differ."));
        m_componentPage->showComponents(shown);
    } else if (component) {
        const Component &c = map.component(*map.findComponent(shown.front()));
        m_title->setText(c.displayName());
        m_subtitle->setText(c.kind.isEmpty() ? tr("Component") : c.kind);
        m_componentPage->showComponent(shown.front());
    } else if (dependency) {
        const auto name = [&map](const QString &id) {
            const auto i = map.findComponent(id);
            return i ? map.component(*i).displayName() : id;
        };
        const Dependency &d = map.dependency(*map.findDependency(m_from, m_to));
        m_title->setText(QStringLiteral("%1 → %2").arg(name(d.from), name(d.to)));
        m_subtitle->setText(d.isHard() ? tr("Hard dependency") : tr("Soft dependency"));
        m_dependencyPage->showDependency(m_from, m_to);
    }
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
        if (!newId.isEmpty() && m_componentIds.size() == 1)
            m_componentIds = {newId};
    }
    refresh();
}

// Commits what the user typed in a field before the inspector shows something else.
void Inspector::flushPendingEdits()
{
    m_dependencyPage->flushPendingEdits();
    m_componentPage->flushPendingEdits();
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

} // namespace faultline
