import { Database } from '../db/database';

export type AuditEntry = { entraObjectId: string; action: string; urn?: string; detail?: string };

/** Appends to the audit trail. `detail` is for identifiers (a reference, a verb), never free text a user typed. */
export async function audit(db: Database, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await db.run('INSERT INTO audit_log (at, entra_object_id, action, urn, detail) VALUES (?, ?, ?, ?, ?)', [
    now.toISOString(),
    entry.entraObjectId,
    entry.action,
    entry.urn ?? null,
    entry.detail ?? null,
  ]);
}

export async function auditTrail(db: Database, filter: { urn?: string; entraObjectId?: string } = {}): Promise<(AuditEntry & { at: string })[]> {
  const rows = await db.all<{ at: string; entra_object_id: string; action: string; urn: string | null; detail: string | null }>(
    `SELECT at, entra_object_id, action, urn, detail FROM audit_log
      WHERE (? IS NULL OR urn = ?) AND (? IS NULL OR entra_object_id = ?) ORDER BY id`,
    [filter.urn ?? null, filter.urn ?? null, filter.entraObjectId ?? null, filter.entraObjectId ?? null],
  );
  return rows.map((r) => ({ at: r.at, entraObjectId: r.entra_object_id, action: r.action, urn: r.urn ?? undefined, detail: r.detail ?? undefined }));
}
