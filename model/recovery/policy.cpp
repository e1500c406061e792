#include "model/recovery/policy.h"

#include "model/map/errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace faultline::policy {

namespace {

constexpr int knownVersion = 1;

// Reads one rule, failing with "SOURCE: rules[I] ("NAME"): ...".
class RuleReader
{
public:
    RuleReader(const QJsonObject &object, const QString &source, int index)
        : m_object(object), m_source(source), m_index(index)
    {
        m_name = object.value(QStringLiteral("name")).toString();
    }

    [[noreturn]] void fail(const QString &what) const
    {
        const QString where = m_name.isEmpty()
            ? QStringLiteral("%1: rules[%2]").arg(m_source).arg(m_index)
            : QStringLiteral("%1: rules[%2] (\"%3\")").arg(m_source).arg(m_index).arg(m_name);
        throw FormatError(where + QStringLiteral(": ") + what);
    }

    QString string(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isString())
            fail(QStringLiteral("\"%1\" must be text").arg(QLatin1String(key)));
        return v.toString();
    }

    QStringList strings(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isArray())
            fail(QStringLiteral("\"%1\" must be a list of text").arg(QLatin1String(key)));
        QStringList out;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                fail(QStringLiteral("\"%1\" must be a list of text").arg(QLatin1String(key)));
            out.append(item.toString());
        }
        return out;
    }

    PolicyRule read()
    {
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("services"),
            QStringLiteral("survive"), QStringLiteral("worst"),
            QStringLiteral("no-single-point-of-failure"), QStringLiteral("ignore_kinds"),
            QStringLiteral("availability"), QStringLiteral("rto"), QStringLiteral("rpo")};
        static const QStringList kinds = {QStringLiteral("survive"),
            QStringLiteral("no-single-point-of-failure"), QStringLiteral("availability"),
            QStringLiteral("rto"), QStringLiteral("rpo")};
        QStringList given;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!keys.contains(it.key()))
                fail(QStringLiteral("unknown key \"%1\" (a rule has %2)")
                         .arg(it.key(), keys.join(QStringLiteral(", "))));
            if (kinds.contains(it.key()))
                given.append(it.key());
        }
        if (given.isEmpty())
            fail(QStringLiteral("no rule: give one of %1").arg(kinds.join(QStringLiteral(", "))));
        if (given.size() > 1)
            fail(QStringLiteral("one rule per entry, not %1")
                     .arg(given.join(QStringLiteral(" and "))));
        if (m_object.contains(QStringLiteral("name")))
            string("name");

        PolicyRule rule;
        rule.name = m_name;
        readServices(rule);
        const QString kind = given.front();
        if (kind != u"survive" && m_object.contains(QStringLiteral("worst")))
            fail(QStringLiteral("\"worst\" belongs to a survive rule"));
        if (kind != u"no-single-point-of-failure"
            && m_object.contains(QStringLiteral("ignore_kinds")))
            fail(QStringLiteral("\"ignore_kinds\" belongs to a no-single-point-of-failure rule"));
        if (kind == u"survive")
            readSurvive(rule);
        else if (kind == u"no-single-point-of-failure")
            readNoSpof(rule);
        else if (kind == u"availability")
            readAvailability(rule);
        else
            readScenarios(rule, kind);
        if (rule.name.isEmpty())
            rule.name = defaultName(kind);
        return rule;
    }

