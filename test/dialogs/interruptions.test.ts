import { describe, expect, it } from 'vitest';
import { Recognition, Recognizer } from '../../src/language/intents';
import { DEMO, buttonsOf, chatAs, readReply, useHertsBot } from '../support/conversation';

const herts = useHertsBot();

describe('help, cancel and start over work at any point', () => {
  it('help in the middle of choosing a school shows help and keeps the question open', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how are we doing?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2))
      .send('help')
      .assertReply((reply) => expect(readReply(reply)).toContain('What you can ask'))
      .send({ value: { verb: 'chooseSchool', urn: '117324' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('Leavesden JMI School'));
  });

  it('a new question instead of a school choice is answered, and the choice is not asked again', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how are we doing?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2))
      .send('what briefings are coming up?')
      .assertReply((reply) => expect(readReply(reply)).toMatch(/briefing/i))
      .send({ value: { verb: 'chooseSchool', urn: '117578' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('Now talking about Ashlyns School'));
  });

  it('cancel in the middle of choosing a school drops the question', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how are we doing?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2))
      .send('cancel')
      .assertReply((reply) => expect(readReply(reply)).toContain('Cancelled'))
      .send('thanks')
      .assertReply((reply) => expect(readReply(reply)).toContain("You're welcome"));
  });

  it('start over forgets the school chosen earlier', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how is Ashlyns doing?')
      .assertReply((reply) => expect(readReply(reply)).toContain('Ashlyns School'))
      .send('start over')
      .assertReply((reply) => expect(readReply(reply)).toContain('Hello Priya'))
      .send('how are we doing?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2));
  });

  it('cancel with nothing to cancel says so', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send('cancel')
      .assertReply((reply) => expect(readReply(reply)).toContain('Nothing to cancel'));
  });

  it('an empty message or a card click with nothing pending still gets an answer', async () => {
    await chatAs(herts.deps, DEMO.helen)
      .send({ value: { something: 'else' } })
      .assertReply((reply) => expect(readReply(reply)).toContain("can't answer yet"));
  });
});

describe('when the recognizer is unsure', () => {
  const unsure: Recognizer = {
    async recognize(): Promise<Recognition> {
      return {
        intent: 'school_overview',
        score: 0.45,
        alternatives: [
          { intent: 'school_overview', score: 0.45 },
          { intent: 'la_internal', score: 0.4 },
          { intent: 'None', score: 0.15 },
        ],
        entities: { urns: [], schools: [], measureIds: [], years: { kind: 'latest' } },
      };
    },
  };

  it('asks a clarifying question with buttons instead of guessing', async () => {
    const unsureDeps = { ...herts.deps, recognizer: unsure };
    await chatAs(unsureDeps, DEMO.helen)
      .send('hmm the thing about us')
      .assertReply((reply) => {
        expect(readReply(reply)).toContain('Did you mean one of these?');
        expect(buttonsOf(reply).map((b) => b.title)).toEqual(['How are we doing?', 'What is our banding?']);
      });
  });
});

describe('state survives a restart', () => {
  it('a question waiting for a school choice is answered by a new bot instance on the same database', async () => {
    const conversation = `conv-restart-${Date.now()}`;
    await chatAs(herts.deps, DEMO.priya, conversation)
      .send('how are we doing?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2));
    await chatAs(herts.deps, DEMO.priya, conversation)
      .send({ value: { verb: 'chooseSchool', urn: '117578' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('Ashlyns School'));
  });
});
