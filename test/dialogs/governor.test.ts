import { describe, expect, it } from 'vitest';
import { DEMO, buttonsOf, chatAs, readReply, useHertsBot } from '../support/conversation';

const herts = useHertsBot();

const LEAVESDEN = '117324';
const ASHLYNS = '117578';

describe('a governor on two boards', () => {
  it('is asked which school they mean, with a button for each, and the answer follows the click', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how are we doing?')
      .assertReply((reply) => {
        expect(readReply(reply)).toContain('You are linked to more than one school');
        expect(buttonsOf(reply).map((b) => b.data)).toEqual([
          { verb: 'chooseSchool', urn: ASHLYNS },
          { verb: 'chooseSchool', urn: LEAVESDEN },
        ]);
      })
      .send({ value: { verb: 'chooseSchool', urn: ASHLYNS } })
      .assertReply((reply) => expect(readReply(reply)).toContain('Ashlyns School'))
      .send("what's our persistent absence?")
      .assertReply((reply) => expect(readReply(reply)).toContain('Ashlyns School'));
  });

  it('can answer the question by typing the school name', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how are we doing?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2))
      .send('Leavesden')
      .assertReply((reply) => expect(readReply(reply)).toContain('Leavesden JMI School'));
  });

  it('can name the school in the question and skip the choice', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how is Ashlyns doing?')
      .assertReply((reply) => expect(readReply(reply)).toContain('Ashlyns School'));
  });

  it('a forged choice of a school that was not offered is refused and the question asked again', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('what is our banding?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2))
      .send({ value: { verb: 'chooseSchool', urn: '117147' } })
      .assertReply('That school is not one of the choices I offered.')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2))
      .send({ value: { verb: 'chooseSchool', urn: LEAVESDEN } })
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Leavesden JMI School: LA school improvement record');
      });
  });

  it('a forged switch to a school they do not govern, sent outside any question, is refused', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send({ value: { verb: 'chooseSchool', urn: '117147' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('I can’t switch to that school'))
      .send('what is our banding?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2));
  });

  it('a malformed card payload is not taken for a choice', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('how are we doing?')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2))
      .send({ value: { verb: 'chooseSchool', urn: "117324' OR 1=1" } })
      .assertReply('Please pick one of the schools, or type **cancel**.')
      .assertReply((reply) => expect(buttonsOf(reply)).toHaveLength(2));
  });

  it('sees the LA record for their own school but not for a school they do not govern', async () => {
    await chatAs(herts.deps, DEMO.priya)
      .send('what is the banding for Ashlyns?')
      .assertReply((reply) => expect(readReply(reply)).toMatch(/Band \*\*[ABCD]\*\*|Not enough published data/))
      .send('what is the banding for Sandon JMI?')
      .assertReply((reply) => expect(readReply(reply)).toContain('only for that school'));
  });
});

describe('a chair of governors on one board', () => {
  it('goes straight to their school', async () => {
    await chatAs(herts.deps, DEMO.margaret)
      .send('how are we doing?')
      .assertReply((reply) => expect(readReply(reply)).toContain('Gade Valley Primary School'));
  });
});
