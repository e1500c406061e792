#pragma once

#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/map/scenario.h"

// One entry of the interchange format's "scenarios" list (DESIGN.md, "Interchange format"):
// the what-if and what a workshop wrote down about it (notes, decisions, action items).
namespace faultline::interchange {

// Reads scenarios[index]. Throws FormatError naming the file, line and column, the scenario
// and, inside it, the decision or action item at fault.
Scenario readScenario(JsonReader &json, int index);

// Writes one scenario as an object on one line; the workshop keys only when they hold
// something.
void writeScenario(JsonWriter &w, const Scenario &s);

} // namespace faultline::interchange
