#include "model/io/impactformat.h"

#include "model/impact/exposure.h"
#include "model/impact/graph.h"
#include "model/io/jsonwriter.h"

#include <QChar>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace faultline::impactformat {

namespace {

void writeIds(JsonWriter &w, const QStringList &ids)
{
    w.beginArray();
    for (const QString &id : ids)
        w.value(id);
    w.endArray();
}

QString number(double d)
{
    return QString::fromLatin1(JsonWriter::number(d));
}

} // namespace

QByteArray json(
    const Map &map, const ImpactResult &result, const Scenario &scenario, Paths paths)
{
    const ImpactSummary &s = result.summary();
    const std::vector<ComponentIndex> affected = result.affected();
    const Exposure exposure(ImpactGraph(map), result);
    QByteArray out;
    out.reserve(256 + qsizetype(affected.size()) * 96);
    JsonWriter w(out);
    w.beginObject();
    w.newline();
    w.key("scenario");
    w.beginObject();
    w.key("fail");
    writeIds(w, scenario.fail);
    w.key("degrade");
    writeIds(w, scenario.degrade);
    w.endObject();
    w.newline();
    w.key("summary");
    w.beginObject();
    w.key("down");
    w.value(s.down);
    w.key("degraded");
    w.value(s.degraded);
    w.key("at_risk");
    w.value(s.atRisk);
    w.key("exposed");
    w.value(exposure.count());
    w.key("cost_per_hour");
    w.value(s.costPerHour);
    w.endObject();
    w.newline();
    w.key("components");
    w.beginArray();
    for (ComponentIndex c : affected) {
        const Component &component = map.component(c);
        w.newline();
        w.beginObject();
        w.key("id");
        w.value(component.id);
        w.key("name");
        w.value(component.displayName());
        w.key("state");
        w.value(toString(result.state(c)));
        w.key("round");
        w.value(result.round(c));
        w.key("cause");
        if (const ComponentIndex cause = result.cause(c); cause.isValid())
            w.value(map.component(cause).id);
        else
            w.null();
        if (paths == Paths::With) {
            w.key("path");
            w.beginArray();
            for (ComponentIndex step : result.path(c))
                w.value(map.component(step).id);
            w.endArray();
        }
        w.endObject();
    }
    if (!affected.empty())
        w.newline(false);
    w.endArray();
    w.newline();
    w.key("exposed");
    w.beginArray();
    for (ComponentIndex c : exposure.exposed())
        w.value(map.component(c).id);
    w.endArray();
    out += "\n}\n";
    return out;
}

QString csvField(const QString &value)
{
    QString field = value;
    if (!field.isEmpty()) {
        const QChar first = field.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
            || first == u'\r')
            field.prepend(u'\'');
    }
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
        || field.contains(u'\r');
    if (!needsQuotes)
        return field;
    field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + field + u'"';
}

