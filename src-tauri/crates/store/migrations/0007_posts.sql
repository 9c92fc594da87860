-- 0007: service posts and service records (服务阵地, issue #7).
-- Never edit once shipped.

-- A service post (司机之家, 爱心驿站, 工会驿站 ...). Travels.
CREATE TABLE service_posts (
    id            TEXT PRIMARY KEY,      -- UUIDv7
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    org_id        TEXT NOT NULL REFERENCES org_units (id),
    partner       TEXT,                  -- e.g. the bank branch that hosts it
    address       TEXT NOT NULL,
    latitude      REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude     REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    facilities    TEXT NOT NULL DEFAULT '[]',  -- JSON array, checklist order
    hours         TEXT,                  -- free text; NULL when open around the clock
    open_24h      INTEGER NOT NULL DEFAULT 0 CHECK (open_24h IN (0, 1)),
    unattended_qr INTEGER NOT NULL DEFAULT 0 CHECK (unattended_qr IN (0, 1)),
    contact_name  TEXT,
    contact_phone TEXT,
    opened_on     TEXT,
    status        TEXT NOT NULL DEFAULT '运营中' CHECK (status IN ('运营中', '暂停', '撤销')),
    status_date   TEXT,
    page_url      TEXT,
    notes         TEXT,
    updated_at    TEXT NOT NULL,
    device_id     TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX service_posts_org ON service_posts (org_id, name) WHERE deleted = 0;

-- A service delivered: to one member, to one person not (yet) a member, or
-- a count of person-times at an event. Tickets (诉求工单) and insurance
-- gifts (互助保障赠送) carry their own columns. Travels.
CREATE TABLE service_records (
    id               TEXT PRIMARY KEY,   -- UUIDv7
    date             TEXT NOT NULL,
    post_id          TEXT REFERENCES service_posts (id),  -- NULL: outreach
    org_id           TEXT NOT NULL REFERENCES org_units (id),
    service_type     TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('member', 'person', 'aggregate')),
    member_id        TEXT REFERENCES members (id),
    person_name      TEXT,
    person_phone     TEXT,               -- normalised mobile number
    invite           INTEGER NOT NULL DEFAULT 0 CHECK (invite IN (0, 1)),
    -- The member this person became, linked explicitly (else found by phone).
    joined_member_id TEXT REFERENCES members (id),
    count            INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    note             TEXT,
    ticket_status    TEXT CHECK (ticket_status IS NULL OR ticket_status IN ('受理', '办理中', '办结')),
    ticket_handler   TEXT,
    ticket_outcome   TEXT,
    ticket_closed_on TEXT,
    insurance_scheme TEXT,
    insurance_from   TEXT,
    insurance_to     TEXT,
    insurance_no     TEXT,
    updated_at       TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    CHECK (kind <> 'member' OR member_id IS NOT NULL),
    CHECK (kind <> 'person' OR (person_name IS NOT NULL AND person_phone IS NOT NULL)),
    CHECK (kind = 'aggregate' OR count = 1)
) STRICT;
CREATE INDEX service_records_date ON service_records (date, post_id) WHERE deleted = 0;
CREATE INDEX service_records_post ON service_records (post_id, date) WHERE deleted = 0;
CREATE INDEX service_records_member ON service_records (member_id) WHERE deleted = 0;
CREATE INDEX service_records_phone ON service_records (person_phone) WHERE deleted = 0;
CREATE INDEX service_records_joined ON service_records (joined_member_id) WHERE deleted = 0;
CREATE INDEX service_records_type ON service_records (service_type) WHERE deleted = 0;

-- The office's list of service types lives in meta ('setting.service_types',
-- a JSON array); a new office gets the default list.
