#include "tests/bench/mapgenerator.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace faultline::bench {

namespace {

// splitmix64: small, fast, and the same sequence everywhere (std distributions are not).
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) { }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    int below(int n) { return int(unit() * n); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return unit() < p; }
    template<typename T>
    const T &pick(const std::vector<T> &v)
    {
        return v[below(int(v.size()))];
    }

private:
    std::uint64_t m_state;
};

constexpr int levels = 5; // system levels: 0 is the bottom of the stack

const std::array providerNames = {"aws", "gcp", "azure", "oci", "ibm", "alibaba"};
const std::array systemWords = {
    "checkout",
    "catalog",
    "search",
    "payments",
    "inventory",
    "shipping",
    "accounts",
    "billing",
    "pricing",
    "reviews",
    "recommend",
    "notify",
    "email",
    "loyalty",
    "orders",
    "returns",
    "fraud",
    "ledger",
    "reporting",
    "analytics",
    "profile",
    "cart",
    "media",
    "images",
    "chat",
    "support",
    "tickets",
    "schedule",
    "routing",
    "geo",
    "telemetry",
    "logging",
    "metrics",
    "audit",
    "export",
    "sync",
    "feeds",
    "ads",
    "coupons",
    "giftcards",
    "tax",
    "warehouse",
};
const std::array serviceRoles = {"api", "web", "worker", "gateway", "indexer", "processor"};

struct Region
{
    int index = -1;
    int provider = 0;
    int rank = 0; // among its provider's regions
    std::vector<int> zones;
    int network = -1, identity = -1, storage = -1, dns = -1;
};

struct Provider
{
    int index = -1;
    int dns = -1, identity = -1, cdn = -1;
};

struct System
{
    int region = 0;
    int level = 0;
    std::vector<int> services; // top of the system first
    std::vector<int> backing; // databases, caches, queues: below every service
};

// Something that gets dependencies beyond the skeleton: a service or a standalone job.
struct Consumer
{
    int component;
    int system; // -1 for a standalone job
    int rank; // position among its system's services
    int region;
};

struct Link
{
    int from, to;
    bool hard;
};

class Generator
{
public:
    explicit Generator(const MapShape &shape) : m_shape(shape), m_random(shape.seed) { }

    Map run()
    {
        m_map.name = QStringLiteral("Generated map (%1 components, seed %2)")
                         .arg(m_shape.components)
                         .arg(m_shape.seed);
        addInfrastructure();
        const int largestSystem = 4 * (m_shape.zonesPerRegion + 2) + 3 + 3 + 3;
        while (remaining() > largestSystem)
            addSystem();
        while (remaining() > 0)
            addStandaloneJob();
        addCrossLinks();
        for (const Component &c : m_components)
            m_map.addComponent(c); // shares the strings: idOf() stays valid
        emitDependencies();
        addScenarios();
        return std::move(m_map);
    }

private:
    int remaining() const { return m_shape.components - int(m_components.size()); }
    const QString &idOf(int c) const { return m_components[c].id; }
    // Valid until the next add().
    Component &last() { return m_components.back(); }

    int add(QString id, QString name, const char *kind, int parent)
    {
        Component c;
        c.id = std::move(id);
        c.name = std::move(name);
        c.kind = QString::fromLatin1(kind);
        if (parent >= 0)
            c.parent = idOf(parent);
        m_components.push_back(std::move(c));
        return int(m_components.size()) - 1;
    }

    // Skips duplicates and self links; optional links stop at the requested count.
    bool link(int from, int to, bool hard, bool mandatory = false)
    {
        if (from == to || (!mandatory && int(m_links.size()) >= m_shape.dependencies))
            return false;
        const std::uint64_t key = (std::uint64_t(std::uint32_t(from)) << 32) | std::uint32_t(to);
        if (!m_pairs.insert(key).second)
            return false;
        m_links.push_back({from, to, hard});
        return true;
    }

