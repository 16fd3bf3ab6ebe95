import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { getSchool } from '../../src/repos/schoolRepo';
import { Catalogue, loadCatalogue, threeYearDiscount, TradedService } from '../../src/traded/catalogue';
import { quoteLines, ruleLines } from '../../src/traded/priceText';
import { latestRoll, pricingSchool } from '../../src/traded/schoolRoll';
import { PriceQuote, PricingSchool, quote, withVat } from '../../src/traded/servicePricing';
import { sourceRow } from '../support/dfeCsv';
import { hertsDb } from '../support/testDb';

const catalogue: Catalogue = loadCatalogue();
const service = (id: string): TradedService => {
  const s = catalogue.service(id);
  if (!s) throw new Error(`no service ${id} in the catalogue`);
  return s;
};
const school = (phase: string, nor: number | null, status: 'value' | 'suppressed' = 'value'): PricingSchool => ({
  urn: '999999',
  name: 'Test School',
  phase,
  roll: { academicYear: '2024/25', status, value: nor, source: 'DfE school performance tables (school census) 2024/25' },
});
const priceOf = (id: string, s?: PricingSchool, quantity?: number) => quote(service(id), { school: s, quantity, threeYearDiscountPercent: threeYearDiscount(catalogue, service(id)) });
const priced = (q: PriceQuote) => {
  if (q.status !== 'priced') throw new Error(`expected a price, got ${JSON.stringify(q)}`);
  return q;
};

describe('a flat price', () => {
  it('is the listed amount whatever the school, per booking for a one-off service', () => {
    const q = priced(priceOf('phonics-review'));
    expect(q.price).toEqual({ net: 72500, vat: 0, gross: 72500 });
    expect(q.unit.kind).toBe('booking');
    expect(priced(priceOf('phonics-review', school('secondary', 1500))).price.gross).toBe(72500);
    expect(q.threeYear).toBeUndefined();
  });

  it('is a year’s price for a subscription, with a three-year price when three years are offered', () => {
    const q = priced(priceOf('governance-advice'));
    expect(q.unit.kind).toBe('year');
    expect(q.price.gross).toBe(29500);
    expect(q.threeYear?.perYear.gross).toBe(28025);
  });
});

describe('a per-pupil price', () => {
  it('multiplies the rate by the number on roll', () => {
    expect(priced(priceOf('governor-clerking', school('primary', 408))).price.gross).toBe(171360);
  });

  it('charges the minimum for a small school and says so', () => {
    const q = priced(priceOf('governor-clerking', school('primary', 224)));
    expect(q.price.gross).toBe(135000);
    expect(q.limitNote).toBe('the minimum charge applies');
  });

  it('charges no more than the maximum for a large school and says so', () => {
    const q = priced(priceOf('governor-clerking', school('secondary', 1535)));
    expect(q.price.gross).toBe(480000);
    expect(q.limitNote).toBe('the maximum charge applies');
  });

  it('names the census year and source of the number on roll it used', () => {
    expect(priced(priceOf('governor-clerking', school('primary', 408))).basis).toBe('408 pupils on roll (DfE school performance tables (school census) 2024/25)');
  });

  it('cannot be worked out without a school, or when the number on roll is suppressed or not held', () => {
    expect(priceOf('governor-clerking').status).toBe('needs_school');
    const suppressed = priceOf('governor-clerking', school('primary', null, 'suppressed'));
    expect(suppressed).toEqual({ status: 'unavailable', reason: expect.stringContaining('in 2024/25 is not available (suppressed)') });
    expect(priceOf('governor-clerking', { ...school('primary', 1), roll: undefined })).toEqual({ status: 'unavailable', reason: expect.stringContaining('No DfE number on roll') });
  });
});

describe('a price banded by phase and number on roll', () => {
  it('picks the band for the phase and size, with both ends of a band inclusive', () => {
    expect(priced(priceOf('adviser-programme', school('primary', 250))).price.gross).toBe(175000);
    expect(priced(priceOf('adviser-programme', school('primary', 251))).price.gross).toBe(205000);
    expect(priced(priceOf('adviser-programme', school('primary', 408))).basis).toMatch(/^Primary band, 251–450 pupils: 408 pupils on roll/);
    expect(priced(priceOf('adviser-programme', school('secondary', 1535))).price.gross).toBe(375000);
    expect(priced(priceOf('adviser-programme', school('special', 90))).price.gross).toBe(195000);
  });

  it('applies an "any phase" band to every phase', () => {
    expect(priced(priceOf('governor-training', school('secondary', 1535))).price.gross).toBe(79500);
    expect(priced(priceOf('governor-training', school('primary', 200))).price.gross).toBe(39500);
  });

  it('says the team will quote when no band covers the school', () => {
    expect(priceOf('adviser-programme', school('nursery', 60))).toEqual({ status: 'unavailable', reason: expect.stringContaining('no band for a nursery school') });
  });
});

