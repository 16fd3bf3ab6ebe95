import { Activity, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { createBriefingsFeature } from '../../dialogs/briefings/briefingsFeature';
import { Database } from '../../src/db/database';
import { cardProblems } from '../support/cardCheck';
import { buttonsOf, cardOf, chatAs, DEMO, readReply } from '../support/conversation';
import { briefingDeps, briefingId, briefingsDb, NOW } from './briefingSupport';

let db: Database;
let deps: AnswerDeps;
beforeAll(async () => {
  db = await briefingsDb();
  deps = await briefingDeps(db);
});
afterAll(() => db.close());

const chat = (user: string): TestAdapter => chatAs(deps, user, undefined, [createBriefingsFeature(deps, { now: () => NOW })]);

async function ask(user: string, text: string): Promise<Partial<Activity>> {
  let reply: Partial<Activity> | undefined;
  await chat(user).send(text).assertReply((a) => {
    reply = a;
  });
  expect(cardProblems(cardOf(reply as Partial<Activity>))).toEqual([]);
  return reply as Partial<Activity>;
}

/** The titles of the briefings on a list card, in the order shown. */
function briefingTitles(reply: Partial<Activity>): string[] {
  const body = cardOf(reply).body as { type: string; items?: { text?: string }[] }[];
  return body.filter((b) => b.type === 'Container').map((c) => c.items?.[0]?.text ?? '');
}

const bookButtons = (reply: Partial<Activity>) => {
  const containers = (cardOf(reply).body as { type: string; items?: { type: string; actions?: { title: string; data?: object }[] }[] }[]).filter((b) => b.type === 'Container');
  return containers.flatMap((c) => (c.items ?? []).filter((i) => i.type === 'ActionSet').flatMap((s) => s.actions ?? []));
};

describe('what briefings are coming up', () => {
  it("shows a headteacher their own district's briefings first, with date, venue, audience and places, and a Book button", async () => {
    const reply = await ask(DEMO.helen, 'what briefings are coming up?');
    const titles = briefingTitles(reply);
    expect(titles.slice(0, 7)).toEqual([
      "Headteachers' briefing: spring term priorities",
      'New school improvement framework: Watford district briefing (1 of 2)',
      'New school improvement framework: Watford district briefing (2 of 2)',
      "New headteachers' briefing",
      'New school improvement framework: online catch-up for all districts',
      "Headteachers' spring briefing: the framework in practice",
      'New school improvement framework: Dacorum district briefing (1 of 2)',
    ]);
    expect(titles.some((t) => /^Governors'|Chairs of governors|New governors/.test(t))).toBe(false);
    const text = readReply(reply);
    expect(text).toContain('Wednesday 13 January 2027, 13:30 to 15:30 (UK time)');
    expect(text).toContain('Watford Education Hub, Clarendon Room');
    expect(text).toContain('Full: 2 on the waiting list');
    expect(text).toContain('56 of 120 left');
    expect(text).toContain('Places as at 2026-12-02 09:00 (UK time)');
    const buttons = bookButtons(reply);
    expect(buttons).toContainEqual({ type: 'Action.Submit', title: 'Book a place', data: { verb: 'briefingBook', briefingId: await briefingId(db, 'HT-DEC26') } });
    expect(buttons).toContainEqual({ type: 'Action.Submit', title: 'Join the waiting list', data: { verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-WAT-1') } });
    expect(buttons).toContainEqual({ type: 'Action.Submit', title: 'Book for a colleague', data: { verb: 'briefingColleagueForm', briefingId: await briefingId(db, 'HT-DEC26') } });
    expect(text).toMatch(/\d+ more: name a district or a month/);
  });

  it('answers "when is the Dacorum briefing?" with the Dacorum briefings only', async () => {
    const titles = briefingTitles(await ask(DEMO.helen, 'when is the Dacorum briefing?'));
    expect(titles).toEqual(['New school improvement framework: Dacorum district briefing (1 of 2)', 'New school improvement framework: Dacorum district briefing (2 of 2)']);
  });

  it('answers "anything for governors in March?" with March governor briefings, with the online link', async () => {
    const reply = await ask(DEMO.priya, 'anything for governors in March?');
    expect(briefingTitles(reply)).toEqual(["Governors' briefing: the new framework for governing boards", "Dacorum governors' forum"]);
    expect(readReply(reply)).toContain('Upcoming briefings for governors in March 2027');
    expect(bookButtons(reply)).toContainEqual({ type: 'Action.OpenUrl', title: 'Online link', url: 'https://teams.microsoft.com/l/meetup-join/DEMO-PLACEHOLDER-GOV-MAR27' });
    expect(bookButtons(reply).some((b) => b.title === 'Book for a colleague')).toBe(false);
  });

  it('shows a cancelled briefing as cancelled, with no Book button', async () => {
    const reply = await ask(DEMO.helen, 'is there a briefing in Three Rivers?');
    expect(readReply(reply)).toContain('Cancelled: this briefing will not take place');
    const booking = bookButtons(reply).filter((b) => b.title === 'Book a place').map((b) => b.data);
    expect(booking).toEqual([{ verb: 'briefingBook', briefingId: await briefingId(db, 'SIF-TR') }]);
  });

  it('says so when nothing matches', async () => {
    const reply = await ask(DEMO.helen, 'anything for headteachers in August?');
    expect(readReply(reply)).toContain('I found no briefings still to come that match');
  });
});

describe('what was covered', () => {
  it('gives a governor the summary, key points and materials of the last governors’ briefing', async () => {
    const reply = await ask(DEMO.priya, "what was covered at the last governors' briefing?");
    const text = readReply(reply);
    expect(text).toContain("What was covered: Governors' autumn briefing: Ofsted report cards");
    expect(text).toContain('Key points');
    expect(text).toContain('There is no single overall grade any more');
    expect(buttonsOf(reply)).toEqual(expect.arrayContaining([expect.objectContaining({ title: 'Slides' })]));
    expect((cardOf(reply).actions as { type: string; url?: string }[]).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url)).toEqual([
      'https://briefings.demo.example/gov-aut26/slides',
      'https://briefings.demo.example/gov-aut26/questions',
      'https://briefings.demo.example/gov-aut26/recording',
    ]);
  });

  it('refuses a headteacher the notes of a governors’ briefing', async () => {
    const text = readReply(await ask(DEMO.helen, "what was covered at the last governors' briefing?"));
    expect(text).toContain('Those notes are not for your role');
    expect(text).not.toContain('There is no single overall grade');
  });

  it("gives a headteacher the last briefing for their role, and LA staff any briefing's notes", async () => {
    expect(readReply(await ask(DEMO.helen, 'what was covered at the last briefing?'))).toContain("Watford headteachers' network: SEND and inclusion");
    expect(readReply(await ask(DEMO.tom, "what was covered at the last governors' briefing?"))).toContain('There is no single overall grade');
  });
});

describe('who is coming (LA staff)', () => {
  it('gives an LA adviser the attendance list, the waiting list and the district schools not yet booked', async () => {
    const reply = await ask(DEMO.tom, 'who is coming to the Watford briefing?');
    const text = readReply(reply);
    expect(text).toContain('Who is coming: New school improvement framework: Watford district briefing (1 of 2)');
    expect(text).toContain('30 of 30 places booked, 2 on the waiting list');
    expect(text).toMatch(/Waiting list \| 1\. Headteacher, [^|]+ \| 2\. Headteacher, /);
    expect(text).toMatch(/Open schools in Watford with no one booked \(\d+\)/);
    expect(text).toContain('Leavesden JMI School');
    const booked = await db.all<{ urn: string }>(`SELECT urn FROM briefing_bookings WHERE briefing_id = ? AND status = 'booked'`, [await briefingId(db, 'SIF-WAT-1')]);
    const bookedName = (await db.get<{ name: string }>('SELECT name FROM schools WHERE urn = ?', [booked[0].urn]))?.name as string;
    expect(text).toContain(`Headteacher, ${bookedName}`);
  });

  it('refuses attendance lists to headteachers and governors', async () => {
    for (const user of [DEMO.helen, DEMO.priya]) {
      const text = readReply(await ask(user, 'who is coming to the Watford briefing?'));
      expect(text).toContain('Attendance lists are for LA staff');
      expect(text).not.toContain('Waiting list');
    }
  });
});