    void addInfrastructure()
    {
        for (int p = 0; p < m_shape.providers; ++p) {
            const QString pid = p < int(providerNames.size())
                ? QString::fromLatin1(providerNames[p])
                : QStringLiteral("provider%1").arg(p + 1);
            Provider provider;
            provider.index = add(pid, pid.toUpper(), "provider", -1);
            last().availability = 0.9999;
            provider.dns = add(
                pid + QStringLiteral("-dns"), pid + QStringLiteral(" DNS"), "dns", provider.index);
            last().availability = 0.99999;
            provider.identity = add(pid + QStringLiteral("-iam"), pid + QStringLiteral(" IAM"),
                "identity", provider.index);
            provider.cdn = add(
                pid + QStringLiteral("-cdn"), pid + QStringLiteral(" CDN"), "cdn", provider.index);
            link(provider.cdn, provider.dns, true);
            m_providers.push_back(provider);
            for (int r = 0; r < m_shape.regionsPerProvider; ++r)
                addRegion(provider, pid + QStringLiteral("-region-%1").arg(r + 1), p, r);
        }
    }

    void addRegion(const Provider &provider, const QString &rid, int p, int r)
    {
        Region region;
        region.provider = p;
        region.rank = r;
        region.index = add(rid, rid, "region", provider.index);
        last().availability = 0.9995;
        for (int z = 0; z < m_shape.zonesPerRegion; ++z) {
            region.zones.push_back(add(rid + QStringLiteral("-az%1").arg(z + 1),
                rid + QStringLiteral(" zone %1").arg(z + 1), "zone", region.index));
            last().availability = 0.9995;
        }
        region.network = add(rid + QStringLiteral("-vpc"), rid + QStringLiteral(" network"),
            "network", region.index);
        region.identity = add(rid + QStringLiteral("-sts"), rid + QStringLiteral(" tokens"),
            "identity", region.index);
        region.storage = add(rid + QStringLiteral("-s3"), rid + QStringLiteral(" object storage"),
            "storage", region.index);
        region.dns = add(rid + QStringLiteral("-resolver"), rid + QStringLiteral(" resolver"),
            "dns", region.index);
        link(region.identity, provider.identity, true);
        link(region.identity, region.network, true);
        link(region.storage, region.network, true);
        link(region.dns, provider.dns, true);
        // The first region of each provider is the busiest, and the first provider the largest.
        m_regionWeight.push_back(1.0 / ((p + 1) * (r + 1)));
        m_regions.push_back(region);
    }

    int pickRegion()
    {
        double total = 0;
        for (double w : m_regionWeight)
            total += w;
        double at = m_random.unit() * total;
        for (int i = 0; i < int(m_regionWeight.size()); ++i) {
            at -= m_regionWeight[i];
            if (at < 0)
                return i;
        }
        return int(m_regionWeight.size()) - 1;
    }

    // A pool of instances over distinct zones behind a group that requires k of them.
    int addPool(const QString &sid, const QString &name, const Region &region, const QString &owner)
    {
        const int zones = int(region.zones.size());
        const int n = std::min(zones, m_random.between(2, 3));
        const int first = m_random.below(zones);
        std::vector<int> instances;
        for (int i = 0; i < n; ++i) {
            const int zone = region.zones[(first + i) % zones];
            instances.push_back(add(sid + QStringLiteral("-i%1").arg(i + 1),
                name + QStringLiteral(" instance %1").arg(i + 1), "compute", zone));
            last().owner = owner;
            last().availability = 0.999;
        }
        const int group =
            add(sid + QStringLiteral("-pool"), name + QStringLiteral(" pool"), "group", -1);
        // Mostly "survives one zone", sometimes "needs them all" (redundancy done wrong).
        last().require = m_random.chance(0.15) ? n : std::max(1, n - 1);
        for (int instance : instances) {
            link(group, instance, true, true);
            link(instance, region.network, true);
        }
        return group;
    }

