import { z } from 'zod';
import { Database } from '../db/database';
import { AppUser } from '../repos/userRepo';
import { COMMENT_LIMIT } from './analysers/analyser';
import { findByIdempotencyKeys, findByUserAndService, HELPED, insertFeedback, Rating } from './feedbackRepo';
import { cancelPrompts } from './feedbackPrompts';
import { findReceivedService, ReceivedService, SERVICE_REF } from './servicesReceived';
import { longDate } from '../dates';

/** What the feedback card sends back, as strings from its inputs (already shape-checked at the edge). */
export type FeedbackDraft = { service?: string; rating?: string; helped?: string; comment?: string; mayContact?: string };

/** The rules for an answer, each with the message a person sees when their answer breaks it. */
const feedbackAnswers = z.object({
  service: z
    .string({ required_error: 'Choose which service your feedback is about.' })
    .min(1, 'Choose which service your feedback is about.')
    .regex(SERVICE_REF, 'I don’t recognise that service. Please choose one from the list.'),
  rating: z
    .enum(['5', '4', '3', '2', '1'], { errorMap: () => ({ message: 'Please choose an overall rating, from excellent to very poor.' }) })
    .transform((r) => Number(r) as Rating),
  helped: z
    .enum(['', ...HELPED], { errorMap: () => ({ message: 'For "did it help your school improve?", choose yes, partly, no or not yet.' }) })
    .default('')
    .transform((h) => (h === '' ? null : h)),
  comment: z
    .string()
    .default('')
    .transform((c) => c.trim())
    .refine(
      (c) => c.length <= COMMENT_LIMIT,
      (c) => ({ message: `Your comment is ${c.length.toLocaleString('en-GB')} characters; the limit is ${COMMENT_LIMIT.toLocaleString('en-GB')}. Please shorten it and send again.` }),
    ),
  mayContact: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'Tick or untick "you may contact me".' }) })
    .default('false')
    .transform((m) => m === 'true'),
});

export type SubmitOutcome =
  | { kind: 'stored'; id: number; reference: string; service: ReceivedService }
  /** The same card instance or the same activity was stored before: the same reference again. */
  | { kind: 'duplicate'; reference: string }
  /** `forged` when the card cannot have come from this bot for this person. */
  | { kind: 'rejected'; problems: string[]; forged: boolean };

export type IdempotencyKeys = { cardInstanceId: string; activityKey: string | null };

const rejected = (problem: string, forged = false): SubmitOutcome => ({ kind: 'rejected', problems: [problem], forged });

async function alreadyStored(db: Database, user: AppUser, keys: IdempotencyKeys): Promise<SubmitOutcome | undefined> {
  const existing = await findByIdempotencyKeys(db, keys.cardInstanceId, keys.activityKey);
  if (!existing) return undefined;
  if (existing.submittedBy === user.entraObjectId.toLowerCase()) return { kind: 'duplicate', reference: existing.reference };
  return rejected('This card could not be accepted: it does not belong to you. Please use this fresh card.', true);
}

/** The service the card names, if it exists and this person's school received it. */
async function receivedByUser(db: Database, user: AppUser, ref: string, today: string): Promise<ReceivedService | string> {
  const service = await findReceivedService(db, ref, today);
  if (!service) return 'I can’t find that service. Please choose one from the list.';
  if (!user.schoolUrns.includes(service.urn)) return 'That service was not delivered to your school, so you can’t give feedback on it. Please choose one from the list.';
  return service;
}

/**
 * Checks and stores one submission. Stored means committed: the caller may say thank you only after
 * this returns 'stored' or 'duplicate'. The idempotency keys are checked again inside the
 * transaction, so two deliveries of one submission racing each other store it once.
 */
export async function submitFeedback(db: Database, user: AppUser, draft: FeedbackDraft, keys: IdempotencyKeys, now: Date): Promise<SubmitOutcome> {
  const earlier = await alreadyStored(db, user, keys);
  if (earlier) return earlier;
  const parsed = feedbackAnswers.safeParse(draft);
  if (!parsed.success) return { kind: 'rejected', problems: [...new Set(parsed.error.issues.map((i) => i.message))], forged: false };
  const answers = parsed.data;
  const today = now.toISOString().slice(0, 10);
  const service = await receivedByUser(db, user, answers.service, today);
  if (typeof service === 'string') return rejected(service);
  return db.transaction(async (tx) => {
    const raced = await alreadyStored(tx, user, keys);
    if (raced) return raced;
    const rated = await findByUserAndService(tx, user.entraObjectId, service.ref);
    if (rated) return rejected(`You already gave feedback on “${service.title}” on ${longDate(service.date)} (reference ${rated.reference}).`);
    const stored = await insertFeedback(tx, {
      urn: service.urn,
      serviceRef: service.ref,
      serviceKind: service.kind,
      serviceDate: service.date,
      rating: answers.rating,
      helped: answers.helped,
      comment: answers.comment,
      mayContact: answers.mayContact,
      submittedBy: user.entraObjectId,
      submitterRole: user.role,
      submittedAt: now,
      cardInstanceId: keys.cardInstanceId,
      activityKey: keys.activityKey,
    });
    if (!stored) throw new Error('feedback insert conflicted after its keys were checked in the same transaction');
    await cancelPrompts(tx, service.ref, user.entraObjectId);
    return { kind: 'stored', id: stored.id, reference: stored.reference, service };
  });
}
