-- 0003: the full member record, transfers, search keys, audit of ID reveals.

ALTER TABLE members ADD COLUMN ethnic_group TEXT;
ALTER TABLE members ADD COLUMN hukou_address TEXT;          -- 户籍地
ALTER TABLE members ADD COLUMN residence TEXT;              -- 现居住地
ALTER TABLE members ADD COLUMN labour_relation TEXT;
ALTER TABLE members ADD COLUMN new_employment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN migrant_worker INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN plate_number TEXT;
ALTER TABLE members ADD COLUMN vehicle_type TEXT;
ALTER TABLE members ADD COLUMN qualification_no TEXT;      -- 从业资格证号
ALTER TABLE members ADD COLUMN status_reason TEXT;
ALTER TABLE members ADD COLUMN status_date TEXT;
ALTER TABLE members ADD COLUMN verified_on TEXT;            -- date last verified (数据保鲜)
-- Derived search keys, filled by the store on every write.
ALTER TABLE members ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN id_rev TEXT NOT NULL DEFAULT '';  -- reversed ID: tail search

UPDATE members SET verified_on = join_date WHERE verified_on IS NULL;

-- Indexes chosen by measuring `ledger bench` on 1,000,000 members
-- (BENCHMARKS.md). All partial on live rows, so that counts for the page
-- total are answered from the index alone.
DROP INDEX members_name;
DROP INDEX members_phone;
DROP INDEX members_org_join;
CREATE INDEX members_live_join ON members (join_date, member_no) WHERE deleted = 0;
CREATE INDEX members_name_join ON members (name, status, org_id, join_date) WHERE deleted = 0;
CREATE INDEX members_initials ON members (name_initials, name_pinyin) WHERE deleted = 0;
CREATE INDEX members_pinyin ON members (name_pinyin) WHERE deleted = 0;
CREATE INDEX members_phone ON members (phone) WHERE deleted = 0;
CREATE INDEX members_no_live ON members (member_no) WHERE deleted = 0;
CREATE INDEX members_id_rev ON members (id_rev) WHERE deleted = 0;
CREATE INDEX members_org_status ON members (org_id, status, occupation_group, join_date, member_no) WHERE deleted = 0;
CREATE INDEX members_status_join ON members (status, join_date, member_no) WHERE deleted = 0;
CREATE INDEX members_channel ON members (join_channel, occupation_group, status, name_pinyin) WHERE deleted = 0;
CREATE INDEX members_employer ON members (employer, status) WHERE deleted = 0;
CREATE INDEX members_verified ON members (verified_on) WHERE deleted = 0;

-- The employer an enterprise union belongs to (以入会促建会).
ALTER TABLE org_units ADD COLUMN employer TEXT;

-- 会籍转接: every move of a membership. Travels.
CREATE TABLE member_transfers (
    id          TEXT PRIMARY KEY,
    member_id   TEXT NOT NULL REFERENCES members (id),
    from_org_id TEXT NOT NULL REFERENCES org_units (id),
    to_org_id   TEXT NOT NULL REFERENCES org_units (id),
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX member_transfers_member ON member_transfers (member_id, date);

-- Who saw a full ID number, when (PIPL). Local.
CREATE TABLE id_reveals (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id TEXT NOT NULL,
    actor     TEXT,
    at_ms     INTEGER NOT NULL,
    purpose   TEXT NOT NULL
) STRICT;
CREATE INDEX id_reveals_member ON id_reveals (member_id, seq);
