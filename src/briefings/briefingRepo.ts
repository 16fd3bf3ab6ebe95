import { Database } from '../db/database';

export const AUDIENCES = ['headteachers', 'governors', 'heads_and_governors'] as const;
export type Audience = (typeof AUDIENCES)[number];
export type BriefingStatus = 'scheduled' | 'cancelled';
export type BookingStatus = 'booked' | 'waiting' | 'cancelled';
export type Material = { title: string; url: string };

export type Briefing = {
  id: number;
  code: string;
  title: string;
  audience: Audience;
  district: string | null;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  capacity: number;
  status: BriefingStatus;
  description: string;
  summary: string | null;
  keyPoints: string[];
  materials: Material[];
  booked: number;
  waiting: number;
};

export type Booking = {
  id: number;
  briefingId: number;
  urn: string;
  schoolName: string;
  attendeeName: string;
  attendeeEmail: string;
  attendeeEntraObjectId: string | null;
  bookedBy: string | null;
  status: BookingStatus;
  createdAt: string;
  /** 1 for the first person on the waiting list; null unless waiting. */
  waitingPosition: number | null;
};

type BriefingRow = {
  id: number; code: string; title: string; audience: Audience; district: string | null; starts_at: string; ends_at: string;
  venue: string | null; online_url: string | null; capacity: number; status: BriefingStatus; description: string;
  summary: string | null; key_points: string; materials: string; booked: number; waiting: number;
};

type BookingRow = {
  id: number; briefing_id: number; urn: string; school_name: string | null; attendee_name: string; attendee_email: string;
  attendee_entra_object_id: string | null; booked_by: string | null; status: BookingStatus; created_at: string; waiting_position: number | null;
};

const BRIEFING_SELECT = `
  SELECT b.*,
         (SELECT COUNT(*) FROM briefing_bookings k WHERE k.briefing_id = b.id AND k.status = 'booked') AS booked,
         (SELECT COUNT(*) FROM briefing_bookings k WHERE k.briefing_id = b.id AND k.status = 'waiting') AS waiting
    FROM briefings b`;

const BOOKING_SELECT = `
  SELECT k.*, s.name AS school_name,
         CASE WHEN k.status = 'waiting' THEN
           (SELECT COUNT(*) FROM briefing_bookings w
             WHERE w.briefing_id = k.briefing_id AND w.status = 'waiting' AND (w.created_at < k.created_at OR (w.created_at = k.created_at AND w.id <= k.id)))
         END AS waiting_position
    FROM briefing_bookings k LEFT JOIN schools s ON s.urn = k.urn`;

const toBriefing = (r: BriefingRow): Briefing => ({
  id: r.id,
  code: r.code,
  title: r.title,
  audience: r.audience,
  district: r.district,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  venue: r.venue,
  onlineUrl: r.online_url,
  capacity: r.capacity,
  status: r.status,
  description: r.description,
  summary: r.summary,
  keyPoints: JSON.parse(r.key_points) as string[],
  materials: JSON.parse(r.materials) as Material[],
  booked: r.booked,
  waiting: r.waiting,
});

const toBooking = (r: BookingRow): Booking => ({
  id: r.id,
  briefingId: r.briefing_id,
  urn: r.urn,
  schoolName: r.school_name ?? `URN ${r.urn}`,
  attendeeName: r.attendee_name,
  attendeeEmail: r.attendee_email,
  attendeeEntraObjectId: r.attendee_entra_object_id,
  bookedBy: r.booked_by,
  status: r.status,
  createdAt: r.created_at,
  waitingPosition: r.waiting_position,
});

export async function getBriefing(db: Database, id: number): Promise<Briefing | undefined> {
  const row = await db.get<BriefingRow>(`${BRIEFING_SELECT} WHERE b.id = ?`, [id]);
  return row && toBriefing(row);
}

/** Every briefing, soonest first; a term's programme is a few dozen rows, so callers filter in memory. */
export async function listBriefings(db: Database): Promise<Briefing[]> {
  const rows = await db.all<BriefingRow>(`${BRIEFING_SELECT} ORDER BY b.starts_at, b.id`);
  return rows.map(toBriefing);
}

export async function getBooking(db: Database, id: number): Promise<Booking | undefined> {
  const row = await db.get<BookingRow>(`${BOOKING_SELECT} WHERE k.id = ?`, [id]);
  return row && toBooking(row);
}

export async function liveBookingFor(db: Database, briefingId: number, attendeeEmail: string): Promise<Booking | undefined> {
  const row = await db.get<BookingRow>(`${BOOKING_SELECT} WHERE k.briefing_id = ? AND k.attendee_email = ? AND k.status IN ('booked', 'waiting')`, [
    briefingId,
    attendeeEmail.toLowerCase(),
  ]);
  return row && toBooking(row);
}

/** Live places a user holds or made for someone else, in briefing order. */
export async function liveBookingsOf(db: Database, entraObjectId: string): Promise<Booking[]> {
  const id = entraObjectId.toLowerCase();
  const rows = await db.all<BookingRow>(
    `${BOOKING_SELECT} JOIN briefings b ON b.id = k.briefing_id
      WHERE k.status IN ('booked', 'waiting') AND (k.attendee_entra_object_id = ? OR k.booked_by = ?)
      ORDER BY b.starts_at, k.id`,
    [id, id],
  );
  return rows.map(toBooking);
}

/** Booked places by school name, then the waiting list in its order. */
export async function liveBookingsOn(db: Database, briefingId: number): Promise<Booking[]> {
  const rows = await db.all<BookingRow>(
    `${BOOKING_SELECT} WHERE k.briefing_id = ? AND k.status IN ('booked', 'waiting')
      ORDER BY k.status = 'waiting', CASE WHEN k.status = 'booked' THEN s.name END, k.created_at, k.id`,
    [briefingId],
  );
  return rows.map(toBooking);
}

export async function firstWaiting(tx: Database, briefingId: number): Promise<Booking | undefined> {
  const row = await tx.get<BookingRow>(`${BOOKING_SELECT} WHERE k.briefing_id = ? AND k.status = 'waiting' ORDER BY k.created_at, k.id LIMIT 1`, [briefingId]);
  return row && toBooking(row);
}

export type NewBooking = {
  briefingId: number;
  urn: string;
  attendeeName: string;
  attendeeEmail: string;
  attendeeEntraObjectId: string | null;
  bookedBy: string | null;
  status: 'booked' | 'waiting';
};

export async function insertBooking(tx: Database, b: NewBooking, now: Date): Promise<number> {
  const result = await tx.run(
    `INSERT INTO briefing_bookings (briefing_id, urn, attendee_name, attendee_email, attendee_entra_object_id, booked_by, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [b.briefingId, b.urn, b.attendeeName, b.attendeeEmail.toLowerCase(), b.attendeeEntraObjectId?.toLowerCase() ?? null, b.bookedBy?.toLowerCase() ?? null, b.status, now.toISOString(), now.toISOString()],
  );
  return result.lastId;
}

export async function setBookingStatus(tx: Database, id: number, status: BookingStatus, now: Date): Promise<void> {
  await tx.run('UPDATE briefing_bookings SET status = ?, updated_at = ? WHERE id = ?', [status, now.toISOString(), id]);
}
