#include "views/inspectorformat.h"

#include "model/editing/mapdocument.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace faultline::inspector {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::Inspector", text);
}

QString quoted(const QString &s)
{
    return QStringLiteral("“%1”").arg(s);
}

// "failed", "is down", ...: what happened to a component on a chain of causes.
QString happened(theme::Look look)
{
    switch (look) {
    case theme::Look::Failed:
        return tr("failed");
    case theme::Look::Impaired:
        return tr("is impaired");
    case theme::Look::Down:
        return tr("is down");
    case theme::Look::Degraded:
        return tr("is degraded");
    case theme::Look::AtRisk:
        return tr("is at risk");
    case theme::Look::Up:
        return tr("is up");
    }
    return {};
}

bool parseDouble(QString text, double *out)
{
    text = text.trimmed();
    bool ok = false;
    double v = QLocale().toDouble(text, &ok);
    if (!ok)
        v = QLocale::c().toDouble(text, &ok);
    if (ok)
        *out = v;
    return ok;
}

} // namespace

QString formatNumber(double value)
{
    return QString::number(value, 'g', 12);
}

bool parseOptionalNumber(const QString &text, std::optional<double> *out)
{
    if (text.trimmed().isEmpty()) {
        *out = std::nullopt;
        return true;
    }
    double v = 0;
    if (!parseDouble(text, &v))
        return false;
    *out = v;
    return true;
}

bool parseOptionalInt(const QString &text, std::optional<int> *out)
{
    if (text.trimmed().isEmpty()) {
        *out = std::nullopt;
        return true;
    }
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (ok)
        *out = v;
    return ok;
}

bool parseAvailability(const QString &text, std::optional<double> *out)
{
    QString t = text.trimmed();
    if (!t.endsWith(QLatin1Char('%')))
        return parseOptionalNumber(t, out);
    t.chop(1);
    double v = 0;
    if (!parseDouble(t, &v))
        return false;
    // 99.9 / 100 is 0.9990000000000001 in binary: keep the digits the user typed, so that the
    // value reads back as it was written and an unchanged field changes nothing.
    *out = QString::number(v / 100.0, 'g', 15).toDouble();
    return true;
}

std::optional<QStringList> parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    if (tags.isEmpty())
        return std::nullopt;
    return tags;
}

QString formatTags(const std::optional<QStringList> &tags)
{
    return tags ? tags->join(QStringLiteral(", ")) : QString();
}

QString lookWord(theme::Look look)
{
    switch (look) {
    case theme::Look::Up:
        return tr("Up");
    case theme::Look::AtRisk:
        return tr("At risk");
    case theme::Look::Degraded:
        return tr("Degraded");
    case theme::Look::Down:
        return tr("Down");
    case theme::Look::Failed:
        return tr("Failed");
    case theme::Look::Impaired:
        return tr("Impaired");
    }
    return {};
}

theme::Look lookOf(const MapDocument &doc, ComponentIndex c)
{
    const ImpactResult &impact = doc.impact();
    if (!c.isValid() || c.value >= impact.size())
        return theme::Look::Up;
    const QString &id = doc.map().component(c).id;
    return theme::lookFor(impact.state(c), doc.failed().contains(id), doc.degraded().contains(id));
}

std::vector<CauseLine> causeChain(const MapDocument &doc, ComponentIndex c)
{
    std::vector<CauseLine> lines;
    const ImpactResult &impact = doc.impact();
    const Map &map = doc.map();
    if (!c.isValid() || c.value >= impact.size())
        return lines;
    const std::vector<ComponentIndex> path = impact.path(c);
    for (size_t i = 1; i < path.size(); ++i) {
        const Component &from = map.component(path[i - 1]);
        const Component &to = map.component(path[i]);
        const QString state = happened(lookOf(doc, path[i]));
        QString text;
        if (from.parent == to.id) {
            text = tr("in %1, which %2").arg(quoted(to.displayName()), state);
        } else {
            const auto d = map.findDependency(from.id, to.id);
            const bool soft = d && !map.dependency(*d).isHard();
            text = soft ? tr("uses %1 (soft), which %2").arg(quoted(to.displayName()), state)
                        : tr("needs %1, which %2").arg(quoted(to.displayName()), state);
        }
        lines.push_back({to.id, text});
    }
    return lines;
}

QString causeSentence(const MapDocument &doc, ComponentIndex c)
{
    const theme::Look look = lookOf(doc, c);
    QString sentence = lookWord(look);
    const std::vector<ComponentIndex> path =
        c.value < doc.impact().size() ? doc.impact().path(c) : std::vector<ComponentIndex> {};
    for (size_t i = 1; i < path.size(); ++i) {
        sentence += tr(" because %1 %2")
                        .arg(quoted(doc.map().component(path[i]).displayName()),
                            happened(lookOf(doc, path[i])));
    }
    return sentence;
}

} // namespace faultline::inspector
