-- Published DfE data: schools, every figure with its status, and the import log.
CREATE TABLE schools (
  urn            TEXT PRIMARY KEY,
  la_code        TEXT NOT NULL,
  la_name        TEXT,
  estab          TEXT,
  name           TEXT NOT NULL,
  town           TEXT,
  postcode       TEXT,
  phase          TEXT NOT NULL,
  school_type    TEXT,
  type_group     TEXT,
  status         TEXT,
  age_low        INTEGER,
  age_high       INTEGER,
  info_year      TEXT NOT NULL
);
CREATE INDEX schools_la ON schools (la_code);

-- subject_kind: 'school' (subject_code = URN), 'la' (LA code) or 'national' (subject_code = 'england').
-- cohort: '' for a whole row; census comparators come per phase ('PRI', 'SEC', 'SPE').
-- status: value | suppressed | not_published | not_applicable | no_pupils | low_coverage | new_school | missing
CREATE TABLE measure_values (
  subject_kind   TEXT NOT NULL CHECK (subject_kind IN ('school', 'la', 'national')),
  subject_code   TEXT NOT NULL,
  cohort         TEXT NOT NULL DEFAULT '',
  measure_id     TEXT NOT NULL,
  academic_year  TEXT NOT NULL,
  status         TEXT NOT NULL,
  value          REAL,
  source         TEXT NOT NULL,
  PRIMARY KEY (subject_kind, subject_code, cohort, measure_id, academic_year)
);
CREATE INDEX measure_values_measure ON measure_values (measure_id, academic_year, subject_kind);

CREATE TABLE import_runs (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  file           TEXT NOT NULL,
  dataset        TEXT NOT NULL,
  academic_year  TEXT NOT NULL,
  rows_read      INTEGER NOT NULL,
  rows_imported  INTEGER NOT NULL,
  rows_rejected  INTEGER NOT NULL,
  problems       TEXT NOT NULL,
  imported_at    TEXT NOT NULL
);
