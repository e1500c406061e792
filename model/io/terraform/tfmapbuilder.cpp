#include "model/io/terraform/tfmapbuilder.h"

#include "model/io/importsource.h"
#include "model/io/terraform/tfaddress.h"
#include "model/io/terraform/tfplacement.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace faultline::terraform {

namespace {

// A reference made concrete: the instances (or placeholder subnets) it reaches.
struct Edge
{
    QString attribute;
    QString fromType; // the type whose rules apply: the referrer's, or folded plumbing's
    QList<int> targets; // instance indices; -1 - n for placeholder n
    bool bare = false; // from dependencies/depends_on, without an attribute
};

// One build: index the instances, resolve their references into edges (folding plumbing into
// what it configures), place every kept instance, then turn its edges into dependencies and
// groups by the rules. Instances are addressed by their index in the input.
class Builder
{
public:
    Builder(Input &input, const Rules &rules, const BuildOptions &options)
        : m_input(input), m_rules(rules), m_options(options)
    { }

    Map run();

private:
    const Instance &at(int i) const { return m_input.instances[std::size_t(i)]; }
    QString typeOf(int t) const
    {
        return t >= 0 ? at(t).type : QStringLiteral("aws_subnet");
    }
    bool isSubnet(int t) const { return t < 0 || m_rules.isSubnet(at(t).type); }
    bool kept(int i) const
    {
        return m_options.allResources
            || (!m_rules.fold(at(i).type) && !m_rules.isSubnetGroup(at(i).type));
    }

    void index();
    QList<int> resolve(const Reference &r);
    void dropCoveredBareEdges(std::vector<Edge> &edges) const;
    QList<int> subnetsOf(int i, QString *attribute);
    QList<int> redirect(int t);
    void collectEdges();
    void place();
    void addDependencies(int i, Component &component, std::vector<Dependency> &out);
    // The group component `key` (made once) that needs `require` of `members`; in `parent`, or
    // else in the members' common place.
    QString groupFor(
        const QString &key, const QList<int> &members, int require, const QString &parent = {});
    QString idOf(int t) const { return t >= 0 ? at(t).address : m_placeholders[-1 - t]; }

    Input &m_input;
    const Rules &m_rules;
    const BuildOptions &m_options;

