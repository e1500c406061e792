#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace faultline::terraform {

// A Terraform address taken apart: `module.a["x.1"].module.b.aws_instance.web[0].private_ip`
// is module `module.a["x.1"].module.b`, resource `aws_instance.web`, key `[0]` and the rest
// `private_ip`. Keys are kept as written (`[0]`, `["a.1"]`), so that a dot or a quote inside a
// key never splits the address.
struct Address
{
    QString module; // "" at the root; with the module instances' keys
    bool data = false; // a data source (`data.TYPE.NAME`)
    QString type;
    QString name;
    QString key; // "" when the address names the whole resource
    QString rest; // what follows the resource (attribute path), "" when nothing

    // `module.x.aws_instance.web` (no key): the resource every instance belongs to.
    QString resource() const;
    // The resource with its key: the instance.
    QString instance() const { return resource() + key; }
};

// Parses an address; nullopt with `error` set when it is malformed (an unterminated quote or
// bracket, an empty part, a module without a name). A reference such as `var.x`, `local.y`,
// `count.index` or `module.vpc.out` (a module output: no resource after the module) parses
// with an empty type.
std::optional<Address> parseAddress(const QString &text, QString *error);

// The module path without instance keys (`module.a["x"].module.b` -> `module.a.module.b`):
// how the configuration names a module, whatever its instances.
QString withoutKeys(const QString &modulePath);

// `[0]` for a number, `["a.1"]` for a string (quotes and backslashes escaped), "" for null.
QString keyText(const QJsonValue &indexKey);

// Joins a module path and a local address ("" module gives the address unchanged).
QString inModule(const QString &module, const QString &local);

} // namespace faultline::terraform
