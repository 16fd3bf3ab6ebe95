import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPercent, sourceRow } from '../support/dfeCsv';
import { DEMO, readReply } from '../support/conversation';
import { postActivity, RunningBot, startBot, teamsMessage } from '../support/runningBot';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.stop());

const ask = async (who: string, text: string) => {
  const res = await postActivity(bot.url, teamsMessage(who, text));
  expect(res.status).toBe(200);
  return (res.body.activities ?? []).map((a) => readReply(a)).join('\n');
};

describe('the real server over HTTP', () => {
  it('answers GET /healthz', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers a headteacher’s KS2 question with the figures in the DfE file', async () => {
    const school = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.URN === '117324');
    const la = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '3');
    const england = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '4');
    const reply = await ask(DEMO.helen, 'what were our KS2 results last year?');
    expect(reply).toContain(`${asPercent(school.PTRWM_EXP)} | in 2024/25`);
    expect(reply).toContain(`Compared with Hertfordshire ${asPercent(la.PTRWM_EXP)} and England ${asPercent(england.PTRWM_EXP)}`);
    expect(reply).toContain('Source: DfE school performance tables (key stage 2) 2024/25');
  });

  it('answers an LA officer’s question about a named school with its census figures', async () => {
    const census = sourceRow('2024-2025', '919_census.csv', (r) => r.URN === '117147');
    const reply = await ask(DEMO.tom, 'how many pupils are on roll at Sandon JMI?');
    expect(reply).toContain(`${Number(census.NOR).toLocaleString('en-GB')} | in 2024/25`);
  });

  it('refuses school data to a Teams user the council has not registered', async () => {
    const reply = await ask(DEMO.stranger, 'how is Sandon JMI doing');
    expect(reply).toContain('You are not set up yet');
    expect(reply).not.toMatch(/\d+%/);
  });

  it('keeps a multi-turn question across HTTP requests (state in SQLite)', async () => {
    const first = await ask(DEMO.priya, 'how are we doing?');
    expect(first).toContain('Which one do you mean?');
    const res = await postActivity(bot.url, teamsMessage(DEMO.priya, undefined, { value: { verb: 'chooseSchool', urn: '117578' } }));
    expect((res.body.activities ?? []).map((a) => readReply(a)).join('\n')).toContain('Ashlyns School');
  });

  it('rejects a request that is not JSON without falling over', async () => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
