import { RecentResults } from '../recentResults';

/**
 * Briefings happen at local times in England; the database keeps UTC instants. These convert
 * between the two through Europe/London so summer time is always right.
 */
const ZONE = 'Europe/London';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London calendar date (YYYY-MM-DD) and clock time (HH:MM) of an instant. */
export function londonParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const { date, time } = londonParts(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of a London wall-clock time, e.g. ('2027-01-12', '09:30'). */
export function londonTime(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new Error(`not a date and time: ${date} ${time}`);
  const first = wall - londonOffsetMinutes(new Date(wall)) * 60_000;
  // Near a clock change the offset at the guess can differ from the offset at the answer.
  return new Date(wall - londonOffsetMinutes(new Date(first)) * 60_000);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** When a reminder is due: the day before the briefing, at `time` London time. */
export function dayBefore(startsAt: Date, time = '08:00'): Date {
  return londonTime(addDays(londonParts(startsAt).date, -1), time);
}

const dayParts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "Tuesday 12 January 2027", as people write it (ICU's en-GB adds a comma after the weekday). */
export function describeDay(instant: Date): string {
  const p = Object.fromEntries(dayParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** ICU formatting is slow and a briefing list describes the same few dozen times on every request. */
const described = new RecentResults<string>(2000);

/** "Tuesday 12 January 2027, 09:30 to 11:30 (UK time)". */
export function describeWhen(startsAt: Date, endsAt: Date): string {
  return described.get(`${startsAt.getTime()}/${endsAt.getTime()}`, () => `${describeDay(startsAt)}, ${londonParts(startsAt).time} to ${londonParts(endsAt).time} (UK time)`);
}
