#pragma once

#include "model/impact/engine.h"
#include "model/map/map.h"
#include "model/map/scenario.h"

#include <QByteArray>
#include <QString>

namespace faultline {

// The outputs of `faultline impact` (DESIGN.md, "Command line"): pure functions of a map, the
// result of one scenario on it, and that scenario (its name, may be empty, and the fail and
// degrade ids it was run with). Every format lists the components that are not up, in map
// order, and returns UTF-8.
namespace impactformat {

// {"scenario": {"fail", "degrade"}, "summary": {"down", "degraded", "at_risk", "exposed",
// "cost_per_hour"}, "components": [{"id", "name", "state", "round", "cause", "path"}],
// "exposed": [ids]}: keys in this order, one component per line. `round` is the propagation
// round in which the component reached its state (0: the scenario's own); `cause` is null
// where the scenario itself set the state; `path` is the component followed by its causes;
// `exposed` lists the exposed components (model/impact/exposure.h) in map order. Without
// `paths` the "path" key is left out: `cause` already gives the chain one step at a time, and
// on a long chain of dependencies the paths grow with the square of its length (a
// 40,000-long chain: 7.6 GB).
enum class Paths { With, Without };
QByteArray json(const Map &map, const ImpactResult &result, const Scenario &scenario,
    Paths paths = Paths::With);

// A header row, then one row per affected component: id, name, kind, state, cause, path (ids
// joined by " > "), owner, tier, rto_minutes, cost_per_hour. RFC 4180: CRLF line ends, fields
// holding a comma, quote, CR or LF are quoted with quotes doubled. Against spreadsheet formula
// injection, a text field starting with = + - @ TAB or CR gets a leading single quote ('),
// as OWASP recommends; numbers are written as plain numbers and never prefixed.
// Without `paths` the path column is empty.
QByteArray csv(const Map &map, const ImpactResult &result, Paths paths = Paths::With);
// One CSV field as csv() writes it: guarded, then quoted if needed.
QString csvField(const QString &value);

// For people: a headline (map name, scenario), a summary line (counts, cost per hour with
// thousands separators), then the affected components grouped by state (down, degraded,
// at risk), business components marked with *, each with its chain of causes in names:
// "Checkout  ← Payments DB ← use1-az2 ← us-east-1 (failed)". Columns are aligned by display
// width (characters, wide East Asian characters counting two), so stable for a given input.
// Without `paths` each component shows only its direct cause. Exposed business services
// follow the groups, each with an at-risk component behind it.
QByteArray text(const Map &map, const ImpactResult &result, const Scenario &scenario,
    Paths paths = Paths::With);
// The cascade round by round (`impact --format text --rounds`): the headline and summary of
// text(), then "Round 0: what the scenario fails and impairs" and each next round, with every
// component that reached its final state in it, its state and its cause (the component it
// came through, which reached its own state in an earlier round); then the exposed business
// services.
QByteArray rounds(const Map &map, const ImpactResult &result, const Scenario &scenario);

// "1,234,567" or "1,234.5": thousands separators whatever the locale, at most two decimals.
QString formatMoney(double amount);
// Terminal columns the text takes: combining marks count zero, wide characters two.
int displayWidth(const QString &text);
// "MAP — scenario "NAME": fail A, B; degrade C": the first line of the text outputs.
QString headline(const Map &map, const Scenario &scenario);
// A name as one table cell: line breaks and tabs (which would break the columns) as spaces.
QString tableCell(const QString &name);

} // namespace impactformat
} // namespace faultline
