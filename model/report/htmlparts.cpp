#include "model/report/htmlparts.h"

#include "model/io/impactformat.h"
#include "model/report/htmlreport.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace faultline::report {

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

namespace {

QString chain(const AffectedRow &row)
{
    if (row.setByScenario)
        return row.state == State::Down ? u"<span class=\"muted\">failed by the scenario</span>"_s
                                        : u"<span class=\"muted\">impaired by the "
                                          "scenario</span>"_s;
    QStringList causes;
    for (const QString &name : row.causes)
        causes.append(escaped(name));
    return u"<span class=\"chain\">← "_s + causes.join(u" ← "_s) + u"</span>"_s;
}

} // namespace

QString affectedSection(const ReportData &d, const QString &heading)
{
    QString out = u"<%1>Affected components (%2)</%1>\n"_s.arg(heading).arg(d.affected.size());
    if (d.affected.empty()) {
        out += u"<p>Nothing is affected.</p>\n"_s;
        return out;
    }
    out += u"<table class=\"data\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" "
           "border=\"1\">\n<thead><tr><th width=\"21%\">Component</th><th width=\"11%\">"
           "State</th><th width=\"32%\">Chain of causes</th><th width=\"12%\">Owner</th>"
           "<th class=\"num\" width=\"5%\">Tier</th><th class=\"num\" width=\"8%\">RTO</th>"
           "<th class=\"num\" width=\"11%\">Cost per hour</th></tr></thead>\n<tbody>\n"_s;
    int n = 0;
    for (const AffectedRow &row : d.affected) {
        out += (n++ % 2) ? u"<tr class=\"odd\">"_s : u"<tr>"_s;
        out += u"<td><b>"_s + escaped(row.name) + u"</b>"_s
            + (row.business ? u" <span class=\"small muted\">(business)</span>"_s : QString());
        if (!row.kind.isEmpty())
            out += u"<br/><span class=\"small muted\">"_s + escaped(row.kind) + u"</span>"_s;
        out += u"</td><td>"_s + badge(lookOf(row.state, row.setByScenario)) + u"</td>"_s;
        out += u"<td>"_s + chain(row) + u"</td>"_s;
        out += u"<td>"_s + escaped(row.owner) + u"</td>"_s;
        out += u"<td class=\"num\">"_s + (row.tier ? QString::number(*row.tier) : QString())
            + u"</td>"_s;
        out += u"<td class=\"num\">"_s
            + (row.rtoMinutes ? escaped(formatMinutes(*row.rtoMinutes)) : QString()) + u"</td>"_s;
        out += u"<td class=\"num\">"_s
            + (row.costPerHour && row.state == State::Down ? money(d, *row.costPerHour) : QString())
            + u"</td></tr>\n"_s;
    }
    out += u"</tbody>\n</table>\n"_s;
    return out;
}

} // namespace faultline::report
