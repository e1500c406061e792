#pragma once

// What the user is told about an edit that is allowed but may not be what they meant: it is
// made all the same (the rules handle it, and Undo takes it back), and the notice says what
// to check. Computed on the map before the edit; empty when there is nothing to say.

#include "model/map/map.h"

#include <QString>
#include <QStringList>

namespace faultline::edit {

// `from` starting to depend on `to` closes a cycle when `to` already reaches `from` through
// dependencies: the notice names the cycle ("A → B → C → A").
QString cycleNotice(const Map &map, const QString &from, const QString &to);

// The saved scenarios that fail or impair one of `ids`: deleting them takes them out of those
// scenarios, which then test something else. The notice names the scenarios.
QString deleteNotice(const Map &map, const QStringList &ids);

} // namespace faultline::edit
