import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { loadCatalogue } from '../../src/traded/catalogue';
import { insertEnquiry, NewEnquiry } from '../../src/traded/enquiryRepo';
import { managersOfTeam, teamsManagedBy } from '../../src/traded/serviceTeams';
import { seedTradedDemoData } from '../../src/traded/tradedDemoSeed';
import { DEMO } from '../support/conversation';
import { hertsDb } from '../support/testDb';

const catalogue = loadCatalogue();
let db: Database;
beforeAll(async () => {
  ({ db } = await hertsDb());
  await seedTradedDemoData(db, catalogue);
});
afterAll(() => db.close());

const counts = async () => ({
  subscriptions: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM traded_subscriptions'))?.n,
  enquiries: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM traded_enquiries'))?.n,
  history: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM traded_enquiry_status_history'))?.n,
});

describe('the fictional traded services demo layer', () => {
  it('gives each demo school subscriptions, labelled as fictional', async () => {
    const bySchool = await db.all<{ urn: string; n: number; source: string }>('SELECT urn, COUNT(*) AS n, MAX(source) AS source FROM traded_subscriptions GROUP BY urn ORDER BY urn');
    expect(bySchool.map((r) => r.urn)).toEqual(['117249', '117324', '117578']);
    for (const r of bySchool) expect(r.source).toMatch(/^Fictional demo data/);
  });

  it('makes Grace Bennett the manager of the governance and school improvement teams', async () => {
    expect(await teamsManagedBy(db, DEMO.grace)).toEqual(['governor_services', 'school_improvement_team']);
    expect(await managersOfTeam(db, 'governor_services')).toEqual([DEMO.grace]);
    expect(await managersOfTeam(db, 'schools_hr_finance')).toEqual([]);
  });

  it('can be loaded again on every start without duplicating anything', async () => {
    const before = await counts();
    await seedTradedDemoData(db, catalogue);
    expect(await counts()).toEqual(before);
  });
});

describe('storing an enquiry', () => {
  const enquiry = (cardInstanceId: string): NewEnquiry => ({
    cardInstanceId,
    kind: 'enquiry',
    urn: '117324',
    serviceId: 'payroll',
    contractLength: 'one_year',
    quantity: null,
    startTerm: '2027-spring',
    contactName: 'Helen Marsh',
    contactEmail: 'helen.marsh@leavesden.demo.example',
    contactPhone: '',
    notes: '',
    priceQuoted: '',
    requestedBy: DEMO.helen,
    requestedByName: 'Helen Marsh',
    requestedByRole: 'headteacher',
    teamId: 'schools_hr_finance',
    teamEmail: 'schools.hr@council.demo.example',
    createdAt: '2026-12-02T09:00:00.000Z',
  });

  it('stores two racing submits of the same form once, with one reference', async () => {
    const card = '0f6b1a2c-3d4e-4f50-8a61-72839405a6b7';
    const results = await Promise.all([1, 2].map(() => db.transaction((tx) => insertEnquiry(tx, enquiry(card)))));
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].enquiry.reference).toBe(results[1].enquiry.reference);
    expect(results[0].enquiry.reference).toMatch(/^TS-2026-\d{5}$/);
    expect((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM traded_enquiries WHERE card_instance_id = ?', [card]))?.n).toBe(1);
  });

  it('refuses at the database a second row for the same form, whatever the code does', async () => {
    const card = '1f6b1a2c-3d4e-4f50-8a61-72839405a6b7';
    await db.transaction((tx) => insertEnquiry(tx, enquiry(card)));
    await expect(
      db.transaction((tx) => tx.run(`INSERT INTO traded_enquiries (card_instance_id, kind, urn, service_id, contract_length, start_term, contact_name, contact_email,
        requested_by, requested_by_name, requested_by_role, team_id, team_email, status, created_at)
        SELECT card_instance_id, kind, urn, service_id, contract_length, start_term, contact_name, contact_email, requested_by, requested_by_name,
          requested_by_role, team_id, team_email, status, created_at FROM traded_enquiries WHERE card_instance_id = ?`, [card])),
    ).rejects.toThrow(/UNIQUE/);
  });
});
