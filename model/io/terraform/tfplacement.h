#pragma once

#include "model/io/terraform/tfinput.h"
#include "model/map/component.h"

#include <QMap>
#include <QString>

namespace faultline::terraform {

// Where a resource runs: provider › region › zone, as components with path ids (`aws`,
// `aws/eu-west-1`, `aws/eu-west-1/eu-west-1a`), so that the common ancestor of two places is
// their common prefix.
class Placement
{
public:
    // The component id of the place, made on first use (with its region and provider). An empty
    // region gives the provider; an empty zone the region.
    QString place(const QString &provider, const QString &region, const QString &zone);
    // The places made, parents before children.
    std::vector<Component> components(const QString &source) const;

private:
    QMap<QString, Component> m_places; // by id: sorted, so parents come first
};

// The instance's own zone (`availability_zone`, `zone`, a one-element `zones`), "" if none.
QString zoneOf(const Instance &instance);
// The region a zone belongs to ("eu-west-1a" -> "eu-west-1", "europe-west1-b" ->
// "europe-west1"); "" when the zone does not say (Azure's "1").
QString regionOfZone(const QString &provider, const QString &zone);
// The instance's region from its own attributes (`region`, `location`, its ARN), else from the
// plan's provider configuration; "" if nothing says.
QString regionOf(const Instance &instance, const Input &input);
// IAM, Route 53, CloudFront...: services with no region, placed under the provider.
bool isGlobal(const Instance &instance);
// The common ancestor of places (path ids): their common prefix by '/' parts.
QString commonPlace(const QStringList &places);

} // namespace faultline::terraform
