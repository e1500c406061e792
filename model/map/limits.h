#pragma once

#include <QtGlobal>

// The limits on what Faultline reads, stated in docs/DESIGN.md ("Limits"). Each is far above any
// real map, and exists so that a hostile or broken file is refused with a message instead of
// exhausting the stack, the memory or the user's patience.
namespace faultline::limits {

// Components and dependencies in one map.
inline constexpr int maxComponents = 1'000'000;
inline constexpr int maxDependencies = 5'000'000;
// Characters in one id, name, kind, owner, description, label or scenario name.
inline constexpr qsizetype maxTextLength = 100'000;
// cost_per_hour (money per hour) and rto_minutes: far beyond any real value, and small enough
// that a sum over a million components stays a finite number that prints (1.5e308 did not).
inline constexpr double maxCostPerHour = 1e24;
inline constexpr double maxMinutes = 1e12;
// Bytes an import reads from one .json, .csv or .dot file (a pipe or device included).
inline constexpr qint64 maxImportFileBytes = 256LL * 1024 * 1024;
// Nesting of braces (subgraphs) in a DOT file.
inline constexpr int maxDotNesting = 200;

} // namespace faultline::limits
