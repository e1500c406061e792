#include "model/recovery/policyformat.h"

#include "model/io/impactformat.h"
#include "model/io/jsonwriter.h"
#include "model/report/htmlreport.h"

#include <QStringList>

#include <algorithm>

namespace faultline::policyformat {

namespace {

// The violations of one rule for each of its services, in the rule's service order.
std::vector<std::vector<const PolicyViolation *>> byService(const RuleResult &r)
{
    std::vector<std::vector<const PolicyViolation *>> out(r.services.size());
    for (const PolicyViolation &v : r.violations) {
        const auto it = std::lower_bound(r.services.begin(), r.services.end(), v.service);
        out[std::size_t(it - r.services.begin())].push_back(&v);
    }
    return out;
}

int brokenCount(const std::vector<RuleResult> &results)
{
    int broken = 0;
    for (const RuleResult &r : results)
        broken += r.holds() ? 0 : 1;
    return broken;
}

QString title(const Map &map)
{
    return map.name.isEmpty() ? QStringLiteral("Untitled map") : impactformat::tableCell(map.name);
}

} // namespace

QByteArray json(const Map &map, const std::vector<RuleResult> &results)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    w.newline();
    w.key("holds");
    w.value(brokenCount(results) == 0);
    w.newline();
    w.key("rules");
    w.beginArray();
    for (const RuleResult &r : results) {
        w.newline();
        w.beginObject();
        w.key("name");
        w.value(r.rule->name);
        w.key("holds");
        w.value(r.holds());
        w.key("services");
        w.beginArray();
        for (const ComponentIndex s : r.services)
            w.value(map.component(s).id);
        w.endArray();
        w.key("violations");
        w.beginArray();
        for (const PolicyViolation &v : r.violations) {
            w.newline();
            w.beginObject();
            w.key("service");
            w.value(map.component(v.service).id);
            w.key("failure");
            w.beginArray();
            for (const QString &id : v.failure)
                w.value(id);
            w.endArray();
            w.key("state");
            if (v.state)
                w.value(toString(*v.state));
            else
                w.null();
            w.key("evidence");
            w.value(v.evidence);
            w.endObject();
        }
        if (!r.violations.empty())
            w.newline(false);
        w.endArray();
        w.endObject();
    }
    if (!results.empty())
        w.newline(false);
    w.endArray();
    out += "\n}\n";
    return out;
}

QByteArray text(const Map &map, const std::vector<RuleResult> &results)
{
    const int broken = brokenCount(results);
    QString out = QStringLiteral("%1 — policy check: %2 of %3 rules hold\n")
                      .arg(title(map))
                      .arg(int(results.size()) - broken)
                      .arg(results.size());
    for (const RuleResult &r : results) {
        out += QStringLiteral("\n%1  %2 (%3 services)\n")
                   .arg(r.holds() ? QStringLiteral("PASS") : QStringLiteral("FAIL"),
                       impactformat::tableCell(r.rule->name))
                   .arg(r.services.size());
        for (const PolicyViolation &v : r.violations)
            out += QStringLiteral("      %1: %2\n")
                       .arg(impactformat::tableCell(map.component(v.service).displayName()),
                           impactformat::tableCell(v.evidence));
    }
    return out.toUtf8();
}

QByteArray junit(const Map &map, const std::vector<RuleResult> &results)
{
    using report::escaped;
    int tests = 0, failures = 0;
    for (const RuleResult &r : results) {
        tests += int(r.services.size());
        for (const auto &list : byService(r))
            failures += list.empty() ? 0 : 1;
    }
    QString out = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out += QStringLiteral("<testsuites name=\"%1\" tests=\"%2\" failures=\"%3\">\n")
               .arg(escaped(QStringLiteral("faultline check: ") + title(map)))
               .arg(tests)
               .arg(failures);
    for (const RuleResult &r : results) {
        const auto lists = byService(r);
        int ruleFailures = 0;
        for (const auto &list : lists)
            ruleFailures += list.empty() ? 0 : 1;
        out += QStringLiteral("  <testsuite name=\"%1\" tests=\"%2\" failures=\"%3\">\n")
                   .arg(escaped(r.rule->name))
                   .arg(r.services.size())
                   .arg(ruleFailures);
        for (std::size_t i = 0; i < r.services.size(); ++i) {
            const Component &service = map.component(r.services[i]);
            out +=
                QStringLiteral("    <testcase classname=\"%1\" name=\"%2\"")
                    .arg(escaped(r.rule->name),
                        escaped(service.displayName() + QStringLiteral(" (") + service.id + u')'));
            if (lists[i].empty()) {
                out += QStringLiteral("/>\n");
                continue;
            }
            QStringList lines;
            for (const PolicyViolation *v : lists[i])
                lines.append(v->evidence);
            out +=
                QStringLiteral(">\n      <failure message=\"%1\">%2</failure>\n    </testcase>\n")
                    .arg(escaped(QStringLiteral("%1 violation(s): %2")
                                     .arg(lists[i].size())
                                     .arg(lines.front())),
                        escaped(lines.join(u'\n')));
        }
        out += QStringLiteral("  </testsuite>\n");
    }
    out += QStringLiteral("</testsuites>\n");
    return out.toUtf8();
}

} // namespace faultline::policyformat
