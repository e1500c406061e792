#include "model/recovery/recoveryformat.h"

#include "model/io/impactformat.h"
#include "model/io/jsonwriter.h"
#include "model/report/htmlreport.h"

#include <QStringList>

#include <algorithm>

namespace faultline::recoveryformat {

namespace {

using impactformat::csvField;
using impactformat::displayWidth;
using impactformat::tableCell;
using report::formatMinutes;

void writeIds(JsonWriter &w, const Map &map, const std::vector<ComponentIndex> &ids)
{
    w.beginArray();
    for (const ComponentIndex c : ids)
        w.value(map.component(c).id);
    w.endArray();
}

void writeStrings(JsonWriter &w, const QStringList &ids)
{
    w.beginArray();
    for (const QString &id : ids)
        w.value(id);
    w.endArray();
}

void writeTime(JsonWriter &w, const std::optional<double> &t)
{
    if (t)
        w.value(*t);
    else
        w.null();
}

void writeMet(JsonWriter &w, const std::optional<bool> &met)
{
    if (met)
        w.value(*met);
    else
        w.null();
}

QString number(double d)
{
    return QString::fromLatin1(JsonWriter::number(d));
}

QString nameOf(const Map &map, ComponentIndex c)
{
    return tableCell(map.component(c).displayName());
}

QString namesOf(const Map &map, const std::vector<ComponentIndex> &list)
{
    QStringList names;
    for (const ComponentIndex c : list)
        names.append(nameOf(map, c));
    return names.join(QStringLiteral(", "));
}

QString padded(const QString &text, int width)
{
    return text + QString(std::max(0, width - displayWidth(text)), u' ');
}

QString when(const std::optional<double> &t)
{
    return t ? formatMinutes(*t) : QStringLiteral("never");
}

} // namespace

QByteArray json(const Map &map, const RecoveryPlan &plan, const Scenario &scenario)
{
    QByteArray out;
    out.reserve(512 + qsizetype(plan.steps.size()) * 128);
    JsonWriter w(out);
    w.beginObject();
    w.newline();
    w.key("scenario");
    w.beginObject();
    w.key("name");
    if (scenario.name.isEmpty())
        w.null();
    else
        w.value(scenario.name);
    w.key("fail");
    writeStrings(w, scenario.fail);
    w.key("degrade");
    writeStrings(w, scenario.degrade);
    w.endObject();
    w.newline();
    w.key("summary");
    w.beginObject();
    w.key("steps");
    w.value(int(plan.steps.size()));
    w.key("waves");
    w.value(int(plan.waves.size()));
    w.key("all_back");
    writeTime(w, plan.allBack);
    w.endObject();
    w.newline();
    w.key("steps");
    w.beginArray();
    for (const RecoveryStep &s : plan.steps) {
        w.newline();
        w.beginObject();
        w.key("id");
        w.value(map.component(s.component).id);
        w.key("name");
        w.value(map.component(s.component).displayName());
        w.key("start");
        writeTime(w, s.start);
        w.key("back");
        writeTime(w, s.back);
        w.key("waits_for");
        writeIds(w, map, s.waitsFor);
        w.key("wave");
        if (s.wave >= 0)
            w.value(s.wave + 1);
        else
            w.null();
        w.key("rto");
        if (s.rtoMissing)
            w.null();
        else
            w.value(s.rto);
        w.key("rto_missing");
        w.value(s.rtoMissing);
        w.endObject();
    }
    if (!plan.steps.empty())
        w.newline(false);
    w.endArray();
    w.newline();
    w.key("waves");
    w.beginArray();
    for (const auto &wave : plan.waves) {
        w.newline();
        writeIds(w, map, wave);
    }
    if (!plan.waves.empty())
        w.newline(false);
    w.endArray();
    w.newline();
    w.key("business");
    w.beginArray();
    for (const BusinessRecovery &b : plan.business) {
        w.newline();
        w.beginObject();
        w.key("id");
        w.value(map.component(b.service).id);
        w.key("name");
        w.value(map.component(b.service).displayName());
        w.key("state");
        w.value(toString(b.state));
        w.key("back");
        writeTime(w, b.back);
        w.key("restored");
        writeTime(w, b.restored);
        w.key("target_rto");
        writeTime(w, b.targetRto);
        w.key("met");
        writeMet(w, b.met);
        w.key("late_by");
        if (b.met == false && b.back)
            w.value(*b.back - *b.targetRto);
        else
            w.null();
        w.key("critical_path");
        writeIds(w, map, b.criticalPath);
        w.endObject();
    }
    if (!plan.business.empty())
        w.newline(false);
    w.endArray();
    w.newline();
    w.key("data_at_risk");
    w.beginArray();
    for (const DataAtRisk &d : plan.dataAtRisk) {
        w.newline();
        w.beginObject();
        w.key("id");
        w.value(map.component(d.component).id);
        w.key("name");
        w.value(map.component(d.component).displayName());
        w.key("rpo");
        w.value(d.rpo);
        w.key("services");
        writeIds(w, map, d.services);
        w.key("met");
        writeMet(w, d.met);
        w.endObject();
    }
    if (!plan.dataAtRisk.empty())
        w.newline(false);
    w.endArray();
    w.newline();
    w.key("unrecoverable");
    writeIds(w, map, plan.unrecoverable);
    w.newline();
    w.key("cycles");
    w.beginArray();
    for (const auto &cycle : plan.cycles)
        writeIds(w, map, cycle);
    w.endArray();
    out += "\n}\n";
    return out;
}

QByteArray csv(const Map &map, const RecoveryPlan &plan)
{
    QString out = QStringLiteral("id,name,kind,wave,start,back,rto_minutes,rto_missing,waits_for,"
                                 "business_cost_per_hour\r\n");
    for (const RecoveryStep &s : plan.steps) {
        const Component &c = map.component(s.component);
        QStringList waits;
        for (const ComponentIndex d : s.waitsFor)
            waits.append(map.component(d).id);
        out += csvField(c.id) + u',' + csvField(c.displayName()) + u',' + csvField(c.kind) + u',';
        out += (s.wave >= 0 ? QString::number(s.wave + 1) : QString()) + u',';
        out += (s.start ? number(*s.start) : QString()) + u',';
        out += (s.back ? number(*s.back) : QString()) + u',';
        out += (s.rtoMissing ? QString() : number(s.rto)) + u',';
        out += (s.rtoMissing ? QStringLiteral("true") : QStringLiteral("false")) + u',';
        out += csvField(waits.join(u' ')) + u',' + number(s.businessCost) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray text(const Map &map, const RecoveryPlan &plan, const Scenario &scenario)
{
    QString out = impactformat::headline(map, scenario) + u'\n';
    if (plan.steps.empty()) {
        out += QStringLiteral("Nothing is down: there is nothing to recover.\n");
    } else {
        out += QStringLiteral("%1 components to bring back in %2 waves; ")
                   .arg(plan.steps.size())
                   .arg(plan.waves.size());
        out += plan.allBack
            ? QStringLiteral("everything is back after %1\n").arg(formatMinutes(*plan.allBack))
            : QStringLiteral("%1 never come back\n").arg(plan.unrecoverable.size());
    }

    constexpr int maxNameWidth = 40;
    int nameWidth = 9; // "Component"
    for (const RecoveryStep &s : plan.steps)
        nameWidth = std::max(nameWidth, displayWidth(nameOf(map, s.component)));
    for (const BusinessRecovery &b : plan.business)
        nameWidth = std::max(nameWidth, displayWidth(nameOf(map, b.service)));
    nameWidth = std::min(nameWidth, maxNameWidth);

    QStringList noRto;
    for (int wave = 0; wave < int(plan.waves.size()); ++wave) {
        out += QStringLiteral("\nWave %1\n").arg(wave + 1);
        out += QStringLiteral("  ") + padded(QStringLiteral("Start"), 12)
            + padded(QStringLiteral("Back"), 12) + padded(QStringLiteral("Component"), nameWidth)
            + QStringLiteral("  Waits for\n");
        for (const ComponentIndex c : plan.waves[wave]) {
            const RecoveryStep &s = *plan.step(c);
            out += QStringLiteral("  ") + padded(when(s.start), 12) + padded(when(s.back), 12)
                + padded(nameOf(map, c), nameWidth);
            if (!s.waitsFor.empty())
                out += QStringLiteral("  ") + namesOf(map, s.waitsFor);
            out += u'\n';
        }
    }
    for (const RecoveryStep &s : plan.steps) {
        if (s.rtoMissing)
            noRto.append(nameOf(map, s.component));
    }

    if (!plan.business.empty()) {
        out += QStringLiteral("\nBusiness services\n");
        for (const BusinessRecovery &b : plan.business) {
            out += QStringLiteral("  ") + padded(nameOf(map, b.service), nameWidth)
                + QStringLiteral("  ")
                + padded(b.state == State::Up ? QStringLiteral("not affected")
                        : b.state == State::AtRisk
                        ? QStringLiteral("at risk until ") + when(b.restored)
                        : QStringLiteral("back after ") + when(b.back),
                    26);
            if (!b.targetRto)
                out += QStringLiteral("no target RTO");
            else if (b.met == true)
                out += QStringLiteral("target %1: met").arg(formatMinutes(*b.targetRto));
            else if (b.back)
                out += QStringLiteral("target %1: missed by %2")
                           .arg(formatMinutes(*b.targetRto), formatMinutes(*b.back - *b.targetRto));
            else
                out += QStringLiteral("target %1: missed").arg(formatMinutes(*b.targetRto));
            out += u'\n';
            if (b.met == false && b.criticalPath.size() > 1) {
                QStringList chain;
                for (const ComponentIndex c : b.criticalPath)
                    chain.append(nameOf(map, c));
                out += QStringLiteral("    waits on: ") + chain.join(QStringLiteral(" ← ")) + u'\n';
            }
        }
    }

    if (!plan.dataAtRisk.empty()) {
        out += QStringLiteral("\nData at risk\n");
        for (const DataAtRisk &d : plan.dataAtRisk) {
            out += QStringLiteral("  %1: up to %2 of data")
                       .arg(nameOf(map, d.component), formatMinutes(d.rpo));
            if (!d.services.empty())
                out += QStringLiteral(", needed by ") + namesOf(map, d.services);
            if (d.met)
                out += *d.met ? QStringLiteral("; target RPO met")
                              : QStringLiteral("; target RPO missed");
            out += u'\n';
        }
    }

    for (const auto &cycle : plan.cycles)
        out += QStringLiteral("\nCannot recover without breaking: %1\n").arg(namesOf(map, cycle));
    if (!plan.unrecoverable.empty())
        out += QStringLiteral("Never back: %1\n").arg(namesOf(map, plan.unrecoverable));
    if (!noRto.isEmpty())
        out +=
            QStringLiteral("\nNo RTO (counted as 0): %1\n").arg(noRto.join(QStringLiteral(", ")));
    return out.toUtf8();
}

} // namespace faultline::recoveryformat
