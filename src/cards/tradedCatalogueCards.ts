import { Role } from '../repos/userRepo';
import { Catalogue, CONTRACT_LABELS, PROVIDER_LABELS, TradedService } from '../traded/catalogue';
import { allowedKinds } from '../traded/enquiryRequest';
import { priceListLine, priceSummary, quoteLines, ruleLines, vatLine } from '../traded/priceText';
import { PriceQuote, PricingSchool } from '../traded/servicePricing';
import { AdaptiveCardJson, renderCard } from './cardRenderer';

declare module './cardModels' {
  interface CardModels {
    tradedCategories: { title: string; intro: string; categories: { id: string; label: string; count: number; examples: string }[]; provenance: string };
    tradedServiceList: {
      title: string;
      summary: string;
      services: { id: string; name: string; provider: string; summary: string; price: string }[];
      more: string;
      provenance: string;
    };
    tradedService: {
      id: string;
      name: string;
      categoryLabel: string;
      providerKind: string;
      providerName: string;
      description: string;
      audience: string;
      includes: string[];
      priceLines: string[];
      contractsLine: string;
      vatLine: string;
      priceListLine: string;
      teamLine: string;
      provenance: string;
      priceTitle: string;
      enquireTitle: string;
    };
    tradedPrice: {
      title: string;
      serviceId: string;
      priceListLine: string;
      schools: { name: string; basis: string; lines: string[] }[];
      ruleLines: string[];
      vatLine: string;
      includedLine: string;
      note: string;
      provenance: string;
      enquireTitle: string;
    };
  }
}

const MAX_LISTED = 8;

/** The button that opens the enquiry form: what this role may do, or nothing. */
export function enquireTitleFor(role: Role): string {
  const kinds = allowedKinds(role);
  return kinds.includes('order') ? 'Order or enquire' : kinds.length ? 'Enquire' : '';
}

export function categoriesCard(catalogue: Catalogue): AdaptiveCardJson {
  const categories = catalogue.categories.map((c) => {
    const services = catalogue.services.filter((s) => s.category === c.id);
    return { id: c.id, label: c.label, count: services.length, examples: services.slice(0, 3).map((s) => s.name).join('; ') };
  });
  const intro =
    'Services schools can buy from the LA’s teams, and brokered support from partner schools, external providers and higher education. ' +
    'Pick a category, or ask about a need, e.g. "do you do anything on phonics?".';
  const fallback = `Traded services: ${categories.map((c) => c.label).join(', ')}.`;
  return renderCard('tradedCategories', { title: 'Traded services catalogue', intro, categories, provenance: catalogue.provenance }, fallback);
}

export function serviceListCard(catalogue: Catalogue, title: string, summary: string, services: TradedService[]): AdaptiveCardJson {
  const rows = services.slice(0, MAX_LISTED).map((s) => ({
    id: s.id,
    name: s.name,
    provider: `${PROVIDER_LABELS[s.provider.kind]}: ${s.provider.name}`,
    summary: s.description,
    price: priceSummary(s),
  }));
  const more = services.length > MAX_LISTED ? `…and ${services.length - MAX_LISTED} more. Ask about a particular need to narrow the list.` : '';
  return renderCard('tradedServiceList', { title, summary, services: rows, more, provenance: catalogue.provenance }, `${title}. ${rows.map((r) => r.name).join('; ')}.`);
}

export function serviceCard(catalogue: Catalogue, service: TradedService, role: Role): AdaptiveCardJson {
  const team = catalogue.team(service.team);
  return renderCard(
    'tradedService',
    {
      id: service.id,
      name: service.name,
      categoryLabel: catalogue.category(service.category)?.label ?? service.category,
      providerKind: PROVIDER_LABELS[service.provider.kind],
      providerName: service.provider.name,
      description: service.description,
      audience: service.audience,
      includes: service.includes,
      priceLines: ruleLines(service),
      contractsLine: service.contracts.map((c) => CONTRACT_LABELS[c]).join(' or '),
      vatLine: vatLine(service.vat),
      priceListLine: priceListLine(catalogue, service),
      teamLine: team ? `${team.name} (${team.email})` : service.team,
      provenance: catalogue.provenance,
      priceTitle: allowedKinds(role).length ? 'Price for us' : 'Prices',
      enquireTitle: enquireTitleFor(role),
    },
    `${service.name}: ${service.description}`,
  );
}

export type SchoolQuote = { school: PricingSchool; quote: PriceQuote };

/** Prices for the schools asked about; the price list rule when no school was, or when a school's price cannot be worked out. */
export function priceCard(catalogue: Catalogue, service: TradedService, quotes: SchoolQuote[], general: PriceQuote, role: Role): AdaptiveCardJson {
  const dependsOnSchool = general.status === 'needs_school';
  const schools = dependsOnSchool
    ? quotes.map(({ school, quote }) => ({ name: school.name, basis: quote.status === 'priced' ? quote.basis : '', lines: linesFor(service, quote) }))
    : [{ name: `Price${quotes.length === 1 ? ` for ${quotes[0].school.name}` : ''}`, basis: '', lines: linesFor(service, general) }];
  const needRule = dependsOnSchool && (quotes.length === 0 || quotes.some((q) => q.quote.status !== 'priced'));
  const example = `"how much is the ${service.name.toLowerCase()} for Sandon JMI?"`;
  const note = dependsOnSchool && quotes.length === 0 ? `The price depends on the school. Name one for its price, e.g. ${example}.` : '';
  const title = `${service.name}: ${schools.length && dependsOnSchool ? `price for ${schools.map((s) => s.name).join(' and ')}` : 'price'}`;
  const first = schools[0]?.lines[0] ?? ruleLines(service)[0];
  return renderCard(
    'tradedPrice',
    {
      title,
      serviceId: service.id,
      priceListLine: priceListLine(catalogue, service),
      schools,
      ruleLines: needRule ? ruleLines(service) : [],
      vatLine: vatLine(service.vat),
      includedLine: service.includes.join('; '),
      note,
      provenance: catalogue.provenance,
      enquireTitle: enquireTitleFor(role),
    },
    `${title}. ${first}`,
  );
}

function linesFor(service: TradedService, quote: PriceQuote): string[] {
  if (quote.status === 'priced') return quoteLines(service, quote);
  if (quote.status === 'unavailable') return [quote.reason];
  return ruleLines(service);
}
