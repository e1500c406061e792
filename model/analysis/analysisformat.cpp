#include "model/analysis/analysisformat.h"

#include "model/io/impactformat.h"
#include "model/io/jsonwriter.h"

#include <QStringList>

#include <algorithm>

namespace faultline::analysisformat {

using impactformat::csvField;
using impactformat::displayWidth;
using impactformat::formatMoney;
using impactformat::tableCell;

namespace {

QString number(double d)
{
    return QString::fromLatin1(JsonWriter::number(d));
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + u'%';
}

QString nameOf(const Map &map, ComponentIndex c)
{
    return tableCell(map.component(c).displayName());
}

// Shortened with an ellipsis to at most `width` columns, so one long name keeps a table aligned.
QString fit(const QString &s, int width)
{
    // One pass over the characters: chopping one at a time and measuring again was quadratic
    // in the length of the name (seconds for a 100,000-character one).
    qsizetype end = 0;
    int used = 0;
    bool fits = true;
    while (end < s.size()) {
        const qsizetype step = s.at(end).isHighSurrogate() && end + 1 < s.size() ? 2 : 1;
        const int w = displayWidth(s.mid(end, step));
        if (used + w > width) {
            fits = false;
            break;
        }
        used += w;
        end += step;
    }
    if (fits)
        return s;
    // Room for the ellipsis: drop characters from the end until one more column is free.
    while (end > 0 && used > width - 1) {
        const qsizetype step = end >= 2 && s.at(end - 1).isLowSurrogate()
                && s.at(end - 2).isHighSurrogate()
            ? 2
            : 1;
        used -= displayWidth(s.mid(end - step, step));
        end -= step;
    }
    return s.left(end) + u'…';
}

QString padRight(const QString &s, int width)
{
    return s + QString(std::max(0, width - displayWidth(s)), u' ');
}

QString padLeft(const QString &s, int width)
{
    return QString(std::max(0, width - displayWidth(s)), u' ') + s;
}

QString title(const Map &map)
{
    return map.name.isEmpty() ? QStringLiteral("Untitled map") : tableCell(map.name);
}

QString csvRow(const QStringList &fields)
{
    QStringList guarded;
    for (const QString &f : fields)
        guarded.append(csvField(f));
    return guarded.join(u',') + QStringLiteral("\r\n");
}

void writeIds(JsonWriter &w, const Map &map, const std::vector<ComponentIndex> &ids)
{
    w.beginArray();
    for (ComponentIndex c : ids)
        w.value(map.component(c).id);
    w.endArray();
}

} // namespace

// ---- blast radius ------------------------------------------------------------------------

QByteArray json(const Map &map, const BlastRadiusReport &report)
{
    const bool concentration = !report.kind.isEmpty();
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    if (concentration) {
        w.newline();
        w.key("kind");
        w.value(report.kind);
        w.newline();
        w.key("total_business_cost_per_hour");
        w.value(report.totalBusinessCostPerHour);
    }
    w.newline();
    w.key("ranking");
    w.beginArray();
    for (const BlastRadius &r : report.ranking) {
        const Component &c = map.component(r.component);
        w.newline();
        w.beginObject();
        w.key("id");
        w.value(c.id);
        w.key("name");
        w.value(c.displayName());
        w.key("kind");
        w.value(c.kind);
        w.key("down");
        w.value(r.down);
        w.key("degraded");
        w.value(r.degraded);
        w.key("cost_per_hour");
        w.value(r.costPerHour);
        if (concentration) {
            w.key("business_cost_per_hour");
            w.value(r.businessCostPerHour);
            w.key("business_share");
            w.value(r.businessShare);
        }
        w.endObject();
    }
    if (!report.ranking.empty())
        w.newline(false);
    w.endArray();
    out += "\n}\n";
    return out;
}

QByteArray csv(const Map &map, const BlastRadiusReport &report)
{
    const bool concentration = !report.kind.isEmpty();
    QString out = QStringLiteral("rank,id,name,kind,down,degraded,cost_per_hour");
    out += concentration ? QStringLiteral(",business_cost_per_hour,business_share\r\n")
                         : QStringLiteral("\r\n");
    int rank = 0;
    for (const BlastRadius &r : report.ranking) {
        const Component &c = map.component(r.component);
        QStringList fields {QString::number(++rank), c.id, c.displayName(), c.kind,
            QString::number(r.down), QString::number(r.degraded), number(r.costPerHour)};
        if (concentration)
            fields << number(r.businessCostPerHour) << number(r.businessShare);
        out += csvRow(fields);
    }
    return out.toUtf8();
}

QByteArray text(const Map &map, const BlastRadiusReport &report)
{
    const bool concentration = !report.kind.isEmpty();
    QString out = title(map)
        + QStringLiteral(" — blast radius of %1 component%2")
              .arg(report.ranking.size())
              .arg(report.ranking.size() == 1 ? QLatin1String() : QLatin1String("s"));
    if (concentration)
        out += QStringLiteral(" of kind \"%1\"").arg(tableCell(report.kind));
    out += u'\n';
    if (concentration)
        out += QStringLiteral("Business cost per hour on the map: %1\n")
                   .arg(formatMoney(report.totalBusinessCostPerHour));
    if (report.ranking.empty())
        return (out + QStringLiteral("\nNo components to rank.\n")).toUtf8();

    QStringList names, kinds, costs, business;
    int nameWidth = 9, kindWidth = 4, costWidth = 9, businessWidth = 14;
    for (const BlastRadius &r : report.ranking) {
        names << nameOf(map, r.component);
        kinds << tableCell(map.component(r.component).kind);
        costs << formatMoney(r.costPerHour);
        business << formatMoney(r.businessCostPerHour) + QStringLiteral(" (")
                + percent(r.businessShare) + u')';
        nameWidth = std::max(nameWidth, displayWidth(names.back()));
        kindWidth = std::max(kindWidth, displayWidth(kinds.back()));
        costWidth = std::max(costWidth, displayWidth(costs.back()));
        businessWidth = std::max(businessWidth, displayWidth(business.back()));
    }
    nameWidth = std::min(nameWidth, 40);
    const int rankWidth = std::max(4, int(QString::number(report.ranking.size()).size()));
    out += u'\n' + padLeft(QStringLiteral("Rank"), rankWidth) + QStringLiteral("  ")
        + padRight(QStringLiteral("Component"), nameWidth) + QStringLiteral("  ")
        + padRight(QStringLiteral("Kind"), kindWidth) + QStringLiteral("      Down  Degraded  ")
        + padLeft(QStringLiteral("Cost/hour"), costWidth);
    if (concentration)
        out += QStringLiteral("  ") + padLeft(QStringLiteral("Business/hour"), businessWidth);
    out += u'\n';
    for (std::size_t i = 0; i < report.ranking.size(); ++i) {
        const BlastRadius &r = report.ranking[i];
        const qsizetype k = qsizetype(i);
        out += padLeft(QString::number(i + 1), rankWidth) + QStringLiteral("  ")
            + padRight(fit(names[k], nameWidth), nameWidth) + QStringLiteral("  ")
            + padRight(kinds[k], kindWidth) + u' ' + padLeft(QString::number(r.down), 9) + u' '
            + padLeft(QString::number(r.degraded), 9) + QStringLiteral("  ")
            + padLeft(costs[k], costWidth);
        if (concentration)
            out += QStringLiteral("  ") + padLeft(business[k], businessWidth);
        out += u'\n';
    }
    out += QStringLiteral("\nDown and degraded count other components; cost per hour sums the "
                          "down ones, the failed one included.\n");
    return out.toUtf8();
}

// ---- single points of failure ------------------------------------------------------------

QByteArray json(const Map &map, const SpofReport &report)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    w.key("target");
    w.value(map.component(report.target).id);
    w.key("spof");
    writeIds(w, map, report.spof);
    w.endObject();
    out += '\n';
    return out;
}

