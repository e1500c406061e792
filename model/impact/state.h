#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace faultline {

// Ordered: a state only ever rises during propagation.
enum class State : std::uint8_t { Up = 0, AtRisk = 1, Degraded = 2, Down = 3 };

// "up", "at-risk", "degraded", "down": the words of DESIGN.md and of every output format.
QString toString(State state);
std::optional<State> stateFromString(const QString &word);

} // namespace faultline
