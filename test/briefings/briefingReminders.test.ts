import { Activity, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Feature } from '../../dialogs/feature';
import { createBriefingsFeature } from '../../dialogs/briefings/briefingsFeature';
import { importBriefingsCsv } from '../../src/briefings/briefingImport';
import { Database } from '../../src/db/database';
import { sendDueMessages } from '../../src/proactive/proactiveSender';
import { cardProblems } from '../support/cardCheck';
import { cardOf, chatAs, DEMO, readReply } from '../support/conversation';
import { briefingDeps, briefingId, briefingsDb, NOW, proactiveDeps, recordingAdapter, Sent, submitsOf } from './briefingSupport';

let db: Database;
let deps: AnswerDeps;
let clock: Date;
let feature: Feature;
beforeAll(async () => {
  db = await briefingsDb();
  deps = await briefingDeps(db);
  feature = createBriefingsFeature(deps, { now: () => clock });
});
beforeEach(() => {
  clock = NOW;
});
afterAll(() => db.close());

const HEADER = 'code,title,audience,district,date,start_time,end_time,venue,online_url,capacity,status,description,summary,key_points,materials';
const conversationOf = (user: string) => `personal-${user}`;
const chat = (user: string): TestAdapter => chatAs(deps, user, conversationOf(user), [feature]);

async function press(user: string, value: object): Promise<Partial<Activity>> {
  let reply: Partial<Activity> | undefined;
  await chat(user).send({ value }).assertReply((a) => {
    reply = a;
  });
  return reply as Partial<Activity>;
}

/** Runs the outbox at a moment, as the worker would, and returns what reached Teams. */
async function sendAt(iso: string): Promise<Sent[]> {
  clock = new Date(iso);
  const { adapter, sent } = recordingAdapter();
  await sendDueMessages(proactiveDeps(db, adapter, feature.proactive ?? {}), clock);
  for (const s of sent) expect(cardProblems(cardOf(s.activity))).toEqual([]);
  return sent;
}

const bookingIdOf = (reply: Partial<Activity>) => submitsOf(cardOf(reply)).find((d) => d.verb === 'briefingCancel')?.bookingId as number;

