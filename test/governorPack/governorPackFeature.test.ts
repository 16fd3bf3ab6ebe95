import { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Feature } from '../../dialogs/feature';
import { createGlossaryFeature } from '../../dialogs/glossary/glossaryFeature';
import { createGovernorPackFeature } from '../../dialogs/governorPack/governorPackFeature';
import { Database } from '../../src/db/database';
import { verifyPackToken } from '../../src/governorPack/packLink';
import { cardProblems } from '../support/cardCheck';
import { answerDeps, buttonsOf, cardOf, chatAs, DEMO, readReply } from '../support/conversation';
import { TEST_TODAY } from '../support/globalSetup';
import { hertsDb } from '../support/testDb';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const BASE = 'https://bot.example.org';
const LEAVESDEN = '117324';
const ASHLYNS = '117578';

let db: Database;
let deps: AnswerDeps;
let features: Feature[];
beforeAll(async () => {
  ({ db } = await hertsDb());
  deps = await answerDeps(db);
  features = [createGovernorPackFeature(deps, { secret: SECRET, publicBaseUrl: BASE, now: () => TEST_TODAY }), createGlossaryFeature(deps)];
});
afterAll(() => db.close());

const chat = (who: string) => chatAs(deps, who, undefined, features);

/** The printable link on a pack card, checked: which user and school its token names. */
function printLink(reply: Partial<Activity>): { userId: string; urn: string } {
  const actions = (cardOf(reply).actions as { type: string; url?: string }[]) ?? [];
  const url = actions.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
  const token = /^https:\/\/bot\.example\.org\/packs\/([A-Za-z0-9_-]+)\.html$/.exec(url)?.[1] ?? '';
  const check = verifyPackToken(token, SECRET, TEST_TODAY);
  if (!check.ok) throw new Error(`no valid pack link on the card: ${url}`);
  return { userId: check.claims.userId, urn: check.claims.urn };
}

describe('asking for a governor briefing', () => {
  it('gives a headteacher the pack for their school, with a printable link made for them', async () => {
    await chat(DEMO.helen)
      .send("give me a briefing for our next governors' meeting")
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Governor briefing');
        expect(text).toContain('Leavesden JMI School');
        expect(text).toContain('Areas to watch and questions to ask');
        expect(text).toContain('Last inspection held: 29 March 2023, overall effectiveness **Good**');
        expect(cardProblems(cardOf(reply))).toEqual([]);
        expect(printLink(reply)).toEqual({ userId: DEMO.helen, urn: LEAVESDEN });
      });
  });

  it('asks a governor on two boards which school, with buttons, and makes the pack for the one they click', async () => {
    await chat(DEMO.priya)
      .send('governors briefing pack')
      .assertReply((reply) => {
        expect(readReply(reply)).toContain('Which school is the briefing for?');
        expect(buttonsOf(reply).map((b) => b.data)).toEqual([
          { verb: 'packChooseSchool', urn: ASHLYNS },
          { verb: 'packChooseSchool', urn: LEAVESDEN },
        ]);
      })
      .send({ value: { verb: 'packChooseSchool', urn: ASHLYNS } })
      .assertReply((reply) => {
        expect(readReply(reply)).toContain('Ashlyns School');
        expect(printLink(reply)).toEqual({ userId: DEMO.priya, urn: ASHLYNS });
      });
  });

  it('refuses a forged choice of a school the governor does not govern, and sends nothing about it', async () => {
    await chat(DEMO.priya)
      .send({ value: { verb: 'packChooseSchool', urn: '117147' } })
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('I can’t make that pack for you');
        expect(text).not.toMatch(/Band [ABCD]|Headline figures/);
      });
  });

  it('answers a malformed choice with a specific message and the choice again', async () => {
    await chat(DEMO.priya)
      .send({ value: { verb: 'packChooseSchool', urn: "117324' OR 1=1" } })
      .assertReply((reply) => {
        expect(readReply(reply)).toContain('I couldn’t read that choice');
        expect(buttonsOf(reply)).toHaveLength(2);
      });
  });

  it('lets an LA adviser name any school, and shows its LA record', async () => {
    await chat(DEMO.tom)
      .send('governors briefing pack for Sandon JMI')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Sandon');
        expect(text).toContain('LA school improvement record');
      });
  });

  it('asks an LA adviser who names no school which one they mean', async () => {
    await chat(DEMO.tom)
      .send('governors briefing pack')
      .assertReply((reply) => expect(readReply(reply)).toContain('Name the school or give its URN'));
  });

  it('does not give a traded services manager a pack', async () => {
    await chat(DEMO.grace)
      .send('governors briefing pack')
      .assertReply((reply) => expect(readReply(reply)).toContain('Governor briefing packs are for a school’s own headteacher and governors'));
  });

  it('shows the trend of an area to watch as a chart when its button is pressed', async () => {
    let chartButton = '';
    await chat(DEMO.helen)
      .send("give me a briefing for our next governors' meeting")
      .assertReply((reply) => {
        chartButton = JSON.stringify(cardOf(reply)).match(/\{"verb":"packTrendChart"[^}]*\}/)?.[0] ?? '';
        expect(chartButton).not.toBe('');
      });
    const data = JSON.parse(chartButton) as Record<string, unknown>;
    await chat(DEMO.helen)
      .send({ value: data })
      .assertReply((reply) => {
        const image = JSON.stringify(cardOf(reply)).match(/"url":"(data:image\/png;base64,[^"]+)"/)?.[1];
        expect(image).toBeDefined();
        expect(readReply(reply)).toMatch(/Line chart of .* at Leavesden JMI School/);
        expect(cardProblems(cardOf(reply))).toEqual([]);
      })
      .send({ value: { ...data, measureId: 'ks4_progress8' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('I can’t show that chart'));
  });
});
