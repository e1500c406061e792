#include "model/io/dotimport.h"

#include "model/io/dotcgraph.h"
#include "model/io/dotscanner.h"
#include "model/io/fileio.h"
#include "model/io/utf8check.h"
#include "model/map/errors.h"
#include "model/map/limits.h"
#include "model/map/validation.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace faultline::dotimport {

namespace {

// cgraph keeps the escapes of a quoted string; Graphviz shows "\\" as one backslash and "\n"
// as a line break. Other escapes stay as written.
QString unescaped(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'\\' && i + 1 < s.size() && (s[i + 1] == u'\\' || s[i + 1] == u'n')) {
            out += s[i + 1] == u'n' ? QChar(u'\n') : QChar(u'\\');
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// A plain label as Graphviz draws it: \n \l \r break lines, \N is the object's name, \G the
// graph's, any other \x is x.
QString plainLabel(const QString &label, const QString &objectName, const QString &graphName)
{
    QString out;
    for (qsizetype i = 0; i < label.size(); ++i) {
        const QChar c = label[i];
        if (c != u'\\' || i + 1 == label.size()) {
            out += c;
            continue;
        }
        const QChar n = label[++i];
        if (n == u'n' || n == u'l' || n == u'r')
            out += u'\n';
        else if (n == u'N')
            out += objectName;
        else if (n == u'G')
            out += graphName;
        else
            out += n;
    }
    return out.trimmed();
}

// The text of an HTML-like label: <br/> breaks lines, other tags go, entities are decoded.
QString htmlLabelText(const QString &html)
{
    static const QRegularExpression br(
        QStringLiteral("<br\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);"));
    QString s = html;
    s.replace(br, QStringLiteral("\n"));
    s.remove(tag);
    QString out;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(s); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += s.mid(last, m.capturedStart() - last);
        const QString e = m.captured(1);
        char32_t code = 0;
        if (e.startsWith(QLatin1String("#x")))
            code = e.mid(2).toUInt(nullptr, 16);
        else if (e.startsWith(u'#'))
            code = e.mid(1).toUInt();
        else if (e == QLatin1String("lt"))
            code = '<';
        else if (e == QLatin1String("gt"))
            code = '>';
        else if (e == QLatin1String("amp"))
            code = '&';
        else if (e == QLatin1String("quot"))
            code = '"';
        else if (e == QLatin1String("apos"))
            code = '\'';
        else if (e == QLatin1String("nbsp"))
            code = 0xA0;
        if (code > 0 && code <= 0x10FFFF)
            out += QString::fromUcs4(&code, 1);
        else
            out += m.captured();
        last = m.capturedEnd();
    }
    out += s.mid(last);
    QStringList lines = out.split(u'\n');
    for (QString &line : lines)
        line = line.simplified();
    return lines.join(u'\n').trimmed();
}

// Reads one node's or cluster's attributes, naming file, line and object in every error.
class ObjectReader
{
public:
    ObjectReader(const RawObject &o, QString where, QString what, const QString &graphName)
        : m_o(o), m_where(std::move(where)), m_what(std::move(what)), m_graphName(graphName)
    { }

    [[noreturn]] void fail(const QString &attribute, const QString &problem) const
    {
        throw FormatError(QStringLiteral("%1: %2, attribute \"%3\": %4")
                              .arg(m_where, m_what, attribute, problem));
    }

    QString value(const char *name) const
    {
        return unescaped(m_o.attributes.value(QString::fromLatin1(name))).trimmed();
    }

    QString name(const QString &id) const
    {
        if (const QString n = value("name"); !n.isEmpty())
            return n == id ? QString() : n;
        const QString label = m_o.attributes.value(QStringLiteral("label"));
        if (label.isEmpty() || label == QLatin1String("\\N"))
            return {};
        const QString shown =
            m_o.htmlLabel ? htmlLabelText(label) : plainLabel(label, m_o.name, m_graphName);
        return shown == id ? QString() : shown;
    }

    std::optional<double> number(const char *name) const
    {
        const QString v = value(name);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            fail(QLatin1String(name), QStringLiteral("\"%1\" is not a number").arg(v));
        return d;
    }

    std::optional<int> integer(const char *name) const
    {
        const auto d = number(name);
        if (!d)
            return std::nullopt;
        if (*d != std::trunc(*d) || std::fabs(*d) > 1e9)
            fail(QLatin1String(name),
                QStringLiteral("\"%1\" is not a whole number").arg(value(name)));
        return int(*d);
    }

