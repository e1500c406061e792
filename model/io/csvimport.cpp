#include "model/io/csvimport.h"

#include "model/io/csvreader.h"
#include "model/io/fileio.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace faultline::csvimport {

namespace {

const QStringList componentColumns = {
    QStringLiteral("id"),
    QStringLiteral("name"),
    QStringLiteral("kind"),
    QStringLiteral("parent"),
    QStringLiteral("require"),
    QStringLiteral("owner"),
    QStringLiteral("tier"),
    QStringLiteral("business"),
    QStringLiteral("cost_per_hour"),
    QStringLiteral("rto_minutes"),
    QStringLiteral("rpo_minutes"),
    QStringLiteral("target_rto_minutes"),
    QStringLiteral("target_rpo_minutes"),
    QStringLiteral("availability"),
    QStringLiteral("tags"),
    QStringLiteral("description"),
};
const QStringList dependencyColumns = {
    QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("type"), QStringLiteral("label")};

// "Cost per hour", "cost-per-hour" and "COST_PER_HOUR" all name cost_per_hour.
QString normalized(const QString &header)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\\-_]+"));
    return header.trimmed().toLower().replace(separators, QStringLiteral("_"));
}

// One parsed file: its header and its rows, with the known columns located.
struct Table
{
    QString source;
    QStringList headers; // as written, trimmed
    QHash<QString, int> known; // normalized known name -> column
    std::vector<csv::Record> rows;

    QString where(int line) const { return QStringLiteral("%1:%2").arg(source).arg(line); }
};

Table readTable(const QByteArray &data, const QString &source, const QStringList &knownColumns,
    const QStringList &required)
{
    Table t;
    t.source = source;
    std::vector<csv::Record> records = csv::parse(data, source);
    if (records.empty() || records.front().isBlank())
        throw FormatError(QStringLiteral("%1:1: the first line must be a header row naming the "
                                         "columns (%2, ...)")
                              .arg(source, required.join(QStringLiteral(", "))));
    const csv::Record &header = records.front();
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields[i].trimmed();
        t.headers.append(name);
        if (name.isEmpty())
            continue;
        for (int j = 0; j < i; ++j) {
            if (normalized(t.headers[j]) == normalized(name))
                throw FormatError(QStringLiteral("%1: column \"%2\" appears twice in the header")
                                      .arg(t.where(header.line), name));
        }
        const QString key = normalized(name);
        if (knownColumns.contains(key))
            t.known.insert(key, i);
    }
    for (const QString &column : required) {
        if (!t.known.contains(column))
            throw FormatError(
                QStringLiteral("%1: the header has no \"%2\" column (it has: %3)")
                    .arg(t.where(header.line), column, t.headers.join(QStringLiteral(", "))));
    }
    for (std::size_t i = 1; i < records.size(); ++i) {
        csv::Record &r = records[i];
        if (r.isBlank())
            continue;
        if (r.fields.size() != t.headers.size())
            throw FormatError(QStringLiteral("%1: this row has %2 fields but the header has %3 "
                                             "columns")
                                  .arg(t.where(r.line))
                                  .arg(r.fields.size())
                                  .arg(t.headers.size()));
        t.rows.push_back(std::move(r));
    }
    return t;
}

// Reads the typed cells of one row, naming file, line and column in every error.
class RowReader
{
public:
    RowReader(const Table &table, const csv::Record &row) : m_table(table), m_row(row) { }

    int line() const { return m_row.line; }
    QString where() const { return m_table.where(m_row.line); }

    [[noreturn]] void fail(const QString &column, const QString &what) const
    {
        throw FormatError(QStringLiteral("%1: column \"%2\": %3").arg(where(), column, what));
    }

    QString text(const QString &column) const
    {
        const int i = m_table.known.value(column, -1);
        return i < 0 ? QString() : m_row.fields[i].trimmed();
    }

