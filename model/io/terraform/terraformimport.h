#pragma once

#include "model/map/map.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Import of Terraform states and plans (docs/terraform-import.md): the raw state (format
// version 4), `terraform show -json` of a state, and of a plan. Every managed resource instance
// becomes a component whose id is its address, placed in provider › region › zone; references
// become hard or soft dependencies by a rules table; resources spread over several zones, and
// sibling count/for_each instances used together, become redundancy (`require`).
namespace faultline::terraformimport {

struct Options
{
    bool allResources = false; // keep plumbing (security group rules, attachments...) as components
    QString rulesFile; // a JSON rules file tried before the built-in table; "" for none
    QString source; // the import_sources mark of every component; "" for "terraform"
};

struct Result
{
    Map map;
    QStringList warnings; // what was left out (dependencies on resources not in the file)
};

// True when a JSON object is a Terraform state or plan (by its keys, not its file name).
bool isTerraform(const QJsonObject &top);

// All or nothing: throws FormatError "FILE: ENTRY: what is wrong" (see terraform::read) or
// ValidationError, and returns a validated map otherwise.
Result read(const QByteArray &json, const QString &source, const Options &options = {});
Result readFile(const QString &path, const Options &options = {});

// The default import_sources mark ("terraform": re-importing a newer state of the same stack,
// whatever its file name, updates what the older one made).
QString sourceMark(const QString &path);

} // namespace faultline::terraformimport
