#pragma once

#include "model/map/map.h"

#include <QByteArray>
#include <QString>

namespace faultline {

// Import of a Graphviz DOT file, parsed by libcgraph (which only parses: a DOT file can never
// run code). The mapping, documented for users in resources/samples/README.md:
//
// - Every node is a component: id = the node's name; name = its `name` attribute, else its
//   `label` (unless empty or "\N"; \n, \l and \r in a label become line breaks, HTML labels
//   lose their tags); kind = its `kind` attribute, else from its shape (cylinder: database,
//   box3d: compute, folder and tab: storage, cds: queue), else "service".
// - Every edge `a -> b` is a dependency "a needs b": soft if it has `type=soft` or a dashed or
//   dotted style, hard otherwise; `label` is its label. An edge with `lhead` or `ltail` naming
//   a cluster (compound=true) depends on, or is, that cluster's component.
// - Every cluster (a subgraph whose name starts with "cluster") is a component that hosts the
//   nodes and clusters inside it: id = the subgraph's name without "cluster" and one following
//   "_", "-" or "." ("cluster_use1" is "use1"); name from `name` or `label` as for nodes; kind
//   from its `kind` attribute, else "zone". Only attributes the cluster sets in its own body
//   count (Graphviz copies the enclosing graph's values into every subgraph).
// - The attributes owner, tier, require, business, cost_per_hour, availability, rto_minutes,
//   rpo_minutes, target_rto_minutes, target_rpo_minutes, description and tags (comma- or semicolon-separated) set those properties; attributes that
//   are not Graphviz's own drawing attributes are kept as extra keys (strings).
// - The map is named by the graph's `name` attribute, else its `label`, else the graph's name.
//
// All or nothing. Throws FormatError or ValidationError whose message starts with "FILE:LINE:"
// (a DOT syntax error, a property of the wrong type, a node in two sibling clusters, an edge
// listed twice, a loop, ...).
namespace dotimport {

Map read(const QByteArray &dot, const QString &source);
Map readFile(const QString &path);

// True for the attributes Graphviz itself draws with (color, shape, label, ...): the import
// ignores them and the export never writes a map's extra key under such a name.
bool isGraphvizAttribute(const QString &name);
// True for the attributes that set a component's properties (owner, tier, ...): the export
// writes the properties under these names, and never a map's extra key.
bool isComponentAttribute(const QString &name);

} // namespace dotimport
} // namespace faultline