    std::optional<double> number(const QString &column, bool percentAllowed = false) const
    {
        QString cell = text(column);
        if (cell.isEmpty())
            return std::nullopt;
        double scale = 1.0;
        if (percentAllowed && cell.endsWith(u'%')) {
            cell.chop(1);
            scale = 0.01;
        }
        bool ok = false;
        const double value = cell.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value))
            fail(column,
                QStringLiteral("\"%1\" is not a number (write plain digits with a "
                               "decimal point, such as 50000 or 0.9995)")
                    .arg(text(column)));
        return value * scale;
    }

    std::optional<int> integer(const QString &column) const
    {
        const auto value = number(column);
        if (!value)
            return std::nullopt;
        if (*value != std::trunc(*value) || std::fabs(*value) > 1e9)
            fail(column, QStringLiteral("\"%1\" is not a whole number").arg(text(column)));
        return int(*value);
    }

    std::optional<bool> boolean(const QString &column) const
    {
        const QString cell = text(column).toLower();
        if (cell.isEmpty())
            return std::nullopt;
        static const QStringList yes = {QStringLiteral("true"), QStringLiteral("yes"),
            QStringLiteral("y"), QStringLiteral("1")};
        static const QStringList no = {QStringLiteral("false"), QStringLiteral("no"),
            QStringLiteral("n"), QStringLiteral("0")};
        if (yes.contains(cell))
            return true;
        if (no.contains(cell))
            return false;
        fail(column,
            QStringLiteral("\"%1\" is not true or false (write true, false, yes or no)")
                .arg(text(column)));
    }

    std::optional<QStringList> list(const QString &column) const
    {
        const QString cell = text(column);
        if (cell.isEmpty())
            return std::nullopt;
        static const QRegularExpression separators(QStringLiteral("[;,\\n]"));
        QStringList out;
        for (const QString &item : cell.split(separators)) {
            if (!item.trimmed().isEmpty())
                out.append(item.trimmed());
        }
        return out;
    }

    // The cells of columns this version does not know, under their header text.
    QJsonObject unknownColumns() const
    {
        QJsonObject extra;
        for (int i = 0; i < m_table.headers.size(); ++i) {
            const QString &header = m_table.headers[i];
            const QString cell = m_row.fields[i].trimmed();
            if (cell.isEmpty())
                continue;
            if (header.isEmpty())
                throw FormatError(QStringLiteral("%1: the cell in column %2 has a value but the "
                                                 "column has no name in the header")
                                      .arg(where())
                                      .arg(i + 1));
            if (!m_table.known.contains(normalized(header)))
                extra.insert(header, cell);
        }
        return extra;
    }

private:
    const Table &m_table;
    const csv::Record &m_row;
};

Component readComponent(const RowReader &r)
{
    Component c;
    c.id = r.text(QStringLiteral("id"));
    if (c.id.isEmpty())
        r.fail(QStringLiteral("id"), QStringLiteral("every component needs an id"));
    c.name = r.text(QStringLiteral("name"));
    c.kind = r.text(QStringLiteral("kind"));
    c.parent = r.text(QStringLiteral("parent"));
    c.require = r.integer(QStringLiteral("require"));
    c.owner = r.text(QStringLiteral("owner"));
    c.tier = r.integer(QStringLiteral("tier"));
    c.business = r.boolean(QStringLiteral("business"));
    c.costPerHour = r.number(QStringLiteral("cost_per_hour"));
    c.rtoMinutes = r.number(QStringLiteral("rto_minutes"));
    c.rpoMinutes = r.number(QStringLiteral("rpo_minutes"));
    c.targetRtoMinutes = r.number(QStringLiteral("target_rto_minutes"));
    c.targetRpoMinutes = r.number(QStringLiteral("target_rpo_minutes"));
    c.availability = r.number(QStringLiteral("availability"), true);
    c.tags = r.list(QStringLiteral("tags"));
    c.description = r.text(QStringLiteral("description"));
    c.extra = r.unknownColumns();

    if (c.availability && !(*c.availability >= 0.0 && *c.availability <= 1.0))
        r.fail(QStringLiteral("availability"),
            QStringLiteral("%1 is not between 0 and 1 (or 0%-100%)")
                .arg(r.text(QStringLiteral("availability"))));
    for (const auto &[column, value] : {std::pair(QStringLiteral("cost_per_hour"), c.costPerHour),
             std::pair(QStringLiteral("rto_minutes"), c.rtoMinutes),
             std::pair(QStringLiteral("rpo_minutes"), c.rpoMinutes),
             std::pair(QStringLiteral("target_rto_minutes"), c.targetRtoMinutes),
             std::pair(QStringLiteral("target_rpo_minutes"), c.targetRpoMinutes)}) {
        if (value && *value < 0)
            r.fail(column, QStringLiteral("must not be negative"));
    }
    if (c.require && *c.require < 0)
        r.fail(QStringLiteral("require"), QStringLiteral("must not be negative"));
    return c;
}

