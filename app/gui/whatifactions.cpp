#include "app/gui/whatifactions.h"

#include "model/editing/mapdocument.h"
#include "views/mapselection.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace faultline {

WhatIfActions::WhatIfActions(MapDocument *document, MapSelection *selection, QWidget *window)
    : QObject(window), m_doc(document), m_selection(selection), m_window(window)
{
    m_fail = new QAction(tr("&Fail"), this);
    m_fail->setShortcut(Qt::Key_F);
    m_fail->setToolTip(tr("Fail the selected components (F); again to restore them"));
    // DESIGN.md's word is "impair" (the legend's "Impaired"); D stays its key, for degraded.
    m_degrade = new QAction(tr("&Impair"), this);
    m_degrade->setShortcut(Qt::Key_D);
    m_degrade->setToolTip(
        tr("Impair the selected components: they run degraded (D); again to restore them"));
    m_restore = new QAction(tr("&Restore"), this);
    m_restore->setShortcut(Qt::Key_R);
    m_restore->setToolTip(tr("Take the selected components out of the what-if (R)"));
    m_clear = new QAction(tr("&Clear What-If"), this);
    m_clear->setShortcuts({QKeySequence(Qt::Key_C), QKeySequence(Qt::Key_Escape)});
    m_clear->setToolTip(tr("Everything back up (C or Esc)"));
    for (QAction *a : {m_fail, m_degrade, m_restore, m_clear})
        a->setShortcutContext(Qt::WidgetShortcut); // see addKeyTarget()
    connect(m_fail, &QAction::triggered, this, &WhatIfActions::failSelected);
    connect(m_degrade, &QAction::triggered, this, &WhatIfActions::degradeSelected);
    connect(m_restore, &QAction::triggered, this, &WhatIfActions::restoreSelected);
    connect(m_clear, &QAction::triggered, this, &WhatIfActions::clear);
    connect(m_selection, &MapSelection::changed, this, &WhatIfActions::updateActions);
    connect(m_doc, &MapDocument::impactChanged, this, &WhatIfActions::updateActions);
    // Anything that changes the what-if or the map after a clear makes it final.
    connect(m_doc, &MapDocument::impactChanged, this, [this] {
        if (!m_restoring && (!m_doc->failed().isEmpty() || !m_doc->degraded().isEmpty()))
            forgetCleared();
    });
    connect(m_doc, &MapDocument::mapChanged, this, &WhatIfActions::forgetCleared);
    connect(m_doc, &MapDocument::documentReset, this, &WhatIfActions::forgetCleared);
    updateActions();
}

void WhatIfActions::addKeyTarget(QWidget *widget)
{
    widget->addActions({m_fail, m_degrade, m_restore, m_clear});
}

void WhatIfActions::failSelected()
{
    const QStringList ids = m_doc->map().existingComponents(m_selection->components());
    if (ids.isEmpty())
        return;
    QStringList failed = m_doc->failed();
    QStringList degraded = m_doc->degraded();
    const bool allFailed =
        std::all_of(ids.begin(), ids.end(), [&](const QString &id) { return failed.contains(id); });
    for (const QString &id : ids) {
        failed.removeAll(id);
        degraded.removeAll(id);
        if (!allFailed)
            failed.append(id);
    }
    m_doc->setWhatIf(failed, degraded);
}

void WhatIfActions::degradeSelected()
{
    const QStringList ids = m_doc->map().existingComponents(m_selection->components());
    if (ids.isEmpty())
        return;
    QStringList failed = m_doc->failed();
    QStringList degraded = m_doc->degraded();
    const bool allDegraded = std::all_of(
        ids.begin(), ids.end(), [&](const QString &id) { return degraded.contains(id); });
    for (const QString &id : ids) {
        failed.removeAll(id);
        degraded.removeAll(id);
        if (!allDegraded)
            degraded.append(id);
    }
    m_doc->setWhatIf(failed, degraded);
}

void WhatIfActions::restoreSelected()
{
    QStringList failed = m_doc->failed();
    QStringList degraded = m_doc->degraded();
    for (const QString &id : m_selection->components()) {
        failed.removeAll(id);
        degraded.removeAll(id);
    }
    m_doc->setWhatIf(failed, degraded);
}

void WhatIfActions::clear()
{
    if (m_doc->failed().isEmpty() && m_doc->degraded().isEmpty())
        return;
    const QStringList failed = m_doc->failed(), degraded = m_doc->degraded();
    m_doc->setWhatIf({}, {});
    m_clearedFailed = failed;
    m_clearedDegraded = degraded;
    m_cleared = true;
    emit restorableChanged(true);
}

void WhatIfActions::restoreCleared()
{
    if (!m_cleared)
        return;
    m_restoring = true;
    m_doc->setWhatIf(m_clearedFailed, m_clearedDegraded);
    m_restoring = false;
    forgetCleared();
}

void WhatIfActions::forgetCleared()
{
    if (!m_cleared)
        return;
    m_cleared = false;
    m_clearedFailed.clear();
    m_clearedDegraded.clear();
    emit restorableChanged(false);
}

bool WhatIfActions::applyScenario(const QString &name)
{
    const auto i = m_doc->map().findScenario(name);
    if (!i)
        return false;
    const Scenario &s = m_doc->map().scenario(*i);
    m_doc->setWhatIf(s.fail, s.degrade);
    return true;
}

void WhatIfActions::updateActions()
{
    const QStringList ids = m_doc->map().existingComponents(m_selection->components());
    const bool any = !ids.isEmpty();
    m_fail->setEnabled(any);
    m_degrade->setEnabled(any);
    bool inWhatIf = false;
    for (const QString &id : ids)
        inWhatIf = inWhatIf || m_doc->failed().contains(id) || m_doc->degraded().contains(id);
    m_restore->setEnabled(inWhatIf);
    m_clear->setEnabled(!m_doc->failed().isEmpty() || !m_doc->degraded().isEmpty());
    const bool failed = any && std::all_of(ids.begin(), ids.end(), [&](const QString &id) {
        return m_doc->failed().contains(id);
    });
    m_fail->setText(failed ? tr("Un&fail") : tr("&Fail"));
}

void WhatIfActions::popupMenu(const QPoint &screenPos, QMenu *extra)
{
    QMenu menu(m_window);
    const QStringList ids = m_doc->map().existingComponents(m_selection->components());
    if (!ids.isEmpty()) {
        const auto c = m_doc->map().findComponent(ids.front());
        const QString name = ids.size() == 1 ? m_doc->map().component(*c).displayName()
                                             : tr("%1 components").arg(ids.size());
        menu.addSection(name);
        menu.addAction(m_fail);
        menu.addAction(m_degrade);
        menu.addAction(m_restore);
        menu.addSeparator();
    }
    menu.addAction(m_clear);
    if (extra) {
        menu.addSeparator();
        menu.addActions(extra->actions());
    }
    menu.exec(screenPos);
}

} // namespace faultline
