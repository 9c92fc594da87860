-- 0004: printing (issue 5): certificates, enrolment ceremonies, seals.
-- Never edit once shipped.

-- The date the member's certificate (会员证) was last printed; NULL: never.
-- Written through Tx (stamped, logged), so it travels and shows in history.
ALTER TABLE members ADD COLUMN card_issued_on TEXT;
-- "Everyone not yet printed" batches, in member-number order.
CREATE INDEX members_card_pending ON members (member_no)
    WHERE deleted = 0 AND card_issued_on IS NULL;

-- 集中入会仪式: an enrolment ceremony. Travels.
CREATE TABLE ceremonies (
    id          TEXT PRIMARY KEY,      -- UUIDv7
    org_id      TEXT NOT NULL REFERENCES org_units (id),
    date        TEXT NOT NULL,
    place       TEXT NOT NULL,
    notes       TEXT,
    -- The 五个一 checklist: 一证 certificates handed out, 一徽 badges,
    -- 一式 the rite held, 一宣 the application read together, 一包 gift packs.
    has_certificate INTEGER NOT NULL DEFAULT 0 CHECK (has_certificate IN (0, 1)),
    has_badge       INTEGER NOT NULL DEFAULT 0 CHECK (has_badge IN (0, 1)),
    has_rite        INTEGER NOT NULL DEFAULT 0 CHECK (has_rite IN (0, 1)),
    has_reading     INTEGER NOT NULL DEFAULT 0 CHECK (has_reading IN (0, 1)),
    has_pack        INTEGER NOT NULL DEFAULT 0 CHECK (has_pack IN (0, 1)),
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX ceremonies_date ON ceremonies (date) WHERE deleted = 0;

-- Who was enrolled (or received a certificate) at a ceremony. Travels.
-- No unique index on the pair: two offices may link the same member before
-- they sync; the store skips a pair that is already live.
CREATE TABLE ceremony_attendees (
    id          TEXT PRIMARY KEY,      -- UUIDv7
    ceremony_id TEXT NOT NULL REFERENCES ceremonies (id),
    member_id   TEXT NOT NULL REFERENCES members (id),
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX ceremony_attendees_ceremony ON ceremony_attendees (ceremony_id) WHERE deleted = 0;
CREATE INDEX ceremony_attendees_member ON ceremony_attendees (member_id) WHERE deleted = 0;

-- Local: an org unit's seal, a PNG stamped over the issuer on certificates.
-- An image of the office's seal stays on the office's machine.
CREATE TABLE org_seals (
    org_id  TEXT PRIMARY KEY REFERENCES org_units (id),
    png     BLOB NOT NULL,
    width   INTEGER NOT NULL,
    height  INTEGER NOT NULL,
    actor   TEXT,
    at_ms   INTEGER NOT NULL
) STRICT;