Dependency readDependency(const RowReader &r)
{
    Dependency d;
    d.from = r.text(QStringLiteral("from"));
    d.to = r.text(QStringLiteral("to"));
    if (d.from.isEmpty())
        r.fail(QStringLiteral("from"), QStringLiteral("every dependency needs a \"from\" id"));
    if (d.to.isEmpty())
        r.fail(QStringLiteral("to"), QStringLiteral("every dependency needs a \"to\" id"));
    const QString type = r.text(QStringLiteral("type")).toLower();
    if (type == QLatin1String("soft"))
        d.type = DependencyType::Soft;
    else if (type.isEmpty() || type == QLatin1String("hard"))
        d.type = DependencyType::Hard;
    else
        r.fail(QStringLiteral("type"),
            QStringLiteral("\"%1\" is not hard or soft").arg(r.text(QStringLiteral("type"))));
    d.label = r.text(QStringLiteral("label"));
    d.extra = r.unknownColumns();
    return d;
}

[[noreturn]] void invalid(const QString &where, const QString &what)
{
    throw ValidationError(QStringLiteral("%1: %2").arg(where, what));
}

// The rules of validate(), checked here first so that each message names the line.
// For each component, whether following its parents ever comes back to a component already
// passed (the component's own chain loops, or leads into a loop). Each component is walked
// once: asking wouldCreateParentLoop() of every one was quadratic on a deep chain (20,000
// levels: 101 s).
std::vector<bool> reachesParentLoop(const Map &map)
{
    enum Mark : char { Unseen, OnPath, Clear, Loops };
    const int n = map.componentCount();
    std::vector<char> mark(std::size_t(n), Unseen);
    std::vector<int> path;
    for (int start = 0; start < n; ++start) {
        path.clear();
        int at = start;
        char outcome = Clear;
        while (at >= 0) {
            if (mark[std::size_t(at)] == OnPath) {
                outcome = Loops;
                break;
            }
            if (mark[std::size_t(at)] != Unseen) {
                outcome = mark[std::size_t(at)];
                break;
            }
            mark[std::size_t(at)] = OnPath;
            path.push_back(at);
            const QString &parent = map.components()[at].parent;
            const auto p = parent.isEmpty() ? std::nullopt : map.findComponent(parent);
            at = p ? p->value : -1;
        }
        for (int i : path)
            mark[std::size_t(i)] = outcome;
    }
    std::vector<bool> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        out[std::size_t(i)] = mark[std::size_t(i)] == Loops;
    return out;
}

void checkComponents(const Map &map, const Table &t, const std::vector<int> &lines)
{
    QHash<QString, int> firstLine;
    for (int i = 0; i < map.componentCount(); ++i) {
        const Component &c = map.components()[i];
        if (firstLine.contains(c.id))
            invalid(t.where(lines[i]),
                QStringLiteral("duplicate id \"%1\" (first on line %2)")
                    .arg(c.id)
                    .arg(firstLine.value(c.id)));
        firstLine.insert(c.id, lines[i]);
    }
    const std::vector<bool> loops = reachesParentLoop(map);
    for (int i = 0; i < map.componentCount(); ++i) {
        const Component &c = map.components()[i];
        if (c.parent.isEmpty())
            continue;
        if (c.parent == c.id)
            invalid(t.where(lines[i]),
                QStringLiteral("column \"parent\": \"%1\" cannot be its own parent").arg(c.id));
        if (!map.findComponent(c.parent))
            invalid(t.where(lines[i]),
                QStringLiteral("column \"parent\": \"%1\" is not the id of a component in %2")
                    .arg(c.parent, t.source));
        if (loops[std::size_t(i)])
            invalid(t.where(lines[i]),
                QStringLiteral("column \"parent\": the parents of \"%1\" loop back to it")
                    .arg(c.id));
    }
}

void checkDependencies(const Map &map, const Table &components,
    const std::vector<int> &componentLines, const Table &t, const std::vector<int> &lines)
{
    QHash<QPair<QString, QString>, int> firstLine;
    QHash<QString, int> hard;
    for (int i = 0; i < map.dependencyCount(); ++i) {
        const Dependency &d = map.dependencies()[i];
        for (const auto &[column, id] :
            {std::pair(QStringLiteral("from"), d.from), std::pair(QStringLiteral("to"), d.to)}) {
            if (!map.findComponent(id))
                invalid(t.where(lines[i]),
                    QStringLiteral("column \"%1\": \"%2\" is not the id of a component in %3")
                        .arg(column, id, components.source));
        }
        if (d.from == d.to)
            invalid(
                t.where(lines[i]), QStringLiteral("\"%1\" cannot depend on itself").arg(d.from));
        const auto ends = qMakePair(d.from, d.to);
        if (firstLine.contains(ends))
            invalid(t.where(lines[i]),
                QStringLiteral("\"%1\" -> \"%2\" is listed twice (first on line %3)")
                    .arg(d.from, d.to)
                    .arg(firstLine.value(ends)));
        firstLine.insert(ends, lines[i]);
        if (d.isHard())
            ++hard[d.from];
    }
    for (int i = 0; i < map.componentCount(); ++i) {
        const Component &c = map.components()[i];
        if (c.require && *c.require > hard.value(c.id))
            invalid(components.where(componentLines[i]),
                QStringLiteral("column \"require\": %1 is more than the %2 hard dependencies "
                               "of \"%3\"")
                    .arg(*c.require)
                    .arg(hard.value(c.id))
                    .arg(c.id));
    }
}

