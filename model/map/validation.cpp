#include "model/map/validation.h"

#include "model/map/errors.h"
#include "model/map/limits.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace faultline {

QString shortenedForMessage(const QString &text)
{
    constexpr qsizetype maxChars = 200;
    if (text.size() <= maxChars)
        return text;
    qsizetype cut = maxChars - 1;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + u'\u2026';
}

QString describeComponent(const QString &id)
{
    return QStringLiteral("component \"%1\"").arg(shortenedForMessage(id));
}

QString describeDependency(const QString &from, const QString &to)
{
    return QStringLiteral("dependency \"%1\" -> \"%2\"")
        .arg(shortenedForMessage(from), shortenedForMessage(to));
}

QString describeScenario(const QString &name)
{
    return QStringLiteral("scenario \"%1\"").arg(shortenedForMessage(name));
}

int hardDependencyCount(const Map &map, const QString &id)
{
    int n = 0;
    for (const Dependency &d : map.dependencies())
        n += (d.from == id && d.isHard()) ? 1 : 0;
    return n;
}

bool wouldCreateParentLoop(const Map &map, const QString &child, const QString &parent)
{
    QSet<QString> seen {child};
    QString p = parent;
    while (!p.isEmpty()) {
        if (seen.contains(p))
            return true;
        seen.insert(p);
        const auto i = map.findComponent(p);
        if (!i)
            return false;
        p = map.component(*i).parent;
    }
    return false;
}

