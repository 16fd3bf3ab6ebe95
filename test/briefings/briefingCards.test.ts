import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingCard, briefingListCard, myBookingsCard } from '../../src/briefings/briefingCards';
import { Booking, Briefing, getBriefing, liveBookingsOn } from '../../src/briefings/briefingRepo';
import { attendanceCard, colleagueFormCard, summaryCard } from '../../src/briefings/briefingReportCards';
import { briefingRenderers } from '../../src/briefings/briefingNotices';
import { AdaptiveCardJson } from '../../src/cards/cardRenderer';
import { Database } from '../../src/db/database';
import { getSchool, listOpenSchools, School } from '../../src/repos/schoolRepo';
import { cardProblems } from '../support/cardCheck';
import { DEMO } from '../support/conversation';
import { briefingId, briefingsDb, NOW } from './briefingSupport';

let db: Database;
const rendered = new Map<string, AdaptiveCardJson>();

beforeAll(async () => {
  db = await briefingsDb();
  const byCode = async (code: string) => (await getBriefing(db, await briefingId(db, code))) as Briefing;
  const full = await byCode('SIF-WAT-1');
  const online = await byCode('GOV-DEC26');
  const past = await byCode('GOV-AUT26');
  const cancelled = await byCode('SIF-TR-JAN');
  const school = (await getSchool(db, '117324')) as School;
  const [booked] = await liveBookingsOn(db, full.id);
  const waiting = (await liveBookingsOn(db, full.id)).find((b) => b.status === 'waiting') as Booking;
  const entries = [full, online, past, cancelled].map((briefing, i) => ({ briefing, canBook: i % 2 === 0, canBookColleague: i === 0, mine: i === 1 ? booked : undefined }));
  rendered.set('list', briefingListCard({ title: 'Upcoming', intro: 'Intro', entries, more: '3 more', source: 'Source', suggestions: ['Help'] }, NOW));
  rendered.set('list without intro or more', briefingListCard({ title: 'Upcoming', intro: '', entries: entries.slice(0, 1), more: '', source: 'Source', suggestions: [] }, NOW));
  rendered.set('booking', bookingCard({ title: 'Place booked', lead: 'You have a place.', booking: booked, briefing: online, canCancel: true, notes: ['Note'], suggestions: ['Help'] }));
  rendered.set('waiting', bookingCard({ title: 'On the waiting list', lead: 'Number 1.', booking: waiting, briefing: full, canCancel: true }));
  rendered.set('my bookings', myBookingsCard([{ booking: booked, briefing: full }, { booking: waiting, briefing: full }], 'Yours', 'Intro', ['Help']));
  rendered.set('summary', summaryCard(past, 'Fictional.', ['Help']));
  rendered.set('summary without notes', summaryCard(full, 'Fictional.', []));
  const everySchool = await listOpenSchools(db);
  rendered.set('attendance, district', attendanceCard({ briefing: full, bookings: await liveBookingsOn(db, full.id), notBooked: everySchool.slice(0, 20), now: NOW, provenance: 'Fictional.', suggestions: ['Help'] }));
  rendered.set('attendance, county-wide with every school unbooked', attendanceCard({ briefing: online, bookings: await liveBookingsOn(db, online.id), notBooked: everySchool, now: NOW, provenance: 'Fictional.', suggestions: [] }));
  rendered.set('attendance, nobody booked', attendanceCard({ briefing: cancelled, bookings: [], notBooked: [], now: NOW, provenance: 'Fictional.', suggestions: [] }));
  rendered.set('colleague form', colleagueFormCard(full, school, { name: '', email: '' }));
  rendered.set('colleague form with problems', colleagueFormCard(full, school, { name: 'Sam', email: 'sam at' }, ["Enter your colleague's email address."]));
  const renderers = briefingRenderers(() => NOW);
  const margaret = (await db.get<{ id: number }>(`SELECT id FROM briefing_bookings WHERE attendee_email = 'margaret.ellison@governors.demo.example'`)) as { id: number };
  const message = { id: 1, kind: 'briefing_reminder', dedupeKey: 'k', entraObjectId: DEMO.margaret, dueAt: NOW.toISOString(), payload: { bookingId: margaret.id }, attempts: 0 };
  for (const kind of ['briefing_reminder', 'briefing_place_offered']) {
    const card = await renderers[kind]({ ...message, kind }, db);
    if (!card) throw new Error(`${kind} rendered nothing for a live place`);
    rendered.set(kind, card);
  }
});
afterAll(() => db.close());

describe('every briefings card', () => {
  it('parses with the Adaptive Cards SDK without errors or warnings, and fits in a Teams message', () => {
    const failures = [...rendered.entries()].flatMap(([name, card]) => cardProblems(card).map((p) => `${name}: ${p}`));
    expect(failures).toEqual([]);
    expect(rendered.size).toBe(14);
  });

  it('carries a text fallback', () => {
    for (const [name, card] of rendered) expect(card.fallbackText, name).toMatch(/\w{3,}/);
  });

  it('lists at most 60 unbooked schools by name and counts the rest', () => {
    const json = JSON.stringify(rendered.get('attendance, county-wide with every school unbooked'));
    expect(json).toMatch(/and \d+ more\./);
  });
});
