import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertUsers } from '../../src/repos/userRepo';
import { DEMO, readReply } from '../support/conversation';
import { choicesOf, filledForm, inputsOf, say, tradedWorld, TradedWorld } from './tradedSupport';

let w: TradedWorld;
beforeAll(async () => {
  w = await tradedWorld({ routed: true });
});
afterAll(() => w.db.close());

const count = async (sql: string, params: string[] = []) => (await w.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, params))?.n;

async function formFor(userId: string, ask = "I'd like to buy the governor clerking service") {
  const chat = w.chat(userId);
  const [form] = await say(chat, ask);
  return { chat, form };
}

describe('ordering a service', () => {
  it('a headteacher’s order is stored with a reference, routed to the team, and acknowledged after it is stored', async () => {
    const { chat, form } = await formFor(DEMO.helen);
    expect(readReply(form)).toContain('Order or enquire: Governing board clerking service');
    expect(inputsOf(form)).toMatchObject({ urn: '117324', requestKind: 'order', contractLength: 'one_year', startTerm: '2027-spring', contactName: 'Helen Marsh' });
    const [receipt] = await say(chat, filledForm(form, { contractLength: 'three_year', notes: 'Please start with the spring full board meeting.' }));
    const shown = readReply(receipt);
    const reference = /TS-2026-\d{5}/.exec(shown)?.[0];
    expect(shown).toContain('Order received');
    expect(shown).toContain('£1,627.92 a year for three years (2026-27 price list)');
    expect(shown).toContain('It has gone to Governor Services (governor.services@council.demo.example)');
    const stored = await w.db.get<Record<string, string>>('SELECT * FROM traded_enquiries WHERE reference = ?', [reference!]);
    expect(stored).toMatchObject({ kind: 'order', urn: '117324', service_id: 'governor-clerking', contract_length: 'three_year', team_id: 'governor_services', team_email: 'governor.services@council.demo.example', status: 'received', notes: 'Please start with the spring full board meeting.' });
    expect(await count('traded_enquiry_status_history WHERE enquiry_id = ?', [String(stored!.id)])).toBe(1);
  });

  it('tells the managers of the service’s team through the outbox, in the same transaction', async () => {
    const { chat, form } = await formFor(DEMO.helen, 'I would like to order the adviser programme');
    const [receipt] = await say(chat, filledForm(form));
    const reference = /TS-2026-\d{5}/.exec(readReply(receipt))![0];
    const queued = await w.db.all<{ kind: string; entra_object_id: string; payload: string }>('SELECT kind, entra_object_id, payload FROM outbox WHERE payload LIKE ?', [`%${reference}%`]);
    expect(queued).toEqual([{ kind: 'traded_enquiry_received', entra_object_id: DEMO.grace, payload: JSON.stringify({ reference }) }]);
  });

  it('records the routing for a team with no manager in the bot, and queues no message', async () => {
    const { chat, form } = await formFor(DEMO.daniel, 'I want to buy payroll');
    const [receipt] = await say(chat, filledForm(form));
    const reference = /TS-2026-\d{5}/.exec(readReply(receipt))![0];
    expect(await w.db.get('SELECT team_email FROM traded_enquiries WHERE reference = ?', [reference])).toEqual({ team_email: 'schools.hr@council.demo.example' });
    expect(await count('outbox WHERE payload LIKE ?', [`%${reference}%`])).toBe(0);
  });

  it('a double-clicked submit is stored once and the second click is told it was already received', async () => {
    const { chat, form } = await formFor(DEMO.helen, 'please book the phonics review');
    const before = await count('traded_enquiries');
    const submitted = filledForm(form, { quantity: '' });
    const [first] = await say(chat, submitted);
    const [second] = await say(chat, submitted);
    expect(readReply(first)).toContain('Order received');
    expect(readReply(second)).toContain('Order already received');
    expect(/TS-2026-\d{5}/.exec(readReply(second))?.[0]).toBe(/TS-2026-\d{5}/.exec(readReply(first))?.[0]);
    expect(await count('traded_enquiries')).toBe(before! + 1);
  });

  it('a course booking asks for the number of delegates and quotes for them', async () => {
    const { chat, form } = await formFor(DEMO.rachel, 'I want to book the phonics course');
    expect(readReply(form)).toContain('Number of delegates');
    const [receipt] = await say(chat, filledForm(form, { quantity: '2' }));
    expect(readReply(receipt)).toContain('£330.00 for 2 delegates');
  });

  it('the form’s id belongs to whoever used it first: someone else replaying it learns nothing', async () => {
    const { chat, form } = await formFor(DEMO.helen, 'I want to buy the governance advice line');
    await say(chat, filledForm(form));
    const [replay] = await say(w.chat(DEMO.priya), filledForm(form, { urn: '117324', requestKind: 'enquiry' }));
    expect(readReply(replay)).toContain('This form has already been used');
    expect(readReply(replay)).not.toContain('TS-2026');
  });
});