describe('a per-delegate price', () => {
  it('is the price of one place, and of the number of places asked for', () => {
    const q = priced(priceOf('phonics-leadership-course', undefined, 3));
    expect(q.unit).toEqual({ kind: 'unit', label: 'delegate' });
    expect(q.price.gross).toBe(16500);
    expect(q.forQuantity).toEqual({ quantity: 3, total: { net: 49500, vat: 0, gross: 49500 } });
    expect(quoteLines(service('phonics-leadership-course'), q)).toContain('For 3 delegates: £495.00');
  });

  it('can be priced per early career teacher', () => {
    expect(priced(priceOf('ect-appropriate-body', undefined, 2)).forQuantity?.total.gross).toBe(65000);
  });
});

describe('a day rate', () => {
  it('is a price per day', () => {
    const q = priced(priceOf('extra-adviser-days', undefined, 2));
    expect(q.price.gross).toBe(62000);
    expect(q.forQuantity?.total.gross).toBe(124000);
  });
});

describe('three-year contracts', () => {
  it('take the catalogue’s discount off each year and fix the price for three years', () => {
    const q = priced(priceOf('adviser-programme', school('primary', 408)));
    expect(q.threeYear).toEqual({
      discountPercent: 5,
      perYear: { net: 194750, vat: 0, gross: 194750 },
      total: { net: 584250, vat: 0, gross: 584250 },
    });
  });

  it('use a service’s own discount when it has one', () => {
    expect(priced(priceOf('hr-advisory', school('primary', 408))).threeYear?.discountPercent).toBe(7.5);
  });

  it('are not offered for one-off services', () => {
    expect(priced(priceOf('pre-inspection-review', school('primary', 408))).threeYear).toBeUndefined();
  });
});

describe('VAT', () => {
  it('is added at 20% when the price list excludes it', () => {
    expect(priced(priceOf('hr-advisory', school('primary', 408))).price).toEqual({ net: 248880, vat: 49776, gross: 298656 });
  });

  it('is taken out of the listed price when the price list includes it', () => {
    expect(priced(priceOf('curriculum-review')).price).toEqual({ net: 75000, vat: 15000, gross: 90000 });
  });

  it('is nil for exempt and out-of-scope services', () => {
    expect(withVat(12345, service('adviser-programme').vat)).toEqual({ net: 12345, vat: 0, gross: 12345 });
    expect(withVat(12345, service('partner-school-support').vat)).toEqual({ net: 12345, vat: 0, gross: 12345 });
  });

  it('is shown with the net, VAT and gross amounts', () => {
    const lines = quoteLines(service('hr-advisory'), priced(priceOf('hr-advisory', school('primary', 408))));
    expect(lines[0]).toBe('1-year contract: £2,488.80 + VAT £497.76 = £2,986.56 a year');
  });
});

describe('the price list rule in words', () => {
  it('lists every band of a banded service', () => {
    expect(ruleLines(service('adviser-programme'))).toHaveLength(8);
    expect(ruleLines(service('governor-training'))[0]).toBe('Any phase, 0–210 pupils: £395.00 a year');
  });
});

describe('the number on roll from the imported DfE census', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await hertsDb());
  });
  afterAll(() => db.close());

  it('is the latest year held, as in the source file', async () => {
    const roll = await latestRoll(db, '117324');
    expect(roll?.academicYear).toBe('2024/25');
    expect(roll?.value).toBe(Number(sourceRow('2024-2025', '919_census.csv', (r) => r.URN === '117324').NOR));
  });

  it('is not replaced by an older year when the latest one is suppressed', async () => {
    await db.transaction((tx) =>
      tx.run(`INSERT INTO measure_values (subject_kind, subject_code, cohort, measure_id, academic_year, status, value, source)
              VALUES ('school', '117324', '', 'pupils_on_roll', '2025/26', 'suppressed', NULL, 'test row')`),
    );
    const leavesden = await pricingSchool(db, (await getSchool(db, '117324'))!);
    expect(priceOf('governor-clerking', leavesden)).toEqual({ status: 'unavailable', reason: expect.stringContaining('2025/26') });
  });
});
