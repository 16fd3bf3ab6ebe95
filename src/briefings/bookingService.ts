import { Database } from '../db/database';
import { cancelPending, enqueue } from '../proactive/outbox';
import { getSchools } from '../repos/schoolRepo';
import { AppUser } from '../repos/userRepo';
import { mayBook, schoolForBooking } from './briefingAccess';
import { Booking, Briefing, firstWaiting, getBooking, getBriefing, insertBooking, liveBookingFor, liveBookingsOn, setBookingStatus } from './briefingRepo';
import { dayBefore } from './briefingTime';

export const BRIEFING_REMINDER = 'briefing_reminder';
export const BRIEFING_PLACE_OFFERED = 'briefing_place_offered';
/** Keyed by the start too, so a briefing moved to another day gets a fresh reminder (the old one is dropped when rendered). */
const reminderKey = (bookingId: number, startsAt: Date): string => `${BRIEFING_REMINDER}:${bookingId}:${startsAt.toISOString()}`;
const offerKey = (bookingId: number): string => `${BRIEFING_PLACE_OFFERED}:${bookingId}`;

export type Colleague = { name: string; email: string };

export type BookingOutcome =
  | { kind: 'booked' | 'waiting' | 'already'; booking: Booking; briefing: Briefing }
  | { kind: 'refused'; reason: string; briefing?: Briefing };

export type CancelOutcome =
  | { kind: 'cancelled'; booking: Booking; wasWaiting: boolean; briefing: Briefing; promoted: Booking[] }
  | { kind: 'refused'; reason: string };

/** Why a briefing cannot take bookings now, or undefined when it can. */
function closedReason(briefing: Briefing, now: Date): string | undefined {
  if (briefing.status === 'cancelled') return `“${briefing.title}” has been cancelled, so it is not taking bookings.`;
  if (briefing.startsAt <= now) return `“${briefing.title}” has already taken place.`;
  return undefined;
}

/**
 * Books a place, or a place on the waiting list when the briefing is full. Everything is checked
 * again inside one transaction: the transaction queue means two people can never both take the
 * last place (and a database trigger refuses over-booking whatever the code path).
 */
export async function bookPlace(db: Database, user: AppUser, briefingId: number, colleague: Colleague | undefined, now: Date): Promise<BookingOutcome> {
  const schools = await getSchools(db, user.schoolUrns);
  const forColleague = colleague !== undefined && colleague.email.toLowerCase() !== user.email.toLowerCase();
  return db.transaction(async (tx) => {
    const briefing = await getBriefing(tx, briefingId);
    if (!briefing) return { kind: 'refused', reason: 'I could not find that briefing. It may have been withdrawn.' };
    const access = mayBook(user, briefing, forColleague);
    if (!access.allowed) return { kind: 'refused', reason: access.reason, briefing };
    const closed = closedReason(briefing, now);
    if (closed) return { kind: 'refused', reason: closed, briefing };
    const school = schoolForBooking(schools, briefing);
    if (!school) return { kind: 'refused', reason: 'You are not linked to a school, so I cannot book a place.', briefing };
    const attendee = forColleague && colleague
      ? { name: colleague.name, email: colleague.email, entraObjectId: await registeredColleague(tx, colleague.email, school.urn) }
      : { name: user.displayName, email: user.email, entraObjectId: user.entraObjectId };
    const existing = await liveBookingFor(tx, briefing.id, attendee.email);
    if (existing) return { kind: 'already', booking: existing, briefing };
    const status = briefing.booked < briefing.capacity ? 'booked' : 'waiting';
    const id = await insertBooking(
      tx,
      { briefingId: briefing.id, urn: school.urn, attendeeName: attendee.name, attendeeEmail: attendee.email, attendeeEntraObjectId: attendee.entraObjectId, bookedBy: user.entraObjectId, status },
      now,
    );
    const booking = (await getBooking(tx, id)) as Booking;
    if (status === 'booked') await queueReminder(tx, booking, briefing, now);
    return { kind: status, booking, briefing: (await getBriefing(tx, briefing.id)) as Briefing };
  });
}

