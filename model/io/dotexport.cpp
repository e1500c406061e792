#include "model/io/dotexport.h"

#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/dotimport.h"
#include "model/io/impactformat.h"
#include "model/io/jsonwriter.h"
#include "model/impact/statecolours.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace faultline::dotexport {

namespace {

bool isControl(char32_t u)
{
    return u < 0x20 || u == 0x7F || (u >= 0x80 && u < 0xA0);
}

QByteArray latin(const char *s)
{
    return QByteArray(s);
}

QByteArray number(double d)
{
    return JsonWriter::number(d);
}

// Graphviz's scanner refuses a quoted or HTML string longer than 16,384 bytes. Quoted strings
// are written in pieces joined by "+" (which DOT concatenates, so nothing is lost); the texts of
// HTML labels, which cannot be split, are shortened to what a drawing can show anyway.
constexpr qsizetype quotedPieceBytes = 8000;
constexpr qsizetype labelChars = 200;
constexpr qsizetype titleLineChars = 1000;
constexpr qsizetype tooltipChars = 1000;
// Clusters nested deeper than this are written without more indentation, so that the file
// grows linearly with the nesting (20,000 nested parents would take gigabytes of blanks).
constexpr int maxIndentDepth = 8;

QString shortened(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    qsizetype cut = maxChars - 1;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + u'\u2026';
}

// Breaks a long name at blanks so that boxes stay narrow; words are never split.
QString wrapped(const QString &text, int width = 26)
{
    QStringList lines;
    for (const QString &paragraph : text.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                lines.append(line);
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

class Writer
{
public:
    Writer(const Map &map, const Scenario &scenario, const ImpactResult &result,
        const Options &options)
        : m_map(map), m_scenario(scenario), m_result(result), m_options(options)
    {
        const int n = map.componentCount();
        m_children.resize(n);
        for (int i = 0; i < n; ++i) {
            const auto p = map.findComponent(map.components()[i].parent);
            if (p && p->value != i)
                m_children[p->value].push_back(i);
            else
                m_roots.push_back(i);
        }
        for (const QString &id : scenario.fail)
            m_failed.insert(id);
        for (const QString &id : scenario.degrade)
            m_impaired.insert(id);
    }

    QByteArray run()
    {
        header();
        std::vector<bool> written(std::size_t(m_map.componentCount()), false);
        for (int i : m_roots)
            tree(i, written);
        // A parent loop (in a map that was not validated) leaves components unwritten.
        for (int i = 0; i < m_map.componentCount(); ++i) {
            if (!written[std::size_t(i)])
                node(i, 1);
        }
        if (!m_map.dependencies().empty())
            m_out += '\n';
        for (const Dependency &d : m_map.dependencies())
            edge(d);
        m_out += "}\n";
        return m_out;
    }

private:
    palette::Look lookOf(int i) const
    {
        const Component &c = m_map.components()[i];
        const State s = i < m_result.size() ? m_result.state(ComponentIndex(i)) : State::Up;
        return palette::lookFor(s, m_failed.contains(c.id), m_impaired.contains(c.id));
    }

    bool hasScenario() const { return !m_scenario.fail.isEmpty() || !m_scenario.degrade.isEmpty(); }

    QByteArray indent(int depth) const
    {
        return QByteArray(4 * (std::min(depth, maxIndentDepth) + 1), ' ');
    }

    void header()
    {
        m_out += "// Faultline map. Render with: dot -Tsvg FILE.dot -o FILE.svg\n";
        if (m_options.positions && !m_map.positions().isEmpty())
            m_out += "// Positions of the canvas layout: neato -n2 -Tsvg FILE.dot -o FILE.svg\n";
        m_out +=
            "digraph " + quoted(m_map.name.isEmpty() ? QStringLiteral("map") : m_map.name) + " {\n";
        m_out += "    graph [name=" + quoted(m_map.name) + ", label=<" + title()
            + ">, labelloc=t, labeljust=l, fontname=\"DejaVu Sans\", fontsize=12, "
              "fontcolor=\""
            + latin(palette::clusterTitle) + "\", bgcolor=\"" + latin(palette::background)
            + "\", compound=true, newrank=true, rankdir=TB, nodesep=0.35, ranksep=0.55, "
              "pad=0.3];\n";
        m_out += "    node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", "
                 "fontsize=11, margin=\"0.16,0.09\"];\n";
        m_out += "    edge [color=\"" + latin(palette::edge)
            + "\", arrowsize=0.7, penwidth=1.2, fontname=\"DejaVu Sans\", fontsize=9, "
              "fontcolor=\""
            + latin(palette::mutedText) + "\"];\n\n";
    }

    QString namesOf(const QStringList &ids) const
    {
        QStringList names;
        for (const QString &id : ids) {
            const auto c = m_map.findComponent(id);
            names.append(c ? m_map.component(*c).displayName() : id);
        }
        return names.join(QStringLiteral(", "));
    }

    QByteArray title() const
    {
        QByteArray t = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\">";
        t += "<tr><td align=\"left\"><font point-size=\"18\"><b>"
            + htmlText(shortened(
                m_map.name.isEmpty() ? QStringLiteral("Untitled map") : m_map.name, labelChars))
            + "</b></font></td></tr>";
        if (!hasScenario() && m_scenario.name.isEmpty())
            return t + "</table>";
        QStringList what;
        if (!m_scenario.fail.isEmpty())
            what.append(QStringLiteral("fails ") + namesOf(m_scenario.fail));
        if (!m_scenario.degrade.isEmpty())
            what.append(QStringLiteral("impairs ") + namesOf(m_scenario.degrade));
        QString line = m_scenario.name.isEmpty() ? QStringLiteral("What if")
                                                 : QStringLiteral("Scenario ") + m_scenario.name;
        if (!what.isEmpty())
            line += QStringLiteral(": ") + what.join(QStringLiteral("; "));
        t += "<tr><td align=\"left\"><font point-size=\"12\" color=\"" + latin(palette::mutedText)
            + "\">" + htmlText(shortened(line, titleLineChars)) + "</font></td></tr>";
        const ImpactSummary &s = m_result.summary();
        t += "<tr><td align=\"left\"><font point-size=\"11\">"
            + htmlText(QStringLiteral("%1 down · %2 degraded · %3 at risk · cost $%4/h")
                           .arg(s.down)
                           .arg(s.degraded)
                           .arg(s.atRisk)
                           .arg(impactformat::formatMoney(s.costPerHour)))
            + "</font></td></tr>";
        t += "<tr><td align=\"left\">" + legend() + "</td></tr></table>";
        return t;
    }

    static QByteArray legend()
    {
        QByteArray t =
            "<table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"3\"><tr>";
        for (palette::Look look :
            {palette::Look::Failed, palette::Look::Down, palette::Look::Impaired,
                palette::Look::Degraded, palette::Look::AtRisk, palette::Look::Up}) {
            const palette::LookColours c = palette::colours(look);
            t += "<td bgcolor=\"" + latin(c.fill) + "\" color=\"" + latin(c.border)
                + "\"><font point-size=\"9\" color=\"" + latin(c.text) + "\"> " + latin(c.word)
                + " </font></td>";
        }
        return t + "</tr></table>";
    }

    // The label of a node or cluster: the name in bold, then kind and state.
    QByteArray label(int i, const char *textColour, const char *subColour) const
    {
        const Component &c = m_map.components()[i];
        QString sub = shortened(c.kind, labelChars);
        const palette::Look look = lookOf(i);
        if (look != palette::Look::Up)
            sub += (sub.isEmpty() ? QString() : QStringLiteral(" · "))
                + QString::fromLatin1(palette::colours(look).word);
        QByteArray out = "<<font color=\"" + latin(textColour) + "\"><b>"
            + htmlText(wrapped(shortened(c.displayName(), labelChars))) + "</b></font>";
        if (!sub.isEmpty())
            out += "<br/><font point-size=\"9\" color=\"" + latin(subColour) + "\">" + htmlText(sub)
                + "</font>";
        return out + ">";
    }

    QString tooltip(int i) const
    {
        const Component &c = m_map.components()[i];
        QString t = c.displayName();
        const palette::Look look = lookOf(i);
        if (look == palette::Look::Up)
            return shortened(t, tooltipChars);
        t += QStringLiteral(": ") + QString::fromLatin1(palette::colours(look).word);
        const ComponentIndex cause = m_result.cause(ComponentIndex(i));
        if (cause.isValid())
            t += QStringLiteral(" because of ") + m_map.component(cause).displayName();
        return shortened(t, tooltipChars);
    }

    // The component's properties as attributes, for dotimport to read back.
    QByteArray properties(const Component &c) const
    {
        QByteArray a;
        auto add = [&a](const char *key, const QByteArray &value) {
            a += QByteArray(", ") + key + '=' + value;
        };
        // Always written: without it, dotimport would take the drawn label for the name.
        add("name", quoted(c.displayName()));
        if (!c.kind.isEmpty())
            add("kind", quoted(c.kind));
        if (!c.owner.isEmpty())
            add("owner", quoted(c.owner));
        if (c.tier)
            add("tier", QByteArray::number(*c.tier));
        if (c.require)
            add("require", QByteArray::number(*c.require));
        if (c.business)
            add("business", *c.business ? "true" : "false");
        if (c.costPerHour)
            add("cost_per_hour", number(*c.costPerHour));
        if (c.availability)
            add("availability", number(*c.availability));
        if (c.rtoMinutes)
            add("rto_minutes", number(*c.rtoMinutes));
        if (c.rpoMinutes)
            add("rpo_minutes", number(*c.rpoMinutes));
        if (c.targetRtoMinutes)
            add("target_rto_minutes", number(*c.targetRtoMinutes));
        if (c.targetRpoMinutes)
            add("target_rpo_minutes", number(*c.targetRpoMinutes));
        if (!c.description.isEmpty())
            add("description", quoted(c.description));
        if (c.tags)
            add("tags", quoted(c.tags->join(QStringLiteral("; "))));
        a += extras(c.extra);
        return a;
    }

    static QByteArray extras(const QJsonObject &extra)
    {
        QByteArray a;
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            // Our own attributes, and an edge's type, say what the map's properties say.
            if (it.key().isEmpty() || dotimport::isGraphvizAttribute(it.key())
                || dotimport::isComponentAttribute(it.key()) || it.key() == QLatin1String("type"))
                continue;
            const QJsonValue v = it.value();
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isDouble())
                text = QString::fromLatin1(number(v.toDouble()));
            else if (v.isBool())
                text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (v.isArray())
                text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            else if (v.isObject())
                text =
                    QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            else
                continue;
            a += ", " + quoted(it.key()) + '=' + quoted(text);
        }
        return a;
    }

    QByteArray position(const Component &c) const
    {
        if (!m_options.positions || !m_map.positions().contains(c.id))
            return {};
        const QPointF p = m_map.positions().value(c.id);
        // Scene y grows downwards, Graphviz's upwards.
        return ", pos=\"" + number(p.x()) + ',' + number(-p.y()) + "!\"";
    }

    // Writes i and everything it hosts, depth first, with a stack of its own: parents may nest
    // as deep as the map likes.
    void tree(int root, std::vector<bool> &written)
    {
        struct Open
        {
            int component;
            int depth;
            std::size_t next; // index of the next child to write
        };
        std::vector<Open> stack;
        auto enter = [&](int i, int depth) {
            if (written[std::size_t(i)])
                return;
            written[std::size_t(i)] = true;
            if (m_children[i].empty()) {
                node(i, depth);
                return;
            }
            openCluster(i, depth);
            stack.push_back({i, depth, 0});
        };
        enter(root, 0);
        while (!stack.empty()) {
            Open &top = stack.back();
            const std::vector<int> &children = m_children[top.component];
            if (top.next < children.size()) {
                const int child = children[top.next++];
                const int depth = top.depth + 1;
                enter(child, depth); // may grow the stack: `top` is not used after this
            } else {
                m_out += indent(top.depth) + "}\n";
                stack.pop_back();
            }
        }
    }

    // The opening of a cluster and its own attributes; tree() writes its contents and closing.
    void openCluster(int i, int depth)
    {
        const Component &c = m_map.components()[i];
        const QByteArray in = indent(depth);
        const palette::Look look = lookOf(i);
        // A cluster covers a large area: a failed or impaired one is drawn with the light fill
        // of down or degraded and keeps its own dark outline, so its contents stay readable.
        palette::LookColours colours = palette::colours(look);
        if (look == palette::Look::Failed || look == palette::Look::Impaired) {
            const palette::LookColours light = palette::colours(
                look == palette::Look::Failed ? palette::Look::Down : palette::Look::Degraded);
            colours.fill = light.fill;
            colours.text = light.text;
        }
        const bool up = look == palette::Look::Up;
        m_out += in + "subgraph " + quoted(QStringLiteral("cluster_") + c.id) + " {\n";
        const QByteArray body = indent(depth + 1);
        m_out += body + "label="
            + label(i, up ? palette::clusterTitle : colours.text,
                up ? palette::mutedText : colours.text)
            + ";\n";
        m_out += body + "labeljust=l; style=\"rounded,filled" + (up ? "" : ",bold")
            + "\"; penwidth=" + number(up ? 1.0 : colours.penWidth) + ";\n";
        m_out += body + "fillcolor=\""
            + latin(up ? palette::clusterFill[std::min(depth, 2)] : colours.fill) + "\"; color=\""
            + latin(up ? palette::clusterBorder : colours.border)
            + "\"; tooltip=" + quoted(tooltip(i)) + ";\n";
        // The properties go in the cluster's own body, where dotimport looks for them.
        const QByteArray props = properties(c);
        if (!props.isEmpty())
            m_out += body + "graph [" + props.mid(2) + "];\n";
    }

    void node(int i, int depth)
    {
        const Component &c = m_map.components()[i];
        const palette::Look look = lookOf(i);
        const palette::LookColours colours = palette::colours(look);
        const bool dark = look == palette::Look::Failed || look == palette::Look::Impaired;
        m_out += indent(depth) + quoted(c.id)
            + " [label=" + label(i, colours.text, dark ? colours.text : palette::mutedText);
        m_out += ", fillcolor=\"" + latin(colours.fill) + "\", color=\"" + latin(colours.border)
            + "\", penwidth=" + number(colours.penWidth) + ", style=\"rounded,filled,"
            + latin(colours.dotStyle) + '"';
        if (c.isBusiness())
            m_out += ", peripheries=2";
        m_out += ", tooltip=" + quoted(tooltip(i)) + properties(c) + position(c) + "];\n";
    }

    // The first component without children under i: where an edge to a cluster is drawn.
    // Worked out once per component (walking down from each would be quadratic on deep
    // nesting); a parent loop, in a map that was not validated, stops the walk.
    int anchor(int i)
    {
        if (m_anchors.empty())
            m_anchors.assign(std::size_t(m_map.componentCount()), -1);
        std::vector<int> path;
        int at = i;
        while (m_anchors[std::size_t(at)] < 0 && !m_children[at].empty()
            && path.size() <= std::size_t(m_map.componentCount())) {
            path.push_back(at);
            at = m_children[at].front();
        }
        const int found = m_anchors[std::size_t(at)] >= 0 ? m_anchors[std::size_t(at)] : at;
        for (int p : path)
            m_anchors[std::size_t(p)] = found;
        m_anchors[std::size_t(at)] = found;
        return found;
    }

    void edge(const Dependency &d)
    {
        const auto from = m_map.findComponent(d.from);
        const auto to = m_map.findComponent(d.to);
        if (!from || !to)
            return;
        const int tail = anchor(from->value);
        const int head = anchor(to->value);
        m_out += "    " + quoted(m_map.components()[tail].id) + " -> "
            + quoted(m_map.components()[head].id) + " [";
        QByteArrayList attributes;
        if (!d.isHard())
            attributes.append("type=soft, style=dashed");
        if (!d.label.isEmpty())
            attributes.append("label=" + quoted(d.label));
        if (tail != from->value)
            attributes.append("ltail=" + quoted(QStringLiteral("cluster_") + d.from));
        if (head != to->value)
            attributes.append("lhead=" + quoted(QStringLiteral("cluster_") + d.to));
        // The dependency a state came through is drawn in that state's colour.
        if (m_result.cause(*from) == *to) {
            const palette::LookColours c = palette::colours(lookOf(from->value));
            attributes.append("color=\"" + latin(c.border) + "\", penwidth=2.4");
        }
        QByteArray extra = extras(d.extra);
        if (!extra.isEmpty())
            attributes.append(extra.mid(2));
        m_out += attributes.join(", ") + "];\n";
    }

    const Map &m_map;
    const Scenario &m_scenario;
    const ImpactResult &m_result;
    const Options &m_options;
    std::vector<std::vector<int>> m_children;
    std::vector<int> m_roots;
    QSet<QString> m_failed;
    QSet<QString> m_impaired;
    std::vector<int> m_anchors; // component -> its anchor(), -1 until known
    QByteArray m_out;
};

} // namespace

