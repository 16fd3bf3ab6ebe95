import { describe, expect, it } from 'vitest';
import { sourceRow } from '../support/dfeCsv';
import { DEMO, chatAs, readReply, useHertsBot } from '../support/conversation';

const herts = useHertsBot();

describe('an LA school improvement adviser', () => {
  it('asks about any school by name', async () => {
    await chatAs(herts.deps, DEMO.tom)
      .send('how is Sandon JMI doing')
      .assertReply((reply) => expect(readReply(reply)).toContain('Sandon Junior Mixed and Infant School'));
  });

  it('asks about any school by URN', async () => {
    await chatAs(herts.deps, DEMO.tom)
      .send("what's the persistent absence for 117578?")
      .assertReply((reply) => expect(readReply(reply)).toContain('Ashlyns School'));
  });

  it('sees any school’s LA record', async () => {
    await chatAs(herts.deps, DEMO.tom)
      .send('what is the banding for Woodhall Primary?')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('Woodhall Primary School: LA school improvement record');
        expect(text).toContain('Open');
      });
  });

  it('lists the schools in a district above a persistent absence threshold, matching the source file', async () => {
    const dacorum = (await herts.db.all<{ urn: string }>("SELECT urn FROM school_districts d JOIN schools s USING (urn) WHERE d.district = 'Dacorum' AND s.status = 'Open'")).map((r) => r.urn);
    const expected = dacorum.filter((urn) => {
      try {
        const pa = Number(sourceRow('2023-2024', '919_abs.csv', (r) => r.URN === urn).PPERSABS10);
        return pa > 20;
      } catch {
        return false;
      }
    });
    await chatAs(herts.deps, DEMO.tom)
      .send('schools in Dacorum with persistent absence above 20%')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain(`${expected.length} of ${dacorum.length} open schools in Dacorum (2023/24)`);
        expect(text).toContain('Source: DfE school performance tables (pupil absence) 2023/24');
      });
  });

  it('is asked which school when none is named', async () => {
    await chatAs(herts.deps, DEMO.tom)
      .send('how are we doing?')
      .assertReply((reply) => expect(readReply(reply)).toContain('Which school?'));
  });
});

describe('a service manager', () => {
  it('sees published figures but not a school’s LA record', async () => {
    await chatAs(herts.deps, DEMO.grace)
      .send('how is Sandon JMI doing')
      .assertReply((reply) => expect(readReply(reply)).toContain('Sandon Junior Mixed and Infant School'))
      .send('what is the banding for Sandon JMI?')
      .assertReply((reply) => {
        expect(readReply(reply)).toContain('I can’t show you that');
        expect(readReply(reply)).not.toMatch(/Band \*\*/);
      });
  });

  it('cannot list schools across a district', async () => {
    await chatAs(herts.deps, DEMO.grace)
      .send('schools in Watford with persistent absence above 20%')
      .assertReply((reply) => expect(readReply(reply)).toContain('Lists of schools are for LA officers'));
  });
});

describe('someone the council has not registered', () => {
  it('is told politely whom to contact and sees no school data', async () => {
    await chatAs(herts.deps, DEMO.stranger)
      .send('how is Sandon JMI doing')
      .assertReply((reply) => {
        const text = readReply(reply);
        expect(text).toContain('You are not set up yet');
        expect(text).toContain('test@example.org');
        expect(text).not.toContain('Sandon');
        expect(text).not.toMatch(/\d+%/);
      });
  });

  it('cannot get in by sending a card payload', async () => {
    await chatAs(herts.deps, DEMO.stranger)
      .send({ value: { verb: 'chooseSchool', urn: '117147' } })
      .assertReply((reply) => expect(readReply(reply)).toContain('You are not set up yet'));
  });
});