describe('governors enquire; only a headteacher orders', () => {
  it('a governor’s form offers an enquiry only, and the enquiry is stored', async () => {
    const { chat, form } = await formFor(DEMO.margaret, "we'd like to buy governor training");
    expect(choicesOf(form, 'requestKind')).toEqual(['enquiry']);
    const [receipt] = await say(chat, filledForm(form));
    expect(readReply(receipt)).toContain('Enquiry received');
  });

  it('a governor who forges an order gets a specific message and the form back with their entries', async () => {
    const { chat, form } = await formFor(DEMO.priya, "I'd like to enquire about clerking");
    const before = await count('traded_enquiries');
    const [again] = await say(chat, filledForm(form, { urn: '117578', requestKind: 'order', notes: 'Board of 14 governors' }));
    expect(readReply(again)).toContain('Only the headteacher can place an order');
    expect(inputsOf(again)).toMatchObject({ urn: '117578', notes: 'Board of 14 governors' });
    expect(await count('traded_enquiries')).toBe(before);
  });

  it('a governor not yet linked to any school is told so, not shown an empty form', async () => {
    const id = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await upsertUsers(w.db, [{ entra_object_id: id, email: 'new.governor@governors.demo.example', display_name: 'New Governor', role: 'governor', school_urns: [] }]);
    const { form } = await formFor(id);
    expect(readReply(form)).toContain('You are not linked to a school yet');
  });

  it('LA staff and service managers are told ordering is for schools', async () => {
    expect(readReply((await say(w.chat(DEMO.tom), "I'd like to buy the governor clerking service"))[0])).toContain('Ordering is for schools');
    expect(readReply((await say(w.chat(DEMO.grace), { verb: 'tradedStartEnquiry', serviceId: 'payroll' }))[0])).toContain('Ordering is for schools');
  });
});

describe('bad or forged form data', () => {
  const before = () => count('traded_enquiries');

  it('a school that is not theirs is refused, with the form back as they filled it', async () => {
    const { chat, form } = await formFor(DEMO.helen);
    const n = await before();
    const [again] = await say(chat, filledForm(form, { urn: '117578', notes: 'for our partner school' }));
    expect(readReply(again)).toContain('You can only order or enquire for a school you are linked to');
    expect(inputsOf(again).notes).toBe('for our partner school');
    expect(await before()).toBe(n);
  });

  it('a contract length the service does not offer is refused, naming the ones it does', async () => {
    const { chat, form } = await formFor(DEMO.helen, 'I want to order a pre-inspection review');
    const [again] = await say(chat, filledForm(form, { contractLength: 'three_year' }));
    expect(readReply(again)).toContain('Pre-inspection review is offered as: One-off booking. Please choose one of those.');
    expect(inputsOf(again).contractLength).toBe('three_year');
  });

  it('a forged service id gets a specific message and the form back with a service picker and their entries', async () => {
    const { chat, form } = await formFor(DEMO.helen);
    const [again] = await say(chat, filledForm(form, { serviceId: 'free-ofsted-pass', notes: 'keep me' }));
    expect(readReply(again)).toContain('I could not find that service in the catalogue');
    expect(choicesOf(again, 'serviceId')).toContain('governor-clerking');
    expect(inputsOf(again)).toMatchObject({ notes: 'keep me', urn: '117324' });
  });

  it('every field problem is listed at once: start term, email, phone, notes', async () => {
    const { chat, form } = await formFor(DEMO.helen);
    const [again] = await say(chat, filledForm(form, { startTerm: '2020-spring', contactEmail: 'not an email', contactPhone: 'call me', notes: 'x'.repeat(1001) }));
    const shown = readReply(again);
    expect(shown).toContain('Please choose a start term from the list');
    expect(shown).toContain('The contact email does not look like an email address.');
    expect(shown).toContain('The phone number can only hold digits');
    expect(shown).toContain('Notes are limited to 1,000 characters.');
    expect(inputsOf(again).contactEmail).toBe('not an email');
  });

  it('a payload that fails the schema (a forged form id, a field that is not text) gets the form back, not a crash', async () => {
    const { chat, form } = await formFor(DEMO.helen);
    const n = await before();
    const [again] = await say(chat, { ...filledForm(form), cardId: 'not-a-uuid', notes: { $gt: '' }, contactName: 'Helen M' });
    expect(readReply(again)).toContain('Some of the form could not be read (form id, notes)');
    expect(inputsOf(again)).toMatchObject({ contactName: 'Helen M', notes: '' });
    expect(await before()).toBe(n);
  });
});
