import { describe, expect, it } from 'vitest';
import { AdaptiveCardJson } from '../../src/cards/cardRenderer';
import { enquiryListCard, enquiryStatusCard, subscriptionsCard } from '../../src/cards/tradedAccountCards';
import { categoriesCard, priceCard, serviceCard, serviceListCard } from '../../src/cards/tradedCatalogueCards';
import { enquiryFormCard, enquiryReceiptCard } from '../../src/cards/tradedEnquiryCards';
import { ROLES } from '../../src/repos/userRepo';
import { loadCatalogue } from '../../src/traded/catalogue';
import { Enquiry } from '../../src/traded/enquiryRepo';
import { EnquiryEntries } from '../../src/traded/enquiryRequest';
import { PricingSchool, quote } from '../../src/traded/servicePricing';
import { startTermsFrom } from '../../src/traded/startTerms';
import { cardProblems } from '../support/cardCheck';
import { NOW } from './tradedSupport';

const catalogue = loadCatalogue();
const terms = startTermsFrom(NOW);
const school = (roll: PricingSchool['roll']): PricingSchool => ({ urn: '117324', name: 'Leavesden JMI School', phase: 'primary', roll });
const rolled = school({ academicYear: '2024/25', status: 'value', value: 408, source: 'DfE census 2024/25' });
const entries: EnquiryEntries = { serviceId: '', urn: '', requestKind: '', contractLength: '', quantity: '', startTerm: '', contactName: '', contactEmail: '', contactPhone: '', notes: '' };
const enquiry: Enquiry = {
  id: 1, reference: 'TS-2026-00001', cardInstanceId: 'x', kind: 'order', urn: '117324', serviceId: 'phonics-leadership-course', contractLength: 'one_off',
  quantity: 2, startTerm: '2027-spring', contactName: 'Helen Marsh', contactEmail: 'h@example.org', contactPhone: '01923 000000', notes: 'Notes',
  priceQuoted: '£330.00 for 2 delegates', requestedBy: 'id', requestedByName: 'Helen Marsh', requestedByRole: 'headteacher', teamId: 'learning_development',
  teamEmail: 'cpd@council.demo.example', status: 'received', createdAt: '2026-12-02T09:00:00.000Z',
};

function everyTradedCard(): [string, AdaptiveCardJson][] {
  const cards: [string, AdaptiveCardJson][] = [['categories', categoriesCard(catalogue)]];
  cards.push(['every service listed', serviceListCard(catalogue, 'All', 'Everything', catalogue.services)]);
  for (const s of catalogue.services) {
    for (const role of ROLES) cards.push([`service ${s.id} for ${role}`, serviceCard(catalogue, s, role)]);
    const q = (p?: PricingSchool) => quote(s, { school: p, quantity: 3, threeYearDiscountPercent: 5 });
    cards.push([`price ${s.id} for a school`, priceCard(catalogue, s, [{ school: rolled, quote: q(rolled) }], q(), 'headteacher')]);
    cards.push([`price ${s.id} without a school`, priceCard(catalogue, s, [], q(), 'la_adviser')]);
    cards.push([`price ${s.id} without a roll`, priceCard(catalogue, s, [{ school: school(undefined), quote: q(school(undefined)) }], q(), 'governor')]);
    cards.push([`form ${s.id}`, enquiryFormCard({ catalogue, service: s, role: 'headteacher', schools: [{ urn: '117324', name: 'Leavesden JMI School' }], terms, entries, problems: ['A problem'], cardId: 'c' })]);
  }
  cards.push(['form with a service picker', enquiryFormCard({ catalogue, service: undefined, role: 'governor', schools: [{ urn: '117578', name: 'Ashlyns School' }], terms, entries, problems: [], cardId: 'c' })]);
  cards.push(['receipt', enquiryReceiptCard(catalogue, enquiry, 'Leavesden JMI School', false)]);
  cards.push(['receipt again', enquiryReceiptCard(catalogue, enquiry, 'Leavesden JMI School', true)]);
  const view = { enquiry, schoolName: 'Leavesden JMI School', history: [{ id: 1, status: 'received' as const, changedAt: enquiry.createdAt, changedBy: 'Helen Marsh', note: '' }] };
  cards.push(['status', enquiryStatusCard(catalogue, 'Status', 'Intro', [view])]);
  cards.push(['manager list', enquiryListCard(catalogue, 'Enquiries', '1 enquiry', [view], 'Footer')]);
  cards.push(['empty manager list', enquiryListCard(catalogue, 'Enquiries', 'None.', [], 'Footer')]);
  const subscriptions = [{ urn: '117324', serviceId: 'payroll', contractLength: 'three_year' as const, startsOn: '2025-04-01', endsOn: '2028-03-31', annualPricePence: null, source: 'Fictional' }];
  const subs = (canEnquire: boolean) => subscriptionsCard(catalogue, { title: 'Subscriptions', filterNote: '', schools: [{ name: 'A', subscriptions }, { name: 'B', subscriptions: [] }], canEnquire, today: '2026-12-02', source: 'Fictional' });
  cards.push(['subscriptions', subs(true)], ['subscriptions without renewal buttons', subs(false)]);
  return cards;
}

describe('every traded services card', () => {
  const cards = everyTradedCard();

  it('parses with the Adaptive Cards SDK without errors or warnings, and fits in a Teams message', () => {
    expect(cards.flatMap(([name, card]) => cardProblems(card).map((p) => `${name}: ${p}`))).toEqual([]);
  });

  it('carries a text fallback', () => {
    expect(cards.filter(([, card]) => !card.fallbackText).map(([name]) => name)).toEqual([]);
  });
});
