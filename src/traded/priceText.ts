import { Catalogue, pricesApplyFrom, TradedService, VatTerms } from './catalogue';
import { ChargeUnit, chargeUnit, Money, phasesText, PriceQuote, withVat } from './servicePricing';
import { longDate } from '../dates';

const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

export const formatPence = (pence: number): string => GBP.format(pence / 100);
/** For amounts as the catalogue states them, in pounds. */
const pounds = (amount: number): string => formatPence(Math.round(amount * 100));


/** "3 delegates", "1 day" */
export const unitsText = (n: number, unit: ChargeUnit) => `${n} ${unit.label}${n === 1 ? '' : 's'}`;

const per = (unit: ChargeUnit) => (unit.kind === 'year' ? 'a year' : `per ${unit.label}`);

/** A price as a person reads it: what is paid and how VAT is treated. */
export function moneyText(m: Money, vat: VatTerms): string {
  if (vat.treatment !== 'standard') return formatPence(m.gross);
  return `${formatPence(m.net)} + VAT ${formatPence(m.vat)} = ${formatPence(m.gross)}`;
}

export function vatLine(vat: VatTerms): string {
  if (vat.treatment === 'standard') {
    return `VAT at ${vat.ratePercent}% ${vat.pricesIncludeVat ? 'is included in the listed price' : 'is added to the listed price'}.`;
  }
  const why = vat.note ? ` (${vat.note})` : '';
  return vat.treatment === 'exempt' ? `No VAT: exempt${why}.` : `No VAT: outside the scope of VAT${why}.`;
}

/** When the prices shown apply from, and which price list they come from. */
export function priceListLine(catalogue: Catalogue, service: TradedService): string {
  return `${catalogue.priceYear} price list, prices apply from ${longDate(pricesApplyFrom(catalogue, service))}.`;
}

/** The lines of a quote: one-year or one-off price, three-year price, and any quantity asked for. */
export function quoteLines(service: TradedService, q: Extract<PriceQuote, { status: 'priced' }>): string[] {
  const lines: string[] = [];
  const first = service.contracts.includes('one_year') ? '1-year contract: ' : '';
  lines.push(`${first}${moneyText(q.price, service.vat)} ${per(q.unit)}${q.limitNote ? ` (${q.limitNote})` : ''}`);
  if (q.forQuantity) lines.push(`For ${unitsText(q.forQuantity.quantity, q.unit)}: ${moneyText(q.forQuantity.total, service.vat)}`);
  if (q.threeYear) {
    const t = q.threeYear;
    lines.push(`3-year contract: ${moneyText(t.perYear, service.vat)} a year, ${t.discountPercent}% off and fixed for three years (${formatPence(t.total.gross)} over the three years)`);
  }
  return lines;
}

/** The price list rule in words, for when no particular school is asked about. */
export function ruleLines(service: TradedService): string[] {
  const rule = service.pricing;
  const unit = per(chargeUnit(service));
  const money = (pounds: number) => moneyText(withVat(Math.round(pounds * 100), service.vat), service.vat);
  switch (rule.kind) {
    case 'flat':
      return [`${money(rule.amount)} ${unit}`];
    case 'per_pupil':
      return [`${pounds(rule.perPupil)} per pupil on roll ${unit}, at least ${pounds(rule.minimum)} and at most ${pounds(rule.maximum)} (before any VAT)`];
    case 'banded':
      return rule.bands.map((b) => `${phasesText(b.phases)}, ${b.norTo === null ? `${b.norFrom}+` : `${b.norFrom}–${b.norTo}`} pupils: ${money(b.amount)} ${unit}`);
    case 'per_delegate':
      return [`${money(rule.perDelegate)} per ${rule.unit} (up to ${rule.maxPerBooking} in one booking)`];
    case 'day_rate':
      return [`${money(rule.perDay)} per day${rule.note ? `, ${rule.note}` : ''}`];
  }
}

/** A one-line price for a list of services, e.g. "from £1,450.00 a year, by phase and pupils on roll". */
export function priceSummary(service: TradedService): string {
  const rule = service.pricing;
  if (rule.kind === 'banded') {
    const lowest = Math.min(...rule.bands.map((b) => b.amount));
    return `from ${pounds(lowest)} ${per(chargeUnit(service))}, by phase and pupils on roll`;
  }
  if (rule.kind === 'per_pupil') return `${pounds(rule.perPupil)} per pupil ${per(chargeUnit(service))} (minimum ${pounds(rule.minimum)})`;
  return ruleLines(service)[0];
}
