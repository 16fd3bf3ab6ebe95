import { z } from 'zod';
import { AppUser, Role } from '../repos/userRepo';
import { Catalogue, CONTRACT_LABELS, ContractLength, TradedService } from './catalogue';
import { RequestKind } from './enquiryRepo';
import { StartTerm } from './startTerms';

/** What the enquiry form holds, as the user typed or picked it; every field a string so it can be shown again. */
export type EnquiryEntries = {
  serviceId: string;
  urn: string;
  requestKind: string;
  contractLength: string;
  quantity: string;
  startTerm: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
};

export type ValidEnquiry = {
  service: TradedService;
  urn: string;
  kind: RequestKind;
  contractLength: ContractLength;
  quantity: number | null;
  startTerm: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
};

export type EnquiryCheck =
  | { ok: true; enquiry: ValidEnquiry }
  | { ok: false; reason: 'not_a_school_user' | 'unknown_service' | 'fields'; problems: string[] };

export const NOTES_LIMIT = 1000;
/** Longer pieces of day-rate work are scoped with the team rather than ordered through the bot. */
export const MAX_DAYS_PER_REQUEST = 20;

const contactDetails = z.object({
  contactName: z.string().trim().min(1, 'Please give the name of the person the team should contact.').max(120, 'The contact name is limited to 120 characters.'),
  contactEmail: z.string().trim().email('The contact email does not look like an email address.').max(200, 'The contact email is too long.'),
  contactPhone: z.string().trim().regex(/^[0-9 +()-]{0,20}$/, 'The phone number can only hold digits, spaces, +, ( ) and -, up to 20 characters.'),
  notes: z.string().trim().max(NOTES_LIMIT, `Notes are limited to ${NOTES_LIMIT.toLocaleString('en-GB')} characters.`),
});

/** Headteachers may order or enquire; governors and chairs may only enquire; nobody else buys for a school. */
export function allowedKinds(role: Role): RequestKind[] {
  if (role === 'headteacher') return ['order', 'enquiry'];
  if (role === 'governor' || role === 'chair_of_governors') return ['enquiry'];
  return [];
}

/**
 * Checks a submitted form against the catalogue and the user's rights as held on the server (never
 * as the card claims them). Every field problem is reported at once, so one round trip fixes all.
 */
export function checkEnquiry(catalogue: Catalogue, user: AppUser, entries: EnquiryEntries, terms: StartTerm[]): EnquiryCheck {
  const kinds = allowedKinds(user.role);
  if (!kinds.length) return { ok: false, reason: 'not_a_school_user', problems: ['Orders and enquiries are made by a school’s headteacher or governors.'] };
  const service = catalogue.service(entries.serviceId);
  if (!service) return { ok: false, reason: 'unknown_service', problems: ['I could not find that service in the catalogue. Please choose it from the list.'] };
  const problems: string[] = [];
  if (!user.schoolUrns.includes(entries.urn)) problems.push('You can only order or enquire for a school you are linked to. Please choose one of your schools.');
  const kind = entries.requestKind as RequestKind;
  if (!kinds.includes(kind)) {
    problems.push(
      kinds.length === 1
        ? 'Only the headteacher can place an order. As a governor you can send an enquiry, and the team will contact the school.'
        : 'Please say whether this is an order or an enquiry.',
    );
  }
  const contractLength = entries.contractLength as ContractLength;
  if (!service.contracts.includes(contractLength)) {
    problems.push(`${service.name} is offered as: ${service.contracts.map((c) => CONTRACT_LABELS[c]).join(' or ')}. Please choose one of those.`);
  }
  if (!terms.some((t) => t.value === entries.startTerm)) problems.push(`Please choose a start term from the list: ${terms.map((t) => t.label).join(', ')}.`);
  const quantity = checkQuantity(service, entries.quantity, problems);
  const contact = contactDetails.safeParse(entries);
  if (!contact.success) problems.push(...contact.error.issues.map((i) => i.message));
  if (problems.length || !contact.success) return { ok: false, reason: 'fields', problems };
  return { ok: true, enquiry: { service, urn: entries.urn, kind, contractLength, quantity, startTerm: entries.startTerm, ...contact.data } };
}

/** Delegates or days, for services priced per unit; other services take no quantity. */
function checkQuantity(service: TradedService, raw: string, problems: string[]): number | null {
  const rule = service.pricing;
  if (rule.kind !== 'per_delegate' && rule.kind !== 'day_rate') return null;
  const max = rule.kind === 'per_delegate' ? rule.maxPerBooking : MAX_DAYS_PER_REQUEST;
  const unit = rule.kind === 'per_delegate' ? rule.unit : 'day';
  const n = /^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    problems.push(`Please give the number of ${unit === 'day' ? 'days' : `${unit}s`} as a whole number from 1 to ${max}.`);
    return null;
  }
  return n;
}
