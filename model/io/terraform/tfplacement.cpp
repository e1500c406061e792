#include "model/io/terraform/tfplacement.h"

#include "model/io/importsource.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace faultline::terraform {

QString Placement::place(const QString &provider, const QString &region, const QString &zone)
{
    if (provider.isEmpty())
        return {};
    auto make = [this](const QString &id, const QString &name, const char *kind,
                    const QString &parent) {
        if (m_places.contains(id))
            return;
        Component c;
        c.id = id;
        c.name = name;
        c.kind = QLatin1String(kind);
        c.parent = parent;
        m_places.insert(id, c);
    };
    make(provider, {}, "provider", {});
    if (region.isEmpty())
        return provider;
    const QString regionId = provider + u'/' + region;
    make(regionId, region, "region", provider);
    if (zone.isEmpty())
        return regionId;
    const QString zoneId = regionId + u'/' + zone;
    make(zoneId, zone, "zone", regionId);
    return zoneId;
}

std::vector<Component> Placement::components(const QString &source) const
{
    std::vector<Component> out;
    out.reserve(m_places.size());
    for (Component c : m_places) {
        addImportSource(c.extra, source);
        out.push_back(std::move(c));
    }
    return out;
}

QString zoneOf(const Instance &instance)
{
    const QJsonObject &a = instance.attributes;
    for (const char *key : {"availability_zone", "zone"}) {
        const QString zone = a.value(QLatin1String(key)).toString();
        if (!zone.isEmpty())
            return zone;
    }
    const QJsonArray zones = a.value(QLatin1String("zones")).toArray();
    if (zones.size() == 1 && !zones.at(0).toString().isEmpty())
        return zones.at(0).toString();
    return {};
}

QString regionOfZone(const QString &provider, const QString &zone)
{
    if (provider == QLatin1String("aws")) {
        // eu-west-1a, us-gov-west-1b, us-west-2-lax-1a (a Local Zone of us-west-2)
        static const QRegularExpression aws(QStringLiteral("^([a-z]{2}(?:-gov)?-[a-z]+-\\d+)"));
        const auto m = aws.match(zone);
        return m.hasMatch() ? m.captured(1) : QString();
    }
    if (provider == QLatin1String("google")) {
        static const QRegularExpression google(QStringLiteral("^([a-z]+-[a-z]+\\d+)-[a-z]$"));
        const auto m = google.match(zone);
        return m.hasMatch() ? m.captured(1) : QString();
    }
    return {};
}

bool isGlobal(const Instance &instance)
{
    static const char *const global[] = {"aws_iam_", "aws_route53_", "aws_cloudfront_",
        "aws_organizations_", "aws_globalaccelerator_", "google_project", "azurerm_dns_"};
    for (const char *prefix : global) {
        if (instance.type.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

QString regionOf(const Instance &instance, const Input &input)
{
    // Global services: under the provider, whatever region the provider is configured with.
    if (isGlobal(instance))
        return {};
    const QJsonObject &a = instance.attributes;
    for (const char *key : {"region", "location"}) {
        const QString region = a.value(QLatin1String(key)).toString();
        if (!region.isEmpty())
            return region;
    }
    // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE; global services leave REGION empty.
    const QString arn = a.value(QLatin1String("arn")).toString();
    if (arn.startsWith(QLatin1String("arn:"))) {
        const QString service = arn.section(u':', 2, 2);
        const QString region = arn.section(u':', 3, 3);
        if (!region.isEmpty() || service == QLatin1String("iam")
            || service == QLatin1String("route53") || service == QLatin1String("cloudfront"))
            return region;
    }
    if (input.providerRegions.isEmpty())
        return {};
    // A module's resources use the provider of the root unless the module configures its own.
    const QString key = instance.providerConfigKey;
    for (const QString &k : {key, key.section(u':', -1), instance.provider}) {
        const auto r = input.providerRegions.constFind(k);
        if (r != input.providerRegions.cend())
            return *r;
    }
    return {};
}

QString commonPlace(const QStringList &places)
{
    if (places.isEmpty())
        return {};
    QStringList common = places.front().split(u'/');
    for (const QString &p : places) {
        const QStringList parts = p.split(u'/');
        qsizetype n = 0;
        while (n < common.size() && n < parts.size() && common[n] == parts[n])
            ++n;
        common.resize(n);
    }
    return common.join(u'/');
}

} // namespace faultline::terraform
