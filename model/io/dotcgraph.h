#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

// The DOT import's first half: cgraph parses the text, under the process-wide Graphviz lock,
// and the nodes, clusters and edges come out as plain values, so that the graph is closed at
// once and the mapping to components (dotimport.cpp) never touches cgraph.
namespace faultline::dotimport {

using Attributes = QHash<QString, QString>;

// What the import needs from cgraph, copied out so that the graph can be closed at once.
struct RawObject
{
    QString name;
    Attributes attributes; // non-empty values only
    bool htmlLabel = false;
};

struct RawCluster : RawObject
{
    int parent = -1; // enclosing cluster, index into RawGraph::clusters
    QStringList nodes; // every node inside, nested clusters included
};

struct RawEdge
{
    QString tail;
    QString head;
    Attributes attributes;
    bool htmlLabel = false;
};

struct RawGraph
{
    RawObject root;
    std::vector<RawObject> nodes;
    std::vector<RawCluster> clusters; // in preorder: a cluster comes after its parent
    std::vector<RawEdge> edges; // in the order they were written
};

// Parses `dot` with cgraph. Throws FormatError naming `source` and the line on a syntax error,
// and when `trailingLine` (dot::scan()'s line of text after the graph) is set.
RawGraph parseWithCgraph(const QByteArray &dot, const QString &source, int trailingLine);

} // namespace faultline::dotimport
