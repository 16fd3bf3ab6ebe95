import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueMessages } from '../../src/proactive/outbox';
import { cardProblems } from '../support/cardCheck';
import { DEMO, readReply } from '../support/conversation';
import { filledForm, NOW, say, submitsOf, tradedWorld, TradedWorld } from './tradedSupport';

let w: TradedWorld;
let real: TradedWorld;
beforeAll(async () => {
  [w, real] = await Promise.all([tradedWorld({ routed: true }), tradedWorld()]);
});
afterAll(async () => {
  await w.db.close();
  await real.db.close();
});

const text = async (world: TradedWorld, userId: string, input: string | Record<string, unknown>) => (await say(world.chat(userId), input)).map(readReply).join('\n');
const referenceIn = (shown: string) => /TS-2026-\d{5}/.exec(shown)![0];

async function order(world: TradedWorld, userId: string, ask: string): Promise<string> {
  const chat = world.chat(userId);
  const [form] = await say(chat, ask);
  const [receipt] = await say(chat, filledForm(form));
  return referenceIn(readReply(receipt));
}

describe('asking about an enquiry later', () => {
  it('the school asks for the status by its reference, through the real recognizer', async () => {
    const reference = await order(real, DEMO.helen, 'order the adviser programme');
    const shown = await text(real, DEMO.helen, `status of ${reference}`);
    expect(shown).toContain(`${reference}: received`);
    expect(shown).toContain('Order for School improvement adviser programme');
    expect(shown).toContain('2 December 2026: Received (Helen Marsh)');
  });

  it('"what is the status of our enquiry?" lists the school’s enquiries, newest first', async () => {
    const shown = await text(w, DEMO.margaret, 'what is the status of our enquiry?');
    expect(shown).toContain('Enquiries and orders: Gade Valley Primary School');
    expect(shown).toContain('Enquiry for Governor training subscription');
  });

  it('someone from another school cannot see it, and cannot tell it exists', async () => {
    const reference = await order(w, DEMO.helen, 'I want to buy the governance advice line');
    const shown = await text(w, DEMO.daniel, `status of ${reference}`);
    expect(shown).toContain(`I could not find an enquiry ${reference} that you can see`);
    expect(await text(w, DEMO.daniel, 'status of TS-2026-99999')).toContain('I could not find an enquiry TS-2026-99999 that you can see');
  });

  it('LA staff can look an enquiry up by its reference', async () => {
    expect(await text(w, DEMO.tom, 'status of TS-2026-00001')).toContain('Gade Valley Primary School');
  });
});

describe('a service manager’s enquiries', () => {
  it('"enquiries for governor services this month" lists this month’s governance enquiries only', async () => {
    const shown = await text(w, DEMO.grace, 'enquiries for governor services this month');
    expect(shown).toContain('Enquiries and orders: Governance, December 2026');
    expect(shown).toContain('TS-2026-00001');
    expect(shown).toContain('Three new governors joined this term');
    expect(shown).not.toContain('TS-2026-00002');
    expect(shown).not.toContain('Payroll');
  });

  it('without a period, lists every open enquiry for her teams, and none for teams she does not manage', async () => {
    const shown = await text(w, DEMO.grace, 'show me open enquiries');
    expect(shown).toContain('TS-2026-00002');
    expect(shown).not.toContain('TS-2026-00003');
  });

  it('asking about another team’s enquiries says which team has them', async () => {
    expect(await text(w, DEMO.grace, 'enquiries for HR this month')).toContain('go to Schools HR and Finance (schools.hr@council.demo.example)');
  });

  it('moving an enquiry on records the history and tells the school’s requester', async () => {
    const [list] = await say(w.chat(DEMO.grace), 'enquiries for governor services this month');
    const inProgress = submitsOf(list).find((s) => s.data.reference === 'TS-2026-00001' && s.data.status === 'in_progress');
    expect(inProgress).toBeDefined();
    expect(await text(w, DEMO.grace, inProgress!.data)).toContain('TS-2026-00001 is now in progress');
    const history = await text(w, DEMO.margaret, 'status of TS-2026-00001');
    expect(history).toContain('2 December 2026: In progress (Grace Bennett)');
    const queued = await w.db.all<{ entra_object_id: string }>(`SELECT entra_object_id FROM outbox WHERE kind = 'traded_enquiry_status_changed'`);
    expect(queued).toEqual([{ entra_object_id: DEMO.margaret }]);
    expect(await text(w, DEMO.grace, inProgress!.data)).toContain('TS-2026-00001 was already in progress');
  });

  it('nobody outside the team can change a status, whatever the card says', async () => {
    expect(await text(w, DEMO.helen, { verb: 'tradedEnquiryStatus', reference: 'TS-2026-00003', status: 'closed' })).toContain('You can’t update that enquiry');
    expect(await text(w, DEMO.grace, { verb: 'tradedEnquiryStatus', reference: 'TS-2026-00003', status: 'closed' })).toContain('You can’t update that enquiry');
    expect(await text(w, DEMO.grace, { verb: 'tradedEnquiryStatus', reference: 'TS-2026-00002', status: 'paid' })).toContain('That status button is out of date');
    expect(await w.db.get(`SELECT status FROM traded_enquiries WHERE reference = 'TS-2026-00003'`)).toEqual({ status: 'received' });
  });
});

describe('proactive messages', () => {
  it('render a new enquiry for the team’s manager and a status change for the requester, from the data when sent', async () => {
    const reference = await order(w, DEMO.helen, 'I want to order a pre-inspection review');
    await say(w.chat(DEMO.grace), { verb: 'tradedEnquiryStatus', reference, status: 'confirmed' });
    const due = (await dueMessages(w.db, NOW)).filter((m) => m.payload.reference === reference);
    const received = due.find((m) => m.kind === 'traded_enquiry_received');
    const changed = due.find((m) => m.kind === 'traded_enquiry_status_changed');
    expect([received?.entraObjectId, changed?.entraObjectId]).toEqual([DEMO.grace, DEMO.helen]);
    const receivedCard = await w.feature.proactive!.traded_enquiry_received(received!, w.db);
    expect(readReply({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: receivedCard }] })).toContain('New order from Leavesden JMI School: Pre-inspection review');
    expect(cardProblems(receivedCard!)).toEqual([]);
    const changedCard = await w.feature.proactive!.traded_enquiry_status_changed(changed!, w.db);
    expect(changedCard?.fallbackText).toContain(`Update on ${reference}: confirmed`);
    expect(cardProblems(changedCard!)).toEqual([]);
  });

  it('do not announce an enquiry that was closed before the message went out', async () => {
    const reference = await order(w, DEMO.helen, 'I want to book the pre-inspection review');
    const received = (await dueMessages(w.db, NOW)).find((m) => m.kind === 'traded_enquiry_received' && m.payload.reference === reference);
    await say(w.chat(DEMO.grace), { verb: 'tradedEnquiryStatus', reference, status: 'closed' });
    expect(await w.feature.proactive!.traded_enquiry_received(received!, w.db)).toBeUndefined();
  });
});
