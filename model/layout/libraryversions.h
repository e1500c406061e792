#pragma once

#include <QString>

// The versions of the C libraries the model's adapters run with (not those it was built
// against), for `faultline --version` and Help › About: what a bug report needs.
namespace faultline::libraries {

QString graphvizVersion();
QString sqliteVersion();

} // namespace faultline::libraries