private:
    void readServices(PolicyRule &rule) const
    {
        const QJsonValue v = m_object.value(QStringLiteral("services"));
        if (v.isUndefined())
            fail(
                QStringLiteral("missing \"services\": \"business\", \"tier<=N\" or a list of ids"));
        if (v.isArray()) {
            rule.services = PolicyRule::Services::Ids;
            rule.serviceIds = strings("services");
            if (rule.serviceIds.isEmpty())
                fail(QStringLiteral("\"services\" lists no id"));
            return;
        }
        static const QRegularExpression tier(QStringLiteral("^tier\\s*<=\\s*(\\d+)$"));
        const QString text = v.isString() ? v.toString().trimmed() : QString();
        if (text == u"business") {
            rule.services = PolicyRule::Services::Business;
        } else if (const auto m = tier.match(text); m.hasMatch()) {
            rule.services = PolicyRule::Services::TierAtMost;
            rule.tierAtMost = m.captured(1).toInt();
        } else {
            fail(QStringLiteral("\"services\" must be \"business\", \"tier<=N\" or a list of ids"));
        }
    }

    void readSurvive(PolicyRule &rule) const
    {
        rule.kind = PolicyRule::Kind::Survive;
        rule.failureClass = string("survive");
        static const QStringList classes = {QStringLiteral("each-zone"),
            QStringLiteral("each-region"), QStringLiteral("each-provider"),
            QStringLiteral("each-component")};
        if (rule.failureClass.startsWith(QStringLiteral("each-of-kind:"))) {
            rule.failureKind = rule.failureClass.mid(13).trimmed();
            if (rule.failureKind.isEmpty())
                fail(QStringLiteral("\"survive\": each-of-kind: needs a kind"));
        } else if (classes.contains(rule.failureClass)) {
            if (rule.failureClass != u"each-component")
                rule.failureKind = rule.failureClass.mid(5);
        } else {
            fail(QStringLiteral("\"survive\" must be each-zone, each-region, each-provider, "
                                "each-component or each-of-kind:KIND, not \"%1\"")
                     .arg(rule.failureClass));
        }
        if (m_object.contains(QStringLiteral("worst"))) {
            const auto worst = stateFromString(string("worst"));
            if (!worst || *worst == State::Down)
                fail(QStringLiteral("\"worst\" must be up, at-risk or degraded"));
            rule.worst = *worst;
        }
    }

    void readNoSpof(PolicyRule &rule) const
    {
        rule.kind = PolicyRule::Kind::NoSinglePointOfFailure;
        if (m_object.value(QStringLiteral("no-single-point-of-failure")) != QJsonValue(true))
            fail(QStringLiteral("\"no-single-point-of-failure\" must be true"));
        if (m_object.contains(QStringLiteral("ignore_kinds")))
            rule.ignoreKinds = strings("ignore_kinds");
    }

    void readAvailability(PolicyRule &rule) const
    {
        rule.kind = PolicyRule::Kind::Availability;
        const QJsonValue v = m_object.value(QStringLiteral("availability"));
        if (!v.isDouble() || !(v.toDouble() >= 0.0 && v.toDouble() <= 1.0))
            fail(QStringLiteral("\"availability\" must be a number between 0 and 1"));
        rule.minimumAvailability = v.toDouble();
    }

    void readScenarios(PolicyRule &rule, const QString &kind) const
    {
        rule.kind = kind == u"rto" ? PolicyRule::Kind::Rto : PolicyRule::Kind::Rpo;
        const QJsonValue v = m_object.value(kind);
        if (v == QJsonValue(QStringLiteral("all"))) {
            rule.allScenarios = true;
            return;
        }
        if (!v.isArray())
            fail(QStringLiteral("\"%1\" must be \"all\" or a list of scenario names").arg(kind));
        rule.scenarios = strings(kind == u"rto" ? "rto" : "rpo");
        if (rule.scenarios.isEmpty())
            fail(QStringLiteral("\"%1\" lists no scenario").arg(kind));
    }

    QString servicesText() const
    {
        const QJsonValue v = m_object.value(QStringLiteral("services"));
        if (v.isArray()) {
            QStringList ids;
            for (const QJsonValue &id : v.toArray())
                ids.append(id.toString());
            return ids.join(QStringLiteral(", "));
        }
        return v.toString();
    }

    QString defaultName(const QString &kind) const
    {
        const QJsonValue v = m_object.value(kind);
        QString what = kind;
        if (v.isString())
            what += u' ' + v.toString();
        else if (v.isDouble())
            what += u' ' + QString::number(v.toDouble(), 'g', 12);
        else if (v.isArray())
            what += QStringLiteral(" of ") + QString::number(v.toArray().size())
                + QStringLiteral(" scenarios");
        return what + QStringLiteral(" (") + servicesText() + u')';
    }

    const QJsonObject &m_object;
    const QString &m_source;
    int m_index;
    QString m_name;
};

} // namespace

Policy fromJson(const QJsonObject &object, const QString &source)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"format" && it.key() != u"version" && it.key() != u"rules"
            && it.key() != u"name" && it.key() != u"description")
            throw FormatError(QStringLiteral("%1: unknown key \"%2\" (a policy has format, "
                                             "version, name, description and rules)")
                                  .arg(source, it.key()));
    }
    if (object.value(QStringLiteral("format")) != QJsonValue(QStringLiteral("faultline-policy")))
        throw FormatError(
            QStringLiteral("%1: not a Faultline policy (\"format\" must be \"faultline-policy\")")
                .arg(source));
    const QJsonValue version = object.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble())
        || version.toDouble() < 1)
        throw FormatError(QStringLiteral("%1: \"version\" must be a whole number").arg(source));
    if (version.toDouble() > knownVersion)
        throw FormatError(QStringLiteral("%1: policy version %2 is newer than this Faultline "
                                         "reads (up to %3)")
                              .arg(source)
                              .arg(version.toDouble())
                              .arg(knownVersion));
    const QJsonValue rules = object.value(QStringLiteral("rules"));
    if (!rules.isArray())
        throw FormatError(QStringLiteral("%1: \"rules\" must be a list").arg(source));
    Policy policy;
    int index = 0;
    for (const QJsonValue &rule : rules.toArray()) {
        if (!rule.isObject())
            throw FormatError(
                QStringLiteral("%1: rules[%2]: a rule must be an object").arg(source).arg(index));
        const QJsonObject object = rule.toObject();
        policy.rules.push_back(RuleReader(object, source, index).read());
        ++index;
    }
    return policy;
}

Policy read(const QByteArray &json, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = int(json.left(error.offset).count('\n')) + 1;
        throw FormatError(QStringLiteral("%1:%2: not valid JSON: %3")
                              .arg(source)
                              .arg(line)
                              .arg(error.errorString()));
    }
    if (!doc.isObject())
        throw FormatError(QStringLiteral("%1: a policy is a JSON object").arg(source));
    return fromJson(doc.object(), source);
}

std::optional<Policy> fromMap(const QJsonObject &mapExtra, const QString &source)
{
    const QJsonValue v = mapExtra.value(QStringLiteral("policy"));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject())
        throw FormatError(QStringLiteral("%1: \"policy\" must be an object").arg(source));
    return fromJson(v.toObject(), source + QStringLiteral(": policy"));
}

} // namespace faultline::policy
