-- Feedback on the services a school received, and the services other than adviser visits that
-- schools received (governor services, CPD courses…). Adviser visits stay in adviser_visits.

CREATE TABLE services_received (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  urn          TEXT NOT NULL REFERENCES schools (urn),
  service_kind TEXT NOT NULL CHECK (service_kind IN ('governor_services', 'cpd')),
  title        TEXT NOT NULL,
  delivered_on TEXT NOT NULL,
  UNIQUE (urn, service_kind, title, delivered_on)
);

-- One row per submission. Stored before the bot says thank you; analysed afterwards, so analysis
-- can be slow or down without losing or delaying a submission.
CREATE TABLE feedback (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  reference         TEXT NOT NULL UNIQUE,
  urn               TEXT NOT NULL REFERENCES schools (urn),
  -- 'visit:<urn>:<visit date>' (adviser_visits' natural key) or 'service:<services_received.id>'
  service_ref       TEXT NOT NULL,
  service_kind      TEXT NOT NULL CHECK (service_kind IN ('adviser_visit', 'governor_services', 'cpd')),
  service_date      TEXT NOT NULL,
  rating            INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  helped            TEXT CHECK (helped IN ('yes', 'partly', 'no', 'not_yet')),
  comment           TEXT NOT NULL DEFAULT '',
  may_contact       INTEGER NOT NULL CHECK (may_contact IN (0, 1)),
  submitted_by      TEXT NOT NULL,
  submitter_role    TEXT NOT NULL,
  submitted_at      TEXT NOT NULL,
  -- Idempotency: a double click re-sends the same card instance; a channel retry re-sends the same activity.
  card_instance_id  TEXT NOT NULL UNIQUE,
  activity_key      TEXT UNIQUE,
  analysis_status   TEXT NOT NULL DEFAULT 'pending' CHECK (analysis_status IN ('pending', 'done', 'failed')),
  analysis_attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at   TEXT NOT NULL,
  analysis_error    TEXT,
  analysed_by       TEXT,
  analysed_at       TEXT,
  sentiment         TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative', 'mixed')),
  key_phrases       TEXT,
  redacted_comment  TEXT,
  UNIQUE (submitted_by, service_ref)
);
CREATE INDEX feedback_analysis_due ON feedback (analysis_status, next_attempt_at);
CREATE INDEX feedback_service ON feedback (service_kind, service_date);
CREATE INDEX feedback_urn ON feedback (urn);
