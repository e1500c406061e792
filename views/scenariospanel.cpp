#include "views/scenariospanel.h"

#include "model/editing/mapdocument.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace faultline {

ScenariosPanel::ScenariosPanel(MapDocument *document, QWidget *parent)
    : QWidget(parent), m_doc(document), m_list(new QListWidget(this)),
      m_save(new QPushButton(tr("Save current…"), this)),
      m_rename(new QPushButton(tr("Rename…"), this)), m_remove(new QPushButton(tr("Delete"), this))
{
    m_list->setAccessibleName(tr("Saved scenarios"));
    m_save->setToolTip(tr("Save the current what-if as a scenario of the map"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { emit applyRequested(item->text()); });
    connect(m_list, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { emit applyRequested(item->text()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ScenariosPanel::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &ScenariosPanel::askToSave);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        bool ok = false;
        const QString newName = QInputDialog::getText(
            this, tr("Rename scenario"), tr("Name:"), QLineEdit::Normal, name, &ok)
                                    .trimmed();
        if (ok && newName != name && checkName(newName, name))
            emit renameRequested(name, newName);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!selectedName().isEmpty())
            emit removeRequested(selectedName());
    });
    connect(m_doc, &MapDocument::mapChanged, this, &ScenariosPanel::rebuild);
    connect(m_doc, &MapDocument::impactChanged, this, &ScenariosPanel::markApplied);
    connect(m_doc, &MapDocument::fileChanged, this, &ScenariosPanel::updateButtons);
    rebuild();
}

void ScenariosPanel::askToSave()
{
    if (m_doc->failed().isEmpty() && m_doc->degraded().isEmpty()) {
        QMessageBox::information(this, tr("Save scenario"),
            tr("Fail or impair a component first: a scenario is the "
               "current what-if, saved with a name."));
        return;
    }
    QString suggestion;
    const Map &map = m_doc->map();
    const QStringList &ids = m_doc->failed().isEmpty() ? m_doc->degraded() : m_doc->failed();
    if (const auto c = map.findComponent(ids.front()))
        suggestion = map.component(*c).displayName()
            + (m_doc->failed().isEmpty() ? tr(" degraded") : tr(" down"));
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save scenario"), tr("Name:"), QLineEdit::Normal, suggestion, &ok)
                             .trimmed();
    if (ok && checkName(name, QString()))
        emit saveRequested(name);
}

bool ScenariosPanel::checkName(const QString &name, const QString &except)
{
    if (name.isEmpty()) {
        QMessageBox::warning(this, tr("Scenario name"), tr("A scenario needs a name."));
        return false;
    }
    if (name != except && m_doc->map().findScenario(name)) {
        QMessageBox::warning(
            this, tr("Scenario name"), tr("There is already a scenario named “%1”.").arg(name));
        return false;
    }
    return true;
}

void ScenariosPanel::rebuild()
{
    const QString selected = selectedName();
    m_list->clear();
    for (const Scenario &s : m_doc->map().scenarios()) {
        auto *item = new QListWidgetItem(s.name, m_list);
        QStringList tip;
        if (!s.description.isEmpty())
            tip << s.description;
        if (!s.fail.isEmpty())
            tip << tr("Fails: %1").arg(s.fail.join(QStringLiteral(", ")));
        if (!s.degrade.isEmpty())
            tip << tr("Impairs: %1").arg(s.degrade.join(QStringLiteral(", ")));
        item->setToolTip(tip.join(QLatin1Char('\n')));
        if (s.name == selected)
            m_list->setCurrentItem(item);
    }
    markApplied();
    updateButtons();
}

void ScenariosPanel::markApplied()
{
    const QSet<QString> failed(m_doc->failed().begin(), m_doc->failed().end());
    const QSet<QString> degraded(m_doc->degraded().begin(), m_doc->degraded().end());
    const bool any = !failed.isEmpty() || !degraded.isEmpty();
    for (int i = 0; i < m_list->count() && i < int(m_doc->map().scenarios().size()); ++i) {
        const Scenario &s = m_doc->map().scenarios()[i];
        const bool applied = any && QSet<QString>(s.fail.begin(), s.fail.end()) == failed
            && QSet<QString>(s.degrade.begin(), s.degrade.end()) == degraded;
        QFont f = m_list->font();
        f.setBold(applied);
        m_list->item(i)->setFont(f);
    }
}

void ScenariosPanel::updateButtons()
{
    const bool has = !selectedName().isEmpty();
    m_rename->setEnabled(has);
    m_remove->setEnabled(has);
}

QString ScenariosPanel::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

} // namespace faultline
