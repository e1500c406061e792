#include "model/editing/editnotices.h"

#include <QCoreApplication>
#include <QHash>

#include <deque>

namespace faultline::edit {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::edit", text);
}

QString nameOf(const Map &map, const QString &id)
{
    const auto i = map.findComponent(id);
    return QStringLiteral("“%1”").arg(i ? map.component(*i).displayName() : id);
}

} // namespace

QString cycleNotice(const Map &map, const QString &from, const QString &to)
{
    if (from == to || !map.findComponent(from) || !map.findComponent(to))
        return {};
    // Breadth first from `to` along "needs": the shortest way back to `from`.
    QHash<QString, QString> cameFrom {{to, QString()}};
    std::deque<QString> queue {to};
    QHash<QString, QStringList> needs;
    for (const Dependency &d : map.dependencies())
        needs[d.from].append(d.to);
    while (!queue.empty() && !cameFrom.contains(from)) {
        const QString at = queue.front();
        queue.pop_front();
        for (const QString &next : needs.value(at)) {
            if (cameFrom.contains(next))
                continue;
            cameFrom.insert(next, at);
            queue.push_back(next);
        }
    }
    if (!cameFrom.contains(from))
        return {};
    QStringList chain;
    for (QString at = from; !at.isEmpty(); at = cameFrom.value(at))
        chain.prepend(nameOf(map, at));
    chain.prepend(nameOf(map, from));
    return tr("This dependency closes a cycle: %1. Faultline's rules handle cycles, but check "
              "that it is what you meant (Ctrl+Z takes it back).")
        .arg(chain.join(QStringLiteral(" → ")));
}

QString deleteNotice(const Map &map, const QStringList &ids)
{
    QStringList scenarios;
    for (const Scenario &s : map.scenarios()) {
        for (const QString &id : ids) {
            if (s.fail.contains(id) || s.degrade.contains(id)) {
                scenarios.append(QStringLiteral("“%1”").arg(s.name));
                break;
            }
        }
    }
    if (scenarios.isEmpty())
        return {};
    const QString what =
        ids.size() == 1 ? nameOf(map, ids.front()) : tr("%1 deleted components").arg(ids.size());
    return tr("%1 left the saved scenarios %2: they no longer fail or impair it (Ctrl+Z brings "
              "it back).")
        .arg(what, scenarios.join(QStringLiteral(", ")));
}

} // namespace faultline::edit
