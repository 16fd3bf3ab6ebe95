import { Role } from '../../src/repos/userRepo';

/** The traded services questions, told apart by their words (the recognizer only says "traded services"). */
export type TradedRoute = 'manager_enquiries' | 'enquiry_status' | 'subscriptions' | 'enquire' | 'price' | 'browse';

export const REFERENCE = /\bTS-\d{4}-\d{5}\b/i;

const ENQUIRY_WORDS = /\b(enquir(y|ies)|orders?|requests?)\b/;
const STATUS_WORDS = /\b(status|heard back|update on|progress|happened to|where is|where are)\b/;
const OWN_ENQUIRY = /\b(our|my) (enquir(y|ies)|orders?|requests?)\b/;
const WANTS_TO_BUY = [
  /\b(i'?d|we'?d|i would|we would) like to\b/,
  /\b(i|we) (want|wish|need) to\b/,
  /\b(can|could|may) (i|we) (buy|order|book|purchase|sign up|subscribe|enquire|renew)\b/,
  /^(please )?(buy|order|book|purchase|enquire|sign up|subscribe)\b/,
  /\benquire about\b|\binterested in\b|\bsign (us|me) up\b/,
  /\bhow (do|can) (i|we) (buy|order|book|purchase)\b/,
];
const SUBSCRIPTIONS = [
  /\bsubscri(be|bed|bes|bing|ption|ptions)\b/,
  /\b(renew|renews|renewal|renewals|expire|expires|expiry)\b/,
  /\b(our|we|their|when)\b.*\b(contracts?|slas?)\b/,
  /\bwhat (do|have|did) we (buy|bought|have)\b/,
];
const PRICE = /\b(how much|cost|costs|costing|price|prices|priced|pricing|fee|fees|charge|charges|quote)\b|£/;

/**
 * Which traded services question this is. Order matters: a reference or "our order" is a status
 * question even though it says "order"; "I'd like to renew" is a request, "when does it renew" is not.
 */
export function tradedRoute(text: string, role: Role): TradedRoute {
  const t = text.toLowerCase().replace(/[’‘]/g, "'");
  if (REFERENCE.test(t)) return 'enquiry_status';
  if (role === 'service_manager' && ENQUIRY_WORDS.test(t)) return 'manager_enquiries';
  if (OWN_ENQUIRY.test(t) || (STATUS_WORDS.test(t) && ENQUIRY_WORDS.test(t))) return 'enquiry_status';
  if (WANTS_TO_BUY.some((p) => p.test(t))) return 'enquire';
  if (SUBSCRIPTIONS.some((p) => p.test(t))) return 'subscriptions';
  if (PRICE.test(t)) return 'price';
  return 'browse';
}

/** "this month", "last month", "this week", "today" → a half-open window of ISO timestamps; undefined when no period is named. */
export function periodIn(text: string, now: Date): { label: string; from: string; to: string } | undefined {
  const t = text.toLowerCase();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const day = Date.UTC(y, m, now.getUTCDate());
  const iso = (ms: number) => new Date(ms).toISOString();
  const monthName = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (/\bthis month\b/.test(t)) return { label: monthName(y, m), from: iso(Date.UTC(y, m, 1)), to: iso(Date.UTC(y, m + 1, 1)) };
  if (/\blast month\b/.test(t)) return { label: monthName(y, m - 1), from: iso(Date.UTC(y, m - 1, 1)), to: iso(Date.UTC(y, m, 1)) };
  if (/\bthis week\b/.test(t)) {
    const monday = day - ((now.getUTCDay() + 6) % 7) * 86_400_000;
    return { label: 'this week', from: iso(monday), to: iso(monday + 7 * 86_400_000) };
  }
  if (/\btoday\b/.test(t)) return { label: 'today', from: iso(day), to: iso(day + 86_400_000) };
  return undefined;
}
