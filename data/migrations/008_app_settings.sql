-- Small facts the app keeps about itself, e.g. which demo data was last loaded.
CREATE TABLE app_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