    std::optional<bool> boolean(const char *name) const
    {
        const QString v = value(name).toLower();
        if (v.isEmpty())
            return std::nullopt;
        if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
            return true;
        if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0"))
            return false;
        fail(QLatin1String(name), QStringLiteral("\"%1\" is not true or false").arg(value(name)));
    }

    Component component(const QString &id, const QString &defaultKind) const
    {
        Component c;
        c.id = id;
        c.name = name(id);
        c.kind = value("kind");
        if (c.kind.isEmpty())
            c.kind = defaultKind;
        c.owner = value("owner");
        c.tier = integer("tier");
        c.require = integer("require");
        c.business = boolean("business");
        c.costPerHour = number("cost_per_hour");
        c.availability = number("availability");
        c.rtoMinutes = number("rto_minutes");
        c.rpoMinutes = number("rpo_minutes");
        c.targetRtoMinutes = number("target_rto_minutes");
        c.targetRpoMinutes = number("target_rpo_minutes");
        c.description = value("description");
        if (const QString tags = value("tags"); !tags.isEmpty()) {
            QStringList list;
            for (const QString &t : tags.split(QRegularExpression(QStringLiteral("[,;]")))) {
                if (!t.trimmed().isEmpty())
                    list.append(t.trimmed());
            }
            c.tags = list;
        }
        for (auto it = m_o.attributes.begin(); it != m_o.attributes.end(); ++it) {
            if (!isGraphvizAttribute(it.key()) && !isComponentAttribute(it.key()))
                c.extra.insert(it.key(), unescaped(it.value()));
        }
        return c;
    }

private:
    const RawObject &m_o;
    QString m_where;
    QString m_what;
    const QString &m_graphName;
};

QString kindFromShape(const QString &shape)
{
    static const QHash<QString, QString> kinds = {
        {QStringLiteral("cylinder"), QStringLiteral("database")},
        {QStringLiteral("box3d"), QStringLiteral("compute")},
        {QStringLiteral("folder"), QStringLiteral("storage")},
        {QStringLiteral("tab"), QStringLiteral("storage")},
        {QStringLiteral("cds"), QStringLiteral("queue")},
    };
    return kinds.value(shape.toLower(), QStringLiteral("service"));
}

QString clusterId(const QString &subgraphName)
{
    QString id = subgraphName.mid(int(qstrlen("cluster")));
    if (!id.isEmpty() && (id.front() == u'_' || id.front() == u'-' || id.front() == u'.'))
        id.remove(0, 1);
    return id.isEmpty() ? subgraphName : unescaped(id);
}

class Builder
{
public:
    Builder(const RawGraph &raw, const dot::SourceInfo &info, const QString &source)
        : m_raw(raw), m_info(info), m_source(source)
    { }

    Map build()
    {
        m_graphName = m_raw.root.name.startsWith(u'%') ? QString() : m_raw.root.name;
        Map map;
        map.name = mapName();
        addClusters();
        addNodes();
        std::stable_sort(m_items.begin(), m_items.end(),
            [](const Item &a, const Item &b) { return a.line < b.line; });
        for (const Item &item : m_items)
            map.addComponent(item.component);
        checkComponents(map);
        addEdges(map);
        if (const auto message = validationError(map))
            throw ValidationError(QStringLiteral("%1: %2").arg(m_source, *message));
        return map;
    }

private:
    struct Item
    {
        Component component;
        int line;
    };

    QString where(int line) const { return QStringLiteral("%1:%2").arg(m_source).arg(line); }

    QString mapName() const
    {
        ObjectReader root(m_raw.root, where(1), QStringLiteral("graph"), m_graphName);
        QString name = root.value("name");
        if (name.isEmpty())
            name = root.name(QString());
        return name.isEmpty() ? m_graphName : name;
    }

    void addClusters()
    {
        for (const RawCluster &c : m_raw.clusters) {
            // Only what the cluster sets in its own body: the rest is inherited.
            RawCluster own = c;
            const QSet<QString> set = m_info.subgraphAttributes.value(c.name);
            for (auto it = own.attributes.begin(); it != own.attributes.end();) {
                it = set.contains(it.key()) ? std::next(it) : own.attributes.erase(it);
            }
            const int line = m_info.subgraphLine.value(c.name, 1);
            const QString id = clusterId(c.name);
            ObjectReader r(
                own, where(line), QStringLiteral("cluster \"%1\"").arg(c.name), m_graphName);
            Component component = r.component(id, QStringLiteral("zone"));
            if (c.parent >= 0)
                component.parent = clusterId(m_raw.clusters[c.parent].name);
            m_clusterIds.insert(c.name, id);
            m_componentLines.insert(id, line);
            m_items.push_back({component, line});
        }
    }

