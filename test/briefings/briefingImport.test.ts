import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookPlace } from '../../src/briefings/bookingService';
import { importBriefingsCsv } from '../../src/briefings/briefingImport';
import { getBriefing, listBriefings } from '../../src/briefings/briefingRepo';
import { seedDemoBriefings } from '../../src/briefings/demoBriefings';
import { Database } from '../../src/db/database';
import { listDistricts } from '../../src/repos/schoolRepo';
import { AppUser, findUser } from '../../src/repos/userRepo';
import { DEMO } from '../support/conversation';
import { ROOT } from '../support/paths';
import { briefingId, briefingsDb, NOW } from './briefingSupport';

let db: Database;
beforeAll(async () => {
  db = await briefingsDb();
});
afterAll(() => db.close());

const HEADER = 'code,title,audience,district,date,start_time,end_time,venue,online_url,capacity,status,description,summary,key_points,materials';
const GOOD = 'NEW-1,Stevenage heads network,headteachers,Stevenage,2027-03-10,09:30,11:00,Stevenage Learning Hub,,25,,,,,';

describe('the briefings CSV import', () => {
  it('changes nothing when any row is bad, and reports every bad row by its line number', async () => {
    const before = (await listBriefings(db)).length;
    const csv = [
      HEADER,
      GOOD,
      'NEW-2,Bad audience,teachers,Stevenage,2027-03-10,09:30,11:00,Hub,,25,,,,,',
      '# a comment line is allowed',
      'NEW-3,No place,governors,,2027-03-10,19:00,18:00,,,0,,,,,',
      'NEW-4,Somewhere,governors,Narnia,2027-31-10,19:00,20:00,,http://insecure.example,10,,,,,Slides not-a-link',
      'NEW-1,Repeated code,governors,,2027-03-11,19:00,20:00,Hub,,10,,,,,',
    ].join('\n');
    const result = await importBriefingsCsv(db, csv, NOW);
    expect(result.added).toBe(0);
    expect(result.errors.map((e) => e.line)).toEqual([3, 5, 6, 7]);
    const text = result.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n');
    expect(text).toContain('line 3: audience: audience must be one of headteachers, governors, heads_and_governors');
    expect(text).toContain('capacity must be at least 1');
    expect(text).toContain('end_time must be after start_time');
    expect(text).toContain('give a venue, an online_url, or both');
    expect(text).toContain('date must be YYYY-MM-DD');
    expect(text).toContain('must be an https:// link');
    expect(text).toContain('each material must be a title then an https:// link');
    expect(text).toContain('line 7: code NEW-1 is also on line 2');
    expect((await listBriefings(db)).length).toBe(before);
  });

  it('rejects an unknown district only once it has read the row well, naming the districts', async () => {
    const result = await importBriefingsCsv(db, `${HEADER}\nNEW-5,Somewhere,governors,Narnia,2027-03-10,19:00,20:00,Hub,,10,,,,,`, NOW);
    expect(result.errors).toEqual([{ line: 2, message: expect.stringContaining('unknown district "Narnia": use one of Broxbourne, Dacorum') }]);
  });

  it('refuses a file without the expected columns', async () => {
    const result = await importBriefingsCsv(db, 'code,title\nX,Y', NOW);
    expect(result.errors).toEqual([{ line: 1, message: expect.stringContaining('missing column(s): audience, district') }]);
  });

  it('adds a new briefing and changes an existing one, matched on its code, in UK time', async () => {
    const result = await importBriefingsCsv(db, `${HEADER}\n${GOOD}\n${GOOD.replace('NEW-1,Stevenage heads network', 'NEW-6,Summer heads network').replace('2027-03-10', '2027-06-10')}`, NOW);
    expect(result).toMatchObject({ added: 2, changed: 0, errors: [] });
    const again = await importBriefingsCsv(db, `${HEADER}\n${GOOD.replace(',25,', ',30,')}`, NOW);
    expect(again).toMatchObject({ added: 0, changed: 1 });
    const changed = await getBriefing(db, await briefingId(db, 'NEW-1'));
    expect(changed).toMatchObject({ capacity: 30, district: 'Stevenage', venue: 'Stevenage Learning Hub', onlineUrl: null });
    expect(changed?.startsAt.toISOString()).toBe('2027-03-10T09:30:00.000Z');
    expect((await getBriefing(db, await briefingId(db, 'NEW-6')))?.startsAt.toISOString()).toBe('2027-06-10T08:30:00.000Z');
  });

  it('will not cut capacity below the places booked, and gives new places to the waiting list', async () => {
    const csv = `${HEADER}\nTINY,Tiny workshop,headteachers,,2027-03-16,09:30,11:00,Hub,,1,,,,,`;
    await importBriefingsCsv(db, csv, NOW);
    const id = await briefingId(db, 'TINY');
    const [helen, daniel] = (await Promise.all([findUser(db, DEMO.helen), findUser(db, DEMO.daniel)])) as AppUser[];
    expect((await bookPlace(db, helen, id, undefined, NOW)).kind).toBe('booked');
    expect((await bookPlace(db, daniel, id, undefined, NOW)).kind).toBe('waiting');
    const grown = await importBriefingsCsv(db, csv.replace(',1,', ',2,'), NOW);
    expect(grown).toMatchObject({ changed: 1, promoted: 1 });
    expect(await getBriefing(db, id)).toMatchObject({ booked: 2, waiting: 0 });
    const offered = await db.all(`SELECT kind, entra_object_id FROM outbox WHERE kind = 'briefing_place_offered'`);
    expect(offered).toEqual([{ kind: 'briefing_place_offered', entra_object_id: DEMO.daniel }]);
    const shrunk = await importBriefingsCsv(db, csv, NOW);
    expect(shrunk.errors).toEqual([{ line: 2, message: 'capacity 1 is below the 2 places already booked' }]);
  });
});

