#pragma once

#include "model/map/component.h"
#include "model/map/dependency.h"
#include "model/map/dependencylookup.h"
#include "model/map/ids.h"
#include "model/map/scenario.h"

#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace faultline {

// The whole map: components, dependencies and scenarios in map order (the order of the
// interchange file, which the document keeps), plus layout positions keyed by component id.
// A value type: copying a map is how a snapshot is taken for layout or analysis.
//
// Map keeps its id lookups consistent through every edit, but does not validate: callers
// check a map with validate() (model/map/validation.h) after import, and editing commands
// check each edit before making it.
class Map
{
public:
    QString name;
    QJsonObject extra; // top-level keys this version does not know

    const std::vector<Component> &components() const { return m_components; }
    const std::vector<Dependency> &dependencies() const { return m_dependencies; }
    const std::vector<Scenario> &scenarios() const { return m_scenarios; }
    int componentCount() const { return int(m_components.size()); }
    int dependencyCount() const { return int(m_dependencies.size()); }

    const Component &component(ComponentIndex i) const { return m_components[i.value]; }
    const Dependency &dependency(DependencyIndex i) const { return m_dependencies[i.value]; }
    const Scenario &scenario(ScenarioIndex i) const { return m_scenarios[i.value]; }

    std::optional<ComponentIndex> findComponent(const QString &id) const;
    // The ids in `ids` that name a component of this map, in their order: what is left of a
    // selection or a what-if after an edit.
    QStringList existingComponents(const QStringList &ids) const;
    std::optional<DependencyIndex> findDependency(const QString &from, const QString &to) const;
    std::optional<ScenarioIndex> findScenario(const QString &name) const;

    // Makes room for a map of this size, so that reading a large map hashes each id once.
    void reserve(int components, int dependencies);

    // Appending keeps map order. Ids are not checked for duplicates here (validate() does):
    // a duplicate id is found by the lookup as its first occurrence.
    ComponentIndex addComponent(Component c);
    void insertComponent(ComponentIndex at, Component c);
    // Replaces the component; renaming its id is allowed and does not rewrite references.
    void setComponent(ComponentIndex i, Component c);
    void removeComponent(ComponentIndex i);

    DependencyIndex addDependency(Dependency d);
    void insertDependency(DependencyIndex at, Dependency d);
    void setDependency(DependencyIndex i, Dependency d);
    void removeDependency(DependencyIndex i);

    ScenarioIndex addScenario(Scenario s);
    void insertScenario(ScenarioIndex at, Scenario s);
    void setScenario(ScenarioIndex i, Scenario s);
    void removeScenario(ScenarioIndex i);

    // Layout positions (scene coordinates, component centres) by component id.
    const QHash<QString, QPointF> &positions() const { return m_positions; }
    void setPosition(const QString &id, QPointF p) { m_positions.insert(id, p); }
    void clearPosition(const QString &id) { m_positions.remove(id); }
    void setPositions(QHash<QString, QPointF> p) { m_positions = std::move(p); }

    // Equal content, in the same order. Positions are compared too.
    bool operator==(const Map &other) const;

private:
    void reindexComponents();
    void reindexScenarios();

    std::vector<Component> m_components;
    std::vector<Dependency> m_dependencies;
    std::vector<Scenario> m_scenarios;
    QHash<QString, int> m_componentById;
    DependencyLookup m_dependencyByEnds;
    QHash<QString, int> m_scenarioByName;
    QHash<QString, QPointF> m_positions;
};

} // namespace faultline
