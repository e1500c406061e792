#include "model/io/compareformat.h"

#include "model/io/impactformat.h"
#include "model/io/jsonwriter.h"

#include <QSet>

#include <algorithm>

namespace faultline::compareformat {

namespace {

void writeIds(JsonWriter &w, const QStringList &ids)
{
    w.beginArray();
    for (const QString &id : ids)
        w.value(id);
    w.endArray();
}

void writeScenario(JsonWriter &w, const Scenario &s)
{
    w.beginObject();
    w.key("fail");
    writeIds(w, s.fail);
    w.key("degrade");
    writeIds(w, s.degrade);
    w.endObject();
}

void writeTotals(JsonWriter &w, const Comparison::Totals &t)
{
    w.beginObject();
    w.key("down");
    w.value(t.summary.down);
    w.key("degraded");
    w.value(t.summary.degraded);
    w.key("at_risk");
    w.value(t.summary.atRisk);
    w.key("exposed");
    w.value(t.exposed);
    w.key("cost_per_hour");
    w.value(t.summary.costPerHour);
    w.key("exposed_business");
    writeIds(w, t.exposedBusiness);
    w.endObject();
}

QString stateOf(const ComparedSide &side, const QString &id)
{
    const auto c = side.map->findComponent(id);
    return c ? toString(side.result.state(*c)) : QString();
}

QString nameOf(const ComparedSide &side, const QString &id)
{
    const auto c = side.map->findComponent(id);
    return c ? side.map->component(*c).displayName() : id;
}

} // namespace

QByteArray json(const Comparison &comparison, const ComparedSide &a, const ComparedSide &b)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    w.newline();
    w.key("a");
    writeScenario(w, a.scenario);
    w.newline();
    w.key("b");
    writeScenario(w, b.scenario);
    w.newline();
    w.key("components");
    w.beginArray();
    for (const Comparison::Row &row : comparison.components) {
        w.newline();
        w.beginObject();
        w.key("id");
        w.value(row.id);
        w.key("name");
        w.value(row.name);
        w.key("a");
        w.value(toString(row.a));
        w.key("b");
        w.value(toString(row.b));
        w.endObject();
    }
    if (!comparison.components.empty())
        w.newline(false);
    w.endArray();
    w.newline();
    w.key("added");
    writeIds(w, comparison.added);
    w.newline();
    w.key("removed");
    writeIds(w, comparison.removed);
    w.newline();
    w.key("changed");
    writeIds(w, comparison.changed);
    w.newline();
    w.key("summary");
    w.beginObject();
    w.newline();
    w.key("a");
    writeTotals(w, comparison.a);
    w.newline();
    w.key("b");
    writeTotals(w, comparison.b);
    w.newline(false);
    w.endObject();
    out += "\n}\n";
    return out;
}

QByteArray csv(const Comparison &comparison, const ComparedSide &a, const ComparedSide &b)
{
    QSet<QString> differs;
    for (const Comparison::Row &row : comparison.components)
        differs.insert(row.id);
    const QSet<QString> added(comparison.added.begin(), comparison.added.end());
    const QSet<QString> changed(comparison.changed.begin(), comparison.changed.end());

    QString out = QStringLiteral("id,name,a,b,change,map\r\n");
    auto row = [&](const QString &id, const ComparedSide &named, const QString &mapChange) {
        const QString stateA = stateOf(a, id);
        const QString stateB = stateOf(b, id);
        QString change;
        if (!stateA.isEmpty() && !stateB.isEmpty() && stateA != stateB)
            change = stateFromString(stateB) > stateFromString(stateA) ? QStringLiteral("worse")
                                                                        : QStringLiteral("better");
        const QStringList fields {id, nameOf(named, id), stateA, stateB, change, mapChange};
        QStringList cells;
        for (const QString &f : fields)
            cells.append(impactformat::csvField(f));
        out += cells.join(u',') + QStringLiteral("\r\n");
    };
    for (const Component &component : b.map->components()) {
        const QString &id = component.id;
        const QString mapChange = added.contains(id) ? QStringLiteral("added")
            : changed.contains(id)                   ? QStringLiteral("changed")
                                                     : QString();
        if (differs.contains(id) || !mapChange.isEmpty())
            row(id, b, mapChange);
    }
    for (const QString &id : comparison.removed)
        row(id, a, QStringLiteral("removed"));
    return out.toUtf8();
}

