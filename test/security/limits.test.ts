import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PerUserRateLimit } from '../../src/bot/rateLimit';
import { DEMO, readReply } from '../support/conversation';
import { postActivity, RunningBot, startBot, teamsMessage } from '../support/runningBot';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({ RATE_LIMIT_PER_MINUTE: '5', MAX_REQUEST_BYTES: '65536' });
});
afterAll(() => bot.stop());

describe('per-user rate limiting', () => {
  it('answers politely once a user goes over the limit, without affecting anyone else', async () => {
    const replies: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await postActivity(bot.url, teamsMessage(DEMO.daniel, 'hello'));
      replies.push((res.body.activities ?? []).map((a) => readReply(a)).join(' '));
    }
    expect(replies.slice(0, 5).every((r) => r.includes('Hello Daniel'))).toBe(true);
    expect(replies[5]).toContain("You're sending messages faster than I can answer");
    const other = await postActivity(bot.url, teamsMessage(DEMO.rachel, 'hello'));
    expect((other.body.activities ?? []).map((a) => readReply(a)).join(' ')).toContain('Hello Rachel');
  });

  it('refills over time', () => {
    let now = 0;
    const limit = new PerUserRateLimit(2, () => now);
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, false]);
    now += 30_000;
    expect(limit.take('a')).toBe(true);
    expect(limit.take('a')).toBe(false);
  });
});

describe('request size', () => {
  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const big = teamsMessage(DEMO.helen, 'x'.repeat(100_000));
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(big) });
    expect(res.status).toBe(413);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('refuses an activity with a wrong-typed field with 400, naming no internals', async () => {
    const res = await postActivity(bot.url, { ...teamsMessage(DEMO.helen, 'hi'), from: 'helen' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at |node_modules|zod/);
  });
});
