import { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesReceivedBy } from '../../src/feedback/servicesReceived';
import { cardProblems } from '../support/cardCheck';
import { DEMO, readReply } from '../support/conversation';
import { chat, feedbackRows, FeedbackWorld, feedbackWorld, GADE_VALLEY, inputsOf, NOW, say, submitValue } from './feedbackSupport';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await feedbackWorld();
});
afterAll(() => w.db.close());

const today = NOW.toISOString().slice(0, 10);

/** Helen opens a fresh card, fills it with `answers` (and any forged fields), and sends it. */
async function helenSends(answers: Record<string, unknown>): Promise<{ card: Partial<Activity>; reply: Partial<Activity>; sent: Record<string, unknown> }> {
  const adapter = chat(w, DEMO.helen);
  const [card] = await say(adapter, 'give feedback');
  const sent = { ...submitValue(card, {}), ...answers };
  const replies = await say(adapter, { value: sent });
  expect(replies).toHaveLength(1);
  return { card, reply: replies[0], sent };
}

async function expectNothingStored(run: () => Promise<unknown>): Promise<void> {
  const ids = async () => (await feedbackRows(w.db)).map((r) => r.id);
  const before = await ids();
  await run();
  expect(await ids()).toEqual(before);
}

describe('bad feedback gets a specific message and the card back with what was entered', () => {
  it('a missing rating', async () => {
    await expectNothingStored(async () => {
      const { reply, sent } = await helenSends({ rating: '', helped: 'partly', comment: 'Useful, but late.', mayContact: 'true' });
      expect(readReply(reply)).toContain('Please choose an overall rating, from excellent to very poor.');
      expect(readReply(reply)).toContain('Nothing has been saved yet');
      expect(inputsOf(reply)).toEqual({ service: sent.service, rating: '', helped: 'partly', comment: 'Useful, but late.', mayContact: 'true' });
      expect(cardProblems(reply.attachments?.[0]?.content)).toEqual([]);
    });
  });

  it('the corrected card is then accepted with the same card instance', async () => {
    const adapter = chat(w, DEMO.helen);
    const [card] = await say(adapter, 'give feedback');
    const [retry] = await say(adapter, { value: submitValue(card, { comment: 'Good visit' }) });
    const [thanks] = await say(adapter, { value: submitValue(retry, { rating: '4' }) });
    expect(readReply(thanks)).toContain('your feedback is saved');
    const stored = await w.db.get<{ comment: string; card_instance_id: string }>('SELECT comment, card_instance_id FROM feedback WHERE submitted_by = ? ORDER BY id DESC', [DEMO.helen]);
    expect(stored).toEqual({ comment: 'Good visit', card_instance_id: submitValue(card, {}).cardInstanceId });
  });

  it('an unknown service', async () => {
    await expectNothingStored(async () => {
      const { reply } = await helenSends({ service: 'visit:117324:2019-01-01', rating: '5', comment: 'Great' });
      expect(readReply(reply)).toContain('I can’t find that service.');
      expect(inputsOf(reply)).toMatchObject({ rating: '5', comment: 'Great' });
    });
  });

  it('a service reference in the wrong form', async () => {
    await expectNothingStored(async () => {
      const { reply } = await helenSends({ service: "visit:1' OR 1=1", rating: '5' });
      expect(readReply(reply)).toContain('I don’t recognise that service.');
    });
  });

  it('a service another school received', async () => {
    const gadeValley = (await servicesReceivedBy(w.db, [GADE_VALLEY], today))[0];
    await expectNothingStored(async () => {
      const { reply } = await helenSends({ service: gadeValley.ref, rating: '2', comment: 'Not ours' });
      expect(readReply(reply)).toContain('That service was not delivered to your school');
      expect(inputsOf(reply)).toMatchObject({ rating: '2', comment: 'Not ours' });
    });
  });

  it('a comment over the limit, with its length', async () => {
    const long = 'The visit was useful. '.repeat(60).trim();
    await expectNothingStored(async () => {
      const { reply } = await helenSends({ rating: '4', comment: long });
      expect(readReply(reply)).toContain(`Your comment is ${long.length.toLocaleString('en-GB')} characters; the limit is 1,000.`);
      expect(inputsOf(reply).comment).toBe(long);
    });
  });

  it('a rating that is not on the card', async () => {
    await expectNothingStored(async () => {
      const { reply } = await helenSends({ rating: '11' });
      expect(readReply(reply)).toContain('Please choose an overall rating');
    });
  });

  it('a forged payload that is not the card’s shape (a number for a rating, a made-up card id)', async () => {
    await expectNothingStored(async () => {
      const { reply } = await helenSends({ rating: 5, cardInstanceId: 'not-a-card', comment: 'Kept' });
      expect(readReply(reply)).toContain('I could not read that card');
      expect(inputsOf(reply).comment).toBe('Kept');
      const action = (reply.attachments?.[0]?.content as { actions: { data: { cardInstanceId: string } }[] }).actions[0];
      expect(action.data.cardInstanceId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('a card instance that belongs to someone else’s submission', async () => {
    const theirs = await w.db.get<{ card_instance_id: string; reference: string }>("SELECT card_instance_id, reference FROM feedback WHERE submitted_by = ?", [DEMO.daniel]);
    const danielsCard = theirs ?? (await danielGivesFeedback());
    await expectNothingStored(async () => {
      const { reply } = await helenSends({ cardInstanceId: danielsCard.card_instance_id, rating: '5' });
      expect(readReply(reply)).toContain('it does not belong to you');
      expect(readReply(reply)).not.toContain(danielsCard.reference);
      expect(inputsOf(reply).rating).toBe('5');
    });
  });

  it('a second rating of a service already rated, from a stale card', async () => {
    const adapter = chat(w, DEMO.helen);
    const [first] = await say(adapter, 'give feedback');
    const [stale] = await say(adapter, 'give feedback');
    const service = inputsOf(first).service;
    await say(adapter, { value: submitValue(first, { rating: '4' }) });
    await expectNothingStored(async () => {
      const [reply] = await say(adapter, { value: submitValue(stale, { service, rating: '1' }) });
      expect(readReply(reply)).toMatch(/You already gave feedback on “.+” on \d+ \w+ 2026 \(reference FB-/);
    });
  });
});

async function danielGivesFeedback(): Promise<{ card_instance_id: string; reference: string }> {
  const adapter = chat(w, DEMO.daniel);
  const [card] = await say(adapter, 'give feedback');
  await say(adapter, { value: submitValue(card, { rating: '4' }) });
  const row = await w.db.get<{ card_instance_id: string; reference: string }>('SELECT card_instance_id, reference FROM feedback WHERE submitted_by = ?', [DEMO.daniel]);
  if (!row) throw new Error('Daniel’s feedback was not stored');
  return row;
}
