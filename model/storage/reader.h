#pragma once

#include "model/map/map.h"

namespace faultline::storage {

class Database;

// Reads the whole map from a database of the current schema, inside the caller's transaction.
// Throws SqliteError; rows that no Faultline version writes (a dangling reference, unknown keys
// that are not a JSON object, ...) are reported as damage. Does not validate() the map.
Map readMap(Database &db);

} // namespace faultline::storage
