-- 0006: truck-driver outbound reports (外出报告, issue #6).
-- Never edit once shipped.

-- One trip of a driver (a member). Travels. `state` is the review state
-- (draft | reported | filed | returned); the trip's status (away, overdue,
-- lost, back) is computed from the dates with today's date, never stored.
CREATE TABLE outbound_trips (
    id               TEXT PRIMARY KEY,      -- UUIDv7
    member_id        TEXT NOT NULL REFERENCES members (id),
    -- The driver's org (village) when the report was taken: the stratum of
    -- spot checks and the key of the per-village counts.
    org_id           TEXT NOT NULL REFERENCES org_units (id),
    plate_number     TEXT NOT NULL,
    vehicle_type     TEXT,
    departure_date   TEXT NOT NULL,
    expected_return  TEXT NOT NULL,
    returned_on      TEXT,
    dest_province    TEXT NOT NULL,         -- one of the 34 provincial divisions
    dest_city        TEXT,
    dest_county      TEXT,
    dest_address     TEXT,
    dest_park        TEXT,                  -- logistics park / company / platform
    road_phone       TEXT NOT NULL,
    family_spouse    TEXT,
    family_children  TEXT,
    family_elderly   TEXT,
    family_needs     TEXT,
    emergency_name   TEXT,
    emergency_relation TEXT,
    emergency_phone  TEXT,
    reported_by      TEXT,                  -- the cadre who took the report
    reported_on      TEXT NOT NULL,
    notes            TEXT,
    state            TEXT NOT NULL DEFAULT 'draft'
                     CHECK (state IN ('draft', 'reported', 'filed', 'returned')),
    state_reason     TEXT,                  -- reason of the latest return / reopening
    -- Latest successful contact and where the driver said they were then:
    -- kept on the row by the contact log (same transaction).
    last_contact_on  TEXT,
    current_location TEXT,
    updated_at       TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX outbound_trips_member ON outbound_trips (member_id, departure_date) WHERE deleted = 0;
CREATE INDEX outbound_trips_org ON outbound_trips (org_id, returned_on) WHERE deleted = 0;
CREATE INDEX outbound_trips_departure ON outbound_trips (departure_date) WHERE deleted = 0;

-- Each step of a report's review (上报, 备案, 退回, 重新打开). Travels.
CREATE TABLE outbound_reviews (
    id          TEXT PRIMARY KEY,
    trip_id     TEXT NOT NULL REFERENCES outbound_trips (id),
    action      TEXT NOT NULL CHECK (action IN ('report', 'file', 'return', 'reopen')),
    from_state  TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    reason      TEXT,
    actor       TEXT,
    date        TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX outbound_reviews_trip ON outbound_reviews (trip_id, at_ms) WHERE deleted = 0;

-- The contact log of a trip. Travels.
CREATE TABLE outbound_contacts (
    id           TEXT PRIMARY KEY,
    trip_id      TEXT NOT NULL REFERENCES outbound_trips (id),
    date         TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('phone', 'wechat', 'visit', 'family')),
    reached      INTEGER NOT NULL CHECK (reached IN (0, 1)),
    note         TEXT,
    new_location TEXT,
    actor        TEXT,
    at_ms        INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX outbound_contacts_trip ON outbound_contacts (trip_id, date) WHERE deleted = 0;

-- A spot check (随机电话抽查) drawn with a seed. Travels.
CREATE TABLE outbound_spot_checks (
    id          TEXT PRIMARY KEY,
    drawn_on    TEXT NOT NULL,
    seed        TEXT NOT NULL,
    size_spec   TEXT NOT NULL,              -- "10" or "10%"
    scope_org_id TEXT REFERENCES org_units (id),
    population  INTEGER NOT NULL,
    actor       TEXT,
    notes       TEXT,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;

-- One trip drawn in a spot check and the call's outcome. Travels.
CREATE TABLE outbound_spot_items (
    id          TEXT PRIMARY KEY,
    check_id    TEXT NOT NULL REFERENCES outbound_spot_checks (id),
    trip_id     TEXT NOT NULL REFERENCES outbound_trips (id),
    org_id      TEXT NOT NULL REFERENCES org_units (id),  -- the stratum
    position    INTEGER NOT NULL,           -- order drawn
    outcome     TEXT CHECK (outcome IN ('consistent', 'mismatch', 'no_answer', 'dead_number')),
    note        TEXT,
    called_on   TEXT,
    actor       TEXT,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX outbound_spot_items_check ON outbound_spot_items (check_id, position) WHERE deleted = 0;
