import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookPlace } from '../../src/briefings/bookingService';
import { importBriefingsCsv } from '../../src/briefings/briefingImport';
import { getBriefing, insertBooking } from '../../src/briefings/briefingRepo';
import { Database } from '../../src/db/database';
import { listSchoolsInDistrict } from '../../src/repos/schoolRepo';
import { AppUser, findUser, upsertUsers } from '../../src/repos/userRepo';
import { briefingId, briefingsDb, NOW } from './briefingSupport';

let db: Database;
let heads: AppUser[];

const HEADER = 'code,title,audience,district,date,start_time,end_time,venue,online_url,capacity,status,description,summary,key_points,materials';

beforeAll(async () => {
  db = await briefingsDb();
  const csv = `${HEADER}\nLAST-PLACE,Watford network briefing,headteachers,Watford,2027-01-28,09:30,11:00,Watford Education Hub,,5,,,,,\n`;
  expect((await importBriefingsCsv(db, csv, NOW)).errors).toEqual([]);
  const schools = (await listSchoolsInDistrict(db, 'Watford')).filter((s) => s.urn !== '117324').slice(0, 24);
  await upsertUsers(
    db,
    schools.map((s, i) => ({
      entra_object_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      email: `head${i}@school${s.urn}.test.example`,
      display_name: `Test Head ${i}`,
      role: 'headteacher' as const,
      school_urns: [s.urn],
    })),
  );
  heads = await Promise.all(schools.map((_, i) => findUser(db, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) as Promise<AppUser>));
});
afterAll(() => db.close());

describe('the last place on a briefing', () => {
  it('goes to exactly one of 20 people who book it at the same moment; the other 19 join the waiting list in order', async () => {
    const id = await briefingId(db, 'LAST-PLACE');
    for (const head of heads.slice(20, 24)) expect((await bookPlace(db, head, id, undefined, NOW)).kind).toBe('booked');
    expect((await getBriefing(db, id))?.booked).toBe(4);

    const outcomes = await Promise.all(heads.slice(0, 20).map((head) => bookPlace(db, head, id, undefined, NOW)));

    expect(outcomes.filter((o) => o.kind === 'booked')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'waiting')).toHaveLength(19);
    const positions = outcomes.flatMap((o) => (o.kind === 'waiting' ? [o.booking.waitingPosition] : [])).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(positions).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const after = await getBriefing(db, id);
    expect(after).toMatchObject({ capacity: 5, booked: 5, waiting: 19 });
  });

  it('is booked once however many times one person presses Book at once', async () => {
    const id = await briefingId(db, 'SIF-WAT-2');
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => bookPlace(db, heads[0], id, undefined, NOW)));
    expect(outcomes.filter((o) => o.kind === 'booked')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'already')).toHaveLength(7);
    expect(await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM briefing_bookings WHERE briefing_id = ? AND attendee_email = ?`, [id, heads[0].email])).toEqual({ n: 1 });
  });

  it('cannot be over-booked even by code that skips the service: the database refuses', async () => {
    const id = await briefingId(db, 'LAST-PLACE');
    const overBook = db.transaction((tx) =>
      insertBooking(tx, { briefingId: id, urn: '117324', attendeeName: 'Extra', attendeeEmail: 'extra@test.example', attendeeEntraObjectId: null, bookedBy: null, status: 'booked' }, NOW),
    );
    await expect(overBook).rejects.toThrow(/briefing is full/);
    await expect(db.transaction((tx) => tx.run(`UPDATE briefing_bookings SET status = 'booked' WHERE briefing_id = ? AND status = 'waiting'`, [id]))).rejects.toThrow(/briefing is full/);
    expect((await getBriefing(db, id))?.booked).toBe(5);
  });
});
