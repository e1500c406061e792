#pragma once

#include "model/map/map.h"

namespace faultline::storage {

class Database;

// Replaces every row of a database of the current schema with `map`, inside the caller's
// transaction. Throws SqliteError naming the offending entry when the map breaks a rule the
// schema checks (a duplicate id, availability above 1, a reference to an unknown id, ...).
// Positions of ids that are not components of the map, or that are not finite, are not stored.
void writeMap(Database &db, const Map &map);

} // namespace faultline::storage
