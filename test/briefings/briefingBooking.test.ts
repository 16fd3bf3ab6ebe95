import { Activity, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { createBriefingsFeature } from '../../dialogs/briefings/briefingsFeature';
import { Database } from '../../src/db/database';
import { cardProblems } from '../support/cardCheck';
import { buttonsOf, cardOf, chatAs, DEMO, readReply } from '../support/conversation';
import { briefingDeps, briefingId, briefingsDb, NOW, submitsOf } from './briefingSupport';

let db: Database;
let deps: AnswerDeps;
beforeAll(async () => {
  db = await briefingsDb();
  deps = await briefingDeps(db);
});
afterAll(() => db.close());

/** One message or button press and the bot's single reply, whose card must be valid. */
async function say(chat: TestAdapter, input: string | Partial<Activity>): Promise<Partial<Activity>> {
  let reply: Partial<Activity> | undefined;
  await chat.send(input).assertReply((a) => {
    reply = a;
  });
  expect(cardProblems(cardOf(reply as Partial<Activity>))).toEqual([]);
  return reply as Partial<Activity>;
}

const chat = (user: string): TestAdapter => chatAs(deps, user, undefined, [createBriefingsFeature(deps, { now: () => NOW })]);
const press = (value: object): Partial<Activity> => ({ value });
const cancelButton = (reply: Partial<Activity>) => submitsOf(cardOf(reply)).find((data) => data.verb === 'briefingCancel');

type BookingRow = { id: number; status: string; attendee_email: string; attendee_name: string; urn: string; booked_by: string | null };
const bookingsOf = (code: string, email: string) =>
  db.all<BookingRow>(
    `SELECT k.id, k.status, k.attendee_email, k.attendee_name, k.urn, k.booked_by FROM briefing_bookings k JOIN briefings b ON b.id = k.briefing_id
      WHERE b.code = ? AND k.attendee_email = ? ORDER BY k.id`,
    [code, email],
  );
const outboxFor = (bookingId: number) => db.all<{ kind: string; due_at: string; status: string }>(`SELECT kind, due_at, status FROM outbox WHERE dedupe_key LIKE ?`, [`%:${bookingId}:%`]);

const HELEN = 'helen.marsh@leavesden.demo.example';

describe('booking a place', () => {
  it('books a headteacher a place with a confirmation card, stored with a reminder for the day before', async () => {
    const helen = chat(DEMO.helen);
    const reply = await say(helen, press({ verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-WAT-2') }));
    const text = readReply(reply);
    expect(text).toContain('Place booked');
    expect(text).toContain('You have a place. You will be reminded the day before.');
    expect(text).toContain('Helen Marsh (helen.marsh@leavesden.demo.example), Leavesden JMI School');
    const [row] = await bookingsOf('SIF-WAT-2', HELEN);
    expect(row).toMatchObject({ status: 'booked', urn: '117324', booked_by: DEMO.helen });
    expect(cancelButton(reply)).toEqual({ verb: 'briefingCancel', bookingId: row.id });
    expect(await outboxFor(row.id)).toEqual([{ kind: 'briefing_reminder', due_at: '2027-02-02T08:00:00.000Z', status: 'pending' }]);

    const again = readReply(await say(helen, press({ verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-WAT-2') })));
    expect(again).toContain('Already booked');
    expect(again).toContain('Nothing has changed');
    expect(await bookingsOf('SIF-WAT-2', HELEN)).toHaveLength(1);

    const listed = readReply(await say(helen, 'what briefings are coming up?'));
    expect(listed).toContain('Your place: booked (Helen Marsh)');
    expect(listed).toContain('29 of 30 left');
  });

  it('offers the waiting list on a full briefing and never goes over capacity', async () => {
    const reply = readReply(await say(chat(DEMO.helen), press({ verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-WAT-1') })));
    expect(reply).toContain('On the waiting list');
    expect(reply).toContain('you are number 3 on the waiting list');
    expect((await bookingsOf('SIF-WAT-1', HELEN))[0].status).toBe('waiting');
    const counts = await db.get<{ booked: number }>(`SELECT COUNT(*) AS booked FROM briefing_bookings WHERE briefing_id = ? AND status = 'booked'`, [await briefingId(db, 'SIF-WAT-1')]);
    expect(counts?.booked).toBe(30);
  });

  it('refuses a briefing that has taken place, a cancelled one and one that does not exist, each with a reason', async () => {
    const helen = chat(DEMO.helen);
    expect(readReply(await say(helen, press({ verb: 'briefingBook', briefingId: await briefingId(db, 'HT-WAT-AUT26') })))).toContain('has already taken place');
    expect(readReply(await say(helen, press({ verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-TR-JAN') })))).toContain('has been cancelled, so it is not taking bookings');
    expect(readReply(await say(helen, press({ verb: 'briefingBook', briefingId: 987654 })))).toContain('I could not find that briefing');
    expect(await bookingsOf('HT-WAT-AUT26', HELEN)).toEqual([]);
  });

  it('answers a forged or malformed card payload without booking anything', async () => {
    const helen = chat(DEMO.helen);
    for (const value of [
      { verb: 'briefingBook', briefingId: "1 OR 1=1" },
      { verb: 'briefingBook', briefingId: -4 },
      { verb: 'briefingBook' },
      { verb: 'briefingCancel', bookingId: 'all' },
    ]) {
      expect(readReply(await say(helen, press(value)))).toContain("That button didn't work");
    }
    expect(await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM briefing_bookings WHERE booked_by = ?', [DEMO.helen])).toEqual({ n: 2 });
  });

  it("refuses a governor a headteachers' briefing, and LA and traded services staff any place", async () => {
    const headsOnly = await briefingId(db, 'HT-DEC26');
    expect(readReply(await say(chat(DEMO.priya), press({ verb: 'briefingBook', briefingId: headsOnly })))).toContain('is for headteachers and school leaders');
    expect(readReply(await say(chat(DEMO.tom), press({ verb: 'briefingBook', briefingId: headsOnly })))).toContain('LA staff do not book places');
    expect(readReply(await say(chat(DEMO.grace), press({ verb: 'briefingBook', briefingId: headsOnly })))).toContain('booked by headteachers and governors');
  });

  it("books a governor on a joint briefing for the school in that briefing's district", async () => {
    await say(chat(DEMO.priya), press({ verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-DAC-2') }));
    expect((await bookingsOf('SIF-DAC-2', 'priya.shah@governors.demo.example'))[0]).toMatchObject({ status: 'booked', urn: '117578' });
  });
});

describe('booking for a colleague', () => {
  it('lets a headteacher book a named colleague, sending the form back with what was typed when the email is wrong', async () => {
    const helen = chat(DEMO.helen);
    const id = await briefingId(db, 'HT-NEW-FEB27');
    const form = await say(helen, press({ verb: 'briefingColleagueForm', briefingId: id }));
    expect(readReply(form)).toContain('Book a place for a colleague');
    expect(buttonsOf(form)).toEqual([{ title: 'Book this place', data: { verb: 'briefingBook', briefingId: id, forColleague: true } }]);

    const retry = await say(helen, press({ verb: 'briefingBook', briefingId: id, forColleague: true, colleagueName: 'Sam Deputy', colleagueEmail: 'sam at school' }));
    expect(readReply(retry)).toContain("Enter your colleague's email address");
    const inputs = (cardOf(retry).body as { id?: string; value?: string }[]).filter((b) => b.id);
    expect(inputs.map((i) => [i.id, i.value])).toEqual([['colleagueName', 'Sam Deputy'], ['colleagueEmail', 'sam at school']]);
    expect(await bookingsOf('HT-NEW-FEB27', 'sam at school')).toEqual([]);

    const done = readReply(await say(helen, press({ verb: 'briefingBook', briefingId: id, forColleague: true, colleagueName: 'Sam Deputy', colleagueEmail: 'Sam.Deputy@leavesden.demo.example' })));
    expect(done).toContain('Sam Deputy has a place');
    expect((await bookingsOf('HT-NEW-FEB27', 'sam.deputy@leavesden.demo.example'))[0]).toMatchObject({ status: 'booked', urn: '117324', booked_by: DEMO.helen, attendee_name: 'Sam Deputy' });
  });

  it('refuses a governor who tries to book for a colleague with a forged card', async () => {
    const reply = await say(chat(DEMO.priya), press({ verb: 'briefingBook', briefingId: await briefingId(db, 'GOV-MAR27'), forColleague: true, colleagueName: 'X', colleagueEmail: 'x@example.org' }));
    expect(readReply(reply)).toContain('Only a headteacher can book a place for a colleague');
    expect(await bookingsOf('GOV-MAR27', 'x@example.org')).toEqual([]);
    const malformed = await say(chat(DEMO.priya), press({ verb: 'briefingBook', briefingId: await briefingId(db, 'GOV-MAR27'), forColleague: true, colleagueName: '', colleagueEmail: 'x' }));
    expect(readReply(malformed)).toContain('Only a headteacher can book a place for a colleague');
  });
});

describe('what have I booked, and cancelling', () => {
  it("lists a user's places, including colleagues' and the waiting list", async () => {
    const text = readReply(await say(chat(DEMO.helen), 'what have I booked?'));
    expect(text).toContain('Your briefing bookings');
    expect(text).toContain('New school improvement framework: Watford district briefing (2 of 2)');
    expect(text).toContain('Waiting list, number 3');
    expect(text).toContain('Sam Deputy');
  });

  it('cancels a place from "cancel my booking", and the reminder with it', async () => {
    const helen = chat(DEMO.helen);
    const choice = await say(helen, 'cancel my booking for the Watford briefing in February');
    expect(readReply(choice)).toContain('Cancel this place?');
    const [row] = await bookingsOf('SIF-WAT-2', HELEN);
    expect(cancelButton(choice)).toEqual({ verb: 'briefingCancel', bookingId: row.id });
    expect(readReply(await say(helen, press({ verb: 'briefingCancel', bookingId: row.id })))).toContain("Helen Marsh's place is cancelled");
    expect((await bookingsOf('SIF-WAT-2', HELEN))[0].status).toBe('cancelled');
    expect((await outboxFor(row.id)).map((m) => m.status)).toEqual(['cancelled']);

    expect(readReply(await say(helen, press({ verb: 'briefingCancel', bookingId: row.id })))).toContain('is already cancelled');
    expect(readReply(await say(helen, press({ verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-WAT-2') })))).toContain('Place booked');
  });

  it("refuses to cancel someone else's place from a forged card", async () => {
    const [margaret] = await db.all<{ id: number }>(`SELECT id FROM briefing_bookings WHERE attendee_email = 'margaret.ellison@governors.demo.example'`);
    expect(readReply(await say(chat(DEMO.helen), press({ verb: 'briefingCancel', bookingId: margaret.id })))).toContain('I could not find that booking among yours');
    expect(await db.get(`SELECT status FROM briefing_bookings WHERE id = ?`, [margaret.id])).toEqual({ status: 'booked' });
  });

  it('tells someone with no places that there is nothing to cancel', async () => {
    expect(readReply(await say(chat(DEMO.daniel), 'cancel my booking'))).toContain('Nothing to cancel');
  });
});
