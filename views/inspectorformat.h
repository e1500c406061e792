#pragma once

#include "model/impact/state.h"
#include "model/map/ids.h"
#include "views/theme.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace faultline {

class MapDocument;

// How the inspector and the component table write and read property values, and explain a
// component's impact. Numbers are shown in the C locale (as in the interchange file) and read in
// the user's locale or the C locale.
namespace inspector {

QString formatNumber(double value);
// Empty text is "unset". False when the text is not a number; `out` is then untouched.
bool parseOptionalNumber(const QString &text, std::optional<double> *out);
bool parseOptionalInt(const QString &text, std::optional<int> *out);
// Availability also as a percentage: "99.95 %" is 0.9995.
bool parseAvailability(const QString &text, std::optional<double> *out);
// Comma-separated; empty text is "no tags" (unset).
std::optional<QStringList> parseTags(const QString &text);
QString formatTags(const std::optional<QStringList> &tags);

// "Up", "At risk", "Degraded", "Down", and "Failed" / "Impaired" for the what-if's own.
QString lookWord(theme::Look look);
theme::Look lookOf(const MapDocument &doc, ComponentIndex c);

// One line of a component's explanation: the component it came through and what happened to it.
struct CauseLine
{
    QString id;
    QString text;
};
// The chain of causes after the component itself, ending at the what-if's own component.
std::vector<CauseLine> causeChain(const MapDocument &doc, ComponentIndex c);
// The same as one sentence, for tooltips: "Down because “Payments DB” is down because ...".
QString causeSentence(const MapDocument &doc, ComponentIndex c);

} // namespace inspector
} // namespace faultline
