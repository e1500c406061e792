#include "model/report/htmlreport.h"

#include "model/io/impactformat.h"
#include "model/impact/statecolours.h"

#include <QHash>

#include <cmath>

using namespace Qt::StringLiterals;

namespace faultline::report {

namespace {

QString latin(const char *s)
{
    return QString::fromLatin1(s);
}

QString money(const ReportData &d, double amount)
{
    return escaped(d.currency) + impactformat::formatMoney(amount);
}

QString hours(double h)
{
    return impactformat::formatMoney(h) + u"-hour"_s;
}

palette::Look lookOf(State s, bool setByScenario)
{
    return palette::lookFor(
        s, setByScenario && s == State::Down, setByScenario && s != State::Down);
}

QString stateWord(palette::Look look)
{
    switch (look) {
    case palette::Look::AtRisk:
        return u"at risk"_s;
    default:
        return latin(palette::colours(look).word);
    }
}

// The style sheet: simple selectors and properties that QTextDocument understands too, plus
// print rules browsers use (header rows repeat, rows do not split across pages).
QString styleSheet()
{
    QString css = uR"(
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt;
       color: #0F172A; background-color: #FFFFFF; margin: 24px 32px; }
h1 { font-size: 20pt; font-weight: bold; margin: 0 0 4px 0; color: #0F172A; }
h2 { font-size: 13pt; font-weight: bold; margin: 22px 0 8px 0; color: #1E293B;
     border-bottom: 2px solid #CBD5E1; padding-bottom: 3px; }
p { margin: 4px 0; }
.meta { color: #475569; font-size: 10pt; }
.scenario { font-size: 11pt; margin-top: 10px; }
.muted { color: #64748B; }
.small { font-size: 8.5pt; }
table { border-collapse: collapse; }
table.cards td { border: 1px solid #CBD5E1; background-color: #F8FAFC; padding: 8px 12px; }
table.cards td.card-down { background-color: #FFD9D9; border-color: #C81E1E; }
table.cards td.card-degraded { background-color: #FFE4C7; border-color: #DD6B20; }
table.cards td.card-at-risk { background-color: #FEF6C3; border-color: #B7791F; }
.figure { font-size: 20pt; font-weight: bold; }
.caption { font-size: 8.5pt; color: #334155; }
p.loss { font-size: 11pt; margin-top: 10px; padding: 8px 12px; background-color: #F1F5F9;
         border-left: 4px solid #C81E1E; }
table.data { width: 100%; }
table.data th { background-color: #1E293B; color: #FFFFFF; font-weight: bold; text-align: left;
                padding: 5px 8px; border: 1px solid #1E293B; font-size: 9pt; }
table.data td { padding: 5px 8px; border: 1px solid #E2E8F0; vertical-align: top; }
tr.odd td { background-color: #F8FAFC; }
td.num, th.num { text-align: right; }
td.metric { font-weight: bold; background-color: #F1F5F9; }
table.data th.current { background-color: #9B1C1C; border-color: #9B1C1C; }
table.data td.current { background-color: #FFF5F5; font-weight: bold; }
td.text { text-align: left; }
.chain { color: #334155; }
.badge { font-weight: bold; padding: 1px 6px; }
.figure-box { text-align: center; border: 1px solid #E2E8F0; padding: 8px; }
.footer { margin-top: 28px; padding-top: 6px; border-top: 1px solid #CBD5E1; color: #64748B;
          font-size: 8pt; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; }
  thead { display: table-header-group; }
  tr, td, th, img, .figure-box { page-break-inside: avoid; break-inside: avoid; }
  h2 { page-break-after: avoid; break-after: avoid; }
}
)"_s;
    for (palette::Look look : {palette::Look::Up, palette::Look::AtRisk, palette::Look::Degraded,
             palette::Look::Down, palette::Look::Failed, palette::Look::Impaired}) {
        const palette::LookColours c = palette::colours(look);
        css += u".badge-%1 { background-color: %2; color: %3; border: 1px solid %4; }\n"_s.arg(
            latin(c.word), latin(c.fill), latin(c.text), latin(c.border));
    }
    return css;
}

QString badge(palette::Look look)
{
    const palette::LookColours c = palette::colours(look);
    // The colours are repeated as attributes-free inline style for renderers without classes.
    return u"<span class=\"badge badge-%1\" style=\"background-color: %2; color: %3;\">"
           "&#160;%4&#160;</span>"_s.arg(
               latin(c.word), latin(c.fill), latin(c.text), stateWord(look));
}

QString names(const QStringList &list)
{
    QStringList out;
    for (const QString &n : list)
        out.append(escaped(n));
    return out.join(u", "_s);
}

class Writer
{
public:
    Writer(const ReportData &d, const Diagram &diagram) : m_d(d), m_diagram(diagram) { }

    QByteArray run()
    {
        const QString title = m_d.mapName.isEmpty() ? u"Untitled map"_s : m_d.mapName;
        m_out += u"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
                 "<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; "
                 "charset=utf-8\"/>\n<title>"_s
            + escaped(title) + u" — impact report</title>\n<style type=\"text/css\">"_s
            + styleSheet() + u"</style>\n</head>\n<body>\n"_s;
        headline(title);
        summary();
        diagram();
        affected();
        comparison();
        m_out += u"<p class=\"footer\">Generated by Faultline on %1. <b>Down</b>: does not "
                 "work. <b>Degraded</b>: works, worse. <b>At risk</b>: works, but a redundancy "
                 "it relies on is used up. <b>Failed</b> and <b>impaired</b>: set by the "
                 "scenario itself. Costs add up the cost per hour of the components that are "
                 "down.</p>\n</body>\n</html>\n"_s.arg(escaped(dateText()));
        return m_out.toUtf8();
    }

private:
    QString dateText() const { return m_d.date.toString(u"yyyy-MM-dd HH:mm"_s); }

    void headline(const QString &title)
    {
        m_out += u"<h1>"_s + escaped(title) + u"</h1>\n"_s;
        m_out += u"<p class=\"meta\">Impact report · %1 · %2 components</p>\n"_s.arg(
            escaped(dateText()), QString::number(m_d.componentCount));
        QString what;
        if (!m_d.fail.isEmpty())
            what += u"fails <b>"_s + names(m_d.fail) + u"</b>"_s;
        if (!m_d.degrade.isEmpty())
            what += (what.isEmpty() ? QString() : u"; "_s) + u"impairs <b>"_s + names(m_d.degrade)
                + u"</b>"_s;
        if (what.isEmpty())
            what = u"fails nothing"_s;
        const QString name = m_d.scenarioName.isEmpty()
            ? u"What-if"_s
            : u"Scenario <b>“%1”</b>"_s.arg(escaped(m_d.scenarioName));
        m_out += u"<p class=\"scenario\">%1: %2.</p>\n"_s.arg(name, what);
        if (!m_d.scenarioDescription.isEmpty())
            m_out += u"<p class=\"muted\">"_s + escaped(m_d.scenarioDescription) + u"</p>\n"_s;
    }

    // bgcolor repeats the class's colour for QTextDocument, which applies fewer selectors.
    static QString card(const QString &cls, const QString &figure, const QString &caption)
    {
        static const QHash<QString, QString> fills = {
            {u"card-down"_s, latin(palette::colours(palette::Look::Down).fill)},
            {u"card-degraded"_s, latin(palette::colours(palette::Look::Degraded).fill)},
            {u"card-at-risk"_s, latin(palette::colours(palette::Look::AtRisk).fill)},
        };
        return u"<td class=\"%1\" width=\"20%\" bgcolor=\"%2\"><span class=\"figure\">%3</span>"
               "<br/><span class=\"caption\">%4</span></td>"_s.arg(
                   cls, fills.value(cls, u"#F8FAFC"_s), figure, caption);
    }

    void summary()
    {
        const ImpactSummary &s = m_d.summary;
        m_out += u"<h2>Summary</h2>\n<table class=\"cards\" width=\"100%\" cellspacing=\"0\" "
                 "cellpadding=\"8\" border=\"1\">\n<tr>"_s;
        m_out += card(
            s.down ? u"card-down"_s : QString(), QString::number(s.down), u"components down"_s);
        m_out += card(s.degraded ? u"card-degraded"_s : QString(), QString::number(s.degraded),
            u"components degraded"_s);
        m_out += card(s.atRisk ? u"card-at-risk"_s : QString(), QString::number(s.atRisk),
            u"components at risk"_s);
        m_out += card(m_d.businessHit.isEmpty() ? QString() : u"card-down"_s,
            u"%1 <span class=\"caption\">of %2</span>"_s.arg(m_d.businessHit.size())
                .arg(m_d.businessCount),
            u"business services hit"_s);
        m_out += card(s.costPerHour > 0 ? u"card-down"_s : QString(), money(m_d, s.costPerHour),
            u"cost per hour"_s);
        m_out += u"</tr>\n</table>\n"_s;
        m_out += u"<p class=\"loss\">Estimated loss for a %1 outage: <b>%2</b></p>\n"_s.arg(
            escaped(hours(m_d.outageHours)), money(m_d, m_d.estimatedLoss));
        if (!m_d.businessHit.isEmpty())
            m_out += u"<p>Business services hit: "_s + names(m_d.businessHit) + u".</p>\n"_s;
        if (!m_d.businessExposed.isEmpty())
            m_out += u"<p>Business services exposed (up, but a redundancy they need is spent: "
                     "one more failure may take them down): "_s
                + names(m_d.businessExposed) + u".</p>\n"_s;
    }

    void diagram()
    {
        if (m_diagram.data.isEmpty())
            return;
        m_out += u"<h2>Diagram</h2>\n<div class=\"figure-box\"><img src=\"data:%1;base64,%2\" "
                 "alt=\"Diagram of the map with the scenario\""_s.arg(
                     escaped(QString::fromLatin1(m_diagram.mimeType)),
                     QString::fromLatin1(m_diagram.data.toBase64()));
        if (m_diagram.width > 0)
            m_out += u" width=\"%1\""_s.arg(m_diagram.width);
        m_out += u" style=\"max-width: 100%;\"/></div>\n"_s;
    }

    QString chain(const AffectedRow &row) const
    {
        if (row.setByScenario)
            return row.state == State::Down
                ? u"<span class=\"muted\">failed by the scenario</span>"_s
                : u"<span class=\"muted\">impaired by the "
                  "scenario</span>"_s;
        QStringList causes;
        for (const QString &name : row.causes)
            causes.append(escaped(name));
        return u"<span class=\"chain\">← "_s + causes.join(u" ← "_s) + u"</span>"_s;
    }

    void affected()
    {
        m_out += u"<h2>Affected components (%1)</h2>\n"_s.arg(m_d.affected.size());
        if (m_d.affected.empty()) {
            m_out += u"<p>Nothing is affected.</p>\n"_s;
            return;
        }
        m_out += u"<table class=\"data\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" "
                 "border=\"1\">\n<thead><tr><th width=\"21%\">Component</th><th width=\"11%\">"
                 "State</th><th width=\"32%\">Chain of causes</th><th width=\"12%\">Owner</th>"
                 "<th class=\"num\" width=\"5%\">Tier</th><th class=\"num\" width=\"8%\">RTO</th>"
                 "<th class=\"num\" width=\"11%\">Cost per hour</th></tr></thead>\n<tbody>\n"_s;
        int n = 0;
        for (const AffectedRow &row : m_d.affected) {
            m_out += (n++ % 2) ? u"<tr class=\"odd\">"_s : u"<tr>"_s;
            m_out += u"<td><b>"_s + escaped(row.name) + u"</b>"_s
                + (row.business ? u" <span class=\"small muted\">(business)</span>"_s : QString());
            if (!row.kind.isEmpty())
                m_out += u"<br/><span class=\"small muted\">"_s + escaped(row.kind) + u"</span>"_s;
            m_out += u"</td><td>"_s + badge(lookOf(row.state, row.setByScenario)) + u"</td>"_s;
            m_out += u"<td>"_s + chain(row) + u"</td>"_s;
            m_out += u"<td>"_s + escaped(row.owner) + u"</td>"_s;
            m_out += u"<td class=\"num\">"_s + (row.tier ? QString::number(*row.tier) : QString())
                + u"</td>"_s;
            m_out += u"<td class=\"num\">"_s
                + (row.rtoMinutes ? escaped(formatMinutes(*row.rtoMinutes)) : QString())
                + u"</td>"_s;
            m_out += u"<td class=\"num\">"_s
                + (row.costPerHour && row.state == State::Down ? money(m_d, *row.costPerHour)
                                                               : QString())
                + u"</td></tr>\n"_s;
        }
        m_out += u"</tbody>\n</table>\n"_s;
    }

    void comparison()
    {
        if (m_d.comparison.empty())
            return;
        m_out += u"<h2>Saved scenarios side by side</h2>\n<table class=\"data\" width=\"100%\" "
                 "cellspacing=\"0\" cellpadding=\"5\" border=\"1\">\n<thead><tr><th></th>"_s;
        for (const ScenarioColumn &c : m_d.comparison)
            m_out += (c.isReported ? u"<th class=\"num current\" bgcolor=\"#9B1C1C\">"_s
                                   : u"<th class=\"num\">"_s)
                + escaped(c.name) + u"</th>"_s;
        m_out += u"</tr></thead>\n<tbody>\n"_s;
        auto row = [this](const QString &metric, auto value, const QString &align = u"num"_s) {
            m_out += u"<tr><td class=\"metric\" bgcolor=\"#F1F5F9\">"_s + metric + u"</td>"_s;
            for (const ScenarioColumn &c : m_d.comparison)
                m_out +=
                    (c.isReported ? u"<td class=\"%1 current\" bgcolor=\"#FFF5F5\">"_s.arg(align)
                                  : u"<td class=\"%1\">"_s.arg(align))
                    + value(c) + u"</td>"_s;
            m_out += u"</tr>\n"_s;
        };
        row(
            u"Fails"_s, [](const ScenarioColumn &c) { return names(c.fail); }, u"text"_s);
        row(
            u"Impairs"_s, [](const ScenarioColumn &c) { return names(c.degrade); }, u"text"_s);
        row(u"Down"_s, [](const ScenarioColumn &c) { return QString::number(c.summary.down); });
        row(u"Degraded"_s,
            [](const ScenarioColumn &c) { return QString::number(c.summary.degraded); });
        row(u"At risk"_s,
            [](const ScenarioColumn &c) { return QString::number(c.summary.atRisk); });
        row(u"Business services hit"_s,
            [](const ScenarioColumn &c) { return QString::number(c.businessHit); });
        row(u"Business services exposed"_s,
            [](const ScenarioColumn &c) { return QString::number(c.businessExposed); });
        row(u"Cost per hour"_s,
            [this](const ScenarioColumn &c) { return money(m_d, c.summary.costPerHour); });
        row(u"Loss for a %1 outage"_s.arg(escaped(hours(m_d.outageHours))),
            [this](const ScenarioColumn &c) { return money(m_d, c.estimatedLoss); });
        m_out += u"</tbody>\n</table>\n"_s;
    }

    const ReportData &m_d;
    const Diagram &m_diagram;
    QString m_out;
};

} // namespace

QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const char32_t u : text.toUcs4()) {
        switch (u) {
        case '&':
            out += u"&amp;"_s;
            continue;
        case '<':
            out += u"&lt;"_s;
            continue;
        case '>':
            out += u"&gt;"_s;
            continue;
        case '"':
            out += u"&quot;"_s;
            continue;
        case '\'':
            out += u"&#39;"_s;
            continue;
        default:
            break;
        }
        // XML 1.0 characters only.
        const bool allowed = u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF)
            || (u >= 0xE000 && u <= 0xFFFD) || (u >= 0x10000 && u <= 0x10FFFF);
        const char32_t c = allowed ? u : char32_t(0xFFFD);
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString formatMinutes(double minutes)
{
    const qint64 total = qint64(std::llround(minutes));
    const qint64 days = total / (24 * 60);
    const qint64 h = (total / 60) % 24;
    const qint64 m = total % 60;
    QStringList parts;
    if (days)
        parts.append(u"%1 d"_s.arg(days));
    if (h)
        parts.append(u"%1 h"_s.arg(h));
    if (m || parts.isEmpty())
        parts.append(u"%1 min"_s.arg(m));
    return parts.join(u' ');
}

QByteArray html(const ReportData &data, const Diagram &diagram)
{
    return Writer(data, diagram).run();
}

} // namespace faultline::report
