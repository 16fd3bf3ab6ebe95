import { Database } from '../db/database';

export type OutboxMessage = {
  id: number;
  kind: string;
  dedupeKey: string;
  entraObjectId: string;
  dueAt: string;
  payload: Record<string, unknown>;
  attempts: number;
};

type Row = { id: number; kind: string; dedupe_key: string; entra_object_id: string; due_at: string; payload: string; attempts: number };

/**
 * Queues a proactive message. The dedupe key makes it idempotent: the same reminder for the same
 * booking is queued once however often the triggering code runs. Pass a transaction to queue the
 * message atomically with the change that caused it.
 */
export async function enqueue(
  tx: Database,
  m: { kind: string; dedupeKey: string; entraObjectId: string; dueAt: Date; payload: Record<string, unknown> },
): Promise<boolean> {
  const result = await tx.run(
    `INSERT INTO outbox (kind, dedupe_key, entra_object_id, due_at, payload) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [m.kind, m.dedupeKey, m.entraObjectId.toLowerCase(), m.dueAt.toISOString(), JSON.stringify(m.payload)],
  );
  return result.changes === 1;
}

export async function cancelPending(tx: Database, dedupeKey: string): Promise<void> {
  await tx.run(`UPDATE outbox SET status = 'cancelled' WHERE dedupe_key = ? AND status = 'pending'`, [dedupeKey]);
}

export async function dueMessages(db: Database, now: Date, limit = 50): Promise<OutboxMessage[]> {
  const rows = await db.all<Row>(
    `SELECT id, kind, dedupe_key, entra_object_id, due_at, payload, attempts FROM outbox
      WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    dedupeKey: r.dedupe_key,
    entraObjectId: r.entra_object_id,
    dueAt: r.due_at,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    attempts: r.attempts,
  }));
}

export async function markSent(db: Database, id: number, now: Date): Promise<void> {
  await db.run(`UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?`, [now.toISOString(), id]);
}

/** A failed send is retried later with back-off, and given up after `maxAttempts`. */
export async function markFailed(db: Database, id: number, error: string, now: Date, maxAttempts = 5): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx.get<{ attempts: number }>('SELECT attempts FROM outbox WHERE id = ?', [id]);
    const attempts = (row?.attempts ?? 0) + 1;
    const retryAt = new Date(now.getTime() + Math.min(60, 2 ** attempts) * 60_000);
    await tx.run(`UPDATE outbox SET attempts = ?, last_error = ?, status = ?, due_at = ? WHERE id = ?`, [
      attempts,
      error.slice(0, 500),
      attempts >= maxAttempts ? 'failed' : 'pending',
      retryAt.toISOString(),
      id,
    ]);
  });
}
