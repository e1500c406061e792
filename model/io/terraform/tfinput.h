#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace faultline::terraform {

// What one Terraform file says, whatever its format (raw state, `terraform show -json` of a
// state or a plan), before any rule is applied: the readers fill it, the map builder reads it.

// A reference from one resource instance to another resource: through an attribute (a
// configuration expression, or an attribute whose value is the other's id) or, without one,
// through `dependencies`/`depends_on`.
struct Reference
{
    QString attribute; // the attribute's own name ("subnet_id"), "" for a bare dependency
    QString target; // a resource address (all its instances) or an instance address
    QString pairKey; // when set (count.index, each.key), the target instance with this key
    bool fromDependencies = false; // from `dependencies`/`depends_on`: Terraform may keep stale ones
};

struct Instance
{
    QString address; // full instance address: module.db.aws_db_instance.this[0]
    QString resource; // without the key: module.db.aws_db_instance.this
    QString module; // "" at the root
    QString type;
    QString key; // "[0]", "[\"a\"]" or ""
    QString provider; // "aws", "google", "azurerm", ...
    QString providerConfigKey; // the plan's configuration key ("aws", "module.x:aws")
    QJsonObject attributes;
    std::vector<Reference> references;
};

struct Input
{
    QString source; // the file, for messages
    QString format; // "state v4", "show-json state", "show-json plan": for messages and the map
    std::vector<Instance> instances; // managed resources only, in the file's order
    // Provider configuration key -> region, from a plan's configuration.
    QHash<QString, QString> providerRegions;
    QStringList warnings; // things left out, for the command line to print
};

} // namespace faultline::terraform