    QHash<QString, int> m_byAddress;
    QHash<QString, QList<int>> m_byResource;
    QHash<QString, QList<int>> m_byConfig;
    QHash<QString, int> m_placeholderIndex;
    QStringList m_placeholders;
    QHash<QString, int> m_missing; // target -> number of dependencies left out
    std::vector<std::vector<Edge>> m_edges;
    std::vector<QList<int>> m_redirect;
    std::vector<char> m_redirectState; // 0 not done, 1 in progress, 2 done
    std::vector<QString> m_parent;
    std::vector<QString> m_zone; // each instance's own zone ("" if none): subnets place others
    std::vector<QString> m_region; // its own region, from its zone or attributes
    std::vector<QList<int>> m_subnets; // the subnets each kept instance runs in
    std::vector<QString> m_subnetAttribute;
    std::vector<int> m_subnetRequire; // of m_subnets: 0 all, k any k
    Placement m_placement;
    QHash<QString, QString> m_groupIds; // group key -> component id
    std::vector<Component> m_groupComponents;
    std::vector<Dependency> m_groupDependencies;
};

void Builder::index()
{
    QHash<QString, int> ids;
    for (int i = 0; i < int(m_input.instances.size()); ++i) {
        const Instance &in = at(i);
        m_byAddress.insert(in.address, i);
        m_byResource[in.resource].append(i);
        m_byConfig[withoutKeys(in.resource)].append(i);
        for (const char *key : {"id", "arn"}) {
            const QString value = in.attributes.value(QLatin1String(key)).toString();
            if (value.size() < 3)
                continue;
            const auto it = ids.constFind(value);
            if (it == ids.cend())
                ids.insert(value, i);
            else if (*it != i)
                ids[value] = -1; // two resources share it (a role and its policy): it names neither
        }
    }
    QHash<QString, QString> missingSubnets;
    addValueReferences(m_input, ids, missingSubnets);
    QStringList subnetIds = missingSubnets.keys();
    subnetIds.sort();
    for (const QString &s : subnetIds) {
        m_placeholderIndex.insert(s, int(m_placeholders.size()));
        m_placeholders.append(s);
    }
}

QList<int> Builder::resolve(const Reference &r)
{
    if (const auto p = m_placeholderIndex.constFind(r.target); p != m_placeholderIndex.cend())
        return {-1 - *p};
    if (const auto a = m_byAddress.constFind(r.target); a != m_byAddress.cend())
        return {*a};
    auto pick = [&](const QList<int> &all) -> QList<int> {
        if (r.pairKey.isEmpty() || all.size() < 2)
            return all;
        for (int t : all) {
            if (at(t).key == r.pairKey)
                return {t};
        }
        return all;
    };
    if (const auto s = m_byResource.constFind(r.target); s != m_byResource.cend())
        return pick(*s);
    // A target named without the module instance's keys (a configuration reference from
    // outside the module): every instance of the configured resource.
    if (const auto c = m_byConfig.constFind(withoutKeys(r.target)); c != m_byConfig.cend())
        return pick(*c);
    if (r.fromDependencies)
        m_missing[r.target] += 1;
    return {};
}

QList<int> Builder::redirect(int t)
{
    if (t < 0 || (kept(t) && !m_rules.isSubnetGroup(at(t).type)))
        return {t};
    if (m_redirectState[t] == 2)
        return m_redirect[t];
    if (m_redirectState[t] == 1)
        return {}; // plumbing configuring plumbing in a loop: nothing on the map
    m_redirectState[t] = 1;
    QList<int> out;
    const QString type = at(t).type;
    const bool group = m_rules.isSubnetGroup(type);
    const QStringList attributes = group ? QStringList() : m_rules.fold(type).value_or(QStringList());
    for (const Edge &e : m_edges[t]) {
        if (!group && !attributes.contains(e.attribute))
            continue;
        for (int target : e.targets) {
            if (group && !isSubnet(target))
                continue;
            for (int r : redirect(target)) {
                if (!out.contains(r))
                    out.append(r);
            }
        }
    }
    m_redirect[t] = out;
    m_redirectState[t] = 2;
    return out;
}

// A bare dependency on a resource an attribute already names (or on a sibling of the instance
// it names) says no more: `dependencies` lists aws_subnet.private where subnet_id says which.
void Builder::dropCoveredBareEdges(std::vector<Edge> &edges) const
{
    QSet<QString> covered;
    for (const Edge &e : edges) {
        if (!e.bare) {
            for (int t : e.targets)
                covered.insert(t >= 0 ? at(t).resource : idOf(t));
        }
    }
    for (Edge &e : edges) {
        if (e.bare)
            e.targets.removeIf([&](int t) { return covered.contains(t >= 0 ? at(t).resource : idOf(t)); });
    }
    edges.erase(std::remove_if(edges.begin(), edges.end(), [](const Edge &e) { return e.targets.isEmpty(); }),
        edges.end());
}

void Builder::collectEdges()
{
    const int n = int(m_input.instances.size());
    m_edges.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        for (const Reference &r : at(i).references) {
            QList<int> targets = resolve(r);
            targets.removeAll(i);
            if (!targets.isEmpty())
                m_edges[i].push_back({r.attribute, at(i).type, targets, r.attribute.isEmpty()});
        }
        dropCoveredBareEdges(m_edges[i]);
    }
    m_redirect.resize(std::size_t(n));
    m_redirectState.assign(std::size_t(n), 0);

