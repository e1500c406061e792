#include "app/gui/importupdate.h"

namespace faultline {

void planReplacement(edit::EditPlan &plan, const Map &target)
{
    for (int i = plan.map().dependencyCount() - 1; i >= 0; --i) {
        const Dependency &d = plan.map().dependency(DependencyIndex(i));
        if (!target.findDependency(d.from, d.to))
            plan.removeDependency(DependencyIndex(i));
    }
    for (int i = plan.map().componentCount() - 1; i >= 0; --i) {
        if (!target.findComponent(plan.map().component(ComponentIndex(i)).id))
            plan.removeComponent(ComponentIndex(i));
    }
    for (const Component &c : target.components()) {
        if (const auto i = plan.map().findComponent(c.id))
            plan.setComponent(*i, c);
        else
            plan.insertComponent(ComponentIndex(plan.map().componentCount()), c);
    }
    for (const Dependency &d : target.dependencies()) {
        if (const auto i = plan.map().findDependency(d.from, d.to))
            plan.setDependency(*i, d);
        else
            plan.insertDependency(DependencyIndex(plan.map().dependencyCount()), d);
    }
    for (int i = 0; i < int(target.scenarios().size()) && i < int(plan.map().scenarios().size()); ++i) {
        const Scenario &s = target.scenario(ScenarioIndex(i));
        if (!(plan.map().scenario(ScenarioIndex(i)) == s))
            plan.setScenario(ScenarioIndex(i), s);
    }
}

} // namespace faultline