QByteArray csv(const Map &map, const SpofReport &report)
{
    QString out = QStringLiteral("id,name,kind\r\n");
    for (ComponentIndex c : report.spof) {
        const Component &component = map.component(c);
        out += csvRow({component.id, component.displayName(), component.kind});
    }
    return out.toUtf8();
}

QByteArray text(const Map &map, const SpofReport &report)
{
    QString out = title(map)
        + QStringLiteral(" — single points of failure of %1\n").arg(nameOf(map, report.target));
    const int others = std::max(0, report.coneSize - 1);
    if (report.spof.empty()) {
        out += QStringLiteral("None: no component of the %1 it needs takes it down alone.\n")
                   .arg(others);
        return out.toUtf8();
    }
    out += QStringLiteral("%1 of the %2 components it needs take it down alone:\n\n")
               .arg(report.spof.size())
               .arg(others);
    int width = 0;
    for (ComponentIndex c : report.spof)
        width = std::max(width, displayWidth(nameOf(map, c)));
    width = std::min(width, 40);
    for (ComponentIndex c : report.spof) {
        const Component &component = map.component(c);
        out += QStringLiteral("  ") + padRight(fit(nameOf(map, c), width), width)
            + QStringLiteral("  ") + tableCell(component.id) + QStringLiteral(" (")
            + tableCell(component.kind) + QStringLiteral(")\n");
    }
    return out.toUtf8();
}

// ---- minimal cut sets --------------------------------------------------------------------

QByteArray json(const Map &map, const CutSetReport &report)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    w.newline();
    w.key("target");
    w.value(map.component(report.target).id);
    w.newline();
    w.key("cut_sets");
    w.beginArray();
    for (const auto &set : report.cutSets) {
        w.newline();
        writeIds(w, map, set);
    }
    if (!report.cutSets.empty())
        w.newline(false);
    w.endArray();
    out += "\n}\n";
    return out;
}

QByteArray csv(const Map &map, const CutSetReport &report)
{
    QStringList header {QStringLiteral("order")};
    for (int k = 1; k <= report.maxOrder; ++k)
        header << QStringLiteral("component_%1").arg(k);
    QString out = header.join(u',') + QStringLiteral("\r\n");
    for (const auto &set : report.cutSets) {
        QStringList fields {QString::number(set.size())};
        for (ComponentIndex c : set)
            fields << map.component(c).id;
        while (fields.size() < header.size())
            fields << QString();
        out += csvRow(fields);
    }
    return out.toUtf8();
}

