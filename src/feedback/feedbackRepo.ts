import { randomInt } from 'node:crypto';
import { Database } from '../db/database';
import { ServiceKind } from './servicesReceived';

export const RATINGS = [5, 4, 3, 2, 1] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { 5: 'Excellent', 4: 'Good', 3: 'Satisfactory', 2: 'Poor', 1: 'Very poor' };
export const HELPED = ['yes', 'partly', 'no', 'not_yet'] as const;
export type Helped = (typeof HELPED)[number];
export type Sentiment = 'positive' | 'neutral' | 'negative' | 'mixed';

export type NewFeedback = {
  urn: string;
  serviceRef: string;
  serviceKind: ServiceKind;
  serviceDate: string;
  rating: Rating;
  helped: Helped | null;
  comment: string;
  mayContact: boolean;
  submittedBy: string;
  submitterRole: string;
  submittedAt: Date;
  cardInstanceId: string;
  activityKey: string | null;
};

export type StoredFeedback = { id: number; reference: string; submittedBy: string };

// No 0/O or 1/I, so a reference read out over the phone is not misheard.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** FB-7K3M-9Q2T: short enough to quote, random so it says nothing about volumes. */
export function newReference(): string {
  const chars = Array.from({ length: 8 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]);
  return `FB-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Inserts inside the caller's transaction; returns undefined when the idempotency keys already exist. */
export async function insertFeedback(tx: Database, f: NewFeedback): Promise<StoredFeedback | undefined> {
  const reference = newReference();
  const result = await tx.run(
    `INSERT INTO feedback (reference, urn, service_ref, service_kind, service_date, rating, helped, comment, may_contact,
                           submitted_by, submitter_role, submitted_at, card_instance_id, activity_key, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
    [
      reference, f.urn, f.serviceRef, f.serviceKind, f.serviceDate, f.rating, f.helped, f.comment, f.mayContact ? 1 : 0,
      f.submittedBy.toLowerCase(), f.submitterRole, f.submittedAt.toISOString(), f.cardInstanceId, f.activityKey, f.submittedAt.toISOString(),
    ],
  );
  return result.changes === 1 ? { id: result.lastId, reference, submittedBy: f.submittedBy.toLowerCase() } : undefined;
}

/** A submission already stored for this card instance or this activity (a double click or a retried delivery). */
export async function findByIdempotencyKeys(db: Database, cardInstanceId: string, activityKey: string | null): Promise<StoredFeedback | undefined> {
  const row = await db.get<{ id: number; reference: string; submitted_by: string }>(
    'SELECT id, reference, submitted_by FROM feedback WHERE card_instance_id = ? OR (activity_key IS NOT NULL AND activity_key = ?) LIMIT 1',
    [cardInstanceId, activityKey],
  );
  return row && { id: row.id, reference: row.reference, submittedBy: row.submitted_by };
}

export async function findByUserAndService(db: Database, entraObjectId: string, serviceRef: string): Promise<StoredFeedback | undefined> {
  const row = await db.get<{ id: number; reference: string; submitted_by: string }>(
    'SELECT id, reference, submitted_by FROM feedback WHERE submitted_by = ? AND service_ref = ?',
    [entraObjectId.toLowerCase(), serviceRef],
  );
  return row && { id: row.id, reference: row.reference, submittedBy: row.submitted_by };
}

/** Service references this person has already given feedback on. */
export async function ratedServiceRefs(db: Database, entraObjectId: string): Promise<Set<string>> {
  const rows = await db.all<{ service_ref: string }>('SELECT service_ref FROM feedback WHERE submitted_by = ?', [entraObjectId.toLowerCase()]);
  return new Set(rows.map((r) => r.service_ref));
}

/** One feedback row as the summary reads it. */
export type FeedbackRecord = {
  urn: string;
  serviceKind: ServiceKind;
  serviceDate: string;
  rating: Rating;
  submittedAt: string;
  analysisStatus: 'pending' | 'done' | 'failed';
  sentiment: Sentiment | null;
  keyPhrases: string[];
  redactedComment: string | null;
};

/** Feedback on these kinds of service, newest first; `urns` limits it to those schools. */
export async function feedbackRecords(db: Database, filter: { kinds: ServiceKind[]; urns?: string[] }): Promise<FeedbackRecord[]> {
  if (!filter.kinds.length || filter.urns?.length === 0) return [];
  const params: string[] = [...filter.kinds];
  let where = `service_kind IN (${filter.kinds.map(() => '?').join(',')})`;
  if (filter.urns) {
    where += ` AND urn IN (${filter.urns.map(() => '?').join(',')})`;
    params.push(...filter.urns);
  }
  const rows = await db.all<{
    urn: string; service_kind: ServiceKind; service_date: string; rating: Rating; submitted_at: string;
    analysis_status: FeedbackRecord['analysisStatus']; sentiment: Sentiment | null; key_phrases: string | null; redacted_comment: string | null;
  }>(
    `SELECT urn, service_kind, service_date, rating, submitted_at, analysis_status, sentiment, key_phrases, redacted_comment
       FROM feedback WHERE ${where} ORDER BY submitted_at DESC, id DESC`,
    params,
  );
  return rows.map((r) => ({
    urn: r.urn,
    serviceKind: r.service_kind,
    serviceDate: r.service_date,
    rating: r.rating,
    submittedAt: r.submitted_at,
    analysisStatus: r.analysis_status,
    sentiment: r.sentiment,
    keyPhrases: r.key_phrases ? (JSON.parse(r.key_phrases) as string[]) : [],
    redactedComment: r.redacted_comment,
  }));
}