    // Each piece of plumbing hands its other references to what it configures: a route table
    // association makes its subnet need the route table, a route makes its table need the NAT
    // gateway.
    std::vector<std::vector<Edge>> folded;
    folded.resize(std::size_t(n));
    for (int p = 0; p < n; ++p) {
        if (kept(p) || m_rules.isSubnetGroup(at(p).type))
            continue;
        const QList<int> configured = redirect(p);
        const QStringList attributes = m_rules.fold(at(p).type).value_or(QStringList());
        for (const Edge &e : m_edges[p]) {
            if (attributes.contains(e.attribute))
                continue;
            // A negative target stands for a resource outside the file (idOf()): there is
            // nothing of ours to hand the edge to. (Indexing with it wrote out of bounds;
            // found by fuzz_terraform.)
            for (int t : configured) {
                if (t >= 0)
                    folded[std::size_t(t)].push_back(e);
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        for (Edge &e : folded[i])
            m_edges[i].push_back(std::move(e));
    }
}

QList<int> Builder::subnetsOf(int i, QString *attribute)
{
    QList<int> subnets;
    for (const Edge &e : m_edges[i]) {
        for (int t : e.targets) {
            for (int s : redirect(t)) {
                if (s != i && isSubnet(s) && !subnets.contains(s)) {
                    subnets.append(s);
                    if (attribute->isEmpty())
                        *attribute = e.attribute;
                }
            }
        }
    }
    return subnets;
}

void Builder::place()
{
    const std::size_t n = m_input.instances.size();
    m_parent.resize(n);
    m_zone.resize(n);
    m_region.resize(n);
    m_subnets.resize(n);
    m_subnetAttribute.resize(n);
    m_subnetRequire.assign(n, 0);
    // A provider all of whose regional resources are in one region (a state: no provider
    // configuration) is taken to be configured for it.
    QHash<QString, QSet<QString>> regions;
    for (std::size_t i = 0; i < n; ++i) {
        m_zone[i] = zoneOf(at(int(i)));
        m_region[i] = m_zone[i].isEmpty() ? regionOf(at(int(i)), m_input)
                                          : regionOfZone(at(int(i)).provider, m_zone[i]);
        if (m_region[i].isEmpty() && !m_zone[i].isEmpty())
            m_region[i] = regionOf(at(int(i)), m_input); // Azure: zone "1" in "westeurope"
        if (!m_region[i].isEmpty())
            regions[at(int(i)).provider].insert(m_region[i]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!kept(int(i)))
            continue;
        const Instance &self = at(int(i));
        QString zone = m_zone[i];
        QString region = m_region[i];
        QList<int> subnets = subnetsOf(int(i), &m_subnetAttribute[i]);
        const int require = subnets.size() > 1
            ? m_rules.require(self.type, m_subnetAttribute[i], typeOf(subnets.front()),
                  self.attributes)
            : 0;
        auto zoneKey = [&](int s) {
            return s < 0 || m_zone[s].isEmpty() ? QString() : m_region[s] + u'/' + m_zone[s];
        };
        if (require == 0 && subnets.size() > 1 && !zone.isEmpty()) {
            // Not spread (an RDS instance without multi_az): it needs the subnet of its zone.
            const QList<int> own = subnets;
            subnets.removeIf([&](int s) { return zoneKey(s) != region + u'/' + zone; });
            if (subnets.isEmpty())
                subnets = own;
        }
        QSet<QString> zones;
        bool unknown = false;
        for (int s : subnets) {
            const QString key = zoneKey(s);
            if (key.isEmpty())
                unknown = true;
            else
                zones.insert(key);
        }
        if (require > 0 && (zones.size() > 1 || unknown)) {
            zone.clear(); // spread over zones: it lives in the region
        }
        if (zone.isEmpty() && zones.size() == 1 && !unknown && require == 0) {
            zone = zones.begin()->section(u'/', 1);
            region = zones.begin()->section(u'/', 0, 0);
        } else if (zone.isEmpty() && zones.size() == 1 && !unknown) {
            zone = zones.begin()->section(u'/', 1); // several subnets, one zone
            region = zones.begin()->section(u'/', 0, 0);
        } else if (region.isEmpty() && !zones.isEmpty()) {
            QSet<QString> inRegions;
            for (const QString &z : zones)
                inRegions.insert(z.section(u'/', 0, 0));
            if (inRegions.size() == 1)
                region = *inRegions.begin();
        }
        if (region.isEmpty() && !isGlobal(self)) {
            const QSet<QString> seen = regions.value(self.provider);
            if (seen.size() == 1)
                region = *seen.begin();
        }
        m_subnets[i] = subnets;
        m_subnetRequire[i] = require;
        m_parent[i] = m_placement.place(self.provider, region, zone);
    }
}

QString Builder::groupFor(
    const QString &key, const QList<int> &members, int require, const QString &parent)
{
    if (const auto g = m_groupIds.constFind(key); g != m_groupIds.cend())
        return *g;
    QStringList places;
    for (int m : members)
        places.append(m >= 0 ? m_parent[m] : QString());
    Component group;
    group.id = key;
    group.name = QStringLiteral("%1 (any %2 of %3)")
                     .arg(key)
                     .arg(std::min<int>(require, int(members.size())))
                     .arg(members.size());
    group.kind = QStringLiteral("group");
    group.parent = parent.isEmpty() ? commonPlace(places) : parent;
    group.require = std::min<int>(require, int(members.size()));
    addImportSource(group.extra, m_options.source);
    group.extra.insert(QStringLiteral("terraform_group"), true);
    m_groupIds.insert(key, key);
    m_groupComponents.push_back(group);
    for (int m : members)
        m_groupDependencies.push_back(
            {key, idOf(m), DependencyType::Hard, {}, {}});
    return key;
}


void Builder::addDependencies(int i, Component &component, std::vector<Dependency> &out)
{
    const Instance &self = at(i);
    // Resources an attribute names; a bare dependency on them (or on a sibling) says no more.
    QSet<QString> covered;
    for (const Edge &e : m_edges[i]) {
        if (e.bare)
            continue;
        for (int t : e.targets) {
            for (int r : redirect(t))
                covered.insert(r >= 0 ? at(r).resource : idOf(r));
        }
    }
    QList<std::pair<QString, DependencyType>> deps;
    auto add = [&](const QString &to, Rules::Dependency rule) {
        if (rule == Rules::Dependency::Ignore || to == component.id)
            return;
        const DependencyType type =
            rule == Rules::Dependency::Hard ? DependencyType::Hard : DependencyType::Soft;
        for (auto &d : deps) {
            if (d.first == to) {
                if (type == DependencyType::Hard)
                    d.second = type;
                return;
            }
        }
        deps.append({to, type});
    };
    const QList<int> &subnets = m_subnets[i];
    const QString &subnetAttribute = m_subnetAttribute[i];
    struct Bucket
    {
        QString fromType, attribute;
        QList<int> targets;
    };
    QHash<QString, Bucket> buckets;
    QStringList order;
    for (const Edge &e : m_edges[i]) {
        QList<int> targets;
        for (int t : e.targets) {
            for (int r : redirect(t)) {
                if (r == i || targets.contains(r))
                    continue;
                if (e.bare && covered.contains(r >= 0 ? at(r).resource : idOf(r)))
                    continue;
                targets.append(r);
            }
        }
        for (int t : targets) {
            if (isSubnet(t))
                continue;
            // Instances of one resource reached through one attribute are used together (a
            // target group's attachments, an ELB's `instances`): grouped below.
            const QString key = e.fromType + u'\n' + e.attribute + u'\n' + at(t).resource;
            auto &bucket = buckets[key];
            if (bucket.targets.isEmpty()) {
                bucket.fromType = e.fromType;
                bucket.attribute = e.attribute;
                order.append(key);
            }
            if (!bucket.targets.contains(t))
                bucket.targets.append(t);
        }
    }
    for (const QString &key : order) {
        const Bucket &b = buckets[key];
        const QString type = at(b.targets.front()).type;
        const auto rule = m_rules.dependency(b.fromType, b.attribute, type);
        if (b.targets.size() > 1 && !b.attribute.isEmpty()) {
            const int require = m_rules.require(self.type, b.attribute, type, self.attributes);
            if (rule != Rules::Dependency::Ignore && require > 0) {
                add(groupFor(at(b.targets.front()).resource, b.targets, require), rule);
                continue;
            }
        }
        for (int t : b.targets)
            add(idOf(t), rule);
    }
    if (subnets.size() == 1) {
        add(idOf(subnets.front()),
            m_rules.dependency(self.type, subnetAttribute, typeOf(subnets.front())));
    } else if (subnets.size() > 1) {
        // Spread over several subnets: it survives the loss of a zone, not of all of them
        // (unless the rules say it needs them all: an RDS instance without multi_az).
        const QString type = typeOf(subnets.front());
        const auto rule = m_rules.dependency(self.type, subnetAttribute, type);
        const int require = m_subnetRequire[i];
        const bool otherHard = std::any_of(deps.begin(), deps.end(),
            [](const auto &d) { return d.second == DependencyType::Hard; });
        if (require == 0 || rule == Rules::Dependency::Ignore) {
            for (int s : subnets)
                add(idOf(s), rule);
        } else if (!otherHard && rule == Rules::Dependency::Hard) {
            for (int s : subnets)
                add(idOf(s), rule);
            component.require = std::min<int>(require, int(subnets.size()));
        } else {
            add(groupFor(self.address + QStringLiteral(" (subnets)"), subnets, require,
                    m_parent[i]),
                rule);
        }
    }
    for (const auto &[to, type] : deps)
        out.push_back({component.id, to, type, {}, {}});
}

Map Builder::run()
{
    index();
    collectEdges();
    place();

    Map map;
    map.name = QFileInfo(m_input.source).completeBaseName();
    std::vector<Component> resources;
    std::vector<Dependency> dependencies;
    QHash<int, QStringList> placeholderPlaces;
    for (int i = 0; i < int(m_input.instances.size()); ++i) {
        if (!kept(i))
            continue;
        const Instance &in = at(i);
        Component c;
        c.id = in.address;
        c.name = in.attributes.value(QLatin1String("tags")).toObject().value(QLatin1String("Name")).toString();
        c.kind = m_rules.kind(in.type);
        c.parent = m_parent[i];
        c.tags = QStringList {in.type};
        addImportSource(c.extra, m_options.source);
        c.extra.insert(QStringLiteral("terraform_address"), in.address);
        c.extra.insert(QStringLiteral("terraform_type"), in.type);
        if (!in.module.isEmpty())
            c.extra.insert(QStringLiteral("terraform_module"), in.module);
        addDependencies(i, c, dependencies);
        for (const Edge &e : m_edges[i]) {
            for (int t : e.targets) {
                if (t < 0)
                    placeholderPlaces[t].append(c.parent);
            }
        }
        resources.push_back(std::move(c));
    }
    std::vector<Component> placeholders;
    for (int p = 0; p < int(m_placeholders.size()); ++p) {
        Component c;
        c.id = m_placeholders[p];
        c.name = m_placeholders[p] + QStringLiteral(" (not in the file)");
        c.kind = QStringLiteral("network");
        c.parent = commonPlace(placeholderPlaces.value(-1 - p));
        c.tags = QStringList {QStringLiteral("aws_subnet")};
        addImportSource(c.extra, m_options.source);
        c.extra.insert(QStringLiteral("placeholder"), true);
        placeholders.push_back(std::move(c));
    }

    const std::vector<Component> places = m_placement.components(m_options.source);
    map.reserve(int(places.size() + resources.size() + placeholders.size() + m_groupComponents.size()),
        int(dependencies.size() + m_groupDependencies.size()));
    for (const Component &c : places)
        map.addComponent(c);
    for (Component &c : resources)
        map.addComponent(std::move(c));
    for (Component &c : placeholders)
        map.addComponent(std::move(c));
    for (Component &c : m_groupComponents)
        map.addComponent(std::move(c));
    for (Dependency &d : dependencies)
        map.addDependency(std::move(d));
    for (Dependency &d : m_groupDependencies)
        map.addDependency(std::move(d));

    QStringList missing = m_missing.keys();
    missing.sort();
    for (const QString &m : missing)
        m_input.warnings.append(QStringLiteral("%1: %2 is not in the file; %3 left out")
                                    .arg(m_input.source, m,
                                        m_missing.value(m) == 1
                                            ? QStringLiteral("the dependency on it is")
                                            : QStringLiteral("the %1 dependencies on it are")
                                                  .arg(m_missing.value(m))));
    return map;
}

} // namespace

Map buildMap(Input &input, const Rules &rules, const BuildOptions &options)
{
    Builder builder(input, rules, options);
    return builder.run();
}

} // namespace faultline::terraform