    bool isAncestor(int ancestor, int cluster) const
    {
        for (int c = cluster; c >= 0; c = m_raw.clusters[c].parent) {
            if (c == ancestor)
                return true;
        }
        return false;
    }

    void addNodes()
    {
        // Innermost cluster of each node; clusters come in preorder, parents first.
        QHash<QString, int> clusterOf;
        for (int i = 0; i < int(m_raw.clusters.size()); ++i) {
            for (const QString &node : m_raw.clusters[i].nodes) {
                const int before = clusterOf.value(node, -1);
                if (before >= 0 && !isAncestor(before, i))
                    throw ValidationError(
                        QStringLiteral("%1: node \"%2\" is in two clusters, \"%3\" and \"%4\"; "
                                       "a component has one parent")
                            .arg(where(m_info.lineOfNode(node)), node, m_raw.clusters[before].name,
                                m_raw.clusters[i].name));
                clusterOf.insert(node, i);
            }
        }
        for (const RawObject &n : m_raw.nodes) {
            const int line = m_info.lineOfNode(n.name);
            ObjectReader r(n, where(line), QStringLiteral("node \"%1\"").arg(n.name), m_graphName);
            Component c = r.component(
                unescaped(n.name), kindFromShape(n.attributes.value(QStringLiteral("shape"))));
            if (const int cluster = clusterOf.value(n.name, -1); cluster >= 0)
                c.parent = clusterId(m_raw.clusters[cluster].name);
            if (m_componentLines.contains(c.id))
                throw ValidationError(
                    QStringLiteral("%1: node \"%2\" has the id of cluster \"%3\" (line %4); "
                                   "rename one of them")
                        .arg(where(line), n.name, m_clusterIds.key(c.id))
                        .arg(m_componentLines.value(c.id)));
            m_componentLines.insert(c.id, line);
            m_items.push_back({c, line});
        }
    }

    void checkComponents(const Map &map) const
    {
        QSet<QString> seen;
        for (const Component &c : map.components()) {
            const QString at = where(m_componentLines.value(c.id, 1));
            if (seen.contains(c.id))
                throw ValidationError(QStringLiteral("%1: duplicate id \"%2\"").arg(at, c.id));
            seen.insert(c.id);
            if (c.availability && !(*c.availability >= 0.0 && *c.availability <= 1.0))
                throw ValidationError(QStringLiteral("%1: %2: availability %3 is not between 0 "
                                                     "and 1")
                                          .arg(at, describeComponent(c.id))
                                          .arg(*c.availability));
            for (const auto &[key, value] : {std::pair("cost_per_hour", c.costPerHour),
                     std::pair("rto_minutes", c.rtoMinutes),
                     std::pair("rpo_minutes", c.rpoMinutes),
                     std::pair("target_rto_minutes", c.targetRtoMinutes),
                     std::pair("target_rpo_minutes", c.targetRpoMinutes)}) {
                if (value && *value < 0)
                    throw ValidationError(
                        QStringLiteral("%1: %2: %3 is negative")
                            .arg(at, describeComponent(c.id), QLatin1String(key)));
            }
        }
    }

    // An lhead/ltail naming a known cluster stands for that cluster's component.
    QString endpoint(const RawEdge &e, const char *clusterAttribute, const QString &node) const
    {
        const QString cluster = e.attributes.value(QString::fromLatin1(clusterAttribute));
        if (!cluster.isEmpty() && m_clusterIds.contains(cluster))
            return m_clusterIds.value(cluster);
        return unescaped(node);
    }

