import { AdaptiveCardJson, renderCard } from '../cards/cardRenderer';
import { AUDIENCE_LABELS } from './briefingAccess';
import { Booking, Briefing } from './briefingRepo';
import { describeWhen, londonParts } from './briefingTime';

type BriefingFacts = { when: string; where: string };
type ListItem = BriefingFacts & {
  id: number;
  title: string;
  audience: string;
  district: string;
  places: string;
  description: string;
  yourPlace: string;
  canBook: boolean;
  bookLabel: string;
  canBookColleague: boolean;
  onlineUrl: string;
};

declare module '../cards/cardModels' {
  interface CardModels {
    briefingList: { title: string; intro: string; items: ListItem[]; more: string; source: string; suggestions: string[] };
    briefingBooking: BriefingFacts & {
      title: string;
      lead: string;
      briefingTitle: string;
      attendee: string;
      place: string;
      notes: string[];
      onlineUrl: string;
      canCancel: boolean;
      cancelLabel: string;
      bookingId: number;
      suggestions: string[];
    };
    briefingMyBookings: {
      title: string;
      intro: string;
      items: (BriefingFacts & { bookingId: number; briefingTitle: string; attendee: string; place: string; cancelLabel: string })[];
      suggestions: string[];
    };
  }
}

export const whereText = (b: Briefing): string => {
  if (b.venue && b.onlineUrl) return `${b.venue}, or online (Microsoft Teams)`;
  return b.venue ?? 'Online (Microsoft Teams)';
};

export const factsOf = (b: Briefing): BriefingFacts => ({ when: describeWhen(b.startsAt, b.endsAt), where: whereText(b) });

export const districtText = (b: Briefing): string => b.district ?? 'County-wide';

/** Places left, as a person would say it; the list card says when this was true. */
export function placesText(b: Briefing, now: Date): string {
  if (b.status === 'cancelled') return 'Cancelled: this briefing will not take place';
  if (b.startsAt <= now) return 'Has taken place';
  const left = b.capacity - b.booked;
  if (left > 0) return `${left} of ${b.capacity} left`;
  return b.waiting ? `Full: ${b.waiting} on the waiting list` : 'Full: the waiting list is open';
}

export const placeText = (booking: Booking): string =>
  booking.status === 'booked' ? 'Booked' : booking.status === 'waiting' ? `Waiting list, number ${booking.waitingPosition ?? '?'}` : 'Cancelled';

export const attendeeText = (booking: Booking): string => `${booking.attendeeName} (${booking.attendeeEmail}), ${booking.schoolName}`;

export type ListEntry = { briefing: Briefing; mine?: Booking; canBook: boolean; canBookColleague: boolean };

export function briefingListCard(
  view: { title: string; intro: string; entries: ListEntry[]; more: string; source: string; suggestions: string[] },
  now: Date,
): AdaptiveCardJson {
  const items = view.entries.map(({ briefing: b, mine, canBook, canBookColleague }): ListItem => {
    const open = b.status === 'scheduled' && b.startsAt > now;
    const full = b.booked >= b.capacity;
    return {
      id: b.id,
      title: b.title,
      ...factsOf(b),
      audience: AUDIENCE_LABELS[b.audience],
      district: districtText(b),
      places: placesText(b, now),
      description: b.description,
      yourPlace: mine ? `Your place: ${placeText(mine).toLowerCase()} (${mine.attendeeName})` : '',
      canBook: open && canBook && !mine,
      bookLabel: full ? 'Join the waiting list' : 'Book a place',
      canBookColleague: open && canBookColleague,
      onlineUrl: open ? (b.onlineUrl ?? '') : '',
    };
  });
  const fallback = view.entries.map(({ briefing: b }) => `${b.title}: ${describeWhen(b.startsAt, b.endsAt)}, ${whereText(b)}, ${placesText(b, now)}.`);
  return renderCard('briefingList', { ...view, items }, [view.title, ...fallback].join(' '));
}

export type BookingCardView = {
  title: string;
  lead: string;
  booking: Booking;
  briefing: Briefing;
  notes?: string[];
  canCancel: boolean;
  suggestions?: string[];
};

/** A booking confirmation, a reminder or a place offered: one briefing, one place, a Cancel button while it can be cancelled. */
export function bookingCard(view: BookingCardView): AdaptiveCardJson {
  const { booking, briefing } = view;
  return renderCard(
    'briefingBooking',
    {
      title: view.title,
      lead: view.lead,
      briefingTitle: briefing.title,
      ...factsOf(briefing),
      attendee: attendeeText(booking),
      place: placeText(booking),
      notes: view.notes ?? [],
      onlineUrl: booking.status === 'booked' && briefing.status === 'scheduled' ? (briefing.onlineUrl ?? '') : '',
      canCancel: view.canCancel,
      cancelLabel: booking.status === 'waiting' ? 'Leave the waiting list' : 'Cancel this place',
      bookingId: booking.id,
      suggestions: view.suggestions ?? [],
    },
    `${view.title}. ${view.lead} ${briefing.title}, ${describeWhen(briefing.startsAt, briefing.endsAt)}, ${whereText(briefing)}.`,
  );
}

export function myBookingsCard(entries: { booking: Booking; briefing: Briefing }[], title: string, intro: string, suggestions: string[]): AdaptiveCardJson {
  const items = entries.map(({ booking, briefing }) => ({
    bookingId: booking.id,
    briefingTitle: briefing.title,
    ...factsOf(briefing),
    attendee: attendeeText(booking),
    place: placeText(booking),
    cancelLabel: booking.status === 'waiting' ? 'Leave the waiting list' : 'Cancel this place',
  }));
  const fallback = entries.map(({ booking, briefing }) => `${briefing.title} on ${londonParts(briefing.startsAt).date}: ${placeText(booking)}.`);
  return renderCard('briefingMyBookings', { title, intro, items, suggestions }, [title, intro, ...fallback].join(' '));
}
