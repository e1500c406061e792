#include "model/impact/comparison.h"

#include "model/impact/exposure.h"
#include "model/impact/graph.h"

#include <QHash>

#include <algorithm>

namespace faultline {

namespace {

Comparison::Totals totalsOf(const ComparedSide &side)
{
    Comparison::Totals t;
    t.summary = side.result.summary();
    const Exposure exposure(ImpactGraph(*side.map), side.result);
    t.exposed = exposure.count();
    for (ComponentIndex c : exposure.exposed()) {
        if (side.map->component(c).isBusiness())
            t.exposedBusiness.append(side.map->component(c).id);
    }
    return t;
}

// Each component's outgoing dependencies, less `from`, sorted: equal lists mean equal sets
// (a map never lists one from/to pair twice).
QHash<QString, std::vector<Dependency>> dependenciesByComponent(const Map &map)
{
    QHash<QString, std::vector<Dependency>> out;
    for (Dependency d : map.dependencies()) {
        const QString from = d.from;
        d.from.clear();
        out[from].push_back(std::move(d));
    }
    for (auto &list : out) {
        std::sort(list.begin(), list.end(),
            [](const Dependency &x, const Dependency &y) { return x.to < y.to; });
    }
    return out;
}

} // namespace

Comparison compareImpacts(const ComparedSide &a, const ComparedSide &b)
{
    Comparison out;
    const Map &mapA = *a.map;
    const Map &mapB = *b.map;
    const bool sameMap = a.map == b.map;
    QHash<QString, std::vector<Dependency>> depsA, depsB;
    if (!sameMap) {
        depsA = dependenciesByComponent(mapA);
        depsB = dependenciesByComponent(mapB);
    }
    for (int i = 0; i < mapB.componentCount(); ++i) {
        const ComponentIndex inB(i);
        const Component &component = mapB.component(inB);
        const auto inA = mapA.findComponent(component.id);
        if (!inA) {
            out.added.append(component.id);
            continue;
        }
        const State stateA = a.result.state(*inA);
        const State stateB = b.result.state(inB);
        if (stateA != stateB)
            out.components.push_back({component.id, component.displayName(), stateA, stateB});
        if (!sameMap
            && (mapA.component(*inA) != component
                || depsA.value(component.id) != depsB.value(component.id)))
            out.changed.append(component.id);
    }
    for (const Component &component : mapA.components()) {
        if (!mapB.findComponent(component.id))
            out.removed.append(component.id);
    }
    out.a = totalsOf(a);
    out.b = totalsOf(b);
    return out;
}

} // namespace faultline