QByteArray quoted(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    qsizetype pieceStart = 0;
    for (const char32_t u : text.toUcs4()) {
        if (out.size() - pieceStart >= quotedPieceBytes) {
            out += "\" + \"";
            pieceStart = out.size();
        }
        if (u == '"')
            out += "\\\"";
        else if (u == '\\')
            out += "\\\\";
        else if (u == '\n')
            out += "\\n";
        else if (u != '\t' && (isControl(u) || u == 0xFFFE || u == 0xFFFF))
            out += ' ';
        else
            out += QString::fromUcs4(&u, 1).toUtf8();
    }
    out += '"';
    return out;
}

QByteArray htmlText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t u : text.toUcs4()) {
        switch (u) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case '\n':
            out += QStringLiteral("<br/>");
            break;
        case '\\': // Graphviz expands \N, \G, ... in HTML text too
            out += QStringLiteral("\\\\");
            break;
        default:
            if (isControl(u) || u == 0xFFFE || u == 0xFFFF)
                out += u' ';
            else
                out += QString::fromUcs4(&u, 1);
        }
    }
    return out.toUtf8();
}

QByteArray write(
    const Map &map, const Scenario &scenario, const ImpactResult &result, const Options &options)
{
    return Writer(map, scenario, result, options).run();
}

QByteArray write(const Map &map, const Scenario &scenario, const Options &options)
{
    const ImpactGraph graph(map);
    const ImpactResult result = evaluateImpact(graph, resolveScenario(map, scenario));
    return write(map, scenario, result, options);
}

} // namespace faultline::dotexport
