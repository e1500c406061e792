#include "model/report/recoverysection.h"

#include "model/report/htmlreport.h"

using namespace Qt::StringLiterals;

namespace faultline::report {

namespace {

QString when(const std::optional<double> &t)
{
    return t ? escaped(formatMinutes(*t)) : u"never"_s;
}

QString joined(const QStringList &names)
{
    QStringList out;
    for (const QString &n : names)
        out.append(escaped(n));
    return out.join(u", "_s);
}

QString tableStart(const QString &cls, const QString &headers)
{
    return u"<table class=\"data %1\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" "
           "border=\"1\">\n<thead><tr>"_s.arg(cls)
        + headers + u"</tr></thead>\n<tbody>\n"_s;
}

QString rowStart(int n)
{
    return (n % 2) ? u"<tr class=\"odd\">"_s : u"<tr>"_s;
}

QString verdict(const std::optional<bool> &met, const QString &missedBy)
{
    if (!met)
        return u"<span class=\"muted\">no target</span>"_s;
    if (*met)
        return u"<b>met</b>"_s;
    return u"<span class=\"badge badge-down\" style=\"background-color: #FFD9D9;\">&#160;missed"_s
        + (missedBy.isEmpty() ? QString() : u" by "_s + missedBy) + u"&#160;</span>"_s;
}

} // namespace

QString recoverySection(const ReportData &d)
{
    const RecoveryData &r = d.recovery;
    if (r.steps.empty())
        return {};
    QString out =
        u"<h2>Recovery plan</h2>\n<p>%1 components to bring back in %2 waves; %3.</p>\n"_s
            .arg(r.steps.size())
            .arg(r.waveCount)
            .arg(r.allBack ? u"everything is back after <b>"_s + when(r.allBack) + u"</b>"_s
                           : u"<b>some never come back</b>"_s);
    for (const QString &cycle : r.cycles)
        out += u"<p class=\"loss\">Cannot recover without breaking: <b>"_s + escaped(cycle)
            + u"</b></p>\n"_s;
    out += tableStart(u"recovery"_s,
        u"<th class=\"num\" width=\"7%\">Wave</th><th width=\"30%\">Component</th>"
        "<th class=\"num\" width=\"12%\">Start</th><th class=\"num\" width=\"12%\">"
        "Back</th><th width=\"39%\">Waits for</th>"_s);
    int n = 0;
    for (const RecoveryStepRow &s : r.steps) {
        out += rowStart(n++);
        out += u"<td class=\"num\">"_s + (s.wave > 0 ? QString::number(s.wave) : u"–"_s)
            + u"</td><td><b>"_s + escaped(s.name) + u"</b>"_s;
        if (s.rtoMissing)
            out += u"<br/><span class=\"small muted\">no RTO: counted as 0</span>"_s;
        out += u"</td><td class=\"num\">"_s + when(s.start) + u"</td><td class=\"num\">"_s
            + when(s.back) + u"</td><td>"_s + joined(s.waitsFor) + u"</td></tr>\n"_s;
    }
    out += u"</tbody>\n</table>\n"_s;

    if (!r.services.empty()) {
        out += u"<h2>Business services against their RTO</h2>\n"_s;
        out += tableStart(u"services"_s,
            u"<th width=\"34%\">Service</th><th class=\"num\" width=\"18%\">Back"
            "</th><th class=\"num\" width=\"18%\">Target RTO</th><th width=\"30%\">"
            "Result</th>"_s);
        n = 0;
        for (const RecoveryServiceRow &s : r.services) {
            const QString missedBy = s.met == false && s.back && s.target
                ? escaped(formatMinutes(*s.back - *s.target))
                : QString();
            out += rowStart(n++) + u"<td><b>"_s + escaped(s.name) + u"</b></td><td class=\"num\">"_s
                + (s.state == State::Up ? u"not affected"_s : when(s.back))
                + u"</td><td class=\"num\">"_s + (s.target ? when(s.target) : QString())
                + u"</td><td>"_s + verdict(s.met, missedBy) + u"</td></tr>\n"_s;
        }
        out += u"</tbody>\n</table>\n"_s;
    }

    if (!r.dataAtRisk.empty()) {
        out += u"<h2>Data at risk</h2>\n"_s;
        out += tableStart(u"risk"_s,
            u"<th width=\"30%\">Data store</th><th class=\"num\" width=\"14%\">"
            "May lose</th><th width=\"40%\">Needed by</th><th width=\"16%\">"
            "Target RPO</th>"_s);
        n = 0;
        for (const DataAtRiskRow &row : r.dataAtRisk) {
            out += rowStart(n++) + u"<td><b>"_s + escaped(row.name)
                + u"</b></td><td class=\"num\">"_s + escaped(formatMinutes(row.rpo))
                + u"</td><td>"_s + joined(row.services) + u"</td><td>"_s
                + verdict(row.met, QString()) + u"</td></tr>\n"_s;
        }
        out += u"</tbody>\n</table>\n"_s;
    }
    return out;
}

} // namespace faultline::report
