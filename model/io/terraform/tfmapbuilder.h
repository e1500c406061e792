#pragma once

#include "model/io/terraform/tfinput.h"
#include "model/io/terraform/tfrules.h"
#include "model/map/map.h"

namespace faultline::terraform {

struct BuildOptions
{
    bool allResources = false; // keep plumbing as components instead of folding it
    QString source; // the import_sources mark every component gets ("terraform")
};

// Turns what a file says into a map: a component per managed resource instance, placed in
// provider › region › zone, with the dependencies and redundancy the rules make of its
// references. Adds to input.warnings what it leaves out (dependencies on resources not in the
// file). The map is not validated here.
Map buildMap(Input &input, const Rules &rules, const BuildOptions &options);

// The references an instance's attribute values make: a string equal to another instance's
// `id` or `arn` (how a state says "this subnet"), and subnet ids of subnets not in the file.
// `ids` maps id and arn values to instance indices (-1 for a value two instances share).
void addValueReferences(
    Input &input, const QHash<QString, int> &ids, QHash<QString, QString> &missingSubnets);

} // namespace faultline::terraform
