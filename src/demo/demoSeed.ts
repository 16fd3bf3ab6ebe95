import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { seedDemoBriefings } from '../briefings/demoBriefings';
import { Database } from '../db/database';
import { importUsersCsv } from '../users/userCsvImport';
import { DATA_DIR } from '../projectPaths';
import { getSetting, putSetting } from '../repos/appSettingsRepo';

const DEMO_DIR = path.join(DATA_DIR, 'demo');

const districtsFile = z.object({
  towns: z.record(z.array(z.string())),
  postcodeDistricts: z.record(z.array(z.string())),
});
const advisersFile = z.object({
  advisers: z.array(z.object({ name: z.string(), email: z.string().email(), districts: z.array(z.string()) })),
  visitFoci: z.array(z.string()).min(3),
  visitNotes: z.array(z.string()).min(3),
});
const noticesFile = z.object({
  notices: z.array(
    z.object({
      urn: z.string().regex(/^\d{6}$/),
      issuedOn: z.string().date(),
      status: z.enum(['open', 'closed']),
      reviewDue: z.string().date().nullable(),
      reason: z.string(),
    }),
  ),
});

const readJson = <T>(schema: z.ZodType<T>, file: string): T =>
  schema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8')));

/**
 * Loads the fictional LA-internal layer and demo users. Safe to run on every start; skipped when the
 * demo files and the date (visits turn from planned to completed) are as they were last time.
 */
export async function seedDemoData(db: Database, today: Date = new Date()): Promise<void> {
  const lastImport = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM import_runs');
  const fingerprint = demoFingerprint(today, String(lastImport?.id ?? 0));
  if ((await getSetting(db, 'demo_seed')) === fingerprint) return;
  await loadDemoLayer(db, today);
  await putSetting(db, 'demo_seed', fingerprint);
}

/** Changes when a demo file, the date or the imported schools change. */
function demoFingerprint(today: Date, lastImportId: string): string {
  const hash = createHash('sha256').update(today.toISOString().slice(0, 10)).update(lastImportId);
  for (const entry of fs.readdirSync(DEMO_DIR, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile()) hash.update(entry.name).update(fs.readFileSync(path.join(DEMO_DIR, entry.name)));
  }
  return hash.digest('hex');
}

async function loadDemoLayer(db: Database, today: Date): Promise<void> {
  await assignDistricts(db, readJson(districtsFile, 'districts.json'));
  const advisers = readJson(advisersFile, 'advisers.json');
  await assignAdvisersAndVisits(db, advisers, today);
  await seedNotices(db, readJson(noticesFile, 'notices.json'));
  const users = await importUsersCsv(db, fs.readFileSync(path.join(DEMO_DIR, 'users.csv'), 'utf8'));
  if (users.errors.length) throw new Error(`Demo users.csv: ${users.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  await seedDemoBriefings(db, today);
}

export function districtFor(town: string, postcode: string, map: z.infer<typeof districtsFile>): string | undefined {
  const normalisedTown = town.trim().toLowerCase();
  for (const [district, towns] of Object.entries(map.towns)) {
    if (towns.some((t) => t.toLowerCase() === normalisedTown)) return district;
  }
  const outward = postcode.trim().toUpperCase().split(/\s+/)[0];
  for (const [district, codes] of Object.entries(map.postcodeDistricts)) {
    if (codes.includes(outward)) return district;
  }
  return undefined;
}

async function assignDistricts(db: Database, map: z.infer<typeof districtsFile>): Promise<void> {
  const schools = await db.all<{ urn: string; town: string | null; postcode: string | null }>('SELECT urn, town, postcode FROM schools');
  await db.transaction(async (tx) => {
    for (const s of schools) {
      const district = districtFor(s.town ?? '', s.postcode ?? '', map);
      if (district) await tx.run('INSERT OR REPLACE INTO school_districts (urn, district) VALUES (?, ?)', [s.urn, district]);
    }
  });
}

/** Deterministic pseudo-random choice per school, so re-seeding gives the same demo. */
const pick = <T>(items: T[], seed: number): T => items[Math.abs(seed) % items.length];

/** Three half-day visits per academic year (autumn, spring, summer) for each state-funded school. */
async function assignAdvisersAndVisits(db: Database, file: z.infer<typeof advisersFile>, today: Date): Promise<void> {
  const schools = await db.all<{ urn: string; district: string }>(
    `SELECT s.urn, d.district FROM schools s JOIN school_districts d ON d.urn = s.urn
      WHERE s.status = 'Open' AND s.type_group IN ('Maintained school', 'Academy', 'Special school') AND s.school_type NOT LIKE '%independent%'`,
  );
  const year = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const termDates = [`${year}-10-`, `${year + 1}-02-`, `${year + 1}-06-`, `${year - 1}-10-`, `${year}-02-`, `${year}-06-`];
  const todayIso = today.toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    for (const s of schools) {
      const adviser = file.advisers.find((a) => a.districts.includes(s.district));
      if (!adviser) continue;
      await tx.run('INSERT OR REPLACE INTO adviser_assignments (urn, adviser_name, adviser_email) VALUES (?, ?, ?)', [s.urn, adviser.name, adviser.email]);
      const seed = Number(s.urn);
      for (const [i, prefix] of termDates.entries()) {
        const date = `${prefix}${String(5 + ((seed + i * 7) % 20)).padStart(2, '0')}`;
        const completed = date < todayIso;
        await tx.run(
          `INSERT OR REPLACE INTO adviser_visits (urn, visit_date, adviser_name, status, focus, notes) VALUES (?, ?, ?, ?, ?, ?)`,
          [s.urn, date, adviser.name, completed ? 'completed' : 'planned', pick(file.visitFoci, seed + i), completed ? pick(file.visitNotes, seed + i) : ''],
        );
      }
    }
  });
}

async function seedNotices(db: Database, file: z.infer<typeof noticesFile>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const n of file.notices) {
      const exists = await tx.get('SELECT 1 FROM schools WHERE urn = ?', [n.urn]);
      if (!exists) continue;
      await tx.run(
        `INSERT INTO notices_of_concern (urn, issued_on, reason, status, review_due) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (urn, issued_on) DO UPDATE SET reason = excluded.reason, status = excluded.status, review_due = excluded.review_due`,
        [n.urn, n.issuedOn, n.reason, n.status, n.reviewDue],
      );
    }
  });
}
