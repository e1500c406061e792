#include "model/io/dotcgraph.h"

#include "model/layout/graphvizlock.h"
#include "model/map/errors.h"

#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>
#include <cgraph.h>
#include <memory>

// flex's yylex_destroy() for cgraph's scanner; see resetScanner().
extern "C" int aaglex_destroy(void) __attribute__((weak));

namespace faultline::dotimport {

namespace {

QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

// cgraph reports errors in pieces through this handler; the graphviz mutex guards it.
QByteArray &errorText()
{
    static QByteArray text;
    return text;
}

int captureError(char *message)
{
    errorText() += message;
    return 0;
}

Attributes attributesOf(Agraph_t *root, void *object, int kind, bool *htmlLabel)
{
    Attributes out;
    for (Agsym_t *sym = agnxtattr(root, kind, nullptr); sym; sym = agnxtattr(root, kind, sym)) {
        char *value = agxget(object, sym);
        if (!value || !*value)
            continue;
        const QString name = text(sym->name);
        out.insert(name, text(value));
        if (name == QLatin1String("label"))
            *htmlLabel = aghtmlstr(value) != 0;
    }
    return out;
}

void collectClusters(Agraph_t *root, Agraph_t *g, int parent, RawGraph &raw)
{
    for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
        const QString name = text(agnameof(sub));
        int next = parent;
        if (name.startsWith(QLatin1String("cluster"))) {
            RawCluster c;
            c.name = name;
            c.parent = parent;
            c.attributes = attributesOf(root, sub, AGRAPH, &c.htmlLabel);
            for (Agnode_t *n = agfstnode(sub); n; n = agnxtnode(sub, n))
                c.nodes.append(text(agnameof(n)));
            raw.clusters.push_back(std::move(c));
            next = int(raw.clusters.size()) - 1;
        }
        collectClusters(root, sub, next, raw);
    }
}

// "syntax error in line 3 near ';'" -> "FILE:3: DOT syntax error near ';'".
QString syntaxMessage(const QString &source)
{
    QString message = QString::fromUtf8(errorText()).trimmed();
    message.remove(QRegularExpression(QStringLiteral("^(Error|Warning)\\s*:?\\s*")));
    static const QRegularExpression lineRe(QStringLiteral("\\s*in line (\\d+)"));
    const QRegularExpressionMatch m = lineRe.match(message);
    QString line;
    if (m.hasMatch()) {
        line = m.captured(1);
        message.remove(m.capturedStart(), m.capturedLength());
    }
    message = message.simplified();
    if (message.isEmpty())
        message = QStringLiteral("no graph found (a DOT file starts with \"digraph {\")");
    else if (message.startsWith(QLatin1String("syntax error")))
        message = QStringLiteral("DOT ") + message;
    return line.isEmpty() ? QStringLiteral("%1:1: %2").arg(source, message)
                          : QStringLiteral("%1:%2: %3").arg(source, line, message);
}

// cgraph's scanner is one process-wide flex scanner that outlives agmemread(): a parse stops
// at the graph's closing brace and leaves the rest of that line in the scanner's buffer (and
// in its start condition, if a comment or string opens there), and the next parse lexes that
// first. A trailing newline made the next file's error lines one too high, a comment opened
// after the brace swallowed every later file, and a second graph on that line came back as
// the next file's graph. So every parse starts from a scanner in its initial state:
// aaglex_destroy() resets all of it. libcgraph exports it without declaring it, hence the weak
// declaration; where it is missing, agreadline(1) and the drain after each parse still keep
// line numbers right.
void resetScanner()
{
    if (aaglex_destroy)
        aaglex_destroy();
    agreadline(1);
}

// Reads whatever the scanner kept of the last input until it has nothing left.
void drainScanner()
{
    while (Agraph_t *rest = agmemread(""))
        agclose(rest);
}

} // namespace

RawGraph parseWithCgraph(const QByteArray &dot, const QString &source, int trailingLine)
{
    QMutexLocker lock(&graphviz::graphvizMutex());
    graphviz::NumericLocaleGuard locale;
    errorText().clear();
    const agusererrf previous = agseterrf(captureError);
    resetScanner();
    Agraph_t *g = agmemread(dot.constData());
    if (g) {
        const QByteArray kept = errorText();
        drainScanner();
        errorText() = kept;
    }
    agseterrf(previous);
    if (!g)
        throw FormatError(syntaxMessage(source));
    if (trailingLine > 0) {
        agclose(g);
        // Graphviz's dot rejects text after the graph, or draws a second graph: either way,
        // importing the first alone would quietly lose the rest.
        throw FormatError(QStringLiteral("%1:%2: DOT syntax error: text after the end of the "
                                         "graph (a file to import holds one graph)")
                              .arg(source)
                              .arg(trailingLine));
    }
    const std::unique_ptr<Agraph_t, int (*)(Agraph_t *)> closer(g, agclose);

    RawGraph raw;
    raw.root.name = text(agnameof(g));
    raw.root.attributes = attributesOf(g, g, AGRAPH, &raw.root.htmlLabel);
    std::vector<std::pair<int, RawEdge>> edges;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        RawObject node;
        node.name = text(agnameof(n));
        node.attributes = attributesOf(g, n, AGNODE, &node.htmlLabel);
        raw.nodes.push_back(std::move(node));
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            RawEdge edge;
            edge.tail = text(agnameof(agtail(e)));
            edge.head = text(agnameof(aghead(e)));
            edge.attributes = attributesOf(g, e, AGEDGE, &edge.htmlLabel);
            edges.emplace_back(int(AGSEQ(e)), std::move(edge));
        }
    }
    std::stable_sort(
        edges.begin(), edges.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &e : edges)
        raw.edges.push_back(std::move(e.second));
    collectClusters(g, g, -1, raw);
    return raw;
}

} // namespace faultline::dotimport
