-- Who viewed which school's restricted data and who submitted what. Never message or comment text.
CREATE TABLE audit_log (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  at              TEXT NOT NULL,
  entra_object_id TEXT NOT NULL,
  action          TEXT NOT NULL,
  urn             TEXT,
  detail          TEXT
);
CREATE INDEX audit_log_urn ON audit_log (urn, at);
CREATE INDEX audit_log_user ON audit_log (entra_object_id, at);
