import { z } from 'zod';
import { Database } from '../db/database';
import { cancelPending, enqueue } from '../proactive/outbox';

export const PROMPT_KIND = 'feedback_prompt';
export const REMINDER_KIND = 'feedback_reminder';
/** One reminder, this long after the prompt, and only if no feedback has come. */
export const REMINDER_AFTER_DAYS = 7;

const DAY_MS = 24 * 60 * 60_000;

export const promptKey = (serviceRef: string, entraObjectId: string) => `${PROMPT_KIND}:${serviceRef}:${entraObjectId.toLowerCase()}`;
export const reminderKey = (serviceRef: string, entraObjectId: string) => `${REMINDER_KIND}:${serviceRef}:${entraObjectId.toLowerCase()}`;

/** What the payload of a queued prompt or reminder holds. */
export const promptPayload = z.object({ serviceRef: z.string(), urn: z.string() });

export const completedVisit = z.object({
  urn: z.string().regex(/^\d{6}$/, 'urn must be a six-digit URN'),
  visitDate: z.string().date('visitDate must be a date (YYYY-MM-DD)'),
  adviserName: z.string().trim().min(1).max(200).optional(),
  focus: z.string().trim().min(1, 'focus is required').max(500),
  notes: z.string().trim().max(4000).default(''),
});
export type CompletedVisit = z.input<typeof completedVisit>;

export type RecordedVisit = { serviceRef: string; prompted: string[] };

/**
 * Records a completed adviser visit and, in the same transaction, queues a feedback prompt to each of
 * the school's headteachers and the one reminder. Recording the same visit again queues nothing new.
 */
export async function recordAdviserVisit(db: Database, input: CompletedVisit, now: Date): Promise<RecordedVisit> {
  const visit = completedVisit.parse(input);
  if (visit.visitDate > now.toISOString().slice(0, 10)) throw new Error(`visitDate ${visit.visitDate} is in the future: only a completed visit can be recorded`);
  return db.transaction(async (tx) => {
    const school = await tx.get<{ adviser_name: string | null }>(
      'SELECT a.adviser_name FROM schools s LEFT JOIN adviser_assignments a ON a.urn = s.urn WHERE s.urn = ?',
      [visit.urn],
    );
    if (!school) throw new Error(`no school with URN ${visit.urn}`);
    const adviserName = visit.adviserName ?? school.adviser_name;
    if (!adviserName) throw new Error(`no adviser is assigned to ${visit.urn}: give the adviser's name`);
    await tx.run(
      `INSERT INTO adviser_visits (urn, visit_date, adviser_name, status, focus, notes) VALUES (?, ?, ?, 'completed', ?, ?)
       ON CONFLICT (urn, visit_date) DO UPDATE SET adviser_name = excluded.adviser_name, status = 'completed', focus = excluded.focus, notes = excluded.notes`,
      [visit.urn, visit.visitDate, adviserName, visit.focus, visit.notes],
    );
    const serviceRef = `visit:${visit.urn}:${visit.visitDate}`;
    const heads = await tx.all<{ entra_object_id: string }>(
      `SELECT u.entra_object_id FROM users u JOIN user_schools us ON us.entra_object_id = u.entra_object_id
        WHERE us.urn = ? AND u.role = 'headteacher' AND u.active = 1 ORDER BY u.entra_object_id`,
      [visit.urn],
    );
    const payload = { serviceRef, urn: visit.urn };
    for (const { entra_object_id: head } of heads) {
      await enqueue(tx, { kind: PROMPT_KIND, dedupeKey: promptKey(serviceRef, head), entraObjectId: head, dueAt: now, payload });
      const remindAt = new Date(now.getTime() + REMINDER_AFTER_DAYS * DAY_MS);
      await enqueue(tx, { kind: REMINDER_KIND, dedupeKey: reminderKey(serviceRef, head), entraObjectId: head, dueAt: remindAt, payload });
    }
    return { serviceRef, prompted: heads.map((h) => h.entra_object_id) };
  });
}

/** Feedback given: the prompt and reminder for it, if still queued, are no longer needed. */
export async function cancelPrompts(tx: Database, serviceRef: string, entraObjectId: string): Promise<void> {
  await cancelPending(tx, promptKey(serviceRef, entraObjectId));
  await cancelPending(tx, reminderKey(serviceRef, entraObjectId));
}
