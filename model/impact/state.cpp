#include "model/impact/state.h"

namespace faultline {

QString toString(State state)
{
    switch (state) {
    case State::Up:
        return QStringLiteral("up");
    case State::AtRisk:
        return QStringLiteral("at-risk");
    case State::Degraded:
        return QStringLiteral("degraded");
    case State::Down:
        return QStringLiteral("down");
    }
    return {};
}

std::optional<State> stateFromString(const QString &word)
{
    for (State s : {State::Up, State::AtRisk, State::Degraded, State::Down}) {
        if (toString(s) == word)
            return s;
    }
    return std::nullopt;
}

} // namespace faultline
