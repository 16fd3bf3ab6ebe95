import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePending } from '../../src/feedback/analysisWorker';
import { cardProblems } from '../support/cardCheck';
import { DEMO, readReply } from '../support/conversation';
import { chat, FeedbackWorld, feedbackWorld, LEAVESDEN, NOW, say, submitValue } from './feedbackSupport';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await feedbackWorld();
});
afterAll(() => w.db.close());

/** The headline figure worked out straight from the table, independently of the summary code. */
async function expectedHeadline(where: string, params: string[] = []): Promise<{ n: number; good: number; text: string }> {
  const row = await w.db.get<{ n: number; good: number }>(`SELECT COUNT(*) AS n, SUM(rating >= 4) AS good FROM feedback WHERE ${where}`, params);
  const n = row?.n ?? 0;
  const good = row?.good ?? 0;
  return { n, good, text: `${Math.round((good / n) * 100)}% rated it good or better (${good} of ${n} responses)` };
}

async function analyseEverything(): Promise<void> {
  for (let run = await analysePending(w, NOW); run.claimed > 0; run = await analysePending(w, NOW));
}

describe('the feedback summary for a service manager', () => {
  it('counts comments still waiting for analysis, and quotes none of them', async () => {
    const pending = await w.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM feedback WHERE service_kind = 'adviser_visit' AND service_date BETWEEN '2026-09-01' AND '2026-12-31' AND analysis_status = 'pending'",
    );
    expect(pending?.n).toBeGreaterThan(0);
    const [reply] = await say(chat(w, DEMO.grace), 'feedback summary for adviser visits this term');
    const text = readReply(reply);
    expect(text).toContain(`${pending?.n} responses are still waiting for text analysis`);
    expect(text).toContain('No comments to show.');
  });

  it('"feedback summary for adviser visits this term" gives good-or-better against the target, trend, sentiment, themes and redacted comments', async () => {
    await analyseEverything();
    const [reply] = await say(chat(w, DEMO.grace), 'feedback summary for adviser visits this term');
    expect(cardProblems(reply.attachments?.[0]?.content)).toEqual([]);
    const text = readReply(reply);
    const headline = await expectedHeadline("service_kind = 'adviser_visit' AND service_date BETWEEN '2026-09-01' AND '2026-12-31'");
    expect(text).toContain('Feedback on adviser visits: autumn 2026');
    expect(text).toContain(headline.text);
    const gap = Math.round((headline.good / headline.n) * 100) - 70;
    expect(text).toContain(gap >= 0 ? 'Meets the target' : `${-gap} percentage points below the target`);
    const lastYear = await expectedHeadline("service_kind = 'adviser_visit' AND service_date BETWEEN '2025-09-01' AND '2025-12-31'");
    expect(text).toContain(`autumn 2025 | ${Math.round((lastYear.good / lastYear.n) * 100)}% good or better (${lastYear.good} of ${lastYear.n})`);
    expect(text).toMatch(/Sentiment of \d+ analysed comments: \d+ positive, \d+ neutral, \d+ negative, \d+ mixed/);
    expect(text).toMatch(/Main themes: [a-z ]+ \(\d+\)/);
    expect(text).toContain('Source: feedback schools gave through Critical Friend');
    expect(text).toContain('as at 2 December 2026');
    expect(text).not.toContain('still waiting');
  });

  it('never shows an email address, phone number or the name of a person the bot knows', async () => {
    const [reply] = await say(chat(w, DEMO.grace), 'feedback summary');
    const text = readReply(reply);
    const comments = await w.db.all<{ comment: string }>("SELECT comment FROM feedback WHERE comment LIKE '%@%' OR comment LIKE '%01442%' OR comment LIKE '%Pryce%'");
    expect(comments.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/@|01442|Pryce/);
    expect(await w.db.get("SELECT 1 FROM feedback WHERE redacted_comment LIKE '%Pryce%' OR redacted_comment LIKE '%@%' OR redacted_comment LIKE '%01442%'")).toBeUndefined();
  });

  it('"how are governor services rated?" covers governor services over all terms on record', async () => {
    const [reply] = await say(chat(w, DEMO.grace), 'how are governor services rated?');
    const text = readReply(reply);
    expect(text).toContain('Feedback on governor services: all terms on record');
    expect(text).toContain((await expectedHeadline("service_kind = 'governor_services'")).text);
  });

  it('a period with no feedback says so rather than showing 0%', async () => {
    const [reply] = await say(chat(w, DEMO.grace), 'feedback summary for CPD courses summer 2025');
    expect(cardProblems(reply.attachments?.[0]?.content)).toEqual([]);
    const text = readReply(reply);
    expect(text).toContain('No responses in this period');
    expect(text).not.toMatch(/(^|[^\d])0%/);
  });
});

describe('headteachers and governors', () => {
  it('see only their own school’s feedback in a summary', async () => {
    const adapter = chat(w, DEMO.helen);
    const [card] = await say(adapter, 'give feedback');
    await say(adapter, { value: submitValue(card, { rating: '5', comment: 'Our own comment about the visit.' }) });
    await analyseEverything();
    const [reply] = await say(chat(w, DEMO.helen), 'feedback summary');
    const text = readReply(reply);
    expect(text).toContain("Your school's feedback only: Leavesden JMI School.");
    expect(text).toContain((await expectedHeadline('urn = ?', [LEAVESDEN])).text);
    const others = await w.db.all<{ redacted_comment: string }>("SELECT DISTINCT redacted_comment FROM feedback WHERE urn <> ? AND redacted_comment <> ''", [LEAVESDEN]);
    for (const c of others) expect(text).not.toContain(c.redacted_comment);
    expect(text).toContain('Our own comment about the visit.');
  });
});
