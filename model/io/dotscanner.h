#pragma once

#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QSet>
#include <QString>

namespace faultline::dot {

// What libcgraph does not keep about a DOT file: where each thing is written, and which
// attributes a subgraph sets itself (cgraph copies the enclosing graph's values into every
// subgraph, so a cluster cannot tell its own `label` from an inherited one).
//
// A best-effort scan that never fails: syntax errors are cgraph's to report. Names are decoded
// as cgraph decodes them (\" is a quote, a backslash before a line break joins the lines, "a" +
// "b" concatenates), so they can be looked up with cgraph's names.
struct SourceInfo
{
    QHash<QString, int> nodeLine; // node name -> 1-based line of its first mention
    QHash<QPair<QString, QString>, QList<int>> edgeLines; // (tail, head) -> edge op lines
    QHash<QString, int> subgraphLine; // subgraph name -> line of its first `subgraph` keyword
    QHash<QString, QSet<QString>> subgraphAttributes; // set in the subgraph's own body
    QSet<QString> rootAttributes; // set in the root graph's own body
    // What cgraph would crash on or quietly ignore; 0 when absent. The scan stops at the first
    // brace nested deeper than limits::maxDotNesting (cgraph and this scan recurse per level).
    int tooDeepLine = 0;
    int trailingLine = 0; // a token after the first graph's closing brace

    int lineOfNode(const QString &name) const { return nodeLine.value(name, 1); }
};

SourceInfo scan(const QByteArray &dot);

} // namespace faultline::dot