    void addSystem()
    {
        const int s = int(m_systems.size());
        const QString sid = QStringLiteral("%1-%2")
                                .arg(QLatin1String(systemWords[s % systemWords.size()]))
                                .arg(s, 5, 10, QLatin1Char('0'));
        const QString title =
            QStringLiteral("%1 %2").arg(QLatin1String(systemWords[s % systemWords.size()])).arg(s);
        const QString owner = QStringLiteral("team-%1").arg(s % 400, 3, 10, QLatin1Char('0'));
        System system;
        system.region = pickRegion();
        system.level = m_random.below(levels);
        const Region &region = m_regions[system.region];
        const int zones = int(region.zones.size());

        // Backing stores first, so that services can link to them as they are made.
        if (m_random.chance(0.8)) {
            const QString did = sid + QStringLiteral("-db");
            if (m_random.chance(0.6)) {
                const int first = m_random.below(zones);
                const int primary = add(did + QStringLiteral("-primary"),
                    title + QStringLiteral(" DB primary"), "database", region.zones[first]);
                last().owner = owner;
                const int replica =
                    add(did + QStringLiteral("-replica"), title + QStringLiteral(" DB replica"),
                        "database", region.zones[(first + 1) % zones]);
                last().owner = owner;
                const int group = add(did, title + QStringLiteral(" DB"), "group", -1);
                last().require = 1;
                link(group, primary, true, true);
                link(group, replica, true, true);
                link(primary, region.storage, false);
                system.backing.push_back(group);
            } else {
                const int db = add(
                    did, title + QStringLiteral(" DB"), "database", m_random.pick(region.zones));
                last().owner = owner;
                last().tier = 1;
                link(db, region.storage, false);
                system.backing.push_back(db);
            }
        }
        if (m_random.chance(0.5)) {
            system.backing.push_back(add(sid + QStringLiteral("-cache"),
                title + QStringLiteral(" cache"), "cache", m_random.pick(region.zones)));
            last().owner = owner;
        }
        if (m_random.chance(0.5)) {
            system.backing.push_back(add(sid + QStringLiteral("-queue"),
                title + QStringLiteral(" queue"), "queue", region.index));
            last().owner = owner;
        }

        const int serviceCount = m_random.between(1, 4);
        for (int i = 0; i < serviceCount; ++i) {
            const QString svid = sid + QLatin1Char('-') + QLatin1String(serviceRoles[i]);
            const QString name = title + QLatin1Char(' ') + QLatin1String(serviceRoles[i]);
            int service;
            if (m_random.chance(0.7)) {
                const int pool = addPool(svid, name, region, owner);
                service = add(svid, name, "service", region.index);
                link(service, pool, true);
            } else {
                service = add(svid, name, "service", m_random.pick(region.zones));
                link(service, region.network, true);
            }
            Component &c = last();
            c.owner = owner;
            c.tier = i == 0 ? std::max(1, 3 - system.level / 2) : m_random.between(2, 4);
            if (m_random.chance(0.2))
                c.costPerHour = 10.0 * m_random.between(1, 200);
            if (m_random.chance(0.1))
                c.tags = QStringList {owner, QStringLiteral("level-%1").arg(system.level)};
            for (int backing : system.backing) {
                const QString &kind = m_components[backing].kind;
                link(service, backing, kind != QLatin1String("cache") && m_random.chance(0.8));
            }
            if (i > 0)
                link(system.services.back(), service, m_random.chance(0.7));
            m_consumers.push_back({service, s, i, system.region});
            system.services.push_back(service);
        }

        // Systems at the top of the stack face customers: a load balancer and a business front.
        if (system.level == levels - 1) {
            const int front = system.services.front();
            Component &c = m_components[front];
            c.business = true;
            c.tier = 1;
            c.costPerHour = 100.0 * m_random.between(5, 500);
            const int lb = add(sid + QStringLiteral("-lb"),
                title + QStringLiteral(" load balancer"), "load-balancer", region.index);
            last().owner = owner;
            link(lb, front, true);
            link(lb, m_providers[region.provider].dns, true);
        }

        m_systemsByPlace[placeKey(system.region, system.level)].push_back(s);
        m_systemsByLevel[system.level].push_back(s);
        m_systems.push_back(std::move(system));
    }

    void addStandaloneJob()
    {
        const int r = pickRegion();
        const int job =
            add(QStringLiteral("job-%1").arg(int(m_components.size()), 6, 10, QLatin1Char('0')),
                QStringLiteral("Batch job %1").arg(int(m_components.size())), "compute",
                m_random.pick(m_regions[r].zones));
        m_consumers.push_back({job, -1, 0, r});
    }

    static int placeKey(int region, int level) { return region * levels + level; }

    // A service of another system on level `level`, in `region` when there is one there.
    int serviceOnLevel(int region, int level)
    {
        const auto place = m_systemsByPlace.find(placeKey(region, level));
        const std::vector<int> *systems = place != m_systemsByPlace.end() && !place->second.empty()
            ? &place->second
            : &m_systemsByLevel[level];
        if (systems->empty())
            return -1;
        const System &target = m_systems[m_random.pick(*systems)];
        return m_random.chance(0.7) ? target.services.front() : m_random.pick(target.services);
    }

