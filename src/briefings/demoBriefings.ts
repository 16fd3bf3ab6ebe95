import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Database } from '../db/database';
import { DATA_DIR } from '../projectPaths';
import { getSchools } from '../repos/schoolRepo';
import { findUser } from '../repos/userRepo';
import { schoolForBooking } from './briefingAccess';
import { importBriefingsCsv } from './briefingImport';
import { Briefing, getBriefing, insertBooking } from './briefingRepo';
import { londonParts } from './briefingTime';

const DEMO_DIR = path.join(DATA_DIR, 'demo');
/** The "today" the demo programme in briefings.csv was written for. */
const WRITTEN_FOR = '2026-12-02';
const STATE_FUNDED = `s.status = 'Open' AND s.type_group IN ('Maintained school', 'Academy', 'Special school')`;

const placesFile = z.object({
  places: z.array(z.object({ briefing: z.string(), booked: z.union([z.literal('full'), z.number().int().min(0)]), waiting: z.number().int().min(0) })),
  demoUserPlaces: z.array(z.object({ briefing: z.string(), email: z.string().email() })),
});
type PlacesFile = z.infer<typeof placesFile>;

/** Whole weeks from the date the demo was written for to today, so briefings keep their weekdays. */
function weeksShift(now: Date): number {
  const days = (Date.parse(`${londonParts(now).date}T00:00:00Z`) - Date.parse(`${WRITTEN_FOR}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7) * 7;
}

/**
 * Loads the fictional briefings programme through the admin import, then fills some briefings
 * (two of them past capacity, with a waiting list). Safe to run on every start: briefings are
 * matched on their code and a briefing that already has bookings is left as it is.
 */
export async function seedDemoBriefings(db: Database, now: Date = new Date()): Promise<void> {
  const csv = fs.readFileSync(path.join(DEMO_DIR, 'briefings.csv'), 'utf8');
  const result = await importBriefingsCsv(db, csv, now, { shiftDays: weeksShift(now) });
  if (result.errors.length) throw new Error(`Demo briefings.csv: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  const file = placesFile.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'briefingBookings.json'), 'utf8')));
  await seedSchoolPlaces(db, file, now);
  await seedDemoUserPlaces(db, file, now);
}

async function briefingByCode(db: Database, code: string): Promise<Briefing> {
  const row = await db.get<{ id: number }>('SELECT id FROM briefings WHERE code = ?', [code]);
  const briefing = row && (await getBriefing(db, row.id));
  if (!briefing) throw new Error(`Demo briefingBookings.json: no briefing ${code} in briefings.csv`);
  return briefing;
}

/** Places for fictional attendees ("Headteacher, <school>"), leaving the demo users' own schools free. */
async function seedSchoolPlaces(db: Database, file: PlacesFile, now: Date): Promise<void> {
  for (const p of file.places) {
    const briefing = await briefingByCode(db, p.briefing);
    const any = await db.get('SELECT 1 FROM briefing_bookings WHERE briefing_id = ? LIMIT 1', [briefing.id]);
    if (any) continue;
    const schools = await db.all<{ urn: string }>(
      `SELECT s.urn FROM schools s JOIN school_districts d ON d.urn = s.urn
        WHERE ${STATE_FUNDED} AND (? IS NULL OR d.district = ?) AND s.urn NOT IN (SELECT urn FROM user_schools)
        ORDER BY (CAST(s.urn AS INTEGER) * 7919) % 1009, s.urn`,
      [briefing.district, briefing.district],
    );
    const booked = p.booked === 'full' ? briefing.capacity : Math.min(p.booked, briefing.capacity);
    const role = briefing.audience === 'governors' ? 'Chair of governors' : 'Headteacher';
    await db.transaction(async (tx) => {
      for (const [i, s] of schools.slice(0, booked + p.waiting).entries()) {
        await insertBooking(
          tx,
          {
            briefingId: briefing.id,
            urn: s.urn,
            attendeeName: role,
            attendeeEmail: `${role.toLowerCase().replace(/ /g, '.')}.${s.urn}@schools.demo.example`,
            attendeeEntraObjectId: null,
            bookedBy: null,
            status: i < booked ? 'booked' : 'waiting',
          },
          new Date(now.getTime() - (booked + p.waiting - i) * 60_000),
        );
      }
    });
  }
}

/**
 * Demo users' own places, as if they had booked them. No reminder is queued for them, so loading
 * the demo never messages anyone; places booked while trying the bot get their reminders as usual.
 */
async function seedDemoUserPlaces(db: Database, file: PlacesFile, now: Date): Promise<void> {
  for (const p of file.demoUserPlaces) {
    const briefing = await briefingByCode(db, p.briefing);
    const row = await db.get<{ entra_object_id: string }>('SELECT entra_object_id FROM users WHERE lower(email) = ?', [p.email.toLowerCase()]);
    const user = row && (await findUser(db, row.entra_object_id));
    if (!user) throw new Error(`Demo briefingBookings.json: no demo user ${p.email}`);
    const before = await db.get('SELECT 1 FROM briefing_bookings WHERE briefing_id = ? AND attendee_email = ?', [briefing.id, user.email.toLowerCase()]);
    const school = schoolForBooking(await getSchools(db, user.schoolUrns), briefing);
    if (before || !school) continue;
    await db.transaction((tx) =>
      insertBooking(
        tx,
        { briefingId: briefing.id, urn: school.urn, attendeeName: user.displayName, attendeeEmail: user.email, attendeeEntraObjectId: user.entraObjectId, bookedBy: user.entraObjectId, status: 'booked' },
        now,
      ),
    );
  }
}
