#!/usr/bin/env python3
"""Writes schema-v1.faultline: a document as Faultline's schema version 1 (the first, before
rpo_minutes and the recovery targets) stored it, to test that old documents open.

The schema text below is a verbatim copy of schemaV1 in model/storage/schema.cpp at commit
0a8a197; the rows are what that version's writer inserted for the map described in
tests/model/tst_document.cpp (migratesSchemaVersion1). Run it from this folder:
python3 make_schema_v1.py
"""
import os
import sqlite3

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

PATH = "schema-v1.faultline"
if os.path.exists(PATH):
    os.remove(PATH)
db = sqlite3.connect(PATH)
db.executescript(SCHEMA_V1)
db.execute("PRAGMA application_id = %d" % 0x466C746E)  # "Fltn"
db.execute("PRAGMA user_version = 1")
db.execute("INSERT INTO map VALUES (1, 'Old shop', '{\"owner\":\"ops\"}')")
components = [
    # seq, id, name, kind, parent, require, owner, tier, description, tags, availability,
    # rto_minutes, cost_per_hour, business, extra
    (0, "use1", "us-east-1", "region", None, None, None, None, None, None, 0.9995, 30.0, None,
     None, None),
    (1, "db", "Orders DB", "database", 0, None, "data", 2, "primary", '["sql","orders"]', None,
     45.0, 1000.0, 0, '{"engine":"postgres"}'),
    (2, "shop", "Shop", "service", 0, 1, "web", 1, None, None, 0.999, 12.5, 50000.0, 1, None),
]
db.executemany("INSERT INTO component VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", components)
db.execute("INSERT INTO dependency VALUES (0, 2, 1, 'hard', 'SQL', NULL)")
db.execute("INSERT INTO scenario VALUES (0, 'db lost', 'the primary fails', NULL)")
db.execute("INSERT INTO scenario_member VALUES (0, 'fail', 0, 1)")
db.executemany("INSERT INTO layout VALUES (?,?,?)", [(1, 10.5, -20.0), (2, 100.0, 50.0)])
db.commit()
db.execute("VACUUM")
db.close()
