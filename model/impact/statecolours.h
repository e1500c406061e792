#pragma once

#include "model/impact/state.h"

// The colours of the impact states for every picture the model writes (DOT export, HTML
// report) and for the canvas, whose theme (views/theme.cpp) reads them from here: an exported
// diagram looks like the canvas because both draw with these values.
namespace faultline::palette {

// What a component shows. Failed and Impaired are the scenario's own components (rule 1);
// the others are the engine's states.
enum class Look { Up, AtRisk, Degraded, Down, Failed, Impaired };

struct LookColours
{
    const char *fill; // node background
    const char *border; // outline
    const char *text; // label colour on `fill`
    const char *word; // "failed", "down", ...
    const char *dotStyle; // Graphviz outline style: the cue that does not rely on colour
    double penWidth;
};

constexpr Look lookFor(State state, bool failed, bool impaired)
{
    if (failed)
        return Look::Failed;
    if (impaired && state != State::Down)
        return Look::Impaired;
    switch (state) {
    case State::AtRisk:
        return Look::AtRisk;
    case State::Degraded:
        return Look::Degraded;
    case State::Down:
        return Look::Down;
    case State::Up:
        break;
    }
    return Look::Up;
}

constexpr LookColours colours(Look look)
{
    switch (look) {
    case Look::AtRisk:
        return {"#FEF6C3", "#B7791F", "#0F172A", "at-risk", "dotted", 3.0};
    case Look::Degraded:
        return {"#FFE4C7", "#DD6B20", "#0F172A", "degraded", "dashed", 3.0};
    case Look::Down:
        return {"#FFD9D9", "#C81E1E", "#0F172A", "down", "solid", 3.0};
    case Look::Failed:
        return {"#9B1C1C", "#450A0A", "#FFFFFF", "failed", "solid", 3.5};
    case Look::Impaired:
        return {"#C05621", "#5C2A0A", "#FFFFFF", "impaired", "dashed", 3.5};
    case Look::Up:
        break;
    }
    return {"#FFFFFF", "#64748B", "#0F172A", "up", "solid", 1.5};
}

// Neutral colours of the drawing around the states.
inline constexpr const char *background = "#F4F6F9";
inline constexpr const char *clusterFill[] = {"#E8EDF4", "#F3F6FA", "#FBFCFE"}; // by depth
inline constexpr const char *clusterBorder = "#94A3B8";
inline constexpr const char *clusterTitle = "#1E293B";
inline constexpr const char *edge = "#7B8794";
inline constexpr const char *mutedText = "#475569";

} // namespace faultline::palette