describe('the demo briefings programme', () => {
  it('is labelled fictional and loads through the admin import without errors', () => {
    const csv = fs.readFileSync(path.join(ROOT, 'data', 'demo', 'briefings.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^# FICTIONAL DEMO DATA/);
  });

  it('has a district briefing on the new framework in every district in January or February, headteacher and governor briefings, and online ones', async () => {
    const all = await listBriefings(db);
    const framework = all.filter((b) => b.code.startsWith('SIF-') && b.status === 'scheduled' && b.district);
    for (const district of await listDistricts(db)) {
      expect(framework.some((b) => b.district === district && /^2027-0[12]/.test(b.startsAt.toISOString()))).toBe(true);
    }
    expect(all.some((b) => b.audience === 'headteachers' && b.startsAt > NOW)).toBe(true);
    expect(all.some((b) => b.audience === 'governors' && b.startsAt > NOW)).toBe(true);
    expect(all.filter((b) => b.onlineUrl?.startsWith('https://teams.microsoft.com/l/meetup-join/DEMO-PLACEHOLDER')).length).toBeGreaterThan(2);
  });

  it('has past briefings with summaries, key points and materials, full ones with a waiting list, and a cancelled one', async () => {
    const all = await listBriefings(db);
    expect(all.filter((b) => b.endsAt < NOW && b.summary && b.keyPoints.length && b.materials.length).length).toBeGreaterThanOrEqual(4);
    expect(all.filter((b) => b.booked === b.capacity && b.waiting > 0).map((b) => b.code).sort()).toEqual(['GOV-CHAIRS-FEB27', 'SIF-WAT-1']);
    expect(all.filter((b) => b.status === 'cancelled').map((b) => b.code)).toContain('SIF-TR-JAN');
  });

  it('can be loaded again without changing any booking, and moves with the calendar by whole weeks', async () => {
    const bookings = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM briefing_bookings');
    await seedDemoBriefings(db, NOW);
    expect(await db.get('SELECT COUNT(*) AS n FROM briefing_bookings')).toEqual(bookings);
    const later = new Date('2027-01-20T09:00:00Z');
    await seedDemoBriefings(db, later);
    const moved = await getBriefing(db, await briefingId(db, 'SIF-WAT-1'));
    expect(moved?.startsAt.toISOString()).toBe('2027-03-03T13:30:00.000Z');
    expect(await db.get('SELECT COUNT(*) AS n FROM briefing_bookings')).toEqual(bookings);
  });
});
