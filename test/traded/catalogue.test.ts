import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tradedRoute, periodIn } from '../../dialogs/tradedServices/tradedRoute';
import { DEFAULT_CATALOGUE_PATH, loadCatalogue } from '../../src/traded/catalogue';
import { bestMatch, namedServices, searchCatalogue } from '../../src/traded/catalogueSearch';
import { startTermsFrom } from '../../src/traded/startTerms';
import { TMP_DIR } from '../support/paths';
import { NOW } from './tradedSupport';

const catalogue = loadCatalogue();

function catalogueWith(change: (raw: Record<string, unknown>) => void): string {
  const raw = JSON.parse(fs.readFileSync(DEFAULT_CATALOGUE_PATH, 'utf8')) as Record<string, unknown>;
  change(raw);
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const file = path.join(TMP_DIR, `catalogue-${Math.random()}.json`);
  fs.writeFileSync(file, JSON.stringify(raw));
  return file;
}
type RawService = Record<string, unknown> & { pricing: Record<string, unknown>; vat: Record<string, unknown> };
const firstService = (raw: Record<string, unknown>) => (raw.services as RawService[])[0];

describe('the traded services catalogue', () => {
  it('holds 20–30 services across school improvement, governance, CPD, ECT induction, HR/finance and brokered support', () => {
    expect(catalogue.services.length).toBeGreaterThanOrEqual(20);
    expect(catalogue.services.length).toBeLessThanOrEqual(30);
    expect(catalogue.categories.map((c) => c.id)).toEqual(['school_improvement', 'governance', 'cpd', 'ect_induction', 'hr_finance', 'brokered_support']);
    for (const c of catalogue.categories) expect(catalogue.services.some((s) => s.category === c.id), c.id).toBe(true);
    expect(new Set(catalogue.services.map((s) => s.provider.kind))).toEqual(new Set(['la_team', 'partner_school', 'commercial', 'higher_education']));
    expect(new Set(catalogue.services.map((s) => s.pricing.kind))).toEqual(new Set(['flat', 'per_pupil', 'banded', 'per_delegate', 'day_rate']));
  });

  it('describes the adviser programme as three half-day visits a year', () => {
    expect(catalogue.service('adviser-programme')?.includes[0]).toMatch(/^Three half-day visits a year/);
  });

  it('refuses a service routed to a team it does not define', () => {
    const file = catalogueWith((raw) => (firstService(raw).team = 'nobody'));
    expect(() => loadCatalogue(file)).toThrow(/adviser-programme: unknown team nobody/);
  });

  it('refuses a per-pupil price whose minimum is above its maximum', () => {
    const file = catalogueWith((raw) => (firstService(raw).pricing = { kind: 'per_pupil', perPupil: 3, minimum: 900, maximum: 100 }));
    expect(() => loadCatalogue(file)).toThrow(/minimum is above maximum/);
  });

  it('refuses a standard-rated service without a VAT rate, and an unknown pricing rule', () => {
    expect(() => loadCatalogue(catalogueWith((raw) => (firstService(raw).vat = { treatment: 'standard', ratePercent: 0, pricesIncludeVat: false })))).toThrow(/VAT rate/);
    expect(() => loadCatalogue(catalogueWith((raw) => (firstService(raw).pricing = { kind: 'free' })))).toThrow(/pricing/);
  });

  it('refuses two services with the same id', () => {
    const file = catalogueWith((raw) => (raw.services as RawService[]).push({ ...firstService(raw) }));
    expect(() => loadCatalogue(file)).toThrow(/duplicate service ids/);
  });
});

describe('searching the catalogue by need', () => {
  const names = (text: string) => namedServices(searchCatalogue(catalogue, text)).map((s) => s.id);

  it('finds both phonics services for "do you do anything on phonics?"', () => {
    expect(names('do you do anything on phonics?').sort()).toEqual(['phonics-leadership-course', 'phonics-review']);
  });

  it('finds the governor training subscription, the special school outreach and the HR service by their need', () => {
    expect(bestMatch(searchCatalogue(catalogue, 'governor training'))?.id).toBe('governor-training');
    expect(bestMatch(searchCatalogue(catalogue, 'support for special schools'))?.id).toBe('special-school-outreach');
    expect(bestMatch(searchCatalogue(catalogue, 'when does our HR contract end?'))?.id).toBe('hr-advisory');
    expect(bestMatch(searchCatalogue(catalogue, 'how much is the adviser programme for us?'))?.id).toBe('adviser-programme');
  });

  it('names no service for a general question, and only a category for "governance services"', () => {
    expect(searchCatalogue(catalogue, 'what traded services are there?')).toEqual({ categories: [], matches: [] });
    const governance = searchCatalogue(catalogue, 'show me governance services');
    expect(governance.categories.map((c) => c.id)).toEqual(['governance']);
    expect(namedServices(governance)).toEqual([]);
  });

  it('does not pick one service when two match equally', () => {
    expect(bestMatch(searchCatalogue(catalogue, 'phonics'))).toBeUndefined();
  });
});

describe('telling traded services questions apart', () => {
  it.each([
    ['what traded services are there?', 'headteacher', 'browse'],
    ['do you do anything on phonics?', 'governor', 'browse'],
    ['how much is the adviser programme for us?', 'headteacher', 'price'],
    ['what do we subscribe to?', 'headteacher', 'subscriptions'],
    ['when does our HR contract end?', 'headteacher', 'subscriptions'],
    ['when is our subscription up for renewal?', 'chair_of_governors', 'subscriptions'],
    ["I'd like to buy the governor clerking service", 'headteacher', 'enquire'],
    ['can we renew our HR contract?', 'headteacher', 'enquire'],
    ['what is the status of our enquiry?', 'headteacher', 'enquiry_status'],
    ['status of ts-2026-00004', 'governor', 'enquiry_status'],
    ['enquiries for governor services this month', 'service_manager', 'manager_enquiries'],
    ['how much is governor training?', 'service_manager', 'price'],
  ] as const)('"%s" from a %s is a %s question', (text, role, route) => {
    expect(tradedRoute(text, role)).toBe(route);
  });

  it('reads "this month" and "last month" as calendar months', () => {
    expect(periodIn('enquiries this month', NOW)).toEqual({ label: 'December 2026', from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(periodIn('enquiries last month', NOW)?.label).toBe('November 2026');
    expect(periodIn('enquiries', NOW)).toBeUndefined();
  });
});

describe('start terms offered', () => {
  it('are the next three terms after the current one', () => {
    expect(startTermsFrom(NOW).map((t) => t.label)).toEqual(['Spring term 2027', 'Summer term 2027', 'Autumn term 2027']);
    expect(startTermsFrom(new Date('2026-05-10T12:00:00Z')).map((t) => t.value)).toEqual(['2026-autumn', '2027-spring', '2027-summer']);
  });
});
