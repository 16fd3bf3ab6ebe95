-- Traded services: who manages which team, what schools subscribe to, and enquiries and orders
-- with their status history. The catalogue itself is data (data/traded/catalogue.json), so
-- service and team ids here are checked against it by the code, not by foreign keys.

CREATE TABLE traded_team_managers (
  team_id         TEXT NOT NULL,
  entra_object_id TEXT NOT NULL REFERENCES users (entra_object_id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, entra_object_id)
);

-- annual_price_pence: as invoiced, excluding VAT; NULL when not recorded (shown as not recorded, never £0).
CREATE TABLE traded_subscriptions (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  urn                TEXT NOT NULL REFERENCES schools (urn),
  service_id         TEXT NOT NULL,
  contract_length    TEXT NOT NULL CHECK (contract_length IN ('one_year', 'three_year')),
  starts_on          TEXT NOT NULL,
  ends_on            TEXT NOT NULL,
  annual_price_pence INTEGER,
  source             TEXT NOT NULL,
  UNIQUE (urn, service_id, starts_on)
);
CREATE INDEX traded_subscriptions_urn ON traded_subscriptions (urn, ends_on);

-- card_instance_id comes from the form the user filled in: a double-clicked submit carries the
-- same id and is stored once. requested_by is kept without a foreign key so the record outlives
-- a user's removal.
CREATE TABLE traded_enquiries (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  reference          TEXT UNIQUE,
  card_instance_id   TEXT NOT NULL UNIQUE,
  kind               TEXT NOT NULL CHECK (kind IN ('order', 'enquiry')),
  urn                TEXT NOT NULL REFERENCES schools (urn),
  service_id         TEXT NOT NULL,
  contract_length    TEXT NOT NULL CHECK (contract_length IN ('one_year', 'three_year', 'one_off')),
  quantity           INTEGER,
  start_term         TEXT NOT NULL,
  contact_name       TEXT NOT NULL,
  contact_email      TEXT NOT NULL,
  contact_phone      TEXT NOT NULL DEFAULT '',
  notes              TEXT NOT NULL DEFAULT '',
  price_quoted       TEXT NOT NULL DEFAULT '',
  requested_by       TEXT NOT NULL,
  requested_by_name  TEXT NOT NULL,
  requested_by_role  TEXT NOT NULL,
  team_id            TEXT NOT NULL,
  team_email         TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'confirmed', 'declined', 'closed')),
  created_at         TEXT NOT NULL
);
CREATE INDEX traded_enquiries_team ON traded_enquiries (team_id, created_at);
CREATE INDEX traded_enquiries_urn ON traded_enquiries (urn, created_at);

CREATE TABLE traded_enquiry_status_history (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  enquiry_id  INTEGER NOT NULL REFERENCES traded_enquiries (id) ON DELETE CASCADE,
  status      TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'confirmed', 'declined', 'closed')),
  changed_at  TEXT NOT NULL,
  changed_by  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX traded_enquiry_status_history_enquiry ON traded_enquiry_status_history (enquiry_id, id);
