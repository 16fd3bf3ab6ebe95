import { FigureStatus } from '../dfe/dfeValue';
import { PricingRule, TradedService, VatTerms } from './catalogue';

/** The DfE number on roll used for pricing: the school's latest census year held, whatever its status. */
export type RollFigure = { academicYear: string; status: FigureStatus; value: number | null; source: string };

/** What a price can depend on. `roll` is undefined when no census figure is held at all. */
export type PricingSchool = { urn: string; name: string; phase: string; roll: RollFigure | undefined };

/** Pence, so that sums and VAT never pick up floating-point pennies. */
export type Money = { net: number; vat: number; gross: number };

export type ChargeUnit = { kind: 'year' | 'booking' | 'unit'; label: string };

export type PriceQuote =
  | {
      status: 'priced';
      /** How the price was found, e.g. the band or the number on roll and its census year. */
      basis: string;
      /** Note when a minimum or maximum charge applied instead of the per-pupil sum. */
      limitNote: string;
      unit: ChargeUnit;
      price: Money;
      /** Present when a quantity (delegates, days) was given for a unit-priced service. */
      forQuantity?: { quantity: number; total: Money };
      /** Present when the service is offered on a three-year contract. */
      threeYear?: { discountPercent: number; perYear: Money; total: Money };
    }
  | { status: 'needs_school' }
  | { status: 'unavailable'; reason: string };

export type QuoteRequest = { school?: PricingSchool; quantity?: number; threeYearDiscountPercent: number };

const penceOf = (pounds: number) => Math.round(pounds * 100);

/** Splits a price into net, VAT and gross, whichever of them the price list states. */
export function withVat(pence: number, vat: VatTerms): Money {
  if (vat.treatment !== 'standard') return { net: pence, vat: 0, gross: pence };
  if (vat.pricesIncludeVat) {
    const net = Math.round((pence * 100) / (100 + vat.ratePercent));
    return { net, vat: pence - net, gross: pence };
  }
  const tax = Math.round((pence * vat.ratePercent) / 100);
  return { net: pence, vat: tax, gross: pence + tax };
}

type RollRule = Extract<PricingRule, { kind: 'per_pupil' | 'banded' }>;
const needsRoll = (rule: PricingRule): rule is RollRule => rule.kind === 'per_pupil' || rule.kind === 'banded';

export function chargeUnit(service: TradedService): ChargeUnit {
  if (service.pricing.kind === 'per_delegate') return { kind: 'unit', label: service.pricing.unit };
  if (service.pricing.kind === 'day_rate') return { kind: 'unit', label: 'day' };
  return service.contracts.includes('one_off') ? { kind: 'booking', label: 'booking' } : { kind: 'year', label: 'year' };
}

/** The price of one service for one school (or in general, when the rule does not depend on the school). */
export function quote(service: TradedService, request: QuoteRequest): PriceQuote {
  const base = basePrice(service.pricing, request.school);
  if (base.status !== 'priced') return base;
  const unit = chargeUnit(service);
  const result: PriceQuote = { status: 'priced', basis: base.basis, limitNote: base.limitNote, unit, price: withVat(base.pence, service.vat) };
  if (unit.kind === 'unit' && request.quantity !== undefined) {
    result.forQuantity = { quantity: request.quantity, total: withVat(base.pence * request.quantity, service.vat) };
  }
  if (service.contracts.includes('three_year')) {
    const discounted = Math.round((base.pence * (100 - request.threeYearDiscountPercent)) / 100);
    const perYear = withVat(discounted, service.vat);
    result.threeYear = {
      discountPercent: request.threeYearDiscountPercent,
      perYear,
      total: { net: perYear.net * 3, vat: perYear.vat * 3, gross: perYear.gross * 3 },
    };
  }
  return result;
}

type BasePrice = { status: 'priced'; pence: number; basis: string; limitNote: string } | Exclude<PriceQuote, { status: 'priced' }>;

function basePrice(rule: PricingRule, school: PricingSchool | undefined): BasePrice {
  if (!needsRoll(rule)) return { status: 'priced', pence: penceOf(unitAmount(rule)), basis: '', limitNote: '' };
  if (!school) return { status: 'needs_school' };
  const roll = school.roll;
  if (!roll) return { status: 'unavailable', reason: `No DfE number on roll is held for ${school.name}, and this service is priced by number on roll.` };
  if (roll.status !== 'value' || roll.value === null) {
    const reason = `The DfE number on roll for ${school.name} in ${roll.academicYear} is not available (${roll.status.replace(/_/g, ' ')}), and this service is priced by number on roll.`;
    return { status: 'unavailable', reason };
  }
  const nor = roll.value;
  const rollText = `${nor} pupils on roll (${roll.source})`;
  if (rule.kind === 'per_pupil') {
    const sum = Math.round(penceOf(rule.perPupil) * nor);
    const [min, max] = [penceOf(rule.minimum), penceOf(rule.maximum)];
    const pence = Math.min(max, Math.max(min, sum));
    const limitNote = pence === min && sum < min ? 'the minimum charge applies' : pence === max && sum > max ? 'the maximum charge applies' : '';
    return { status: 'priced', pence, basis: rollText, limitNote };
  }
  const band = rule.bands.find((b) => (b.phases.includes(school.phase) || b.phases.includes(ANY_PHASE)) && nor >= b.norFrom && (b.norTo === null || nor <= b.norTo));
  if (!band) return { status: 'unavailable', reason: `The price list has no band for a ${school.phase} school with ${nor} pupils; the team will quote.` };
  const range = band.norTo === null ? `${band.norFrom} pupils or more` : `${band.norFrom}–${band.norTo} pupils`;
  return { status: 'priced', pence: penceOf(band.amount), basis: `${phasesText(band.phases)} band, ${range}: ${rollText}`, limitNote: '' };
}

function unitAmount(rule: Exclude<PricingRule, RollRule>): number {
  switch (rule.kind) {
    case 'flat':
      return rule.amount;
    case 'per_delegate':
      return rule.perDelegate;
    case 'day_rate':
      return rule.perDay;
  }
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const ANY_PHASE = 'any';
export const phasesText = (phases: string[]) => (phases.includes(ANY_PHASE) ? 'Any phase' : phases.map(capitalise).join(', '));
