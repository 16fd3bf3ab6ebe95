-- LA briefings (district, headteacher and governor briefings) and the places booked on them.
-- A briefing is added or changed by the admin CSV import, matched on its code.
CREATE TABLE briefings (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  audience    TEXT NOT NULL CHECK (audience IN ('headteachers', 'governors', 'heads_and_governors')),
  -- NULL for a county-wide briefing.
  district    TEXT,
  starts_at   TEXT NOT NULL,
  ends_at     TEXT NOT NULL,
  venue       TEXT,
  online_url  TEXT,
  capacity    INTEGER NOT NULL CHECK (capacity > 0),
  status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  description TEXT NOT NULL DEFAULT '',
  -- What was covered, filled in after the event; key points and materials are JSON arrays.
  summary     TEXT,
  key_points  TEXT NOT NULL DEFAULT '[]',
  materials   TEXT NOT NULL DEFAULT '[]',
  updated_at  TEXT NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (venue IS NOT NULL OR online_url IS NOT NULL)
);
CREATE INDEX briefings_starts ON briefings (starts_at);

-- One row per place asked for. The attendee may be the person who booked or, for a headteacher,
-- a named colleague; attendee_entra_object_id is set when the attendee is a registered user.
CREATE TABLE briefing_bookings (
  id                       INTEGER PRIMARY KEY AUTOINCREMENT,
  briefing_id              INTEGER NOT NULL REFERENCES briefings (id),
  urn                      TEXT NOT NULL REFERENCES schools (urn),
  attendee_name            TEXT NOT NULL,
  attendee_email           TEXT NOT NULL,
  attendee_entra_object_id TEXT,
  -- NULL for places loaded with the demo data rather than booked through the bot.
  booked_by                TEXT,
  status                   TEXT NOT NULL CHECK (status IN ('booked', 'waiting', 'cancelled')),
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL
);
-- One live place (booked or waiting) per person per briefing; a cancelled one may be booked again.
CREATE UNIQUE INDEX briefing_bookings_one_live ON briefing_bookings (briefing_id, attendee_email)
  WHERE status IN ('booked', 'waiting');
CREATE INDEX briefing_bookings_by_briefing ON briefing_bookings (briefing_id, status, created_at);
CREATE INDEX briefing_bookings_by_attendee ON briefing_bookings (attendee_entra_object_id);
CREATE INDEX briefing_bookings_by_booker ON briefing_bookings (booked_by);

-- The service checks capacity inside its transaction; these make over-booking impossible whatever the code path.
CREATE TRIGGER briefing_bookings_capacity_insert
BEFORE INSERT ON briefing_bookings
WHEN NEW.status = 'booked'
 AND (SELECT COUNT(*) FROM briefing_bookings WHERE briefing_id = NEW.briefing_id AND status = 'booked')
     >= (SELECT capacity FROM briefings WHERE id = NEW.briefing_id)
BEGIN
  SELECT RAISE(ABORT, 'briefing is full');
END;

CREATE TRIGGER briefing_bookings_capacity_update
BEFORE UPDATE OF status ON briefing_bookings
WHEN NEW.status = 'booked' AND OLD.status <> 'booked'
 AND (SELECT COUNT(*) FROM briefing_bookings WHERE briefing_id = NEW.briefing_id AND status = 'booked')
     >= (SELECT capacity FROM briefings WHERE id = NEW.briefing_id)
BEGIN
  SELECT RAISE(ABORT, 'briefing is full');
END;

CREATE TRIGGER briefings_capacity_not_below_booked
BEFORE UPDATE OF capacity ON briefings
WHEN NEW.capacity < (SELECT COUNT(*) FROM briefing_bookings WHERE briefing_id = NEW.id AND status = 'booked')
BEGIN
  SELECT RAISE(ABORT, 'capacity is below the places already booked');
END;
