-- 0002: the member ledger (会员台账). Travels.
CREATE TABLE members (
    id               TEXT PRIMARY KEY,  -- UUIDv7
    member_no        TEXT NOT NULL,
    name             TEXT NOT NULL,
    gender           TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    id_number        TEXT NOT NULL,     -- normalised 18 characters
    birth_date       TEXT NOT NULL,
    phone            TEXT NOT NULL,
    occupation_group TEXT NOT NULL,
    employer         TEXT,
    org_id           TEXT NOT NULL REFERENCES org_units (id),
    join_date        TEXT NOT NULL,
    join_channel     TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT '在会',
    notes            TEXT,
    updated_at       TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX members_id_number ON members (id_number);
CREATE UNIQUE INDEX members_member_no ON members (member_no);
CREATE INDEX members_org_join ON members (org_id, join_date);
CREATE INDEX members_name ON members (name);
CREATE INDEX members_phone ON members (phone);

-- Local: next member-number sequence per prefix and year.
CREATE TABLE member_no_seq (
    prefix TEXT NOT NULL,
    year   INTEGER NOT NULL,
    next   INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
) STRICT;
