-- 0005: spreadsheets in and out (issue 4). Never edit once shipped.

-- The file an imported row came from, and the import run that last wrote
-- it. Both travel with the row, so a member's history (read from the change
-- log) shows "批量导入 · 文件名" on any office's machine.
ALTER TABLE members ADD COLUMN import_source TEXT;
ALTER TABLE members ADD COLUMN import_batch TEXT;

-- Local: each committed import (never travels).
CREATE TABLE imports (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    batch     TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    mode      TEXT NOT NULL CHECK (mode IN ('skip', 'fill', 'update')),
    actor     TEXT,
    at_ms     INTEGER NOT NULL,
    added     INTEGER NOT NULL,
    updated   INTEGER NOT NULL,
    summary   TEXT NOT NULL         -- JSON: the counts of the run
) STRICT;

-- Local: every file of personal data written out (PIPL), like id_reveals.
-- A full-ID export also adds one id_reveals row per member in it.
CREATE TABLE exports (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind      TEXT NOT NULL,        -- roster | roster_compare
    file_name TEXT NOT NULL,
    rows      INTEGER NOT NULL,
    full_id   INTEGER NOT NULL CHECK (full_id IN (0, 1)),
    purpose   TEXT,
    filters   TEXT,                 -- JSON: the list filters / compared file
    actor     TEXT,
    at_ms     INTEGER NOT NULL
) STRICT;