QString mapNameFor(const QString &componentsPath)
{
    QString name = QFileInfo(componentsPath).completeBaseName();
    name.remove(QStringLiteral("components"), Qt::CaseInsensitive);
    static const QRegularExpression edges(QStringLiteral("^[\\s._-]+|[\\s._-]+$"));
    return name.remove(edges);
}

bool isDependencyFile(const QByteArray &data, const QString &source)
{
    const std::vector<csv::Record> records = csv::parse(data, source);
    if (records.empty())
        return false;
    for (const QString &header : records.front().fields) {
        if (normalized(header) == QLatin1String("from"))
            return true;
    }
    return false;
}

} // namespace

Map read(const QByteArray &components, const QString &componentsSource,
    const QByteArray &dependencies, const QString &dependenciesSource)
{
    const Table ct =
        readTable(components, componentsSource, componentColumns, {QStringLiteral("id")});
    Map map;
    std::vector<int> componentLines;
    for (const csv::Record &row : ct.rows) {
        map.addComponent(readComponent(RowReader(ct, row)));
        componentLines.push_back(row.line);
    }
    checkComponents(map, ct, componentLines);

    Table dt;
    dt.source = dependenciesSource;
    std::vector<int> dependencyLines;
    if (!dependenciesSource.isEmpty() || !dependencies.isEmpty()) {
        dt = readTable(dependencies, dependenciesSource, dependencyColumns,
            {QStringLiteral("from"), QStringLiteral("to")});
        for (const csv::Record &row : dt.rows) {
            map.addDependency(readDependency(RowReader(dt, row)));
            dependencyLines.push_back(row.line);
        }
    }
    checkDependencies(map, ct, componentLines, dt, dependencyLines);

    if (const auto message = validationError(map))
        throw ValidationError(QStringLiteral("%1: %2").arg(componentsSource, *message));
    return map;
}

Map readFiles(const QString &componentsPath, const QString &dependenciesPath)
{
    const QByteArray components = readWholeFile(componentsPath);
    const QByteArray dependencies =
        dependenciesPath.isEmpty() ? QByteArray() : readWholeFile(dependenciesPath);
    Map map = read(components, componentsPath, dependencies, dependenciesPath);
    map.name = mapNameFor(componentsPath);
    return map;
}

QString companionPath(const QString &path)
{
    const QFileInfo info(path);
    QString name = info.fileName();
    static const QRegularExpression word(
        QStringLiteral("components|dependencies"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = word.match(name);
    if (!m.hasMatch())
        return {};
    const QString found = m.captured();
    QString other = found.compare(QLatin1String("components"), Qt::CaseInsensitive) == 0
        ? QStringLiteral("dependencies")
        : QStringLiteral("components");
    if (found == found.toUpper())
        other = other.toUpper();
    else if (found.front().isUpper())
        other.front() = other.front().toUpper();
    name.replace(m.capturedStart(), m.capturedLength(), other);
    return path.left(path.size() - info.fileName().size()) + name;
}

Map readFile(const QString &path)
{
    const QByteArray data = readWholeFile(path);
    const QString companion = companionPath(path);
    const bool companionExists = !companion.isEmpty() && QFileInfo::exists(companion);
    if (isDependencyFile(data, path)) {
        if (!companionExists)
            throw FormatError(
                QStringLiteral("%1: this is a dependencies file; its components file %2 was "
                               "not found (import the components file, named like "
                               "shop-components.csv next to shop-dependencies.csv)")
                    .arg(path, companion.isEmpty() ? QStringLiteral("(none)") : companion));
        return readFiles(companion, path);
    }
    return readFiles(path, companionExists ? companion : QString());
}

} // namespace faultline::csvimport
