import { AppUser } from '../repos/userRepo';
import { isForUser } from './briefingAccess';
import { Audience, Briefing } from './briefingRepo';
import { londonParts } from './briefingTime';

/** What a briefings question asks for, found by keywords once the recognizer has said "briefings". */
export type BriefingAsk = 'attendance' | 'covered' | 'cancel' | 'mine' | 'book' | 'upcoming';

// Tried in order: "who has booked" is attendance, not "what have I booked"; "cancel my booking" is not a booking.
const ASKS: [BriefingAsk, RegExp][] = [
  ['attendance', /\bwho(?:'s| is| has| have)? (?:coming|booked|attending|going|signed up)\b|\battendance\b|\battendees\b|\bwho(?:'s| is) on the list\b/],
  ['covered', /\bcovered\b|\bwhat happened at\b|\bsummary\b|\bkey points\b|\bmaterials\b|\bslides\b|\bcatch up\b|\bnotes from\b|\brecap\b/],
  ['cancel', /\bcancel(?!led)|\bwithdraw|\b(?:can't|cannot|can not) (?:make|come|attend|go)\b|\bno longer (?:come|attend|go)\b/],
  ['mine', /\b(?:have i|i have|am i|i'm|i am) (?:got )?booked\b|\bmy (?:bookings?|places?)\b|\bwhat have i got\b|\bbooked on\b|\bhave i booked\b/],
  ['book', /\bbook\b|\bsign (?:me |us )?up\b|\bregister\b|\breserve\b|\benrol/],
];

const normalise = (text: string): string => ` ${text.toLowerCase().replace(/[’‘]/g, "'")} `;

export function askOf(text: string): BriefingAsk {
  const lower = normalise(text);
  return ASKS.find(([, pattern]) => pattern.test(lower))?.[0] ?? 'upcoming';
}

export type MonthFilter = { year: number; month: number; label: string };
export type BriefingFilter = { district?: string; audience?: 'headteachers' | 'governors'; month?: MonthFilter };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_LABELS = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1));
// "may" is only a month after "in"/"during", so "may I book" is not May.
const MONTH_PATTERN = /\b(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\b(?:in|during) (may)\b/;

/** The month asked about, in the coming twelve months: "in March" asked in December means next March. */
export function monthOf(text: string, now: Date): MonthFilter | undefined {
  const lower = normalise(text);
  const today = londonParts(now).date;
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  let month: number | undefined;
  if (/\bnext month\b/.test(lower)) month = (thisMonth % 12) + 1;
  else if (/\bthis month\b/.test(lower)) month = thisMonth;
  else {
    const m = MONTH_PATTERN.exec(lower);
    const word = m?.[1] ?? m?.[2];
    if (word) month = MONTHS.findIndex((name) => name.startsWith(word)) + 1;
  }
  if (!month) return undefined;
  const year = month < thisMonth ? thisYear + 1 : thisYear;
  return { year, month, label: `${MONTH_LABELS[month - 1]} ${year}` };
}

export function audienceOf(text: string): BriefingFilter['audience'] {
  const lower = normalise(text);
  if (/\bgovern(?:or|ors|ors'|ing)\b/.test(lower)) return 'governors';
  if (/\bheads?'?\b|\bhead ?teachers?'?\b|\bschool leaders\b/.test(lower)) return 'headteachers';
  return undefined;
}

export function filterOf(text: string, district: string | undefined, now: Date): BriefingFilter {
  return { district, audience: audienceOf(text), month: monthOf(text, now) };
}

const AUDIENCE_MATCH: Record<'headteachers' | 'governors', Audience[]> = {
  headteachers: ['headteachers', 'heads_and_governors'],
  governors: ['governors', 'heads_and_governors'],
};

export function matchesFilter(b: Briefing, f: BriefingFilter): boolean {
  if (f.district && b.district !== f.district) return false;
  if (f.audience && !AUDIENCE_MATCH[f.audience].includes(b.audience)) return false;
  if (f.month) {
    const date = londonParts(b.startsAt).date;
    if (Number(date.slice(0, 4)) !== f.month.year || Number(date.slice(5, 7)) !== f.month.month) return false;
  }
  return true;
}

/** Naming an audience ("anything for governors?") shows its briefings to anyone; otherwise people see their own. */
const shownTo = (user: AppUser, b: Briefing, f: BriefingFilter): boolean => (f.audience ? true : isForUser(user, b));

/**
 * Briefings still to come that match the question. A school user's own districts (and county-wide
 * briefings) come first, then the rest, each in date order; cancelled ones stay so people learn of it.
 */
export function upcomingFor(user: AppUser, userDistricts: string[], all: Briefing[], f: BriefingFilter, now: Date): Briefing[] {
  const found = all.filter((b) => b.startsAt > now && matchesFilter(b, f) && shownTo(user, b, f));
  const near = (b: Briefing) => b.district === null || userDistricts.includes(b.district);
  return [...found.filter(near), ...found.filter((b) => !near(b))];
}

/**
 * The most recent briefing that has taken place and matches the question. "The last governors'
 * briefing" means one for governors only, when there is one, rather than a joint one.
 */
export function lastHeld(user: AppUser, all: Briefing[], f: BriefingFilter, now: Date): Briefing | undefined {
  const held = all
    .filter((b) => b.status === 'scheduled' && b.endsAt <= now && matchesFilter(b, f) && shownTo(user, b, f))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return held.find((b) => b.audience === f.audience) ?? held[0];
}

/** The next briefing to come that matches, for "who is coming to the Watford briefing?". */
export function nextMatching(all: Briefing[], f: BriefingFilter, now: Date): Briefing | undefined {
  return all.find((b) => b.status === 'scheduled' && b.startsAt > now && matchesFilter(b, f));
}
