import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Feature } from '../../dialogs/feature';
import { createGlossaryFeature } from '../../dialogs/glossary/glossaryFeature';
import { Database } from '../../src/db/database';
import { Recognizer } from '../../src/language/intents';
import { cardOf, answerDeps, buttonsOf, chatAs, DEMO, readReply } from '../support/conversation';
import { cardProblems } from '../support/cardCheck';
import { hertsDb } from '../support/testDb';

let db: Database;
let deps: AnswerDeps;
let features: Feature[];
beforeAll(async () => {
  ({ db } = await hertsDb());
  deps = await answerDeps(db);
  features = [createGlossaryFeature(deps)];
});
afterAll(() => db.close());

const chat = (who: string, d: AnswerDeps = deps, f: Feature[] = features) => chatAs(d, who, undefined, f);

describe('asking what a term means', () => {
  it.each([
    ['what does Progress 8 mean?', 'Progress 8', 'Zero is the national average by construction'],
    ['what is persistent absence?', 'Persistent absence', 'miss 10% or more of the sessions'],
    ['why is there no progress score this year?', 'Why a progress score is missing', 'never as zero'],
  ])('"%s" gets a plain-English card about %s', async (question, term, phrase) => {
    await chat(DEMO.priya)
      .send(question)
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain(`What it means | ${term}`);
        expect(text).toContain(phrase);
        expect(cardProblems(cardOf(reply))).toEqual([]);
      });
  });

  it('offers a governor their own school’s figure when their school’s phase has the measure', async () => {
    await chat(DEMO.margaret)
      .send('what is persistent absence?')
      .assertReply((reply) => expect(buttonsOf(reply).map((b) => b.title)).toContain("What's our Persistent absence?"));
    await chat(DEMO.margaret)
      .send('what does Progress 8 mean?')
      .assertReply((reply) => expect(buttonsOf(reply).map((b) => b.title)).not.toContain("What's our Progress 8?"));
  });

  it('explains a related term when its button is pressed, and a forged button gets the list of terms', async () => {
    await chat(DEMO.helen)
      .send('what does Progress 8 mean?')
      .assertReply((reply) => expect(buttonsOf(reply).map((b) => b.data)).toContainEqual({ verb: 'glossaryExplain', id: 'attainment_8' }))
      .send({ value: { verb: 'glossaryExplain', id: 'attainment_8' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('What it means | Attainment 8'))
      .send({ value: { verb: 'glossaryExplain', id: '../../etc/passwd' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('I can’t explain that one'));
  });

  it('lists the terms it can explain when asked for the glossary', async () => {
    await chat(DEMO.helen)
      .send('what do the terms mean?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Terms I can explain');
        expect(text).toContain('Progress 8');
        expect(text).toContain('Notice of concern');
      });
  });

  it('says honestly that it cannot explain a term it does not know, and lists what it can', async () => {
    const glossaryRecognizer: Recognizer = {
      recognize: async () => ({ intent: 'glossary', score: 1, alternatives: [], entities: { urns: [], schools: [], measureIds: [], years: { kind: 'latest' } } }),
    };
    const fixed = { ...deps, recognizer: glossaryRecognizer };
    await chat(DEMO.helen, fixed, [createGlossaryFeature(fixed)])
      .send('what does flibbertigibbet mean?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('I can’t explain that one');
        expect(text).toContain('I won’t guess');
        expect(text).toContain('Persistent absence');
      });
  });
});
