-- 0001: the ground. Never edit a migration once it has shipped; add a new one.

-- Local, never travels: device id, last clock stamp, this office, settings.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Every write to a travelling table appends here in the same transaction.
CREATE TABLE change_log (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl       TEXT NOT NULL,
    row_id    TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row_after TEXT NOT NULL,          -- JSON of the whole row after the write
    hlc       TEXT NOT NULL,          -- the row's new updated_at
    device_id TEXT NOT NULL,
    actor     TEXT                    -- the cadre who made the change
) STRICT;
CREATE INDEX change_log_row ON change_log (tbl, row_id, seq);

-- The organisation tree. Travels.
CREATE TABLE org_units (
    id            TEXT PRIMARY KEY,   -- UUIDv7
    parent_id     TEXT REFERENCES org_units (id),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('county', 'township', 'village', 'industry', 'enterprise', 'pool')),
    division_code TEXT,
    join_url      TEXT,
    updated_at    TEXT NOT NULL,      -- hybrid logical clock stamp
    device_id     TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX org_units_parent ON org_units (parent_id);
