#include "model/storage/writer.h"

#include "model/map/validation.h"
#include "model/storage/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <cmath>

namespace faultline::storage {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Runs `insert` for one entry; an error names the entry (built only when there is one).
template<typename Insert, typename Describe>
void insertEntry(Insert insert, Describe describe)
{
    try {
        insert();
    } catch (const SqliteError &e) {
        throw SqliteError(
            e.code(), e.extendedCode(), QStringLiteral("%1: %2").arg(describe(), e.message()));
    }
}

[[noreturn]] void unknownId(const QString &id)
{
    throw SqliteError(SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_FOREIGNKEY,
        QStringLiteral("\"%1\" is not a component of the map").arg(id));
}

int indexOf(const Map &map, const QString &id)
{
    const auto i = map.findComponent(id);
    if (!i)
        unknownId(id);
    return i->value;
}

void writeHeaderRow(Database &db, const Map &map)
{
    Statement s(db, "INSERT INTO map (id, name, extra) VALUES (1, ?, ?)");
    s.bind(1, map.name);
    s.bindUtf8(2, compact(map.extra));
    s.run();
}

void writeComponents(Database &db, const Map &map)
{
    Statement s(db,
        "INSERT INTO component (seq, id, name, kind, parent, require, owner, tier, "
        "description, tags, availability, rto_minutes, cost_per_hour, business, "
        "extra, rpo_minutes, target_rto_minutes, target_rpo_minutes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < map.componentCount(); ++i) {
        const Component &c = map.components()[i];
        insertEntry(
            [&] {
                s.bind(1, i);
                s.bind(2, c.id);
                s.bind(3, c.name);
                s.bind(4, c.kind);
                if (c.parent.isEmpty())
                    s.bindNull(5);
                else
                    s.bind(5, indexOf(map, c.parent));
                s.bind(6, c.require);
                s.bind(7, c.owner);
                s.bind(8, c.tier);
                s.bind(9, c.description);
                s.bindUtf8(10,
                    c.tags ? QJsonDocument(QJsonArray::fromStringList(*c.tags))
                                 .toJson(QJsonDocument::Compact)
                           : QByteArray());
                s.bind(11, c.availability);
                s.bind(12, c.rtoMinutes);
                s.bind(13, c.costPerHour);
                if (c.business)
                    s.bind(14, *c.business ? 1 : 0);
                else
                    s.bindNull(14);
                s.bindUtf8(15, compact(c.extra));
                s.bind(16, c.rpoMinutes);
                s.bind(17, c.targetRtoMinutes);
                s.bind(18, c.targetRpoMinutes);
                s.run();
            },
            [&] { return describeComponent(c.id); });
    }
}

void writeDependencies(Database &db, const Map &map)
{
    Statement s(db,
        "INSERT INTO dependency (seq, from_component, to_component, type, label, "
        "extra) VALUES (?, ?, ?, ?, ?, ?)");
    const QByteArray hard("hard"), soft("soft");
    for (int i = 0; i < map.dependencyCount(); ++i) {
        const Dependency &d = map.dependencies()[i];
        insertEntry(
            [&] {
                s.bind(1, i);
                s.bind(2, indexOf(map, d.from));
                s.bind(3, indexOf(map, d.to));
                s.bindUtf8(4, d.isHard() ? hard : soft);
                s.bind(5, d.label);
                s.bindUtf8(6, compact(d.extra));
                s.run();
            },
            [&] { return describeDependency(d.from, d.to); });
    }
}

// The decisions and action items of scenario `i`, in their order.
void writeWorkshopNotes(Statement &decision, Statement &action, int i, const Scenario &scenario)
{
    for (int position = 0; position < scenario.decisions.size(); ++position) {
        decision.bind(1, i);
        decision.bind(2, position);
        decision.bind(3, scenario.decisions[position]);
        decision.run();
    }
    for (int position = 0; position < int(scenario.actions.size()); ++position) {
        const ActionItem &a = scenario.actions[position];
        action.bind(1, i);
        action.bind(2, position);
        action.bind(3, a.what);
        action.bind(4, a.owner);
        if (a.due.isValid())
            action.bind(5, toString(a.due));
        else
            action.bindNull(5);
        action.bindUtf8(6, toString(a.status).toUtf8());
        action.bindUtf8(7, compact(a.extra));
        action.run();
    }
}

void writeScenarios(Database &db, const Map &map)
{
    Statement s(
        db, "INSERT INTO scenario (seq, name, description, extra, notes) VALUES (?, ?, ?, ?, ?)");
    Statement m(db,
        "INSERT INTO scenario_member (scenario, effect, position, component) "
        "VALUES (?, ?, ?, ?)");
    Statement decision(db,
        "INSERT INTO scenario_decision (scenario, position, text) "
        "VALUES (?, ?, ?)");
    Statement action(db,
        "INSERT INTO scenario_action (scenario, position, what, owner, due, status, extra) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    const QByteArray fail("fail"), degrade("degrade");
    for (int i = 0; i < int(map.scenarios().size()); ++i) {
        const Scenario &scenario = map.scenarios()[i];
        insertEntry(
            [&] {
                s.bind(1, i);
                s.bind(2, scenario.name);
                s.bind(3, scenario.description);
                s.bindUtf8(4, compact(scenario.extra));
                s.bind(5, scenario.notes);
                s.run();
                writeWorkshopNotes(decision, action, i, scenario);
                for (const auto &[effect, ids] :
                    {std::pair(&fail, &scenario.fail), std::pair(&degrade, &scenario.degrade)}) {
                    for (int position = 0; position < ids->size(); ++position) {
                        m.bind(1, i);
                        m.bindUtf8(2, *effect);
                        m.bind(3, position);
                        m.bind(4, indexOf(map, ids->at(position)));
                        m.run();
                    }
                }
            },
            [&] { return describeScenario(scenario.name); });
    }
}

void writeLayout(Database &db, const Map &map)
{
    Statement s(db, "INSERT INTO layout (component, x, y) VALUES (?, ?, ?)");
    const QHash<QString, QPointF> &positions = map.positions();
    if (positions.isEmpty())
        return;
    for (int i = 0; i < map.componentCount(); ++i) {
        const auto it = positions.constFind(map.components()[i].id);
        if (it == positions.cend() || !std::isfinite(it->x()) || !std::isfinite(it->y()))
            continue;
        s.bind(1, i);
        s.bind(2, it->x());
        s.bind(3, it->y());
        s.run();
    }
}

} // namespace

void writeMap(Database &db, const Map &map)
{
    // Without triggers or enforced foreign keys, SQLite empties each table in one step.
    db.exec("DELETE FROM scenario_decision; DELETE FROM scenario_action; "
            "DELETE FROM scenario_member; DELETE FROM scenario; DELETE FROM layout; "
            "DELETE FROM dependency; DELETE FROM component; DELETE FROM map;");
    writeHeaderRow(db, map);
    writeComponents(db, map);
    writeDependencies(db, map);
    writeScenarios(db, map);
    writeLayout(db, map);
}

} // namespace faultline::storage
