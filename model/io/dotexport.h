#pragma once

#include "model/impact/engine.h"
#include "model/map/map.h"
#include "model/map/scenario.h"

#include <QByteArray>
#include <QString>

namespace faultline {

// Graphviz source of a map with a scenario highlighted, which `dot -Tsvg` renders as it is:
// a title with the map and scenario names and the summary, a legend, components as rounded
// boxes coloured by state (model/impact/statecolours.h, the canvas's colours), parents as nested
// clusters, soft dependencies dashed, the dependencies a state came through drawn in its
// colour, business services with a double outline.
//
// Every text from the map goes through quoted() or htmlText(), so no id, name or label can
// break the DOT syntax or inject markup. The file also carries each component's properties as
// attributes (name, kind, owner, tier, ...), so dotimport::read() gives the same components
// and dependencies back (in tree order; scenarios and positions are not part of it).
namespace dotexport {

struct Options
{
    // Writes Map::positions() as pinned `pos` attributes, for `neato -n2` to keep the canvas's
    // layout; dot ignores them.
    bool positions = false;
};

// `result` must be the engine's result of `scenario` on this version of `map`.
QByteArray write(const Map &map, const Scenario &scenario, const ImpactResult &result,
    const Options &options = {});
// Runs the impact engine on the scenario first; a scenario that fails nothing draws every
// component up. Throws ValidationError for a scenario id that is not in the map.
QByteArray write(const Map &map, const Scenario &scenario = {}, const Options &options = {});

// A DOT quoted string holding `text`: quotes and backslashes escaped, line breaks as \n,
// control characters other than tab as blanks.
QByteArray quoted(const QString &text);
// `text` for an HTML-like label: & < > " escaped, backslashes doubled (Graphviz expands \N in
// HTML text too), line breaks as <br/>, control characters as blanks.
QByteArray htmlText(const QString &text);

} // namespace dotexport
} // namespace faultline
