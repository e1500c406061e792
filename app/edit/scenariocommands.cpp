#include "app/edit/scenariocommands.h"

#include "views/mapdocument.h"

#include <QCoreApplication>

namespace faultline {

AddScenarioCommand::AddScenarioCommand(MapDocument *document, Scenario scenario)
    : m_doc(document), m_scenario(std::move(scenario))
{
    setText(QCoreApplication::translate("faultline", "Save scenario “%1”").arg(m_scenario.name));
}

void AddScenarioCommand::redo()
{
    m_doc->insertScenario(ScenarioIndex(int(m_doc->map().scenarios().size())), m_scenario);
}

void AddScenarioCommand::undo()
{
    if (const auto i = m_doc->map().findScenario(m_scenario.name))
        m_doc->removeScenario(*i);
}

RenameScenarioCommand::RenameScenarioCommand(
    MapDocument *document, const QString &name, const QString &newName)
    : m_doc(document), m_name(name), m_newName(newName)
{
    setText(QCoreApplication::translate("faultline", "Rename scenario “%1”").arg(name));
}

void RenameScenarioCommand::rename(const QString &from, const QString &to)
{
    const auto i = m_doc->map().findScenario(from);
    if (!i)
        return;
    Scenario s = m_doc->map().scenario(*i);
    s.name = to;
    m_doc->setScenario(*i, s);
}

void RenameScenarioCommand::redo()
{
    rename(m_name, m_newName);
}

void RenameScenarioCommand::undo()
{
    rename(m_newName, m_name);
}

RemoveScenarioCommand::RemoveScenarioCommand(MapDocument *document, const QString &name)
    : m_doc(document), m_name(name)
{
    setText(QCoreApplication::translate("faultline", "Delete scenario “%1”").arg(name));
}

void RemoveScenarioCommand::redo()
{
    const auto i = m_doc->map().findScenario(m_name);
    if (!i)
        return;
    m_at = i->value;
    m_removed = m_doc->map().scenario(*i);
    m_doc->removeScenario(*i);
}

void RemoveScenarioCommand::undo()
{
    if (m_at >= 0)
        m_doc->insertScenario(ScenarioIndex(m_at), m_removed);
}

} // namespace faultline
