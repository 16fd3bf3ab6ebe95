import { randomUUID } from 'node:crypto';
import { messageCard } from '../../src/cards/conversationCards';
import { serviceListCard } from '../../src/cards/tradedCatalogueCards';
import { enquiryFormCard, enquiryReceiptCard } from '../../src/cards/tradedEnquiryCards';
import { enqueue } from '../../src/proactive/outbox';
import { getSchool, getSchools } from '../../src/repos/schoolRepo';
import { ContractLength, threeYearDiscount, TradedService } from '../../src/traded/catalogue';
import { bestMatch, namedServices, searchCatalogue } from '../../src/traded/catalogueSearch';
import { Enquiry, enquiryByCardId, insertEnquiry, RequestKind } from '../../src/traded/enquiryRepo';
import { allowedKinds, checkEnquiry, EnquiryEntries, ValidEnquiry } from '../../src/traded/enquiryRequest';
import { moneyText, unitsText } from '../../src/traded/priceText';
import { pricingSchool } from '../../src/traded/schoolRoll';
import { quote } from '../../src/traded/servicePricing';
import { managersOfTeam } from '../../src/traded/serviceTeams';
import { startTermsFrom } from '../../src/traded/startTerms';
import { FeatureTurn } from '../feature';
import { answerBrowse, unknownService } from './catalogueAnswers';
import { TradedContext } from './tradedContext';

export const ENQUIRY_RECEIVED = 'traded_enquiry_received';

const NOT_A_BUYER = ['Orders and enquiries are made by a school’s headteacher or governors. You can still look at the catalogue and prices.'];
const NO_SCHOOL = ['You are not linked to a school yet, so I cannot take an order or enquiry. Please ask the council to link your account to your school.'];

/** "I'd like to buy the governor clerking service": the form for the one service named. */
export async function answerEnquire(ctx: TradedContext, turn: FeatureTurn, text: string): Promise<void> {
  const search = searchCatalogue(ctx.catalogue, text);
  const service = bestMatch(search);
  if (!service) {
    const named = namedServices(search);
    if (named.length) return turn.send(serviceListCard(ctx.catalogue, 'Which service?', 'Choose the service, then press the button to order or enquire.', named));
    return answerBrowse(ctx, turn, text);
  }
  const t = text.toLowerCase();
  const wantsOrder = /\b(buy|order|book|purchase|sign up|subscribe|renew)\b/.test(t);
  const wantsThreeYears = /\b(three|3)[ -]?years?\b/.test(t);
  await openForm(ctx, turn, service, { kind: wantsOrder ? 'order' : 'enquiry', contract: wantsThreeYears ? 'three_year' : undefined });
}

/** The order or enquiry button on a card; the service id came from the client. */
export async function startEnquiryFromCard(ctx: TradedContext, turn: FeatureTurn, serviceId: string): Promise<void> {
  const service = ctx.catalogue.service(serviceId);
  if (!service) return unknownService(ctx, turn);
  await openForm(ctx, turn, service, { kind: 'order' });
}

async function openForm(ctx: TradedContext, turn: FeatureTurn, service: TradedService, wish: { kind: RequestKind; contract?: ContractLength }): Promise<void> {
  const { user } = turn;
  const kinds = allowedKinds(user.role);
  if (!kinds.length) return turn.send(messageCard('Ordering is for schools', NOT_A_BUYER));
  const schools = await getSchools(ctx.deps.db, user.schoolUrns);
  if (!schools.length) return turn.send(messageCard('Which school?', NO_SCHOOL));
  const terms = startTermsFrom(ctx.now());
  const entries: EnquiryEntries = {
    serviceId: service.id,
    urn: schools.length === 1 ? schools[0].urn : '',
    requestKind: kinds.includes(wish.kind) ? wish.kind : kinds[0],
    contractLength: wish.contract && service.contracts.includes(wish.contract) ? wish.contract : service.contracts[0],
    quantity: '',
    startTerm: terms[0].value,
    contactName: user.displayName,
    contactEmail: user.email,
    contactPhone: '',
    notes: '',
  };
  await turn.send(enquiryFormCard({ catalogue: ctx.catalogue, service, role: user.role, schools, terms, entries, problems: [], cardId: randomUUID() }));
}