QByteArray text(const Map &map, const CutSetReport &report)
{
    QString out = title(map)
        + QStringLiteral(" — minimal cut sets of %1, up to %2 component%3\n")
              .arg(nameOf(map, report.target))
              .arg(report.maxOrder)
              .arg(report.maxOrder == 1 ? QLatin1String() : QLatin1String("s"));
    const std::vector<int> counts = report.countByOrder();
    QStringList byOrder;
    for (std::size_t k = 0; k < counts.size(); ++k)
        byOrder << QStringLiteral("%1 of order %2").arg(counts[k]).arg(k + 1);
    out += QStringLiteral("%1 set%2: %3\n")
               .arg(report.cutSets.size())
               .arg(report.cutSets.size() == 1 ? QLatin1String() : QLatin1String("s"))
               .arg(byOrder.join(QStringLiteral(", ")));
    std::size_t order = 0;
    for (const auto &set : report.cutSets) {
        if (set.size() != order) {
            order = set.size();
            out += QStringLiteral("\nOrder %1\n").arg(order);
        }
        QStringList names;
        for (ComponentIndex c : set)
            names << nameOf(map, c);
        out += QStringLiteral("  ") + names.join(QStringLiteral(" + ")) + u'\n';
    }
    return out.toUtf8();
}

// ---- availability ------------------------------------------------------------------------

QByteArray json(const Map &map, const AvailabilityReport &report, int maxContributors)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    w.newline();
    w.key("target");
    w.value(map.component(report.target).id);
    w.newline();
    w.key("availability");
    w.value(report.availability);
    w.newline();
    w.key("unavailability");
    w.value(report.unavailability);
    w.newline();
    w.key("downtime_minutes_per_year");
    w.value(report.downtimeMinutesPerYear);
    w.newline();
    w.key("contributors");
    w.beginArray();
    const int shown = std::min(maxContributors, int(report.contributors.size()));
    for (int i = 0; i < shown; ++i) {
        const AvailabilityContributor &c = report.contributors[std::size_t(i)];
        const Component &component = map.component(c.component);
        w.newline();
        w.beginObject();
        w.key("id");
        w.value(component.id);
        w.key("name");
        w.value(component.displayName());
        w.key("availability");
        w.value(1.0 - c.unavailability);
        w.key("birnbaum");
        w.value(c.birnbaum);
        w.key("criticality");
        w.value(c.criticality);
        w.endObject();
    }
    if (shown > 0)
        w.newline(false);
    w.endArray();
    out += "\n}\n";
    return out;
}

QByteArray csv(const Map &map, const AvailabilityReport &report)
{
    QString out =
        QStringLiteral("target,availability,unavailability,downtime_minutes_per_year\r\n");
    out += csvRow({map.component(report.target).id, number(report.availability),
        number(report.unavailability), number(report.downtimeMinutesPerYear)});
    return out.toUtf8();
}

QByteArray text(const Map &map, const AvailabilityReport &report, int maxContributors)
{
    QString out =
        title(map) + QStringLiteral(" — availability of %1\n\n").arg(nameOf(map, report.target));
    out += QStringLiteral("Availability    %1 (%2%)\n")
               .arg(QString::number(report.availability, 'f', 12))
               .arg(QString::number(report.availability * 100.0, 'f', 6));
    out +=
        QStringLiteral("Unavailability  %1\n").arg(QString::number(report.unavailability, 'g', 12));
    out += QStringLiteral("Downtime        %1 minutes per year (365 days)\n")
               .arg(QString::number(report.downtimeMinutesPerYear, 'f', 2));
    out += QStringLiteral("Components that can fail: %1 of the %2 in its cone (itself included)\n")
               .arg(report.variableCount)
               .arg(report.coneSize);
    const int shown = std::min(maxContributors, int(report.contributors.size()));
    if (shown == 0)
        return out.toUtf8();
    out += QStringLiteral("\nMost critical (share of the downtime during which it is failed and "
                          "critical):\n");
    int width = 9;
    for (int i = 0; i < shown; ++i)
        width = std::max(
            width, displayWidth(nameOf(map, report.contributors[std::size_t(i)].component)));
    width = std::min(width, 40);
    out += QStringLiteral("  ") + padRight(QStringLiteral("Component"), width)
        + QStringLiteral("  Availability  Criticality  Birnbaum\n");
    for (int i = 0; i < shown; ++i) {
        const AvailabilityContributor &c = report.contributors[std::size_t(i)];
        out += QStringLiteral("  ") + padRight(fit(nameOf(map, c.component), width), width)
            + QStringLiteral("  ") + padLeft(QString::number(1.0 - c.unavailability, 'g', 8), 12)
            + QStringLiteral("  ") + padLeft(percent(c.criticality), 11) + QStringLiteral("  ")
            + padLeft(QString::number(c.birnbaum, 'g', 4), 8) + u'\n';
    }
    return out.toUtf8();
}

} // namespace faultline::analysisformat
