#include "model/storage/reader.h"

#include "model/storage/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <vector>

namespace faultline::storage {

namespace {

// Finds a row's position in map order from its `seq`. Faultline numbers rows 0..n-1, which is
// looked up directly; any other increasing numbering (an edited file) takes a binary search.
class SeqIndex
{
public:
    void append(qint64 seq) { m_seqs.push_back(seq); }
    int find(qint64 seq) const
    {
        if (seq >= 0 && seq < qint64(m_seqs.size()) && m_seqs[seq] == seq)
            return int(seq);
        const auto it = std::lower_bound(m_seqs.begin(), m_seqs.end(), seq);
        return it != m_seqs.end() && *it == seq ? int(it - m_seqs.begin()) : -1;
    }

private:
    std::vector<qint64> m_seqs;
};

QJsonDocument parseJson(const Statement &s, int column, const char *what)
{
    QJsonParseError error;
    const QByteArrayView utf8 = s.utf8(column);
    QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(utf8.data(), utf8.size()), &error);
    if (error.error != QJsonParseError::NoError)
        throwDamaged(QStringLiteral("%1 is not valid JSON: %2")
                         .arg(QLatin1String(what), error.errorString()));
    return doc;
}

QJsonObject readExtra(const Statement &s, int column)
{
    if (s.isNull(column))
        return {};
    const QJsonDocument doc = parseJson(s, column, "extra");
    if (!doc.isObject())
        throwDamaged(QStringLiteral("extra is not a JSON object"));
    return doc.object();
}

std::optional<QStringList> readTags(const Statement &s, int column)
{
    if (s.isNull(column))
        return std::nullopt;
    const QJsonDocument doc = parseJson(s, column, "tags");
    if (!doc.isArray())
        throwDamaged(QStringLiteral("tags are not a JSON list"));
    QStringList tags;
    for (const QJsonValue &v : doc.array()) {
        if (!v.isString())
            throwDamaged(QStringLiteral("tags are not a list of strings"));
        tags.append(v.toString());
    }
    return tags;
}

std::optional<double> readReal(const Statement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<double>(s.real(column));
}

std::optional<int> readInt(const Statement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<int>(s.smallInteger(column));
}

void readHeaderRow(Database &db, Map &map)
{
    Statement s(db, "SELECT name, extra FROM map WHERE id = 1");
    if (!s.step())
        throwDamaged(QStringLiteral("it holds no map"));
    map.name = s.text(0);
    map.extra = readExtra(s, 1);
}

void readComponents(Database &db, Map &map, SeqIndex &seqs)
{
    const qint64 count = db.queryInt("SELECT count(*) FROM component");
    std::vector<Component> components;
    std::vector<qint64> parents;
    components.reserve(count);
    parents.reserve(count);
    Statement s(db,
        "SELECT seq, id, name, kind, parent, require, owner, tier, description, tags, "
        "availability, rto_minutes, cost_per_hour, business, extra, rpo_minutes, "
        "target_rto_minutes, target_rpo_minutes "
        "FROM component ORDER BY seq");
    while (s.step()) {
        seqs.append(s.integer(0));
        Component &c = components.emplace_back();
        c.id = s.text(1);
        c.name = s.text(2);
        c.kind = s.text(3);
        parents.push_back(s.isNull(4) ? -1 : s.integer(4));
        c.require = readInt(s, 5);
        c.owner = s.text(6);
        c.tier = readInt(s, 7);
        c.description = s.text(8);
        c.tags = readTags(s, 9);
        c.availability = readReal(s, 10);
        c.rtoMinutes = readReal(s, 11);
        c.costPerHour = readReal(s, 12);
        if (!s.isNull(13))
            c.business = s.integer(13) != 0;
        c.extra = readExtra(s, 14);
        c.rpoMinutes = readReal(s, 15);
        c.targetRtoMinutes = readReal(s, 16);
        c.targetRpoMinutes = readReal(s, 17);
    }
    for (std::size_t i = 0; i < components.size(); ++i) {
        if (parents[i] < 0)
            continue;
        const int p = seqs.find(parents[i]);
        if (p < 0)
            throwDamaged(
                QStringLiteral("component \"%1\" has a missing parent").arg(components[i].id));
        components[i].parent = components[p].id;
    }
    map.reserve(int(components.size()), 0);
    for (Component &c : components)
        map.addComponent(std::move(c));
}

void readDependencies(Database &db, Map &map, const SeqIndex &components)
{
    Statement s(db,
        "SELECT from_component, to_component, type, label, extra "
        "FROM dependency ORDER BY seq");
    map.reserve(map.componentCount(), int(db.queryInt("SELECT count(*) FROM dependency")));
    while (s.step()) {
        const int from = components.find(s.integer(0));
        const int to = components.find(s.integer(1));
        if (from < 0 || to < 0)
            throwDamaged(QStringLiteral("a dependency refers to a missing component"));
        Dependency d;
        d.from = map.component(ComponentIndex(from)).id;
        d.to = map.component(ComponentIndex(to)).id;
        d.type = s.utf8(2) == "soft" ? DependencyType::Soft : DependencyType::Hard;
        d.label = s.text(3);
        d.extra = readExtra(s, 4);
        map.addDependency(std::move(d));
    }
}

// The decisions and action items of each scenario (schema 4), in their order.
void readWorkshopNotes(Database &db, std::vector<Scenario> &scenarios, const SeqIndex &seqs)
{
    Statement d(db, "SELECT scenario, text FROM scenario_decision ORDER BY scenario, position");
    while (d.step()) {
        const int scenario = seqs.find(d.integer(0));
        if (scenario < 0)
            throwDamaged(QStringLiteral("a decision belongs to a missing scenario"));
        scenarios[scenario].decisions.append(d.text(1));
    }
    Statement a(db,
        "SELECT scenario, what, owner, due, status, extra FROM scenario_action "
        "ORDER BY scenario, position");
    while (a.step()) {
        const int scenario = seqs.find(a.integer(0));
        if (scenario < 0)
            throwDamaged(QStringLiteral("an action item belongs to a missing scenario"));
        ActionItem item;
        item.what = a.text(1);
        item.owner = a.text(2);
        if (!a.isNull(3)) {
            const auto due = dueDateFrom(a.text(3));
            if (!due)
                throwDamaged(QStringLiteral("an action item of scenario \"%1\" has the due date "
                                            "\"%2\"")
                                 .arg(scenarios[scenario].name, a.text(3).left(40)));
            item.due = *due;
        }
        const auto status = actionStatusFrom(a.text(4));
        if (!status)
            throwDamaged(QStringLiteral("an action item has an unknown status"));
        item.status = *status;
        item.extra = readExtra(a, 5);
        scenarios[scenario].actions.push_back(std::move(item));
    }
}

void readScenarios(Database &db, Map &map, const SeqIndex &components)
{
    std::vector<Scenario> scenarios;
    SeqIndex seqs;
    Statement s(db, "SELECT seq, name, description, extra, notes FROM scenario ORDER BY seq");
    while (s.step()) {
        seqs.append(s.integer(0));
        Scenario &scenario = scenarios.emplace_back();
        scenario.name = s.text(1);
        scenario.description = s.text(2);
        scenario.extra = readExtra(s, 3);
        scenario.notes = s.text(4);
    }
    Statement m(db,
        "SELECT scenario, effect, component FROM scenario_member "
        "ORDER BY scenario, effect, position");
    while (m.step()) {
        const int scenario = seqs.find(m.integer(0));
        const int component = components.find(m.integer(2));
        if (scenario < 0 || component < 0)
            throwDamaged(QStringLiteral("a scenario refers to a missing component"));
        QStringList &list =
            m.utf8(1) == "degrade" ? scenarios[scenario].degrade : scenarios[scenario].fail;
        list.append(map.component(ComponentIndex(component)).id);
    }
    readWorkshopNotes(db, scenarios, seqs);
    for (Scenario &scenario : scenarios)
        map.addScenario(std::move(scenario));
}

void readLayout(Database &db, Map &map, const SeqIndex &components)
{
    QHash<QString, QPointF> positions;
    positions.reserve(map.componentCount());
    Statement s(db, "SELECT component, x, y FROM layout");
    while (s.step()) {
        const int component = components.find(s.integer(0));
        if (component < 0)
            throwDamaged(QStringLiteral("a layout position belongs to a missing component"));
        positions.insert(
            map.component(ComponentIndex(component)).id, QPointF(s.real(1), s.real(2)));
    }
    map.setPositions(std::move(positions));
}

} // namespace

Map readMap(Database &db)
{
    Map map;
    SeqIndex components;
    readHeaderRow(db, map);
    readComponents(db, map, components);
    readDependencies(db, map, components);
    readScenarios(db, map, components);
    readLayout(db, map, components);
    return map;
}

} // namespace faultline::storage