    int platformService(int r)
    {
        const Region &region = m_regions[r];
        const Provider &provider = m_providers[region.provider];
        const std::array<int, 6> choices = {region.identity, region.storage, region.dns,
            region.network, provider.identity, provider.cdn};
        return choices[m_random.below(int(choices.size()))];
    }

    // Dependencies beyond each system's skeleton, until the requested count.
    void addCrossLinks()
    {
        if (m_consumers.empty())
            return;
        long attempts = 0;
        const long maxAttempts = 50L * std::max(1, m_shape.dependencies);
        while (int(m_links.size()) < m_shape.dependencies && attempts++ < maxAttempts) {
            const Consumer &from = m_random.pick(m_consumers);
            const int level = from.system >= 0 ? m_systems[from.system].level : levels;
            const double roll = m_random.unit();
            int to = -1;
            bool hard = m_random.chance(0.6);
            if (roll < 0.35 && from.system >= 0) {
                // Down inside its own system: a lower service or a backing store.
                const System &own = m_systems[from.system];
                const int lower = int(own.services.size()) - from.rank - 1;
                const int options = lower + int(own.backing.size());
                if (options > 0) {
                    const int k = m_random.below(options);
                    to = k < lower ? own.services[from.rank + 1 + k] : own.backing[k - lower];
                }
            } else if (roll < 0.80) {
                // Down the stack to another system, mostly in the same region.
                if (level > 0) {
                    const int region = m_random.chance(0.85) ? from.region : pickRegion();
                    to = serviceOnLevel(region, m_random.below(level));
                    hard = m_random.chance(0.5);
                }
            } else if (roll < 0.99) {
                to = platformService(from.region);
            } else if (level < levels - 1) {
                // Back up the stack: closes cycles, as real maps have.
                to = serviceOnLevel(from.region, m_random.between(level + 1, levels - 1));
                hard = m_random.chance(0.5);
            }
            if (to >= 0)
                link(from.component, to, hard);
        }
    }

    void emitDependencies()
    {
        for (const Link &l : m_links) {
            Dependency d;
            d.from = idOf(l.from);
            d.to = idOf(l.to);
            d.type = l.hard ? DependencyType::Hard : DependencyType::Soft;
            const QString &kind = m_components[l.to].kind;
            if (kind == QLatin1String("database"))
                d.label = QStringLiteral("SQL");
            else if (kind == QLatin1String("queue"))
                d.label = QStringLiteral("AMQP");
            else if (kind == QLatin1String("cache"))
                d.label = QStringLiteral("RESP");
            m_map.addDependency(std::move(d));
        }
    }

    void addScenarios()
    {
        // Each provider's busiest region, and one of its zones with the network impaired.
        for (const Region &region : m_regions) {
            if (region.rank != 0 || region.zones.empty())
                continue;
            const QString rid = idOf(region.index);
            Scenario down;
            down.name = rid + QStringLiteral(" down");
            down.fail = QStringList {rid};
            m_map.addScenario(std::move(down));
            Scenario zone;
            zone.name = idOf(region.zones.front()) + QStringLiteral(" down");
            zone.fail = QStringList {idOf(region.zones.front())};
            zone.degrade = QStringList {idOf(region.network)};
            m_map.addScenario(std::move(zone));
        }
    }

    MapShape m_shape;
    Random m_random;
    Map m_map;
    std::vector<Component> m_components;
    std::vector<Provider> m_providers;
    std::vector<Region> m_regions;
    std::vector<double> m_regionWeight;
    std::vector<System> m_systems;
    std::unordered_map<int, std::vector<int>> m_systemsByPlace;
    std::array<std::vector<int>, levels> m_systemsByLevel;
    std::vector<Consumer> m_consumers;
    std::vector<Link> m_links;
    std::unordered_set<std::uint64_t> m_pairs;
};

} // namespace

Map generateMap(const MapShape &shape)
{
    return Generator(shape).run();
}

QStringList regionIds(const Map &map)
{
    QStringList ids;
    for (const Component &c : map.components()) {
        if (c.kind == QLatin1String("region"))
            ids.append(c.id);
    }
    return ids;
}

} // namespace faultline::bench
