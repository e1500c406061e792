#include "model/map/map.h"

namespace faultline {

std::optional<ComponentIndex> Map::findComponent(const QString &id) const
{
    const auto it = m_componentById.constFind(id);
    if (it == m_componentById.cend())
        return std::nullopt;
    return ComponentIndex(*it);
}

QStringList Map::existingComponents(const QStringList &ids) const
{
    QStringList kept;
    for (const QString &id : ids) {
        if (findComponent(id))
            kept.append(id);
    }
    return kept;
}

std::optional<DependencyIndex> Map::findDependency(const QString &from, const QString &to) const
{
    if (const auto i = m_dependencyByEnds.find(m_dependencies, from, to))
        return DependencyIndex(*i);
    return std::nullopt;
}

std::optional<ScenarioIndex> Map::findScenario(const QString &name) const
{
    const auto it = m_scenarioByName.constFind(name);
    if (it == m_scenarioByName.cend())
        return std::nullopt;
    return ScenarioIndex(*it);
}

void Map::reserve(int components, int dependencies)
{
    m_components.reserve(components);
    m_componentById.reserve(components);
    m_dependencies.reserve(dependencies);
}

ComponentIndex Map::addComponent(Component c)
{
    const int i = componentCount();
    // One lookup: operator[] adds the id when it is new; a duplicate keeps its first occurrence.
    const qsizetype before = m_componentById.size();
    int &slot = m_componentById[c.id];
    if (m_componentById.size() != before)
        slot = i;
    m_components.push_back(std::move(c));
    return ComponentIndex(i);
}

void Map::insertComponent(ComponentIndex at, Component c)
{
    m_components.insert(m_components.begin() + at.value, std::move(c));
    reindexComponents();
}

void Map::setComponent(ComponentIndex i, Component c)
{
    const bool idChanged = m_components[i.value].id != c.id;
    if (idChanged && m_positions.contains(m_components[i.value].id))
        m_positions.insert(c.id, m_positions.take(m_components[i.value].id));
    m_components[i.value] = std::move(c);
    if (idChanged)
        reindexComponents();
}

void Map::removeComponent(ComponentIndex i)
{
    m_positions.remove(m_components[i.value].id);
    m_components.erase(m_components.begin() + i.value);
    reindexComponents();
}

DependencyIndex Map::addDependency(Dependency d)
{
    const int i = dependencyCount();
    m_dependencies.push_back(std::move(d));
    m_dependencyByEnds.invalidate();
    return DependencyIndex(i);
}

void Map::insertDependency(DependencyIndex at, Dependency d)
{
    m_dependencies.insert(m_dependencies.begin() + at.value, std::move(d));
    m_dependencyByEnds.invalidate();
}

void Map::setDependency(DependencyIndex i, Dependency d)
{
    m_dependencies[i.value] = std::move(d);
    m_dependencyByEnds.invalidate();
}

void Map::removeDependency(DependencyIndex i)
{
    m_dependencies.erase(m_dependencies.begin() + i.value);
    m_dependencyByEnds.invalidate();
}

ScenarioIndex Map::addScenario(Scenario s)
{
    const int i = int(m_scenarios.size());
    if (!m_scenarioByName.contains(s.name))
        m_scenarioByName.insert(s.name, i);
    m_scenarios.push_back(std::move(s));
    return ScenarioIndex(i);
}

void Map::insertScenario(ScenarioIndex at, Scenario s)
{
    m_scenarios.insert(m_scenarios.begin() + at.value, std::move(s));
    reindexScenarios();
}

void Map::setScenario(ScenarioIndex i, Scenario s)
{
    m_scenarios[i.value] = std::move(s);
    reindexScenarios();
}

void Map::removeScenario(ScenarioIndex i)
{
    m_scenarios.erase(m_scenarios.begin() + i.value);
    reindexScenarios();
}

bool Map::operator==(const Map &other) const
{
    return name == other.name && extra == other.extra && m_components == other.m_components
        && m_dependencies == other.m_dependencies && m_scenarios == other.m_scenarios
        && m_positions == other.m_positions;
}

// Lookups name the first occurrence of a key, so that validation can report the second one
// as the duplicate.
void Map::reindexComponents()
{
    m_componentById.clear();
    m_componentById.reserve(componentCount());
    for (int i = componentCount() - 1; i >= 0; --i)
        m_componentById.insert(m_components[i].id, i);
}

void Map::reindexScenarios()
{
    m_scenarioByName.clear();
    for (int i = int(m_scenarios.size()) - 1; i >= 0; --i)
        m_scenarioByName.insert(m_scenarios[i].name, i);
}

} // namespace faultline
