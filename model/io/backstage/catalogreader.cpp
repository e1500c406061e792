#include "model/io/backstage/catalogreader.h"

#include "model/io/fileio.h"
#include "model/map/errors.h"

#include <QDir>
#include <QFileInfo>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

namespace faultline::backstage {

namespace {

QString text(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

QStringList texts(const YAML::Node &node)
{
    QStringList out;
    if (node && node.IsSequence()) {
        for (const YAML::Node &item : node)
            out.append(text(item));
    } else if (node && node.IsScalar()) {
        out.append(text(node));
    }
    return out;
}

// yaml-cpp 0.7's LoadAll never ends on a stray `,` at the top of a document (",x", "&a ,",
// "a: b\n---\n,"): the parser reports an empty document without taking the token, and LoadAll
// asks for the next one forever, allocating as it goes (found by fuzz_backstage: 9 bytes, 37 s
// and rising; yaml-cpp issue 1040, fixed upstream after 0.7). This walks the documents once
// with a handler that builds nothing and stops when a document starts where the one before
// started, which a parser that moves on never does (every document takes at least a `---`).
class StuckDocumentCheck : public YAML::EventHandler
{
public:
    static void check(const std::string &yaml, const QString &path)
    {
        std::istringstream in(yaml);
        YAML::Parser parser(in);
        StuckDocumentCheck handler;
        bool first = true;
        int previous = 0;
        while (parser.HandleNextDocument(handler)) {
            const YAML::Mark &m = handler.m_start;
            if (!first && m.pos == previous) {
                const QString token = m.pos >= 0 && std::size_t(m.pos) < yaml.size()
                    ? QString::fromUtf8(yaml.data() + m.pos, 1)
                    : QString();
                throw FormatError(QStringLiteral("%1:%2:%3: not valid YAML: unexpected '%4' "
                                                 "at the top of a document (a `,` separates "
                                                 "items only inside [ ] or { })")
                                      .arg(path)
                                      .arg(m.line + 1)
                                      .arg(m.column + 1)
                                      .arg(token));
            }
            previous = m.pos;
            first = false;
        }
    }

private:
    void OnDocumentStart(const YAML::Mark &mark) override { m_start = mark; }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
        const std::string &) override
    { }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
        YAML::EmitterStyle::value) override
    { }
    void OnSequenceEnd() override { }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
        YAML::EmitterStyle::value) override
    { }
    void OnMapEnd() override { }

    YAML::Mark m_start;
};

class Reader
{
public:
    Catalog catalog;

    void readFile(const QString &path, const QString &from)
    {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty())
            throw FormatError(from.isEmpty()
                    ? QStringLiteral("%1: no such file").arg(path)
                    : QStringLiteral("%1: the Location's target %2 does not exist").arg(from, path));
        if (m_chain.contains(canonical)) {
            QStringList loop = m_chainNames.mid(m_chain.indexOf(canonical));
            loop.append(path);
            throw FormatError(QStringLiteral("%1: the Location's target %2 leads back to a file "
                                             "being read (a loop: %3)")
                                  .arg(from, path, loop.join(QStringLiteral(" → "))));
        }
        if (m_done.contains(canonical))
            return; // named by two Locations: read once
        m_chain.append(canonical);
        m_chainNames.append(path);
        readDocuments(path, readWholeFile(path));
        m_chain.removeLast();
        m_chainNames.removeLast();
        m_done.append(canonical);
    }