QByteArray csv(const Map &map, const ImpactResult &result, Paths paths)
{
    QString out = QStringLiteral("id,name,kind,state,cause,path,owner,tier,rto_minutes,"
                                 "cost_per_hour\r\n");
    for (ComponentIndex c : result.affected()) {
        const Component &component = map.component(c);
        const ComponentIndex cause = result.cause(c);
        QStringList path;
        if (paths == Paths::With) {
            for (ComponentIndex step : result.path(c))
                path.append(map.component(step).id);
        }
        const QStringList text {
            component.id,
            component.displayName(),
            component.kind,
            toString(result.state(c)),
            cause.isValid() ? map.component(cause).id : QString(),
            path.join(QStringLiteral(" > ")),
            component.owner,
        };
        for (const QString &field : text)
            out += csvField(field) + u',';
        out += (component.tier ? QString::number(*component.tier) : QString()) + u',';
        out += (component.rtoMinutes ? number(*component.rtoMinutes) : QString()) + u',';
        out += (component.costPerHour ? number(*component.costPerHour) : QString());
        out += QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QString formatMoney(double amount)
{
    // Beyond a trillion cents the cents are noise (and past about 1e306 they overflow to
    // infinity): such amounts, which validation refuses in a map but a sum may still reach,
    // print in scientific notation.
    if (!std::isfinite(amount) || std::fabs(amount) >= 1e13)
        return QString::number(amount, 'g', 6);
    const double cents = std::round(amount * 100.0);
    const bool negative = cents < 0;
    const double whole = std::floor(std::fabs(cents) / 100.0);
    const int fraction = int(std::fabs(cents) - whole * 100.0);
    QString digits = QString::number(whole, 'f', 0);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u',');
    if (fraction != 0) {
        digits += u'.' + QString::number(fraction).rightJustified(2, u'0');
        if (digits.endsWith(u'0'))
            digits.chop(1);
    }
    return negative ? u'-' + digits : digits;
}

int displayWidth(const QString &text)
{
    int width = 0;
    for (const char32_t u : text.toUcs4()) {
        const QChar::Category category = QChar::category(u);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing
            || category == QChar::Other_Format)
            continue;
        // East Asian Wide and Fullwidth blocks, and emoji: two terminal columns.
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF)
            || (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF)
            || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
            || (u >= 0xFFE0 && u <= 0xFFE6) || (u >= 0x1F300 && u <= 0x1F64F)
            || (u >= 0x1F900 && u <= 0x1F9FF) || (u >= 0x20000 && u <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

QString tableCell(const QString &name)
{
    QString out = name;
    for (QChar &ch : out) {
        if (ch == u'\n' || ch == u'\r' || ch == u'\t')
            ch = u' ';
    }
    return out;
}

namespace {

QString namesOf(const Map &map, const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids) {
        const auto c = map.findComponent(id);
        names.append(tableCell(c ? map.component(*c).displayName() : id));
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QString headline(const Map &map, const Scenario &scenario)
{
    QStringList what;
    if (!scenario.fail.isEmpty())
        what.append(QStringLiteral("fail ") + namesOf(map, scenario.fail));
    if (!scenario.degrade.isEmpty())
        what.append(QStringLiteral("degrade ") + namesOf(map, scenario.degrade));
    QString line = map.name.isEmpty() ? QStringLiteral("Untitled map") : tableCell(map.name);
    line += QStringLiteral(" — ");
    if (!scenario.name.isEmpty())
        line += QStringLiteral("scenario \"%1\": ").arg(tableCell(scenario.name));
    line += what.isEmpty() ? QStringLiteral("nothing fails") : what.join(QStringLiteral("; "));
    return line;
}

namespace {

// "← Payments DB ← use1-az2 ← us-east-1 (failed)": the causes after the component itself.
QString chain(const Map &map, const ImpactResult &result, ComponentIndex c, Paths paths)
{
    std::vector<ComponentIndex> path;
    if (paths == Paths::With) {
        path = result.path(c);
    } else {
        path.push_back(c);
        if (const ComponentIndex cause = result.cause(c); cause.isValid())
            path.push_back(cause);
    }
    QString out;
    for (std::size_t i = 1; i < path.size(); ++i)
        out += QStringLiteral("← ") + tableCell(map.component(path[i]).displayName()) + u' ';
    // Only the direct cause: the rest of the chain is left to the cause's own line.
    if (paths == Paths::Without && path.size() > 1 && result.cause(path.back()).isValid())
        return out + QStringLiteral("← …");
    const bool failed = result.state(path.back()) == State::Down;
    out += failed ? QStringLiteral("(failed)") : QStringLiteral("(impaired)");
    return out;
}

// "Exposed business services (N)" and one line each with the at-risk component behind it;
// nothing when none is exposed.
QString exposedBusiness(const Map &map, const ImpactResult &result)
{
    const Exposure exposure(ImpactGraph(map), result);
    QStringList lines;
    for (ComponentIndex c : exposure.exposed()) {
        if (!map.component(c).isBusiness())
            continue;
        lines.append(QStringLiteral("  * %1  up, but %2 is at risk")
                         .arg(tableCell(map.component(c).displayName()),
                             tableCell(map.component(exposure.via(c)).displayName())));
    }
    if (lines.isEmpty())
        return {};
    return QStringLiteral("\nExposed business services (%1): one more failure may take them "
                          "down\n%2\n")
        .arg(lines.size())
        .arg(lines.join(u'\n'));
}

} // namespace

QByteArray text(
    const Map &map, const ImpactResult &result, const Scenario &scenario, Paths paths)
{
    const ImpactSummary &s = result.summary();
    QString out = headline(map, scenario) + u'\n';
    out += QStringLiteral("%1 down, %2 degraded, %3 at risk; cost per hour: %4\n")
               .arg(s.down)
               .arg(s.degraded)
               .arg(s.atRisk)
               .arg(formatMoney(s.costPerHour));

    const std::vector<ComponentIndex> affected = result.affected();
    if (affected.empty())
        return (out + QStringLiteral("\nNothing is affected.\n")).toUtf8();

    constexpr int maxNameWidth = 44;
    int nameWidth = 0;
    bool anyBusiness = false;
    for (ComponentIndex c : affected) {
        nameWidth = std::max(nameWidth, displayWidth(tableCell(map.component(c).displayName())));
        anyBusiness = anyBusiness || map.component(c).isBusiness();
    }
    nameWidth = std::min(nameWidth, maxNameWidth);

    const struct
    {
        State state;
        const char *title;
        int count;
    } groups[] = {{State::Down, "Down", s.down}, {State::Degraded, "Degraded", s.degraded},
        {State::AtRisk, "At risk", s.atRisk}};
    for (const auto &group : groups) {
        if (group.count == 0)
            continue;
        out += QStringLiteral("\n%1 (%2)\n").arg(QLatin1String(group.title)).arg(group.count);
        for (ComponentIndex c : affected) {
            if (result.state(c) != group.state)
                continue;
            const Component &component = map.component(c);
            out += component.isBusiness() ? QStringLiteral("  * ") : QStringLiteral("    ");
            const QString name = tableCell(component.displayName());
            out += name;
            // A name too wide for the column keeps the chain aligned on a line of its own.
            if (displayWidth(name) > nameWidth)
                out += u'\n' + QString(4 + nameWidth, u' ');
            else
                out += QString(nameWidth - displayWidth(name), u' ');
            out += QStringLiteral("  ") + chain(map, result, c, paths) + u'\n';
        }
    }
    out += exposedBusiness(map, result);
    if (anyBusiness)
        out += QStringLiteral("\n* business component (what customers see)\n");
    return out.toUtf8();
}

QByteArray rounds(const Map &map, const ImpactResult &result, const Scenario &scenario)
{
    const ImpactSummary &s = result.summary();
    QString out = headline(map, scenario) + u'\n';
    out += QStringLiteral("%1 down, %2 degraded, %3 at risk; cost per hour: %4\n")
               .arg(s.down)
               .arg(s.degraded)
               .arg(s.atRisk)
               .arg(formatMoney(s.costPerHour));
    const std::vector<ComponentIndex> affected = result.affected();
    if (affected.empty())
        return (out + QStringLiteral("\nNothing is affected.\n")).toUtf8();

    constexpr int maxNameWidth = 44;
    int nameWidth = 0;
    bool anyBusiness = false;
    for (ComponentIndex c : affected) {
        nameWidth = std::max(nameWidth, displayWidth(tableCell(map.component(c).displayName())));
        anyBusiness = anyBusiness || map.component(c).isBusiness();
    }
    nameWidth = std::min(nameWidth, maxNameWidth);
    constexpr int stateWidth = 8; // "degraded", the longest state name

    for (int round = 0; round <= result.lastRound(); ++round) {
        out += round == 0 ? QStringLiteral("\nRound 0: what the scenario fails and impairs\n")
                          : QStringLiteral("\nRound %1\n").arg(round);
        for (ComponentIndex c : affected) {
            if (result.round(c) != round)
                continue;
            const Component &component = map.component(c);
            out += component.isBusiness() ? QStringLiteral("  * ") : QStringLiteral("    ");
            const QString name = tableCell(component.displayName());
            out += name;
            if (displayWidth(name) > nameWidth)
                out += u'\n' + QString(4 + nameWidth, u' ');
            else
                out += QString(nameWidth - displayWidth(name), u' ');
            const QString state = toString(result.state(c)).replace(u'-', u' ');
            out += QStringLiteral("  ") + state;
            const ComponentIndex cause = result.cause(c);
            if (cause.isValid()) {
                out += QString(stateWidth - state.size(), u' ') + QStringLiteral("  ← ")
                    + tableCell(map.component(cause).displayName());
            } else {
                out += result.state(c) == State::Down ? QStringLiteral(" (failed)")
                                                      : QStringLiteral(" (impaired)");
            }
            out += u'\n';
        }
    }
    out += exposedBusiness(map, result);
    if (anyBusiness)
        out += QStringLiteral("\n* business component (what customers see)\n");
    return out.toUtf8();
}

} // namespace faultline::impactformat
