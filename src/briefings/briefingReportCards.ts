import { AdaptiveCardJson, renderCard } from '../cards/cardRenderer';
import { School } from '../repos/schoolRepo';
import { AUDIENCE_LABELS } from './briefingAccess';
import { factsOf, placesText } from './briefingCards';
import { Booking, Briefing, Material } from './briefingRepo';
import { describeWhen, londonParts } from './briefingTime';

/** Teams refuses messages over about 28 KB; a long list of schools is cut short with a count. */
const MAX_SCHOOLS_LISTED = 60;

declare module '../cards/cardModels' {
  interface CardModels {
    briefingSummary: {
      title: string;
      when: string;
      where: string;
      audience: string;
      summary: string;
      keyPoints: string[];
      materials: Material[];
      provenance: string;
      suggestions: string[];
    };
    briefingAttendance: {
      title: string;
      when: string;
      where: string;
      placesLine: string;
      booked: { name: string; school: string }[];
      waiting: { position: number; name: string; school: string }[];
      notBookedTitle: string;
      notBooked: string;
      provenance: string;
      suggestions: string[];
    };
    briefingColleague: { briefingId: number; briefingTitle: string; when: string; schoolName: string; name: string; email: string; problems: string[] };
  }
}

export function summaryCard(b: Briefing, provenance: string, suggestions: string[]): AdaptiveCardJson {
  return renderCard(
    'briefingSummary',
    {
      title: b.title,
      ...factsOf(b),
      audience: AUDIENCE_LABELS[b.audience].toLowerCase(),
      summary: b.summary ?? 'No summary has been written up for this briefing yet.',
      keyPoints: b.keyPoints,
      materials: b.materials,
      provenance: `Notes from the LA, for this briefing's audience and LA staff. ${provenance}`,
      suggestions,
    },
    `What was covered at ${b.title} (${londonParts(b.startsAt).date}): ${b.summary ?? 'no summary yet.'}`,
  );
}

export type AttendanceView = { briefing: Briefing; bookings: Booking[]; notBooked: School[]; now: Date; provenance: string; suggestions: string[] };

/** Who has booked, the waiting list, and which of the district's schools have no one booked. */
export function attendanceCard(v: AttendanceView): AdaptiveCardJson {
  const b = v.briefing;
  const booked = v.bookings.filter((k) => k.status === 'booked').map((k) => ({ name: k.attendeeName, school: k.schoolName }));
  const waiting = v.bookings.filter((k) => k.status === 'waiting').map((k) => ({ position: k.waitingPosition ?? 0, name: k.attendeeName, school: k.schoolName }));
  const listed = v.notBooked.slice(0, MAX_SCHOOLS_LISTED).map((s) => s.name);
  const rest = v.notBooked.length - listed.length;
  const where = b.district ? `in ${b.district}` : 'in the county';
  const asAt = `${londonParts(v.now).date} ${londonParts(v.now).time}`;
  return renderCard(
    'briefingAttendance',
    {
      title: b.title,
      ...factsOf(b),
      placesLine: `${b.booked} of ${b.capacity} places booked, ${b.waiting} on the waiting list (${placesText(b, v.now).toLowerCase()}), as at ${asAt}.`,
      booked,
      waiting,
      notBookedTitle: `Open schools ${where} with no one booked (${v.notBooked.length})`,
      notBooked: listed.length ? `${listed.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}.` : 'Every school has someone booked.',
      provenance: `LA-internal: for LA staff only. Schools are open schools from the DfE register, districts from the LA's list. ${v.provenance}`,
      suggestions: v.suggestions,
    },
    `${b.title}, ${describeWhen(b.startsAt, b.endsAt)}: ${b.booked} of ${b.capacity} booked, ${b.waiting} waiting, ${v.notBooked.length} schools ${where} not booked.`,
  );
}

export function colleagueFormCard(b: Briefing, school: School, entered: { name: string; email: string }, problems: string[] = []): AdaptiveCardJson {
  return renderCard(
    'briefingColleague',
    { briefingId: b.id, briefingTitle: b.title, when: describeWhen(b.startsAt, b.endsAt), schoolName: school.name, ...entered, problems },
    `Book a place for a colleague on ${b.title}: give their name and email address.`,
  );
}
