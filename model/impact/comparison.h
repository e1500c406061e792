#pragma once

#include "model/impact/engine.h"
#include "model/impact/state.h"
#include "model/map/map.h"
#include "model/map/scenario.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace faultline {

// One side of a comparison: a map, the scenario run on it (name and ids as given) and the
// result. The map must outlive the side.
struct ComparedSide
{
    const Map *map = nullptr;
    Scenario scenario;
    ImpactResult result;
};

// Two scenarios on one map, or one scenario on two versions of a map (DESIGN.md, "faultline
// compare"): what differs, by component and in total. Ids are text, so that the two sides may
// be different maps.
struct Comparison
{
    // A component in both maps whose state differs.
    struct Row
    {
        QString id;
        QString name; // in the second map
        State a = State::Up;
        State b = State::Up;
        bool worse() const { return b > a; }
    };
    struct Totals
    {
        ImpactSummary summary;
        int exposed = 0; // exposed components (model/impact/exposure.h)
        QStringList exposedBusiness; // exposed business components, in map order
    };

    std::vector<Row> components; // in the order of the second map
    QStringList added; // in the second map only, in its order
    QStringList removed; // in the first map only, in its order
    // In both maps but not the same there: a property of the component (anything its
    // interchange entry says) or its set of dependencies (to, type, label) differs. In the
    // order of the second map.
    QStringList changed;
    Totals a;
    Totals b;
};

// Both sides must have been evaluated on their own map.
Comparison compareImpacts(const ComparedSide &a, const ComparedSide &b);

} // namespace faultline