private:
    void readDocuments(const QString &path, const QByteArray &bytes)
    {
        std::vector<YAML::Node> documents;
        try {
            const std::string yaml = bytes.toStdString();
            StuckDocumentCheck::check(yaml, path);
            documents = YAML::LoadAll(yaml);
        } catch (const YAML::Exception &e) {
            throw FormatError(QStringLiteral("%1:%2:%3: not valid YAML: %4")
                                  .arg(path)
                                  .arg(e.mark.line + 1)
                                  .arg(e.mark.column + 1)
                                  .arg(QString::fromStdString(e.msg)));
        }
        for (std::size_t d = 0; d < documents.size(); ++d) {
            const YAML::Node &doc = documents[d];
            if (!doc || doc.IsNull())
                continue;
            const int line = doc.Mark().line + 1;
            const QString where =
                QStringLiteral("%1:%2: document %3").arg(path).arg(line).arg(d + 1);
            if (!doc.IsMap())
                throw FormatError(QStringLiteral("%1: is not a mapping (an entity has apiVersion, "
                                                 "kind, metadata, spec)")
                                      .arg(where));
            const QString kind = text(doc["kind"]);
            if (kind.isEmpty())
                throw FormatError(QStringLiteral("%1: has no kind").arg(where));
            const YAML::Node metadata = doc["metadata"];
            const QString name = metadata && metadata.IsMap() ? text(metadata["name"]) : QString();
            if (name.isEmpty())
                throw FormatError(
                    QStringLiteral("%1 (%2): has no metadata.name").arg(where, kind));
            // yaml-cpp throws when a value has another shape than the one asked for (a
            // scalar `spec` subscripted, found by fuzz_backstage): that is the file's error.
            try {
                readEntity(doc, path, int(d + 1), line, kind, name);
            } catch (const YAML::Exception &e) {
                throw FormatError(QStringLiteral("%1:%2:%3: document %4 (%5 %6): unexpected "
                                                 "shape: %7")
                                      .arg(path)
                                      .arg(e.mark.is_null() ? line : e.mark.line + 1)
                                      .arg(e.mark.is_null() ? 1 : e.mark.column + 1)
                                      .arg(d + 1)
                                      .arg(kind, name, QString::fromStdString(e.msg)));
            }
        }
    }

    void readEntity(const YAML::Node &doc, const QString &path, int document, int line,
        const QString &kind, const QString &name)
    {
        const YAML::Node metadata = doc["metadata"];
        const YAML::Node spec = doc["spec"];
        const QString lower = kind.toLower();
        if (lower == QLatin1String("location")) {
            QStringList targets = texts(spec ? spec["targets"] : YAML::Node());
            if (spec && spec["target"])
                targets.prepend(text(spec["target"]));
            const QString from = QStringLiteral("%1:%2: Location %3").arg(path).arg(line).arg(name);
            for (const QString &target : targets) {
                if (target.contains(QLatin1String("://"))) {
                    catalog.warnings.append(
                        QStringLiteral("%1: target %2 is a URL; only files are followed").arg(from, target));
                    continue;
                }
                readFile(QFileInfo(path).dir().filePath(target), from);
            }
            return;
        }
        static const QStringList mapped = {QStringLiteral("component"),
            QStringLiteral("resource"), QStringLiteral("system"), QStringLiteral("api"),
            QStringLiteral("domain")};
        if (!mapped.contains(lower)) {
            if (lower != QLatin1String("group") && lower != QLatin1String("user")
                && lower != QLatin1String("template"))
                catalog.warnings.append(QStringLiteral("%1:%2: kind %3 (%4) is not mapped; left out")
                                            .arg(path)
                                            .arg(line)
                                            .arg(kind, name));
            return;
        }
        Entity e;
        e.file = path;
        e.document = document;
        e.line = line;
        e.kind = kind;
        e.name = name;
        const QString ns = text(metadata["namespace"]);
        e.ref = canonicalRef(ns.isEmpty() ? name : ns + u'/' + name, lower);
        e.title = text(metadata["title"]);
        e.description = text(metadata["description"]);
        e.tags = texts(metadata["tags"]);
        const YAML::Node annotations = metadata["annotations"];
        if (annotations && annotations.IsMap()) {
            for (const auto &a : annotations)
                e.annotations.insert(text(a.first), text(a.second));
        }
        if (spec && spec.IsMap()) {
            e.owner = text(spec["owner"]);
            e.type = text(spec["type"]);
            if (const QString s = text(spec["system"]); !s.isEmpty())
                e.system = canonicalRef(s, QStringLiteral("system"));
            if (const QString d = text(spec["domain"]); !d.isEmpty())
                e.domain = canonicalRef(d, QStringLiteral("domain"));
            for (const QString &r : texts(spec["dependsOn"]))
                e.dependsOn.append(canonicalRef(r, QStringLiteral("component")));
            for (const QString &r : texts(spec["consumesApis"]))
                e.consumesApis.append(canonicalRef(r, QStringLiteral("api")));
            for (const QString &r : texts(spec["providesApis"]))
                e.providesApis.append(canonicalRef(r, QStringLiteral("api")));
        }
        catalog.entities.push_back(std::move(e));
    }

    QStringList m_chain; // canonical paths of the files being read, outermost first
    QStringList m_chainNames; // the same as named, for messages
    QStringList m_done;
};

} // namespace

QString Entity::where() const
{
    return QStringLiteral("%1:%2: %3 %4").arg(file).arg(line).arg(kind, name);
}

QString canonicalRef(const QString &ref, const QString &defaultKind)
{
    QString kind = defaultKind;
    QString rest = ref.trimmed();
    const qsizetype colon = rest.indexOf(u':');
    if (colon > 0) {
        kind = rest.left(colon);
        rest = rest.mid(colon + 1);
    }
    if (!rest.contains(u'/'))
        rest.prepend(QStringLiteral("default/"));
    return (kind + u':' + rest).toLower();
}

Catalog readCatalog(const QString &path)
{
    Reader reader;
    reader.readFile(path, {});
    return std::move(reader.catalog);
}

} // namespace faultline::backstage