/** A colleague who uses the bot at the same school is reminded directly; otherwise the head is. */
async function registeredColleague(tx: Database, email: string, urn: string): Promise<string | null> {
  const row = await tx.get<{ entra_object_id: string }>(
    `SELECT u.entra_object_id FROM users u JOIN user_schools us ON us.entra_object_id = u.entra_object_id
      WHERE lower(u.email) = ? AND us.urn = ? AND u.active = 1`,
    [email.toLowerCase(), urn],
  );
  return row?.entra_object_id ?? null;
}

/** Who hears about a place: the attendee when they use the bot, else whoever booked it. */
const recipientOf = (booking: Booking): string | null => booking.attendeeEntraObjectId ?? booking.bookedBy;

async function queueReminder(tx: Database, booking: Booking, briefing: Briefing, now: Date): Promise<void> {
  const recipient = recipientOf(booking);
  const dueAt = dayBefore(briefing.startsAt);
  // Booked after the reminder would have gone: the confirmation is reminder enough.
  if (!recipient || dueAt <= now) return;
  await enqueue(tx, {
    kind: BRIEFING_REMINDER,
    dedupeKey: reminderKey(booking.id, briefing.startsAt),
    entraObjectId: recipient,
    dueAt,
    payload: { bookingId: booking.id, startsAt: briefing.startsAt.toISOString() },
  });
}

/** After a briefing moves, everyone booked is reminded for the new date. */
export async function queueRemindersAfterMove(tx: Database, briefingId: number, now: Date): Promise<void> {
  const briefing = await getBriefing(tx, briefingId);
  if (!briefing) return;
  for (const booking of await liveBookingsOn(tx, briefingId)) if (booking.status === 'booked') await queueReminder(tx, booking, briefing, now);
}

/**
 * Gives free places to the waiting list in order, telling each person proactively, in the caller's
 * transaction so a place is never both freed and lost.
 */
export async function fillFreedPlaces(tx: Database, briefingId: number, now: Date): Promise<Booking[]> {
  const promoted: Booking[] = [];
  for (;;) {
    const briefing = await getBriefing(tx, briefingId);
    if (!briefing || closedReason(briefing, now) || briefing.booked >= briefing.capacity) return promoted;
    const next = await firstWaiting(tx, briefingId);
    if (!next) return promoted;
    await setBookingStatus(tx, next.id, 'booked', now);
    const booking = { ...next, status: 'booked' as const, waitingPosition: null };
    const recipient = recipientOf(booking);
    if (recipient) await enqueue(tx, { kind: BRIEFING_PLACE_OFFERED, dedupeKey: offerKey(booking.id), entraObjectId: recipient, dueAt: now, payload: { bookingId: booking.id } });
    await queueReminder(tx, booking, briefing, now);
    promoted.push(booking);
  }
}

/** Cancels a place the user holds or made; a freed place goes to the first on the waiting list. */
export async function cancelBooking(db: Database, user: AppUser, bookingId: number, now: Date): Promise<CancelOutcome> {
  const me = user.entraObjectId.toLowerCase();
  return db.transaction(async (tx) => {
    const booking = await getBooking(tx, bookingId);
    if (!booking || (booking.attendeeEntraObjectId !== me && booking.bookedBy !== me)) {
      return { kind: 'refused', reason: 'I could not find that booking among yours.' };
    }
    const briefing = (await getBriefing(tx, booking.briefingId)) as Briefing;
    if (booking.status === 'cancelled') return { kind: 'refused', reason: `That place on “${briefing.title}” is already cancelled.` };
    if (briefing.startsAt <= now) return { kind: 'refused', reason: `“${briefing.title}” has already taken place.` };
    await setBookingStatus(tx, booking.id, 'cancelled', now);
    await cancelPending(tx, reminderKey(booking.id, briefing.startsAt));
    await cancelPending(tx, offerKey(booking.id));
    const promoted = booking.status === 'booked' ? await fillFreedPlaces(tx, briefing.id, now) : [];
    return { kind: 'cancelled', booking: { ...booking, status: 'cancelled', waitingPosition: null }, wasWaiting: booking.status === 'waiting', briefing, promoted };
  });
}
