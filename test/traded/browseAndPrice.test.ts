import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, readReply } from '../support/conversation';
import { say, submitsOf, tradedWorld, TradedWorld } from './tradedSupport';

let routed: TradedWorld;
let real: TradedWorld;
beforeAll(async () => {
  [routed, real] = await Promise.all([tradedWorld({ routed: true }), tradedWorld()]);
});
afterAll(async () => {
  await routed.db.close();
  await real.db.close();
});

const text = async (w: TradedWorld, userId: string, input: string | Record<string, unknown>) => (await say(w.chat(userId), input)).map(readReply).join('\n');

describe('browsing and searching the catalogue', () => {
  it('"what traded services are there?" lists the categories, each with a button to open it', async () => {
    const [reply] = await say(real.chat(DEMO.helen), 'what traded services are there?');
    expect(readReply(reply)).toContain('Traded services catalogue');
    expect(readReply(reply)).toContain('Fictional demo catalogue');
    expect(submitsOf(reply).map((s) => s.data)).toContainEqual({ verb: 'tradedBrowse', category: 'governance' });
  });

  it('a category button lists its services with provider, description and price', async () => {
    const reply = await text(routed, DEMO.priya, { verb: 'tradedBrowse', category: 'governance' });
    expect(reply).toContain('Governing board clerking service');
    expect(reply).toContain('LA team: LA Governor Services');
    expect(reply).toContain('£4.20 per pupil a year (minimum £1,350.00)');
  });

  it('"do you do anything on phonics?" finds the phonics course and the phonics review', async () => {
    const reply = await text(routed, DEMO.helen, 'do you do anything on phonics?');
    expect(reply).toContain('Leading phonics and early reading (course)');
    expect(reply).toContain('Phonics and early reading review');
    expect(reply).not.toContain('Payroll');
  });

  it('"support for special schools" shows the brokered outreach service from a partner school', async () => {
    const reply = await text(routed, DEMO.margaret, 'support for special schools');
    expect(reply).toContain('Special school outreach support');
    expect(reply).toContain('Partner school (brokered): Meadowbank Special School outreach team (fictional)');
  });

  it('"governor training" shows who it is for and what it includes', async () => {
    const reply = await text(routed, DEMO.priya, 'governor training');
    expect(reply).toContain('Governor training subscription');
    expect(reply).toContain('All governors and trustees of a subscribing school');
    expect(reply).toContain('Unlimited places on central governor courses');
  });

  it('the adviser programme says it is three half-day visits a year', async () => {
    const reply = await text(routed, DEMO.helen, { verb: 'tradedService', serviceId: 'adviser-programme' });
    expect(reply).toContain('Three half-day visits a year');
  });

  it('a forged or withdrawn service id gets a specific message and the catalogue', async () => {
    const replies = (await say(routed.chat(DEMO.helen), { verb: 'tradedService', serviceId: 'free-ofsted-pass' })).map(readReply);
    expect(replies[0]).toContain('That service is not in the catalogue');
    expect(replies[1]).toContain('Traded services catalogue');
  });

  it('a malformed button payload is not acted on', async () => {
    const reply = await text(routed, DEMO.helen, { verb: 'tradedPrice', serviceId: { $ne: '' } });
    expect(reply).toContain('That button did not work');
  });
});

describe('prices for a school', () => {
  it('"how much is the adviser programme for us?" prices it for the headteacher’s school from its number on roll, one-year against three-year', async () => {
    const reply = await text(real, DEMO.helen, 'how much is the adviser programme for us?');
    expect(reply).toContain('School improvement adviser programme: price for Leavesden JMI School');
    expect(reply).toContain('Primary band, 251–450 pupils: 408 pupils on roll (DfE school performance tables (school census) 2024/25)');
    expect(reply).toContain('1-year contract: £2,050.00 a year');
    expect(reply).toContain('3-year contract: £1,947.50 a year, 5% off and fixed for three years (£5,842.50 over the three years)');
    expect(reply).toContain('No VAT: exempt');
    expect(reply).toContain('2026-27 price list, prices apply from 1 April 2026.');
    expect(reply).toContain('Included: Three half-day visits a year');
  });

  it('a governor on two boards gets the price for each of their schools', async () => {
    const reply = await text(routed, DEMO.priya, 'how much is the clerking service for us?');
    expect(reply).toContain('Leavesden JMI School');
    expect(reply).toContain('£1,713.60 a year');
    expect(reply).toContain('Ashlyns School');
    expect(reply).toContain('£4,800.00 a year (the maximum charge applies)');
  });

  it('prices for a named school, with VAT added for a standard-rated service', async () => {
    const reply = await text(routed, DEMO.tom, 'how much is HR support for Ashlyns?');
    expect(reply).toContain('Schools HR advisory service: price for Ashlyns School');
    expect(reply).toContain('1-year contract: £9,363.50 + VAT £1,872.70 = £11,236.20 a year');
    expect(reply).toContain('VAT at 20% is added to the listed price.');
  });

  it('prices a course for the number of delegates asked about, with its own price date', async () => {
    const reply = await text(routed, DEMO.helen, 'how much for 3 delegates on the phonics course?');
    expect(reply).toContain('£165.00 per delegate');
    expect(reply).toContain('For 3 delegates: £495.00');
    expect(reply).toContain('prices apply from 1 September 2026');
  });

  it('without a school, an LA adviser gets the price list bands and is asked to name a school', async () => {
    const reply = await text(routed, DEMO.tom, 'how much is the adviser programme?');
    expect(reply).toContain('How it is priced');
    expect(reply).toContain('Primary, 0–100 pupils: £1,450.00 a year');
    expect(reply).toContain('Name one for its price');
  });

  it('the price button on a service card prices it for the user’s own school', async () => {
    const reply = await text(routed, DEMO.margaret, { verb: 'tradedPrice', serviceId: 'adviser-programme' });
    expect(reply).toContain('Gade Valley Primary School');
    expect(reply).toContain('Primary band, 101–250 pupils: 224 pupils on roll');
    expect(reply).toContain('1-year contract: £1,750.00 a year');
  });

  it('a question that names no service asks which one', async () => {
    const reply = await text(routed, DEMO.helen, 'how much does it cost?');
    expect(reply).toContain('Which service?');
  });
});
