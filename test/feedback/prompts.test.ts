import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';
import { proactiveRenderers } from '../../src/features';
import { recordAdviserVisit } from '../../src/feedback/feedbackPrompts';
import { createLogger } from '../../src/logger';
import { ProactiveDeps, sendDueMessages } from '../../src/proactive/proactiveSender';
import { saveConversationReference } from '../../src/repos/conversationRefRepo';
import { cardProblems } from '../support/cardCheck';
import { DEMO, readReply } from '../support/conversation';
import { ASHLYNS, chat, FeedbackWorld, feedbackWorld, GADE_VALLEY, inputsOf, LEAVESDEN, NOW, say, submitValue } from './feedbackSupport';

/** A stand-in for the Teams Bot Connector service: records what the real CloudAdapter posts to it. */
type Posted = { conversationId: string; activity: Partial<Activity> };
let connector: http.Server;
const posted: Posted[] = [];
let w: FeedbackWorld;
let proactive: ProactiveDeps;

beforeAll(async () => {
  connector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && match) posted.push({ conversationId: decodeURIComponent(match[1]), activity: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `posted-${posted.length}` }));
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', () => resolve()));
  w = await feedbackWorld();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  proactive = { db: w.db, adapter: createAdapter(config, createLogger('silent')), botAppId: '', renderers: proactiveRenderers([w.feature]), log: createLogger('silent') };
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  for (const who of [DEMO.helen, DEMO.daniel, DEMO.rachel, DEMO.margaret]) {
    await saveConversationReference(w.db, who, { channelId: 'msteams', serviceUrl, conversation: { id: `a:personal-${who}`, isGroup: false, conversationType: 'personal', name: '' }, bot: { id: '28:critical-friend', name: 'Critical Friend' }, user: { id: `29:${who}`, name: '' } });
  }
});
afterAll(async () => {
  await w.db.close();
  await new Promise((resolve) => connector.close(resolve));
});

const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const postedTo = (who: string) => posted.filter((p) => p.conversationId === `a:personal-${who}`);
const outboxFor = (who: string) => w.db.all<{ kind: string; status: string }>('SELECT kind, status FROM outbox WHERE entra_object_id = ? ORDER BY id', [who]);

describe('after an adviser visit is recorded', () => {
  it('the head is asked for feedback in Teams, with the visit preselected, and reminded once if there is no answer', async () => {
    const visit = await recordAdviserVisit(w.db, { urn: LEAVESDEN, visitDate: '2026-12-01', focus: 'Reading: learning walk', notes: 'Agreed next steps.' }, NOW);
    expect(visit.prompted).toEqual([DEMO.helen]);

    expect(await sendDueMessages(proactive, NOW)).toBe(1);
    const [prompt] = postedTo(DEMO.helen);
    expect(cardProblems(prompt.activity.attachments?.[0]?.content as object)).toEqual([]);
    expect(readReply(prompt.activity)).toContain('How was the adviser visit?');
    expect(readReply(prompt.activity)).toContain('Leavesden JMI School on 1 December 2026');
    expect(inputsOf(prompt.activity).service).toBe(visit.serviceRef);

    expect(await sendDueMessages(proactive, days(6))).toBe(0);
    expect(await sendDueMessages(proactive, days(8))).toBe(1);
    const reminder = postedTo(DEMO.helen)[1];
    expect(readReply(reminder.activity)).toContain('A reminder: how was the adviser visit?');
    expect(readReply(reminder.activity)).toContain('This is the only reminder.');

    await sendDueMessages(proactive, days(30));
    await sendDueMessages(proactive, days(90));
    expect(postedTo(DEMO.helen)).toHaveLength(2);
    expect(await outboxFor(DEMO.helen)).toEqual([
      { kind: 'feedback_prompt', status: 'sent' },
      { kind: 'feedback_reminder', status: 'sent' },
    ]);
  });

  it('recording the same visit again queues nothing new', async () => {
    await recordAdviserVisit(w.db, { urn: LEAVESDEN, visitDate: '2026-12-01', focus: 'Reading: learning walk', notes: 'Corrected notes.' }, NOW);
    expect(await outboxFor(DEMO.helen)).toHaveLength(2);
    expect(await w.db.get("SELECT notes FROM adviser_visits WHERE urn = ? AND visit_date = '2026-12-01'", [LEAVESDEN])).toEqual({ notes: 'Corrected notes.' });
  });

  it('a head who answers the prompt gets no reminder', async () => {
    await recordAdviserVisit(w.db, { urn: ASHLYNS, visitDate: '2026-11-30', focus: 'Attendance review' }, NOW);
    await sendDueMessages(proactive, NOW);
    const [prompt] = postedTo(DEMO.daniel);
    const [thanks] = await say(chat(w, DEMO.daniel), { value: submitValue(prompt.activity, { rating: '4', comment: 'Useful attendance review.' }) });
    expect(readReply(thanks)).toContain('your feedback is saved');
    expect(await sendDueMessages(proactive, days(8))).toBe(0);
    expect(postedTo(DEMO.daniel)).toHaveLength(1);
    expect(await outboxFor(DEMO.daniel)).toEqual([
      { kind: 'feedback_prompt', status: 'sent' },
      { kind: 'feedback_reminder', status: 'cancelled' },
    ]);
  });

  it('only the headteacher is prompted, not the governors', async () => {
    const visit = await recordAdviserVisit(w.db, { urn: GADE_VALLEY, visitDate: '2026-11-28', focus: 'Governance' }, NOW);
    expect(visit.prompted).toEqual([DEMO.rachel]);
    expect(await outboxFor(DEMO.margaret)).toEqual([]);
  });

  it('a visit in the future cannot be recorded as completed', async () => {
    await expect(recordAdviserVisit(w.db, { urn: LEAVESDEN, visitDate: '2027-01-10', focus: 'Future' }, NOW)).rejects.toThrow('in the future');
  });
});