namespace {

QString signedCount(int delta)
{
    return delta > 0 ? QStringLiteral("+%1").arg(delta) : QString::number(delta);
}

QString signedMoney(double delta)
{
    return delta > 0 ? u'+' + impactformat::formatMoney(delta) : impactformat::formatMoney(delta);
}

QString namesOf(const ComparedSide &side, const QStringList &ids)
{
    if (ids.isEmpty())
        return QStringLiteral("none");
    QStringList names;
    for (const QString &id : ids)
        names.append(impactformat::tableCell(nameOf(side, id)));
    return names.join(QStringLiteral(", "));
}

QString describe(const ComparedSide &side)
{
    QStringList what;
    if (!side.scenario.name.isEmpty())
        what.append(QStringLiteral("scenario \"%1\"").arg(impactformat::tableCell(side.scenario.name)));
    if (!side.scenario.fail.isEmpty())
        what.append(QStringLiteral("fail ") + namesOf(side, side.scenario.fail));
    if (!side.scenario.degrade.isEmpty())
        what.append(QStringLiteral("degrade ") + namesOf(side, side.scenario.degrade));
    return what.isEmpty() ? QStringLiteral("nothing fails") : what.join(QStringLiteral("; "));
}

QString padded(const QString &text, int width)
{
    return text + QString(std::max(0, width - impactformat::displayWidth(text)), u' ');
}

QString rightAligned(const QString &text, int width)
{
    return QString(std::max(0, width - impactformat::displayWidth(text)), u' ') + text;
}

} // namespace

QByteArray text(const Comparison &comparison, const ComparedSide &a, const ComparedSide &b,
    const QString &labelA, const QString &labelB)
{
    QString out;
    out += QStringLiteral("A: %1 — %2\n").arg(impactformat::tableCell(labelA), describe(a));
    out += QStringLiteral("B: %1 — %2\n\n").arg(impactformat::tableCell(labelB), describe(b));

    const Comparison::Totals &ta = comparison.a;
    const Comparison::Totals &tb = comparison.b;
    const struct
    {
        const char *title;
        QString a, b, change;
    } lines[] = {
        {"Down", QString::number(ta.summary.down), QString::number(tb.summary.down),
            signedCount(tb.summary.down - ta.summary.down)},
        {"Degraded", QString::number(ta.summary.degraded), QString::number(tb.summary.degraded),
            signedCount(tb.summary.degraded - ta.summary.degraded)},
        {"At risk", QString::number(ta.summary.atRisk), QString::number(tb.summary.atRisk),
            signedCount(tb.summary.atRisk - ta.summary.atRisk)},
        {"Exposed", QString::number(ta.exposed), QString::number(tb.exposed),
            signedCount(tb.exposed - ta.exposed)},
        {"Cost per hour", impactformat::formatMoney(ta.summary.costPerHour),
            impactformat::formatMoney(tb.summary.costPerHour),
            signedMoney(tb.summary.costPerHour - ta.summary.costPerHour)},
    };
    int width = 1;
    for (const auto &line : lines)
        width = std::max({width, int(line.a.size()), int(line.b.size()), int(line.change.size())});
    out += padded(QString(), 15) + rightAligned(QStringLiteral("A"), width) + QStringLiteral("  ")
        + rightAligned(QStringLiteral("B"), width) + QStringLiteral("  ")
        + rightAligned(QStringLiteral("change"), std::max(width, 6)) + u'\n';
    for (const auto &line : lines) {
        out += padded(QLatin1String(line.title), 15) + rightAligned(line.a, width)
            + QStringLiteral("  ") + rightAligned(line.b, width) + QStringLiteral("  ")
            + rightAligned(line.change, std::max(width, 6)) + u'\n';
    }
    out += QStringLiteral("\nExposed business services: A: %1; B: %2\n")
               .arg(namesOf(a, ta.exposedBusiness), namesOf(b, tb.exposedBusiness));

    int nameWidth = 0;
    for (const Comparison::Row &row : comparison.components)
        nameWidth = std::max(nameWidth, impactformat::displayWidth(impactformat::tableCell(row.name)));
    nameWidth = std::min(nameWidth, 44);
    for (const bool worse : {true, false}) {
        const auto count = std::count_if(comparison.components.begin(),
            comparison.components.end(),
            [worse](const Comparison::Row &row) { return row.worse() == worse; });
        if (count == 0)
            continue;
        out += QStringLiteral("\n%1 in B (%2)\n")
                   .arg(worse ? QStringLiteral("Worse") : QStringLiteral("Better"))
                   .arg(count);
        for (const Comparison::Row &row : comparison.components) {
            if (row.worse() != worse)
                continue;
            out += QStringLiteral("    ") + padded(impactformat::tableCell(row.name), nameWidth)
                + QStringLiteral("  %1 → %2\n").arg(toString(row.a), toString(row.b));
        }
    }
    if (comparison.components.empty())
        out += QStringLiteral("\nNo component's state differs.\n");
    if (a.map != b.map) {
        out += QStringLiteral("\nMap changes: %1 added, %2 removed, %3 changed\n")
                   .arg(comparison.added.size())
                   .arg(comparison.removed.size())
                   .arg(comparison.changed.size());
        const struct
        {
            const char *title;
            const QStringList &ids;
            const ComparedSide &side;
        } groups[] = {{"Added", comparison.added, b}, {"Removed", comparison.removed, a},
            {"Changed", comparison.changed, b}};
        for (const auto &group : groups) {
            if (!group.ids.isEmpty())
                out += QStringLiteral("    %1: %2\n")
                           .arg(QLatin1String(group.title), namesOf(group.side, group.ids));
        }
    }
    return out.toUtf8();
}

} // namespace faultline::compareformat
