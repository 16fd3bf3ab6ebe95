import { z } from 'zod';
import { AdaptiveCardJson } from '../cards/cardRenderer';
import { Database } from '../db/database';
import { OutboxMessage } from '../proactive/outbox';
import { ProactiveRenderer } from '../proactive/proactiveSender';
import { BRIEFING_PLACE_OFFERED, BRIEFING_REMINDER } from './bookingService';
import { bookingCard } from './briefingCards';
import { Booking, Briefing, getBooking, getBriefing } from './briefingRepo';

const payloadSchema = z.object({ bookingId: z.number().int().positive(), startsAt: z.string().optional() });
const SUGGESTIONS = ['What have I booked?'];

/** The place and its briefing, or undefined when the message no longer applies and must send nothing. */
async function stillBooked(message: OutboxMessage, db: Database, now: Date): Promise<{ booking: Booking; briefing: Briefing } | undefined> {
  const payload = payloadSchema.safeParse(message.payload);
  if (!payload.success) return undefined;
  const booking = await getBooking(db, payload.data.bookingId);
  if (!booking || booking.status !== 'booked') return undefined;
  const briefing = await getBriefing(db, booking.briefingId);
  if (!briefing || briefing.status === 'cancelled' || briefing.startsAt <= now) return undefined;
  // A reminder queued for a date the briefing has since moved from; the new date has its own.
  if (payload.data.startsAt && payload.data.startsAt !== briefing.startsAt.toISOString()) return undefined;
  return { booking, briefing };
}

const isAttendee = (message: OutboxMessage, booking: Booking) => booking.attendeeEntraObjectId === message.entraObjectId;

function reminderCard(message: OutboxMessage, booking: Booking, briefing: Briefing): AdaptiveCardJson {
  return bookingCard({
    title: 'Reminder: briefing tomorrow',
    lead: isAttendee(message, booking)
      ? 'You have a place on this briefing tomorrow.'
      : `Your colleague ${booking.attendeeName} has a place on this briefing tomorrow. Please remind them.`,
    booking,
    briefing,
    notes: ['If you can no longer come, please cancel so the place goes to the first person on the waiting list.'],
    canCancel: true,
    suggestions: SUGGESTIONS,
  });
}

function placeOfferedCard(message: OutboxMessage, booking: Booking, briefing: Briefing): AdaptiveCardJson {
  return bookingCard({
    title: 'A place has come up',
    lead: isAttendee(message, booking)
      ? 'Someone cancelled and you were first on the waiting list, so the place is now yours: you are booked.'
      : `Someone cancelled and ${booking.attendeeName} was first on the waiting list, so the place is now theirs: they are booked.`,
    booking,
    briefing,
    notes: ['You will get a reminder the day before. If the date no longer suits, please cancel so the next person can have the place.'],
    canCancel: true,
    suggestions: SUGGESTIONS,
  });
}

/** Rendered when due, from the database then, so a cancelled place or briefing sends nothing. */
export function briefingRenderers(now: () => Date): Record<string, ProactiveRenderer> {
  const render = (card: typeof reminderCard): ProactiveRenderer => async (message, db) => {
    const found = await stillBooked(message, db, now());
    return found && card(message, found.booking, found.briefing);
  };
  return { [BRIEFING_REMINDER]: render(reminderCard), [BRIEFING_PLACE_OFFERED]: render(placeOfferedCard) };
}