    void addEdges(Map &map) const
    {
        QHash<QPair<QString, QString>, int> firstLine;
        QHash<QPair<QString, QString>, int> seen; // edges between the same two nodes so far
        QHash<QString, int> hard;
        for (const RawEdge &e : m_raw.edges) {
            // The n-th edge between two nodes is the n-th one written between them.
            const QList<int> lines = m_info.edgeLines.value(qMakePair(e.tail, e.head));
            const int n = seen[qMakePair(e.tail, e.head)]++;
            const int line = n < lines.size() ? lines[n] : m_info.lineOfNode(e.tail);
            const QString at = where(line);
            Dependency d;
            d.from = endpoint(e, "ltail", e.tail);
            d.to = endpoint(e, "lhead", e.head);
            const QString type = e.attributes.value(QStringLiteral("type")).trimmed().toLower();
            const QString style = e.attributes.value(QStringLiteral("style")).toLower();
            if (type == QLatin1String("soft"))
                d.type = DependencyType::Soft;
            else if (type == QLatin1String("hard"))
                d.type = DependencyType::Hard;
            else if (!type.isEmpty())
                throw FormatError(QStringLiteral("%1: edge \"%2\" -> \"%3\", attribute \"type\": "
                                                 "\"%4\" is not hard or soft")
                                      .arg(at, e.tail, e.head, type));
            else if (style.contains(QLatin1String("dashed"))
                || style.contains(QLatin1String("dotted")))
                d.type = DependencyType::Soft;
            const QString label = e.attributes.value(QStringLiteral("label"));
            d.label =
                e.htmlLabel ? htmlLabelText(label) : plainLabel(label, QString(), m_graphName);
            for (auto it = e.attributes.begin(); it != e.attributes.end(); ++it) {
                if (!isGraphvizAttribute(it.key()) && it.key() != QLatin1String("type"))
                    d.extra.insert(it.key(), unescaped(it.value()));
            }
            if (d.from == d.to)
                throw ValidationError(
                    QStringLiteral("%1: \"%2\" cannot depend on itself").arg(at, d.from));
            const auto ends = qMakePair(d.from, d.to);
            if (firstLine.contains(ends))
                throw ValidationError(QStringLiteral("%1: the edge \"%2\" -> \"%3\" is there "
                                                     "twice (first on line %4)")
                                          .arg(at, d.from, d.to)
                                          .arg(firstLine.value(ends)));
            firstLine.insert(ends, line);
            if (d.isHard())
                ++hard[d.from];
            map.addDependency(d);
        }
        for (const Component &c : map.components()) {
            if (c.require && *c.require > hard.value(c.id))
                throw ValidationError(
                    QStringLiteral("%1: %2: require %3 is more than its %4 hard dependencies")
                        .arg(where(m_componentLines.value(c.id, 1)), describeComponent(c.id))
                        .arg(*c.require)
                        .arg(hard.value(c.id)));
        }
    }

    const RawGraph &m_raw;
    const dot::SourceInfo &m_info;
    const QString &m_source;
    QString m_graphName;
    std::vector<Item> m_items;
    QHash<QString, QString> m_clusterIds; // subgraph name -> component id
    QHash<QString, int> m_componentLines;
};

} // namespace

Map read(const QByteArray &dot, const QString &source)
{
    if (dot.contains('\0'))
        throw FormatError(
            QStringLiteral("%1:1: not a DOT text file (it holds NUL bytes)").arg(source));
    if (const int line = firstBadUtf8Line(dot))
        throw FormatError(QStringLiteral("%1:%2: the file is not UTF-8 text (Faultline reads DOT "
                                         "files in UTF-8; convert it with iconv)")
                              .arg(source)
                              .arg(line));
    const dot::SourceInfo info = dot::scan(dot);
    if (info.tooDeepLine > 0)
        throw FormatError(QStringLiteral("%1:%2: subgraphs nested deeper than %3 levels")
                              .arg(source)
                              .arg(info.tooDeepLine)
                              .arg(limits::maxDotNesting));
    const RawGraph raw = parseWithCgraph(dot, source, info.trailingLine);
    return Builder(raw, info, source).build();
}

Map readFile(const QString &path)
{
    return read(readWholeFile(path), path);
}

bool isComponentAttribute(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("name"),
        QStringLiteral("kind"),
        QStringLiteral("owner"),
        QStringLiteral("tier"),
        QStringLiteral("require"),
        QStringLiteral("business"),
        QStringLiteral("cost_per_hour"),
        QStringLiteral("availability"),
        QStringLiteral("rto_minutes"),
        QStringLiteral("rpo_minutes"),
        QStringLiteral("target_rto_minutes"),
        QStringLiteral("target_rpo_minutes"),
        QStringLiteral("description"),
        QStringLiteral("tags"),
    };
    return names.contains(name);
}

} // namespace faultline::dotimport
