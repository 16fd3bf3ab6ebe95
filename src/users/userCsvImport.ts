import { parse } from 'csv-parse/sync';
import { Database } from '../db/database';
import { upsertUsers, userImportRow, UserImportRow } from '../repos/userRepo';

export type UserImportResult = { imported: number; errors: { line: number; message: string }[] };

/**
 * Reads the council's user provisioning CSV (entra_object_id, email, display_name, role, school_urns).
 * All or nothing: one bad row (or an unknown school) and nothing is written, so a typo cannot
 * half-apply a change to who can see what.
 */
export async function importUsersCsv(db: Database, csvText: string): Promise<UserImportResult> {
  const records: Record<string, string>[] = parse(csvText, { bom: true, columns: true, skip_empty_lines: true, trim: true });
  const errors: UserImportResult['errors'] = [];
  const rows: { line: number; row: UserImportRow }[] = [];
  for (const [i, record] of records.entries()) {
    const parsed = userImportRow.safeParse(record);
    if (parsed.success) rows.push({ line: i + 2, row: parsed.data });
    else errors.push({ line: i + 2, message: parsed.error.issues.map((x) => x.message).join('; ') });
  }
  const known = new Set((await db.all<{ urn: string }>('SELECT urn FROM schools')).map((r) => r.urn));
  for (const { line, row } of rows) {
    const unknown = row.school_urns.filter((u) => !known.has(u));
    if (unknown.length) errors.push({ line, message: `unknown school URN ${unknown.join(', ')} (import the DfE files first)` });
  }
  if (errors.length) return { imported: 0, errors: errors.sort((a, b) => a.line - b.line) };
  await upsertUsers(db, rows.map((r) => r.row));
  return { imported: rows.length, errors };
}
