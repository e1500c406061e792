#pragma once

#include "model/map/map.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace faultline::bench {

// The shape of a generated map. The counts are exact when the map is large enough to hold its
// skeleton (providers, regions, zones, each system's redundancy groups): asking for fewer
// dependencies than the groups need gives the groups' members anyway.
struct MapShape
{
    int components = 100'000;
    int dependencies = 300'000;
    std::uint64_t seed = 20251020;
    int providers = 3;
    int regionsPerProvider = 6;
    int zonesPerRegion = 3;
};

// A deterministic, realistic large map for benchmarks: the same shape and seed give the same
// map, component for component, on every platform (its own random generator, no std
// distributions).
//
// Providers hold regions, regions hold zones and managed services (network, identity, storage,
// DNS). The rest is "systems", a team's application each: services either pinned to one zone
// or running on a pool of instances across the region's zones (a `group` requiring k of n),
// databases as a primary/replica group or a single zone, caches, queues, a load balancer and a
// business front end with a cost per hour at the top. Dependencies point down the stack: from
// load balancers to services, services to their pools, databases, caches and queues, to other
// systems' services on a lower level (mostly in the same region), to the region's and the
// provider's managed services; about 1% point back up, closing cycles. Regions are weighted, the
// first of each provider being the busiest (as us-east-1 is). The map passes validate().
Map generateMap(const MapShape &shape = {});

// Region ids in map order; the first is the busiest region of the first provider.
QStringList regionIds(const Map &map);

} // namespace faultline::bench
