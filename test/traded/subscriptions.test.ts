import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, readReply } from '../support/conversation';
import { say, submitsOf, tradedWorld, TradedWorld } from './tradedSupport';

let w: TradedWorld;
beforeAll(async () => {
  w = await tradedWorld({ routed: true });
});
afterAll(() => w.db.close());

const text = async (userId: string, input: string) => (await say(w.chat(userId), input)).map(readReply).join('\n');

describe('a school’s subscriptions and renewal dates', () => {
  it('"what do we subscribe to?" shows the headteacher’s current contracts with renewal dates, marked restricted and fictional', async () => {
    const [reply] = await say(w.chat(DEMO.helen), 'what do we subscribe to?');
    const shown = readReply(reply);
    expect(shown).toContain('Traded services subscriptions: Leavesden JMI School');
    expect(shown).toContain('Restricted: for the school\'s headteacher and governors and LA staff');
    expect(shown).toContain('Fictional demo data (data/demo/subscriptions.json)');
    expect(shown).toContain('School improvement adviser programme');
    expect(shown).toContain('1 April 2024 to 31 March 2027');
    expect(shown).toContain('tell the team by 31 December 2026 if you will not renew (90 days\' notice)');
    expect(shown).toContain('£1,947.50 a year excluding VAT, as invoiced');
    expect(submitsOf(reply).map((s) => s.data)).toContainEqual({ verb: 'tradedStartEnquiry', serviceId: 'adviser-programme' });
  });

  it('a price that was not recorded is shown as not recorded, never as £0', async () => {
    const shown = await text(DEMO.helen, 'what do we subscribe to?');
    expect(shown).toMatch(/Payroll and pensions service[^]*Price \| Not recorded/);
    expect(shown).not.toContain('£0.00');
  });

  it('"when does our HR contract end?" shows just the HR contract', async () => {
    const shown = await text(DEMO.daniel, 'when does our HR contract end?');
    expect(shown).toContain('Schools HR advisory service');
    expect(shown).toContain('Ends 31 March 2028');
    expect(shown).not.toContain('Governor training subscription');
  });

  it('asking about a contract the school does not have says so and shows what it has', async () => {
    const shown = await text(DEMO.margaret, 'when does our payroll contract end?');
    expect(shown).toContain('Gade Valley Primary School has no current subscription to Payroll and pensions service');
    expect(shown).toContain('Governing board clerking service');
  });

  it('a governor on two boards sees both schools’ subscriptions', async () => {
    const shown = await text(DEMO.priya, 'what do we subscribe to?');
    expect(shown).toContain('Leavesden JMI School (URN 117324)');
    expect(shown).toContain('Ashlyns School (URN 117578)');
  });

  it('an LA adviser may see any named school’s subscriptions, and is asked which school otherwise', async () => {
    expect(await text(DEMO.tom, 'what does Gade Valley subscribe to?')).toContain('SENCO network membership');
    expect(await text(DEMO.tom, 'what subscriptions are there?')).toContain('Which school?');
  });

  it('a governor cannot see the subscriptions of a school they do not govern', async () => {
    const shown = await text(DEMO.priya, 'what does Gade Valley subscribe to?');
    expect(shown).toContain('I can’t show you that');
    expect(shown).not.toContain('SENCO network membership');
  });

  it('a service manager cannot see a school’s subscriptions', async () => {
    const shown = await text(DEMO.grace, 'what does Ashlyns subscribe to?');
    expect(shown).toContain('restricted to the school’s own headteacher and governors and to LA staff');
    expect(shown).not.toContain('Schools HR advisory service');
  });
});
