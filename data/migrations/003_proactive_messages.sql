-- Where to reach each user proactively (captured on every turn), and the outbox of proactive
-- messages (feedback prompts, reminders, waiting-list offers). Both durable, never in memory.
CREATE TABLE conversation_references (
  entra_object_id TEXT PRIMARY KEY,
  reference       TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL,
  dedupe_key      TEXT NOT NULL UNIQUE,
  entra_object_id TEXT NOT NULL,
  due_at          TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox (status, due_at);
