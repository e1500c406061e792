#!/usr/bin/env python3
"""Writes schema-v3.faultline: a document as Faultline's schema version 3 (the recovery fields,
before the workshop notes of schema 4) stored it, to test that such documents open and migrate.

The schema text below is a verbatim copy of schemaV1, schemaV2 and schemaV3 in
model/storage/schema.cpp at commit e66ce39, applied in turn as that version did; the rows are
what that version's writer inserted for the map that tests/model/tst_workshopnotes.cpp
(migratesSchemaVersion3) expects. Schema 2 and later carry a SHA-256 checksum of the content
(model/storage/integrity.cpp): it is computed here the same way, so that the file opens.
Run it from this folder: python3 make_schema_v3.py
"""
import hashlib
import os
import sqlite3
import struct

SCHEMA_V1 = """
CREATE TABLE map (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT,
    extra TEXT CHECK (json_type(extra) = 'object')
) STRICT;

CREATE TABLE component (
    seq INTEGER PRIMARY KEY CHECK (seq >= 0),
    id TEXT NOT NULL UNIQUE CHECK (id <> ''),
    name TEXT,
    kind TEXT,
    parent INTEGER REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED
        CHECK (parent <> seq),
    require INTEGER CHECK (require >= 0),
    owner TEXT,
    tier INTEGER,
    description TEXT,
    tags TEXT CHECK (json_type(tags) = 'array'),
    availability REAL CHECK (availability BETWEEN 0 AND 1),
    rto_minutes REAL CHECK (rto_minutes >= 0),
    cost_per_hour REAL CHECK (cost_per_hour >= 0),
    business INTEGER CHECK (business IN (0, 1)),
    extra TEXT CHECK (json_type(extra) = 'object')
) STRICT;

CREATE TABLE dependency (
    seq INTEGER PRIMARY KEY CHECK (seq >= 0),
    from_component INTEGER NOT NULL REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    to_component INTEGER NOT NULL REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    type TEXT NOT NULL CHECK (type IN ('hard', 'soft')),
    label TEXT,
    extra TEXT CHECK (json_type(extra) = 'object'),
    CHECK (from_component <> to_component),
    UNIQUE (from_component, to_component)
) STRICT;

CREATE TABLE scenario (
    seq INTEGER PRIMARY KEY CHECK (seq >= 0),
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    description TEXT,
    extra TEXT CHECK (json_type(extra) = 'object')
) STRICT;

-- The components a scenario fails or degrades, in the order the scenario lists them.
CREATE TABLE scenario_member (
    scenario INTEGER NOT NULL REFERENCES scenario (seq) DEFERRABLE INITIALLY DEFERRED,
    effect TEXT NOT NULL CHECK (effect IN ('fail', 'degrade')),
    position INTEGER NOT NULL CHECK (position >= 0),
    component INTEGER NOT NULL REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (scenario, effect, position)
) STRICT, WITHOUT ROWID;

-- Layout positions: scene coordinates of component centres.
CREATE TABLE layout (
    component INTEGER PRIMARY KEY REFERENCES component (seq) DEFERRABLE INITIALLY DEFERRED,
    x REAL NOT NULL,
    y REAL NOT NULL
) STRICT;
"""

SCHEMA_V2 = """
CREATE TABLE content_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sha256 TEXT NOT NULL
) STRICT;
"""

SCHEMA_V3 = """
ALTER TABLE component ADD COLUMN rpo_minutes REAL CHECK (rpo_minutes >= 0);
ALTER TABLE component ADD COLUMN target_rto_minutes REAL CHECK (target_rto_minutes >= 0);
ALTER TABLE component ADD COLUMN target_rpo_minutes REAL CHECK (target_rpo_minutes >= 0);
"""


def checksum(db):
    """contentChecksum() of model/storage/integrity.cpp: every table but content_check, by
    name; each row in key order, each value tagged with its SQLite type."""
    h = hashlib.sha256()
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\' ORDER BY name") if r[0] != "content_check"]
    for table in tables:
        h.update(table.encode() + b"\0")
        without_rowid = db.execute(
            "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?",
            (table,)).fetchone()[0]
        if without_rowid:
            keys = [r[0] for r in db.execute(
                "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", (table,))]
            order = ", ".join('"%s"' % k for k in keys)
        else:
            order = "rowid"
        count = 0
        for row in db.execute('SELECT * FROM "%s" ORDER BY %s' % (table, order)):
            count += 1
            for v in row:
                if v is None:
                    h.update(b"5")
                elif isinstance(v, int):
                    h.update(b"1" + struct.pack("<q", v))
                elif isinstance(v, float):
                    h.update(b"2" + struct.pack("<d", v))
                elif isinstance(v, str):
                    data = v.encode()
                    h.update(b"3" + struct.pack("<Q", len(data)) + data)
                else:
                    h.update(b"4" + struct.pack("<Q", len(v)) + bytes(v))
        h.update(struct.pack("<Q", count))
    return h.hexdigest()


PATH = "schema-v3.faultline"
if os.path.exists(PATH):
    os.remove(PATH)
db = sqlite3.connect(PATH)
db.executescript(SCHEMA_V1)
db.executescript(SCHEMA_V2)
db.executescript(SCHEMA_V3)
db.execute("PRAGMA application_id = %d" % 0x466C746E)  # "Fltn"
db.execute("PRAGMA user_version = 3")
db.execute("INSERT INTO map VALUES (1, 'Workshop shop', '{\"owner\":\"ops\"}')")
components = [
    # seq, id, name, kind, parent, require, owner, tier, description, tags, availability,
    # rto_minutes, cost_per_hour, business, extra, rpo_minutes, target_rto_minutes,
    # target_rpo_minutes
    (0, "zone-a", "Zone A", "zone", None, None, None, None, None, None, None, None, None,
     None, None, None, None, None),
    (1, "zone-b", "Zone B", "zone", None, None, None, None, None, None, None, None, None,
     None, None, None, None, None),
    (2, "db", "Orders DB", "database", 0, None, "data", 2, None, None, 0.999, 30.0, None, 0,
     None, 5.0, None, None),
    (3, "web", "Web pool", "group", None, 1, None, None, None, None, None, None, None, None,
     None, None, None, None),
    (4, "shop", "Shop", "service", 1, None, "web", 1, None, None, None, 10.0, 20000.0, 1,
     '{"team":"storefront"}', None, 60.0, 15.0),
]
db.executemany("INSERT INTO component VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", components)
db.executemany("INSERT INTO dependency VALUES (?,?,?,?,?,?)", [
    (0, 3, 0, "hard", None, None),
    (1, 3, 1, "hard", None, None),
    (2, 4, 3, "hard", "HTTP", None),
    (3, 4, 2, "soft", None, None),
])
db.execute("INSERT INTO scenario VALUES (0, 'zone a down', 'one zone fails', NULL)")
db.execute("INSERT INTO scenario_member VALUES (0, 'fail', 0, 0)")
db.execute("INSERT INTO scenario VALUES (1, 'db slow', NULL, '{\"ticket\":\"OPS-1\"}')")
db.execute("INSERT INTO scenario_member VALUES (1, 'degrade', 0, 2)")
db.executemany("INSERT INTO layout VALUES (?,?,?)", [(2, 10.0, 20.0), (4, -5.5, 40.0)])
db.execute("INSERT INTO content_check VALUES (1, ?)", (checksum(db),))
db.commit()
db.execute("VACUUM")
db.close()
