import { describe, expect, it } from 'vitest';
import { asPercent, sourceRow } from '../support/dfeCsv';
import { DEMO, chatAs, conversationUpdate, readReply, useHertsBot } from '../support/conversation';

const herts = useHertsBot();

const LEAVESDEN = '117324';
const ks2 = (folder: string, pick: (r: Record<string, string>) => boolean) => sourceRow(folder, '919_ks2final.csv', pick);

describe('a headteacher asking about their school', () => {
  it('is greeted by their registered name with what the bot can do', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send(conversationUpdate(DEMO.helen))
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Hello Helen');
        expect(text).not.toContain('Display Name From Teams');
        expect(text).toContain('How are we doing?');
      });
  });

  it('"how are we doing?" gives the headline figures with years, comparators and sources', async () => {
    const school = ks2('2024-2025', (r) => r.URN === LEAVESDEN);
    const la = ks2('2024-2025', (r) => r.RECTYPE === '3');
    await chatAs(herts.deps, DEMO.helen)
      .send('how are we doing?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Leavesden JMI School');
        expect(text).toContain(`RWM expected standard (2024/25) | ${asPercent(school.PTRWM_EXP)} | ${asPercent(la.PTRWM_EXP)}`);
        expect(text).toContain('Source: DfE school performance tables (key stage 2) 2024/25');
      });
  });

  it('"what were our KS2 results last year?" gives the latest published year against the LA and England', async () => {
    const school = ks2('2024-2025', (r) => r.URN === LEAVESDEN);
    const la = ks2('2024-2025', (r) => r.RECTYPE === '3');
    const england = ks2('2024-2025', (r) => r.RECTYPE === '4');
    await chatAs(herts.deps, DEMO.helen)
      .send('what were our KS2 results last year?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain(`${asPercent(school.PTRWM_EXP)} | in 2024/25`);
        expect(text).toContain(`Compared with Hertfordshire ${asPercent(la.PTRWM_EXP)} and England ${asPercent(england.PTRWM_EXP)}`);
      });
  });

  it('"what\'s our persistent absence compared with the county?" uses the primary comparator rows', async () => {
    const school = sourceRow('2023-2024', '919_abs.csv', (r) => r.URN === LEAVESDEN);
    const la = sourceRow('2023-2024', '919_abs.csv', (r) => r.LA === '919' && r.ESTAB === 'PRI');
    await chatAs(herts.deps, DEMO.helen)
      .send("what's our persistent absence compared with the county?")
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain(`${asPercent(school.PPERSABS10)} | in 2023/24`);
        expect(text).toContain(`Hertfordshire ${asPercent(la.PPERSABS10)}`);
      });
  });

  it('"show me reading over the last three years" shows up to three years, oldest first', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send('show me reading over the last three years')
      .assertReply((reply) => {
        const years = readReply(reply).match(/20\d\d\/\d\d(?= \| \d)/g) ?? [];
        expect(years.length).toBeGreaterThanOrEqual(2);
        expect(years.length).toBeLessThanOrEqual(3);
        expect([...years].sort()).toEqual(years);
      });
  });

  it('is told KS2 progress was not published, and why, rather than shown a zero', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send("what's our reading progress score?")
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Not published');
        expect(text).toContain('no key stage 1 assessments');
        expect(text).not.toMatch(/\| 0 \|/);
      });
  });

  it('asking a primary school for Progress 8 explains it is a KS4 measure', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send("what's our Progress 8?")
      .assertReply((reply) => expect(readReply(reply)).toContain('Progress 8 is a KS4 measure'));
  });

  it('"when was our last Ofsted?" gives the last inspection in the DfE file, with its framework, date and source', async () => {
    const info = sourceRow('2022-2023', '919_school_information.csv', (r) => r.URN === LEAVESDEN);
    await chatAs(herts.deps, DEMO.helen)
      .send('when was our last Ofsted?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain(`overall effectiveness **${info.OFSTEDRATING}**`);
        expect(text).toContain('under the framework in use before September 2024');
        expect(text).toContain('Source: DfE school performance tables (school information) 2022/23');
        expect(text).toContain(`URN ${LEAVESDEN}`);
      });
  });

  it('an Ofsted question about a school with no inspection in the files says so, with no grade', async () => {
    await chatAs(herts.deps, DEMO.tom)
      .send('when was the last Ofsted at 151385?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Not held');
        expect(text).not.toMatch(/\*\*(Good|Outstanding|Requires improvement|Inadequate)\*\*/);
      });
  });

  it('sees their own LA record: banding, notice of concern and adviser visits', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send('what is our banding?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toMatch(/Band \*\*[ABCD]\*\*/);
        expect(text).toContain('Notices of concern');
        expect(text).toContain('Fictional demo data');
        expect(text).toContain('Tom Hartley');
      });
  });

  it('cannot see another school’s LA record', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send('what is the banding for Sandon JMI?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('I can’t show you that');
        expect(text).not.toMatch(/Band \*\*/);
      });
  });

  it('can still see another school’s published figures', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send('how is Sandon JMI doing?')
      .assertReply((reply) => expect(readReply(reply)).toContain('Sandon Junior Mixed and Infant School'));
  });

  it('gets an honest "can\'t help yet" with suggestions for something out of scope', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send('can you order me a pizza')
      .assertReply((reply) => {
        expect(readReply(reply)).toContain("I can't help with that yet");
        expect(reply.attachments?.[0].content.actions.length).toBeGreaterThan(0);
      });
  });
});

describe('a secondary headteacher', () => {
  it('"what\'s our Progress 8?" says 2024/25 was not published and why, beside the last published figure', async () => {
    const ashlyns = sourceRow('2023-2024', '919_ks4final.csv', (r) => r.URN === '117578');
    const la = sourceRow('2023-2024', '919_ks4final.csv', (r) => r.RECTYPE === '4');
    await chatAs(herts.deps, DEMO.daniel)
      .send("what's our Progress 8?")
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Ashlyns School');
        expect(text).toContain(`2023/24 | +${Number(ashlyns.P8MEA).toFixed(2)} | +${Number(la.P8MEA).toFixed(2)}`);
        expect(text).toContain('2024/25 | Not published');
        expect(text).toContain('no key stage 2 tests in 2020');
      });
  });

  it('"attainment 8 over the last three years" gives each year against the LA, from the KS4 files', async () => {
    const latest = sourceRow('2024-2025', '919_ks4final.csv', (r) => r.URN === '117578');
    await chatAs(herts.deps, DEMO.daniel)
      .send('attainment 8 over the last three years')
      .assertReply((reply) => expect(readReply(reply)).toContain(`2024/25 | ${Number(latest.ATT8SCR)}`));
  });
});