namespace {

QString tooLong(const QString &who, const QString &what)
{
    return QStringLiteral("%1: its %2 is longer than %3 characters")
        .arg(who, what, QString::number(limits::maxTextLength));
}

QString tooLong(const QString &who, const char *what)
{
    return tooLong(who, QLatin1String(what));
}

// The limits of model/map/limits.h, checked first so that no later check works on a map of a
// size nobody meant.
QString checkLimits(const Map &map)
{
    if (map.componentCount() > limits::maxComponents)
        return QStringLiteral("the map has %1 components; Faultline handles up to %2")
            .arg(map.componentCount())
            .arg(limits::maxComponents);
    if (map.dependencies().size() > std::size_t(limits::maxDependencies))
        return QStringLiteral("the map has %1 dependencies; Faultline handles up to %2")
            .arg(map.dependencies().size())
            .arg(limits::maxDependencies);
    auto longer = [](const QString &s) {
        return s.size() > limits::maxTextLength;
    };
    if (longer(map.name))
        return tooLong(QStringLiteral("the map"), "name");
    for (const Component &c : map.components()) {
        auto who = [&c] {
            return describeComponent(c.id);
        };
        if (longer(c.id))
            return tooLong(who(), "id");
        if (longer(c.name))
            return tooLong(who(), "name");
        if (longer(c.kind))
            return tooLong(who(), "kind");
        if (longer(c.owner))
            return tooLong(who(), "owner");
        if (longer(c.description))
            return tooLong(who(), "description");
        if (c.costPerHour && *c.costPerHour > limits::maxCostPerHour)
            return QStringLiteral("%1: cost_per_hour %2 is more than %3")
                .arg(who(), QString::number(*c.costPerHour),
                    QString::number(limits::maxCostPerHour));
        if (c.rtoMinutes && *c.rtoMinutes > limits::maxMinutes)
            return QStringLiteral("%1: rto_minutes %2 is more than %3")
                .arg(who(), QString::number(*c.rtoMinutes), QString::number(limits::maxMinutes));
    }
    for (const Dependency &d : map.dependencies()) {
        if (longer(d.label))
            return tooLong(describeDependency(d.from, d.to), "label");
    }
    for (const Scenario &s : map.scenarios()) {
        if (longer(s.name))
            return tooLong(describeScenario(s.name), "name");
        if (longer(s.notes))
            return tooLong(describeScenario(s.name), "notes");
        for (qsizetype i = 0; i < s.decisions.size(); ++i) {
            if (longer(s.decisions[i]))
                return tooLong(describeScenario(s.name), QStringLiteral("decisions[%1]").arg(i));
        }
        for (std::size_t i = 0; i < s.actions.size(); ++i) {
            const ActionItem &a = s.actions[i];
            for (const auto &[key, value] :
                {std::pair("what", &a.what), std::pair("owner", &a.owner)}) {
                if (longer(*value))
                    return tooLong(describeScenario(s.name),
                        QStringLiteral("actions[%1].%2").arg(i).arg(QLatin1String(key)));
            }
        }
    }
    return {};
}

// Messages are built only for the entry at fault: a valid map of 100,000 components has no
// message to format, and validation runs on every load. Duplicate ids are found through the
// map's own lookup, which names the first entry with an id (map.h), so nothing is hashed twice.
QString checkComponents(const Map &map)
{
    int position = 0;
    for (const Component &c : map.components()) {
        if (c.id.isEmpty())
            return QStringLiteral("components[%1]: missing \"id\"").arg(position);
        // The lookup holds the first occurrence of an id: any other one is a duplicate.
        if (map.findComponent(c.id)->value != position)
            return QStringLiteral("%1 (components[%2]): duplicate id")
                .arg(describeComponent(c.id), QString::number(position));
        ++position;
    }
    for (const Component &c : map.components()) {
        auto who = [&c] {
            return describeComponent(c.id);
        };
        if (!c.parent.isEmpty() && !map.findComponent(c.parent))
            return QStringLiteral("%1: parent \"%2\" is not a component of the map")
                .arg(who(), c.parent);
        if (c.parent == c.id)
            return QStringLiteral("%1: is its own parent").arg(who());
        if (c.availability && !(*c.availability >= 0.0 && *c.availability <= 1.0))
            return QStringLiteral("%1: availability %2 is not between 0 and 1")
                .arg(who(), QString::number(*c.availability));
        if (c.require && *c.require < 0)
            return QStringLiteral("%1: require %2 is negative")
                .arg(who(), QString::number(*c.require));
        if (c.costPerHour && !(*c.costPerHour >= 0))
            return QStringLiteral("%1: cost_per_hour must be a number of at least 0").arg(who());
        for (const auto &[key, value] :
            {std::pair("rto_minutes", c.rtoMinutes), std::pair("rpo_minutes", c.rpoMinutes),
                std::pair("target_rto_minutes", c.targetRtoMinutes),
                std::pair("target_rpo_minutes", c.targetRpoMinutes)}) {
            if (value && !(*value >= 0))
                return QStringLiteral("%1: %2 must be a number of at least 0")
                    .arg(who(), QLatin1String(key));
        }
    }
    return {};
}

// Follows parents with three colours so that each component is walked once.
QString checkParentLoops(const Map &map)
{
    const int n = map.componentCount();
    std::vector<int> parentOf(n, -1);
    for (int i = 0; i < n; ++i) {
        if (const auto p = map.findComponent(map.components()[i].parent))
            parentOf[i] = p->value;
    }
    enum : char { Unvisited, OnPath, Done };
    std::vector<char> mark(n, Unvisited);
    std::vector<int> path;
    for (int start = 0; start < n; ++start) {
        path.clear();
        int i = start;
        while (i >= 0 && mark[i] == Unvisited) {
            mark[i] = OnPath;
            path.push_back(i);
            i = parentOf[i];
        }
        if (i >= 0 && mark[i] == OnPath)
            return QStringLiteral("%1: its parent chain loops back to itself")
                .arg(describeComponent(map.components()[i].id));
        for (int j : path)
            mark[j] = Done;
    }
    return {};
}

// Marks each dependency that repeats the (from, to) of an earlier one, given both ends as
// component indices (-1 where unresolved): sorting the pairs finds repeats without hashing
// 600,000 strings.
std::vector<bool> repeatedPairs(const std::vector<int> &from, const std::vector<int> &to)
{
    struct Pair
    {
        std::uint64_t ends;
        int position;
        bool operator<(const Pair &other) const
        {
            return ends != other.ends ? ends < other.ends : position < other.position;
        }
    };
    std::vector<Pair> pairs;
    pairs.reserve(from.size());
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (from[i] >= 0 && to[i] >= 0)
            pairs.push_back({std::uint64_t(from[i]) << 32 | std::uint32_t(to[i]), int(i)});
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<bool> repeated(from.size(), false);
    for (std::size_t k = 1; k < pairs.size(); ++k) {
        if (pairs[k].ends == pairs[k - 1].ends)
            repeated[pairs[k].position] = true;
    }
    return repeated;
}

QString checkDependencies(const Map &map)
{
    const std::size_t n = map.dependencies().size();
    std::vector<int> from(n, -1), to(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const Dependency &d = map.dependencies()[i];
        if (const auto f = map.findComponent(d.from))
            from[i] = f->value;
        if (const auto t = map.findComponent(d.to))
            to[i] = t->value;
    }
    const std::vector<bool> repeated = repeatedPairs(from, to);

    std::vector<int> hardCount(map.componentCount(), 0);
    for (std::size_t position = 0; position < n; ++position) {
        const Dependency &d = map.dependencies()[position];
        auto who = [&d, position] {
            return QStringLiteral("%1 (dependencies[%2])")
                .arg(describeDependency(d.from, d.to), QString::number(position));
        };
        if (d.from.isEmpty())
            return QStringLiteral("%1: missing \"from\"").arg(who());
        if (d.to.isEmpty())
            return QStringLiteral("%1: missing \"to\"").arg(who());
        if (from[position] < 0)
            return QStringLiteral("%1: \"%2\" is not a component of the map").arg(who(), d.from);
        if (to[position] < 0)
            return QStringLiteral("%1: \"%2\" is not a component of the map").arg(who(), d.to);
        if (from[position] == to[position])
            return QStringLiteral("%1: a component cannot depend on itself").arg(who());
        if (repeated[position])
            return QStringLiteral("%1: the same from/to pair is listed twice").arg(who());
        if (d.isHard())
            ++hardCount[from[position]];
    }
    for (int i = 0; i < map.componentCount(); ++i) {
        const Component &c = map.components()[i];
        if (c.require && *c.require > hardCount[i])
            return QStringLiteral("%1: require %2 is larger than its %3 hard dependencies")
                .arg(describeComponent(c.id), QString::number(*c.require),
                    QString::number(hardCount[i]));
    }
    return {};
}

QString checkScenarios(const Map &map)
{
    QSet<QString> names;
    int position = 0;
    for (const Scenario &s : map.scenarios()) {
        if (s.name.isEmpty())
            return QStringLiteral("scenarios[%1]: missing \"name\"").arg(position);
        const QString who = describeScenario(s.name);
        if (names.contains(s.name))
            return QStringLiteral("%1 (scenarios[%2]): two scenarios have this name")
                .arg(who, QString::number(position));
        names.insert(s.name);
        for (const QStringList *list : {&s.fail, &s.degrade}) {
            for (const QString &id : *list) {
                if (!map.findComponent(id))
                    return QStringLiteral("%1: \"%2\" is not a component of the map").arg(who, id);
            }
        }
        for (qsizetype i = 0; i < s.decisions.size(); ++i) {
            if (s.decisions[i].trimmed().isEmpty())
                return QStringLiteral("%1: decisions[%2] is empty").arg(who).arg(i);
        }
        for (std::size_t i = 0; i < s.actions.size(); ++i) {
            if (s.actions[i].what.trimmed().isEmpty())
                return QStringLiteral("%1: actions[%2]: \"what\" is empty").arg(who).arg(i);
        }
        ++position;
    }
    return {};
}

} // namespace

std::optional<QString> validationError(const Map &map)
{
    for (auto check :
        {checkLimits, checkComponents, checkParentLoops, checkDependencies, checkScenarios}) {
        QString message = check(map);
        if (!message.isEmpty())
            return message;
    }
    return std::nullopt;
}

void validate(const Map &map)
{
    if (auto message = validationError(map))
        throw ValidationError(*message);
}

} // namespace faultline
