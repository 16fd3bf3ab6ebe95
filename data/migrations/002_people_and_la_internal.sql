-- Who is who (provisioned by the council's IT team) and the LA-internal layer.
CREATE TABLE users (
  entra_object_id TEXT PRIMARY KEY,
  email           TEXT NOT NULL,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('headteacher', 'governor', 'chair_of_governors', 'la_adviser', 'la_officer', 'service_manager')),
  active          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE user_schools (
  entra_object_id TEXT NOT NULL REFERENCES users (entra_object_id) ON DELETE CASCADE,
  urn             TEXT NOT NULL REFERENCES schools (urn),
  PRIMARY KEY (entra_object_id, urn)
);

CREATE TABLE school_districts (
  urn       TEXT PRIMARY KEY REFERENCES schools (urn),
  district  TEXT NOT NULL
);
CREATE INDEX school_districts_district ON school_districts (district);

CREATE TABLE adviser_assignments (
  urn             TEXT PRIMARY KEY REFERENCES schools (urn),
  adviser_name    TEXT NOT NULL,
  adviser_email   TEXT NOT NULL
);

CREATE TABLE adviser_visits (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  urn         TEXT NOT NULL REFERENCES schools (urn),
  visit_date  TEXT NOT NULL,
  adviser_name TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('planned', 'completed')),
  focus       TEXT NOT NULL,
  notes       TEXT NOT NULL,
  UNIQUE (urn, visit_date)
);

CREATE TABLE notices_of_concern (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  urn         TEXT NOT NULL REFERENCES schools (urn),
  issued_on   TEXT NOT NULL,
  reason      TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  review_due  TEXT,
  UNIQUE (urn, issued_on)
);

-- Bot Framework conversation and dialog state, so a restart or a second instance loses nothing.
CREATE TABLE bot_state (
  key         TEXT PRIMARY KEY,
  document    TEXT NOT NULL,
  etag        INTEGER NOT NULL,
  updated_at  TEXT NOT NULL
);