/** The form shown again with what the user entered and what to fix, keeping its id so a later submit still stores once. */
export async function formAgain(ctx: TradedContext, turn: FeatureTurn, entries: EnquiryEntries, problems: string[], cardId: string): Promise<void> {
  const schools = await getSchools(ctx.deps.db, turn.user.schoolUrns);
  if (!schools.length) return turn.send(messageCard('Which school?', NO_SCHOOL));
  const service = ctx.catalogue.service(entries.serviceId);
  await turn.send(enquiryFormCard({ catalogue: ctx.catalogue, service, role: turn.user.role, schools, terms: startTermsFrom(ctx.now()), entries, problems, cardId }));
}

/** Stores a submitted form once, routes it to the service's team, then says so. */
export async function submitEnquiry(ctx: TradedContext, turn: FeatureTurn, cardId: string, entries: EnquiryEntries): Promise<void> {
  const { user } = turn;
  const earlier = await enquiryByCardId(ctx.deps.db, cardId);
  if (earlier) return sendReceipt(ctx, turn, earlier, earlier.requestedBy === user.entraObjectId.toLowerCase());
  const check = checkEnquiry(ctx.catalogue, user, entries, startTermsFrom(ctx.now()));
  if (!check.ok) {
    if (check.reason === 'not_a_school_user') return turn.send(messageCard('Ordering is for schools', NOT_A_BUYER));
    return formAgain(ctx, turn, check.reason === 'unknown_service' ? { ...entries, serviceId: '' } : entries, check.problems, cardId);
  }
  const enquiry = check.enquiry;
  const team = ctx.catalogue.team(enquiry.service.team);
  if (!team) throw new Error(`catalogue: service ${enquiry.service.id} has no team`);
  const priceQuoted = await quotedPrice(ctx, enquiry);
  const createdAt = ctx.now().toISOString();
  const stored = await ctx.deps.db.transaction(async (tx) => {
    const result = await insertEnquiry(tx, {
      ...enquiry,
      serviceId: enquiry.service.id,
      cardInstanceId: cardId,
      priceQuoted,
      requestedBy: user.entraObjectId,
      requestedByName: user.displayName,
      requestedByRole: user.role,
      teamId: team.id,
      teamEmail: team.email,
      createdAt,
    });
    if (result.created) {
      for (const manager of await managersOfTeam(tx, team.id)) {
        const reference = result.enquiry.reference;
        await enqueue(tx, { kind: ENQUIRY_RECEIVED, dedupeKey: `${ENQUIRY_RECEIVED}:${reference}:${manager}`, entraObjectId: manager, dueAt: ctx.now(), payload: { reference } });
      }
    }
    return result;
  });
  await sendReceipt(ctx, turn, stored.enquiry, true, !stored.created);
}

async function sendReceipt(ctx: TradedContext, turn: FeatureTurn, enquiry: Enquiry, own: boolean, duplicate = true): Promise<void> {
  if (!own) return turn.send(messageCard('This form has already been used', ['Please start a new order or enquiry.']));
  const school = await getSchool(ctx.deps.db, enquiry.urn);
  await turn.send(enquiryReceiptCard(ctx.catalogue, enquiry, school?.name ?? `URN ${enquiry.urn}`, duplicate));
}

/** The price the school saw when it ordered, kept on the record for the team; empty when it must be quoted. */
async function quotedPrice(ctx: TradedContext, e: ValidEnquiry): Promise<string> {
  const school = await getSchool(ctx.deps.db, e.urn);
  if (!school) return '';
  const q = quote(e.service, { school: await pricingSchool(ctx.deps.db, school), quantity: e.quantity ?? undefined, threeYearDiscountPercent: threeYearDiscount(ctx.catalogue, e.service) });
  if (q.status !== 'priced') return '';
  const list = `${ctx.catalogue.priceYear} price list`;
  if (e.contractLength === 'three_year' && q.threeYear) return `${moneyText(q.threeYear.perYear, e.service.vat)} a year for three years (${list})`;
  if (q.forQuantity) return `${moneyText(q.forQuantity.total, e.service.vat)} for ${unitsText(q.forQuantity.quantity, q.unit)} (${list})`;
  return `${moneyText(q.price, e.service.vat)} ${q.unit.kind === 'year' ? 'a year' : `per ${q.unit.label}`} (${list})`;
}
