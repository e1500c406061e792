#pragma once

// Small maps written as text, for the model suites.
//
// A map is a list of statements separated by ';'. A statement names a component, then optional
// attributes, then optional dependency lists:
//
//     a                              component a
//     b parent=a cost=100            attributes: parent, require, cost, availability,
//                                    name, kind, rto, rpo, target_rto, target_rpo,
//                                    business (true or false)
//     g require=1 -> x,y             hard dependencies g -> x, g -> y (in that order)
//     c -> b ~> d                    hard c -> b, soft c -> d
//     c -> e                         naming c again only adds dependencies
//     @drill fail=a,b degrade=c      a scenario (for validation tests)
//
// Components are added in the order they are first declared, dependencies in the order they
// are written: so `x; y; c -> y,x` lists c -> y before c -> x although x comes first in the
// components. The map is not validated here (validation tests need invalid maps); ids may not
// contain blanks or any of ; , = < and must not start with @ or ~ or -.
//
// Impact results are written the same way: every component that is not up, in map order, as
// `id=state` or `id=state<cause`, e.g. "f=down c=degraded<f g=at-risk<f".
//
// For interchange documents: json() (write ' for ") and saysAll() (nothing a document said was
// lost in another).

#include "model/impact/engine.h"
#include "model/impact/state.h"
#include "model/map/map.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <stdexcept>

