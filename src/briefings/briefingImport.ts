import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { Database } from '../db/database';
import { listDistricts } from '../repos/schoolRepo';
import { fillFreedPlaces, queueRemindersAfterMove } from './bookingService';
import { AUDIENCES } from './briefingRepo';
import { addDays, londonTime } from './briefingTime';

export const BRIEFING_COLUMNS = [
  'code', 'title', 'audience', 'district', 'date', 'start_time', 'end_time', 'venue', 'online_url',
  'capacity', 'status', 'description', 'summary', 'key_points', 'materials',
] as const;

const blankToNull = (s: string) => (s === '' ? null : s);
const listOf = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:30');
const httpsUrl = z.string().url().refine((u) => u.startsWith('https://'), 'must be an https:// link');
const material = z
  .string()
  .regex(/^(.+?)\s+(https:\/\/\S+)$/, 'each material must be a title then an https:// link, e.g. "Slides https://…"')
  .transform((s) => {
    const m = /^(.+?)\s+(https:\/\/\S+)$/.exec(s) as RegExpExecArray;
    return { title: m[1].trim(), url: m[2] };
  })
  .pipe(z.object({ title: z.string().max(200), url: httpsUrl }));

/** One row of the briefings CSV an LA officer maintains; blanks are allowed where a value is optional. */
export const briefingImportRow = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, 'code must be 2–40 letters, digits or dashes'),
    title: z.string().min(1, 'title is blank').max(200),
    audience: z.enum(AUDIENCES, { errorMap: () => ({ message: `audience must be one of ${AUDIENCES.join(', ')}` }) }),
    district: z.string().default('').transform(blankToNull),
    date: z.string().date('date must be YYYY-MM-DD'),
    start_time: clock,
    end_time: clock,
    venue: z.string().max(300).default('').transform(blankToNull),
    online_url: z.string().default('').transform(blankToNull).pipe(httpsUrl.nullable()),
    capacity: z.coerce.number({ invalid_type_error: 'capacity must be a number' }).int('capacity must be a whole number').positive('capacity must be at least 1').max(5000),
    status: z.string().default('').transform((s) => s || 'scheduled').pipe(z.enum(['scheduled', 'cancelled'], { errorMap: () => ({ message: 'status must be scheduled or cancelled' }) })),
    description: z.string().max(2000).default(''),
    summary: z.string().max(4000).default('').transform(blankToNull),
    key_points: z.string().default('').transform(listOf).pipe(z.array(z.string().max(500)).max(12)),
    materials: z.string().default('').transform(listOf).pipe(z.array(material).max(10)),
  })
  .refine((r) => r.end_time > r.start_time, { message: 'end_time must be after start_time' })
  .refine((r) => r.venue !== null || r.online_url !== null, { message: 'give a venue, an online_url, or both' });
export type BriefingImportRow = z.infer<typeof briefingImportRow>;

export type BriefingImportResult = { added: number; changed: number; promoted: number; errors: { line: number; message: string }[] };
type Parsed = { line: number; row: BriefingImportRow };

const issuesText = (e: z.ZodError) => e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/**
 * Adds or changes briefings from a CSV, matched on `code`. All or nothing: every row is checked
 * (and reported with its line number) before anything is written. `shiftDays` moves every date,
 * which keeps the demo programme current whenever it is loaded.
 */
export async function importBriefingsCsv(db: Database, csvText: string, now: Date, options: { shiftDays?: number } = {}): Promise<BriefingImportResult> {
  const { rows, errors } = parseRows(csvText);
  errors.push(...(await crossCheck(db, rows)));
  if (errors.length) return { added: 0, changed: 0, promoted: 0, errors: errors.sort((a, b) => a.line - b.line) };
  return db.transaction(async (tx) => {
    const result: BriefingImportResult = { added: 0, changed: 0, promoted: 0, errors: [] };
    for (const { row } of rows) {
      const { id, added, moved } = await upsertBriefing(tx, row, options.shiftDays ?? 0, now);
      if (added) result.added++;
      else result.changed++;
      result.promoted += (await fillFreedPlaces(tx, id, now)).length;
      if (moved) await queueRemindersAfterMove(tx, id, now);
    }
    return result;
  });
}

function parseRows(csvText: string): { rows: Parsed[]; errors: BriefingImportResult['errors'] } {
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csvText, {
      bom: true,
      comment: '#',
      columns: (h: string[]) => (header = h.map((x) => x.trim())),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (err) {
    return { rows: [], errors: [{ line: 1, message: `not a readable CSV file: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  const missing = BRIEFING_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { rows: [], errors: [{ line: 1, message: `missing column(s): ${missing.join(', ')}` }] };
  const rows: Parsed[] = [];
  const errors: BriefingImportResult['errors'] = [];
  for (const { record, info } of records) {
    const parsed = briefingImportRow.safeParse(record);
    if (parsed.success) rows.push({ line: info.lines, row: parsed.data });
    else errors.push({ line: info.lines, message: issuesText(parsed.error) });
  }
  return { rows, errors };
}

/** Checks that need the whole file or the database: repeated codes, unknown districts, places already booked. */
async function crossCheck(db: Database, rows: Parsed[]): Promise<BriefingImportResult['errors']> {
  const errors: BriefingImportResult['errors'] = [];
  const districts = await listDistricts(db);
  const firstLine = new Map<string, number>();
  for (const { line, row } of rows) {
    const code = row.code.toUpperCase();
    const seen = firstLine.get(code);
    if (seen) errors.push({ line, message: `code ${row.code} is also on line ${seen}` });
    else firstLine.set(code, line);
    if (row.district && !districts.includes(row.district)) {
      errors.push({ line, message: `unknown district "${row.district}": use one of ${districts.join(', ')}, or leave it blank for a county-wide briefing` });
    }
    const booked = await db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM briefing_bookings k JOIN briefings b ON b.id = k.briefing_id WHERE b.code = ? AND k.status = 'booked'`,
      [code],
    );
    if (booked && booked.n > row.capacity) errors.push({ line, message: `capacity ${row.capacity} is below the ${booked.n} places already booked` });
  }
  return errors;
}

async function upsertBriefing(tx: Database, row: BriefingImportRow, shiftDays: number, now: Date): Promise<{ id: number; added: boolean; moved: boolean }> {
  const date = addDays(row.date, shiftDays);
  const startsAt = londonTime(date, row.start_time).toISOString();
  const code = row.code.toUpperCase();
  const before = await tx.get<{ id: number; starts_at: string }>('SELECT id, starts_at FROM briefings WHERE code = ?', [code]);
  await tx.run(
    `INSERT INTO briefings (code, title, audience, district, starts_at, ends_at, venue, online_url, capacity, status, description, summary, key_points, materials, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET title = excluded.title, audience = excluded.audience, district = excluded.district,
       starts_at = excluded.starts_at, ends_at = excluded.ends_at, venue = excluded.venue, online_url = excluded.online_url,
       capacity = excluded.capacity, status = excluded.status, description = excluded.description, summary = excluded.summary,
       key_points = excluded.key_points, materials = excluded.materials, updated_at = excluded.updated_at`,
    [
      code, row.title, row.audience, row.district, startsAt, londonTime(date, row.end_time).toISOString(), row.venue, row.online_url,
      row.capacity, row.status, row.description, row.summary, JSON.stringify(row.key_points), JSON.stringify(row.materials), now.toISOString(),
    ],
  );
  const after = (await tx.get<{ id: number }>('SELECT id FROM briefings WHERE code = ?', [code])) as { id: number };
  return { id: after.id, added: !before, moved: before !== undefined && before.starts_at !== startsAt };
}
