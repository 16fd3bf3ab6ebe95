import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesReceivedBy } from '../../src/feedback/servicesReceived';
import { cardProblems } from '../support/cardCheck';
import { buttonsOf, DEMO, readReply } from '../support/conversation';
import { ASHLYNS, chat, choicesOf, feedbackRows, FeedbackWorld, feedbackWorld, inputsOf, LEAVESDEN, NOW, say, submitValue } from './feedbackSupport';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await feedbackWorld();
});
afterAll(() => w.db.close());

const today = NOW.toISOString().slice(0, 10);
const referenceIn = (text: string) => /FB-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)?.[0];

describe('a headteacher giving feedback', () => {
  it('"how do I give feedback?" explains briefly and shows a card of the services the school received, most recent first', async () => {
    const [reply] = await say(chat(w, DEMO.helen), 'how do I give feedback?');
    expect(cardProblems(reply.attachments?.[0]?.content)).toEqual([]);
    expect(readReply(reply)).toContain('It takes a minute');
    const received = await servicesReceivedBy(w.db, [LEAVESDEN], today);
    expect(received.length).toBeGreaterThan(3);
    expect(choicesOf(reply, 'service').map((c) => c.value)).toEqual(received.map((s) => s.ref));
    expect(choicesOf(reply, 'rating').map((c) => c.title)).toEqual(['Excellent', 'Good', 'Satisfactory', 'Poor', 'Very poor']);
    expect(Object.keys(inputsOf(reply))).toEqual(['service', 'rating', 'helped', 'comment', 'mayContact']);
  });

  it('"I want to rate last week\'s adviser visit" preselects the most recent adviser visit, named by its date', async () => {
    const [reply] = await say(chat(w, DEMO.helen), "I want to rate last week's adviser visit");
    const visit = (await servicesReceivedBy(w.db, [LEAVESDEN], today)).find((s) => s.kind === 'adviser_visit');
    expect(inputsOf(reply).service).toBe(visit?.ref);
    const day = new Date(`${visit?.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(choicesOf(reply, 'service').find((c) => c.value === visit?.ref)?.title).toBe(`Adviser visit with Tom Hartley, ${day}`);
  });

  it('a submitted card is stored before the thank-you, which quotes its reference', async () => {
    const adapter = chat(w, DEMO.helen);
    const [card] = await say(adapter, 'give feedback');
    const value = submitValue(card, { rating: '4', helped: 'yes', comment: 'Clear next steps for reading. Ring me on 07700 900123.', mayContact: 'true' });
    const [thanks] = await say(adapter, { value });
    const reference = referenceIn(readReply(thanks));
    expect(reference).toBeDefined();
    const row = await w.db.get<Record<string, unknown>>('SELECT * FROM feedback WHERE reference = ?', [reference as string]);
    expect(row).toMatchObject({
      urn: LEAVESDEN,
      service_ref: value.service,
      rating: 4,
      helped: 'yes',
      comment: 'Clear next steps for reading. Ring me on 07700 900123.',
      may_contact: 1,
      submitted_by: DEMO.helen,
      submitter_role: 'headteacher',
      card_instance_id: value.cardInstanceId,
    });
  });

  it('a double click (the same card instance twice) is stored once and thanked with the same reference', async () => {
    const adapter = chat(w, DEMO.daniel);
    const [card] = await say(adapter, 'give feedback');
    const value = submitValue(card, { rating: '5' });
    const before = (await feedbackRows(w.db)).length;
    const [first] = await say(adapter, { value });
    const [second] = await say(adapter, { value });
    expect(referenceIn(readReply(second))).toBe(referenceIn(readReply(first)));
    expect(readReply(second)).toContain('we already have this feedback');
    expect((await feedbackRows(w.db)).length).toBe(before + 1);
  });

  it('a retried delivery of the same activity is stored once', async () => {
    const adapter = chat(w, DEMO.rachel);
    const [card] = await say(adapter, 'give feedback');
    const activity = { id: 'teams-retry-1', value: submitValue(card, { rating: '3' }) };
    const before = (await feedbackRows(w.db)).length;
    const [first] = await say(adapter, { ...activity });
    // A redelivery from the channel carries the same activity id; here even with a different card instance.
    const [again] = await say(adapter, { ...activity, value: { ...activity.value, cardInstanceId: '7d8e9f00-1111-4222-8333-444455556666' } });
    expect(referenceIn(readReply(again))).toBe(referenceIn(readReply(first)));
    expect((await feedbackRows(w.db)).length).toBe(before + 1);
  });

  it('a service already rated is not offered again', async () => {
    const adapter = chat(w, DEMO.daniel);
    const rated = (await w.db.all<{ service_ref: string }>('SELECT service_ref FROM feedback WHERE submitted_by = ?', [DEMO.daniel])).map((r) => r.service_ref);
    expect(rated.length).toBeGreaterThan(0);
    const [card] = await say(adapter, 'give feedback');
    const offered = choicesOf(card, 'service').map((c) => c.value);
    for (const ref of rated) expect(offered).not.toContain(ref);
  });
});

describe('a governor on two boards', () => {
  it('sees both schools’ services, each labelled with its school', async () => {
    const [card] = await say(chat(w, DEMO.priya), 'I want to give some feedback about the governor training');
    const titles = choicesOf(card, 'service').map((c) => c.title);
    expect(titles.some((t) => t.endsWith('(Leavesden JMI School)'))).toBe(true);
    expect(titles.some((t) => t.endsWith('(Ashlyns School)'))).toBe(true);
    const preselected = choicesOf(card, 'service').find((c) => c.value === inputsOf(card).service);
    expect(preselected?.title).toMatch(/^Governor training/);
  });

  it('can give feedback on a service at either school', async () => {
    const adapter = chat(w, DEMO.priya);
    const [card] = await say(adapter, 'give feedback');
    const ashlyns = (await servicesReceivedBy(w.db, [ASHLYNS], today))[0];
    const [thanks] = await say(adapter, { value: submitValue(card, { service: ashlyns.ref, rating: '5' }) });
    expect(readReply(thanks)).toContain('your feedback is saved');
    expect(await w.db.get('SELECT urn FROM feedback WHERE submitted_by = ? AND service_ref = ?', [DEMO.priya, ashlyns.ref])).toEqual({ urn: ASHLYNS });
  });
});

describe('LA staff', () => {
  it('asking how to give feedback are told it comes from schools and offered the summary', async () => {
    const [reply] = await say(chat(w, DEMO.tom), 'how do I give feedback?');
    expect(readReply(reply)).toContain('Feedback comes from schools');
    expect(buttonsOf(reply).map((b) => b.title)).toContain('Feedback summary for adviser visits this term');
  });

  it('cannot submit feedback, even with a card payload', async () => {
    const adapter = chat(w, DEMO.tom);
    const before = (await feedbackRows(w.db)).length;
    const value = { verb: 'feedbackSubmit', cardInstanceId: '0c1d2e3f-aaaa-4bbb-8ccc-ddddeeeeffff', service: 'visit:1', rating: '5' };
    const [reply] = await say(adapter, { value });
    expect(readReply(reply)).toContain('Only headteachers and governors give feedback');
    expect((await feedbackRows(w.db)).length).toBe(before);
  });
});