describe('the reminder the day before', () => {
  it('reaches the booked headteacher at 08:00 UK time the day before, once', async () => {
    await press(DEMO.helen, { verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-WAT-2') });
    expect(await sendAt('2027-02-02T07:59:00Z')).toEqual([]);
    const sent = await sendAt('2027-02-02T08:00:00Z');
    expect(sent).toHaveLength(1);
    expect(sent[0].conversationId).toBe(conversationOf(DEMO.helen));
    const text = readReply(sent[0].activity);
    expect(text).toContain('Reminder: briefing tomorrow');
    expect(text).toContain('You have a place on this briefing tomorrow.');
    expect(text).toContain('Wednesday 3 February 2027, 16:00 to 18:00 (UK time)');
    expect(await sendAt('2027-02-02T09:00:00Z')).toEqual([]);
  });

  it('is due at 08:00 British Summer Time for a briefing after the clocks change', async () => {
    const csv = `${HEADER}\nSUMMER-1,Summer headteachers' network,headteachers,Watford,2027-04-14,09:30,11:00,Watford Education Hub,,20,,,,,\n`;
    expect((await importBriefingsCsv(db, csv, NOW)).errors).toEqual([]);
    await press(DEMO.helen, { verb: 'briefingBook', briefingId: await briefingId(db, 'SUMMER-1') });
    expect(await sendAt('2027-04-13T06:59:00Z')).toEqual([]);
    expect(await sendAt('2027-04-13T07:00:00Z')).toHaveLength(1);
  });

  it('is not sent for a place that was cancelled', async () => {
    const booked = await press(DEMO.daniel, { verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-DAC-1') });
    await press(DEMO.daniel, { verb: 'briefingCancel', bookingId: bookingIdOf(booked) });
    expect(await sendAt('2027-01-11T08:00:00Z')).toEqual([]);
  });

  it('sends nothing when the LA cancels the briefing after the place was booked', async () => {
    await press(DEMO.daniel, { verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-DAC-2') });
    const csv = `${HEADER}\nSIF-DAC-2,New school improvement framework: Dacorum district briefing (2 of 2),heads_and_governors,Dacorum,2027-02-09,16:00,18:00,Dacorum Learning Centre,,40,cancelled,Cancelled.,,,\n`;
    expect((await importBriefingsCsv(db, csv, NOW)).errors).toEqual([]);
    expect(await sendAt('2027-02-08T08:00:00Z')).toEqual([]);
  });

  it('follows a briefing the LA moves to another day', async () => {
    await press(DEMO.rachel, { verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-HMR') });
    const csv = `${HEADER}\nSIF-HMR,New school improvement framework: Hertsmere district briefing,heads_and_governors,Hertsmere,2027-02-18,13:30,15:30,Borehamwood Learning Centre,,50,,,,,\n`;
    expect((await importBriefingsCsv(db, csv, NOW)).errors).toEqual([]);
    expect(await sendAt('2027-02-03T08:00:00Z')).toEqual([]);
    const sent = await sendAt('2027-02-17T08:00:00Z');
    expect(sent.map((s) => s.conversationId)).toEqual([conversationOf(DEMO.rachel)]);
    expect(readReply(sent[0].activity)).toContain('Thursday 18 February 2027');
  });

  it("goes to the headteacher when the place is a colleague's who does not use the bot", async () => {
    await press(DEMO.helen, { verb: 'briefingBook', briefingId: await briefingId(db, 'HT-SPR27'), forColleague: true, colleagueName: 'Sam Deputy', colleagueEmail: 'sam.deputy@leavesden.demo.example' });
    const sent = await sendAt('2027-03-03T08:00:00Z');
    expect(sent.map((s) => s.conversationId)).toEqual([conversationOf(DEMO.helen)]);
    expect(readReply(sent[0].activity)).toContain('Your colleague Sam Deputy has a place on this briefing tomorrow');
  });
});

describe('a place freed from a full briefing', () => {
  it('goes to the first on the waiting list, who is told straight away and reminded the day before', async () => {
    const csv = `${HEADER}\nONE-PLACE,Small heads' workshop,headteachers,,2027-03-23,09:30,11:00,Hertford Education Centre,,1,,,,,\n`;
    expect((await importBriefingsCsv(db, csv, NOW)).errors).toEqual([]);
    const id = await briefingId(db, 'ONE-PLACE');
    const helens = await press(DEMO.helen, { verb: 'briefingBook', briefingId: id });
    expect(readReply(await press(DEMO.daniel, { verb: 'briefingBook', briefingId: id }))).toContain('you are number 1 on the waiting list');
    expect(readReply(await press(DEMO.rachel, { verb: 'briefingBook', briefingId: id }))).toContain('you are number 2 on the waiting list');

    const cancelled = readReply(await press(DEMO.helen, { verb: 'briefingCancel', bookingId: bookingIdOf(helens) }));
    expect(cancelled).toContain('The place has gone to the first person on the waiting list');
    const sent = await sendAt(NOW.toISOString());
    expect(sent.map((s) => s.conversationId)).toEqual([conversationOf(DEMO.daniel)]);
    expect(readReply(sent[0].activity)).toContain('A place has come up');
    expect(readReply(sent[0].activity)).toContain('Daniel Okafor (daniel.okafor@ashlyns.demo.example), Ashlyns School');

    const reminders = await sendAt('2027-03-22T08:00:00Z');
    expect(reminders.map((s) => s.conversationId)).toEqual([conversationOf(DEMO.daniel)]);
    expect(await db.all(`SELECT status FROM briefing_bookings WHERE briefing_id = ? ORDER BY id`, [id])).toEqual([{ status: 'cancelled' }, { status: 'booked' }, { status: 'waiting' }]);
  });
});