namespace faultline::testutil {

// A saved scenario by its name and lists (a brace list of Scenario's members would leave the
// rest without initializers, which Debug builds refuse).
inline Scenario scenario(
    const QString &name, const QStringList &fail = {}, const QStringList &degrade = {})
{
    Scenario s;
    s.name = name;
    s.fail = fail;
    s.degrade = degrade;
    return s;
}

inline QStringList splitIds(const QString &list)
{
    QStringList out;
    for (const QString &part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString id = part.trimmed();
        if (!id.isEmpty())
            out.append(id);
    }
    return out;
}

// Throws std::invalid_argument on a malformed statement: a mistake in the test, not the model.
inline Map parseMap(const QString &text)
{
    Map map;
    auto bad = [](const QString &statement, const QString &why) {
        throw std::invalid_argument(
            QStringLiteral("bad test map statement \"%1\": %2").arg(statement, why).toStdString());
    };
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    for (const QString &raw : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString statement = raw.trimmed();
        if (statement.isEmpty())
            continue;
        const QStringList tokens = statement.split(blanks, Qt::SkipEmptyParts);
        const QString head = tokens.first();

        if (head.startsWith(QLatin1Char('@'))) {
            Scenario s;
            s.name = head.mid(1);
            for (const QString &t : tokens.mid(1)) {
                if (t.startsWith(QLatin1String("fail=")))
                    s.fail = splitIds(t.mid(5));
                else if (t.startsWith(QLatin1String("degrade=")))
                    s.degrade = splitIds(t.mid(8));
                else
                    bad(statement, QStringLiteral("unknown scenario attribute ") + t);
            }
            map.addScenario(s);
            continue;
        }

        // A component is added for every declaration (so duplicates can be written for
        // validation tests), except a statement that only adds dependencies to a known id.
        Component c;
        c.id = head;
        bool hasAttributes = false;
        int i = 1;
        for (; i < tokens.size(); ++i) {
            const QString &t = tokens[i];
            if (t == QLatin1String("->") || t == QLatin1String("~>"))
                break;
            const qsizetype eq = t.indexOf(QLatin1Char('='));
            if (eq <= 0)
                bad(statement, QStringLiteral("expected key=value, got ") + t);
            const QString key = t.left(eq);
            const QString value = t.mid(eq + 1);
            hasAttributes = true;
            bool ok = true;
            if (key == QLatin1String("parent"))
                c.parent = value;
            else if (key == QLatin1String("require"))
                c.require = value.toInt(&ok);
            else if (key == QLatin1String("cost"))
                c.costPerHour = value.toDouble(&ok);
            else if (key == QLatin1String("availability"))
                c.availability = value.toDouble(&ok);
            else if (key == QLatin1String("name"))
                c.name = value;
            else if (key == QLatin1String("kind"))
                c.kind = value;
            else if (key == QLatin1String("rto"))
                c.rtoMinutes = value.toDouble(&ok);
            else if (key == QLatin1String("rpo"))
                c.rpoMinutes = value.toDouble(&ok);
            else if (key == QLatin1String("target_rto"))
                c.targetRtoMinutes = value.toDouble(&ok);
            else if (key == QLatin1String("target_rpo"))
                c.targetRpoMinutes = value.toDouble(&ok);
            else if (key == QLatin1String("business"))
                c.business = value == QLatin1String("true");
            else
                bad(statement, QStringLiteral("unknown attribute ") + key);
            if (!ok)
                bad(statement, QStringLiteral("not a number: ") + value);
        }
        const bool dependenciesOnly = !hasAttributes && i < tokens.size();
        if (!(dependenciesOnly && map.findComponent(head)))
            map.addComponent(c);

        DependencyType type = DependencyType::Hard;
        bool haveArrow = false;
        for (; i < tokens.size(); ++i) {
            const QString &t = tokens[i];
            if (t == QLatin1String("->") || t == QLatin1String("~>")) {
                type = t == QLatin1String("->") ? DependencyType::Hard : DependencyType::Soft;
                haveArrow = true;
                continue;
            }
            if (!haveArrow)
                bad(statement, QStringLiteral("dependencies must follow -> or ~>"));
            for (const QString &to : splitIds(t)) {
                Dependency d;
                d.from = head;
                d.to = to;
                d.type = type;
                map.addDependency(d);
            }
        }
    }
    return map;
}

inline std::vector<ComponentIndex> indices(const Map &map, const QString &ids)
{
    std::vector<ComponentIndex> out;
    for (const QString &id : splitIds(ids)) {
        const auto c = map.findComponent(id);
        if (!c)
            throw std::invalid_argument(
                QStringLiteral("no component \"%1\" in the test map").arg(id).toStdString());
        out.push_back(*c);
    }
    return out;
}

inline ScenarioSpec scenario(const Map &map, const QString &fail, const QString &degrade = {})
{
    return ScenarioSpec {indices(map, fail), indices(map, degrade)};
}

// Every component that is not up, in map order: "id=state" or "id=state<cause".
template<typename StateOf, typename CauseOf>
QString describeStates(const Map &map, StateOf stateOf, CauseOf causeOf)
{
    QStringList out;
    for (int i = 0; i < map.componentCount(); ++i) {
        const ComponentIndex c(i);
        const State s = stateOf(c);
        if (s == State::Up)
            continue;
        QString item = map.component(c).id + QLatin1Char('=') + toString(s);
        const ComponentIndex cause = causeOf(c);
        if (cause.isValid()) {
            item += QLatin1Char('<');
            item += cause.value < map.componentCount() ? map.component(cause).id
                                                       : QStringLiteral("#%1").arg(cause.value);
        }
        out.append(item);
    }
    return out.join(QLatin1Char(' '));
}

inline QString describe(const Map &map, const ImpactResult &r)
{
    return describeStates(
        map, [&r](ComponentIndex c) { return r.state(c); },
        [&r](ComponentIndex c) { return r.cause(c); });
}

inline QString describe(const Map &map, const ImpactEngine &e)
{
    return describeStates(
        map, [&e](ComponentIndex c) { return e.state(c); },
        [&e](ComponentIndex c) { return e.cause(c); });
}

inline QString describe(const ImpactSummary &s)
{
    return QStringLiteral("down=%1 degraded=%2 at-risk=%3 cost=%4")
        .arg(s.down)
        .arg(s.degraded)
        .arg(s.atRisk)
        .arg(s.costPerHour);
}

// ---- JSON documents ----

// Documents written with ' for " to keep them readable: json("{'format': 'faultline-map'}").
inline QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

// True if everything `original` says is said by `written` too: every key that is not null, with
// an equal value, recursively (arrays element by element). The writer may add defaults.
inline bool saysAll(const QJsonValue &original, const QJsonValue &written, const QString &where,
    QString *difference)
{
    if (original.isObject()) {
        if (!written.isObject()) {
            *difference = where + QStringLiteral(": object lost");
            return false;
        }
        const QJsonObject o = original.toObject();
        const QJsonObject w = written.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isNull())
                continue;
            if (!saysAll(
                    it.value(), w.value(it.key()), where + QLatin1Char('.') + it.key(), difference))
                return false;
        }
        return true;
    }
    if (original.isArray()) {
        const QJsonArray o = original.toArray();
        const QJsonArray w = written.toArray();
        if (!written.isArray() || o.size() != w.size()) {
            *difference = where + QStringLiteral(": array changed length");
            return false;
        }
        for (qsizetype i = 0; i < o.size(); ++i) {
            if (!saysAll(o[i], w[i], where + QStringLiteral("[%1]").arg(i), difference))
                return false;
        }
        return true;
    }
    if (original != written) {
        *difference = where + QStringLiteral(": ")
            + QString::fromUtf8(QJsonDocument(QJsonArray {original}).toJson(QJsonDocument::Compact))
            + QStringLiteral(" became ")
            + QString::fromUtf8(QJsonDocument(QJsonArray {written}).toJson(QJsonDocument::Compact));
        return false;
    }
    return true;
}

} // namespace faultline::testutil
