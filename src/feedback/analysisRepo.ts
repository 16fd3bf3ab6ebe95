import { Database } from '../db/database';
import { Sentiment } from './feedbackRepo';

export type ClaimedComment = { id: number; comment: string; attempts: number };

/**
 * Takes up to `limit` comments due for analysis and leases them until `leaseUntil`, counting the
 * attempt now: if the process dies mid-analysis the lease runs out and another poll picks them up.
 */
export async function claimDueComments(db: Database, now: Date, leaseUntil: Date, limit: number, ids?: number[]): Promise<ClaimedComment[]> {
  return db.transaction(async (tx) => {
    const onlyIds = ids ? ` AND id IN (${ids.map(() => '?').join(',') || 'NULL'})` : '';
    const rows = await tx.all<{ id: number; comment: string; analysis_attempts: number }>(
      `SELECT id, comment, analysis_attempts FROM feedback
        WHERE analysis_status = 'pending' AND next_attempt_at <= ?${onlyIds}
        ORDER BY next_attempt_at, id LIMIT ?`,
      [now.toISOString(), ...(ids ?? []), limit],
    );
    for (const r of rows) {
      await tx.run('UPDATE feedback SET analysis_attempts = analysis_attempts + 1, next_attempt_at = ? WHERE id = ?', [leaseUntil.toISOString(), r.id]);
    }
    return rows.map((r) => ({ id: r.id, comment: r.comment, attempts: r.analysis_attempts + 1 }));
  });
}

export type AnalysisUpdate =
  | { id: number; status: 'done'; analysedBy: string; sentiment: Sentiment | null; keyPhrases: string[]; redactedComment: string }
  | { id: number; status: 'retry'; error: string; nextAttemptAt: Date }
  | { id: number; status: 'failed'; error: string };

export async function saveAnalysis(db: Database, updates: AnalysisUpdate[], now: Date): Promise<void> {
  if (!updates.length) return;
  await db.transaction(async (tx) => {
    for (const u of updates) {
      if (u.status === 'done') {
        await tx.run(
          `UPDATE feedback SET analysis_status = 'done', analysed_by = ?, analysed_at = ?, sentiment = ?, key_phrases = ?, redacted_comment = ?, analysis_error = NULL
            WHERE id = ?`,
          [u.analysedBy, now.toISOString(), u.sentiment, JSON.stringify(u.keyPhrases), u.redactedComment, u.id],
        );
      } else if (u.status === 'retry') {
        await tx.run(`UPDATE feedback SET next_attempt_at = ?, analysis_error = ? WHERE id = ?`, [u.nextAttemptAt.toISOString(), u.error.slice(0, 500), u.id]);
      } else {
        await tx.run(`UPDATE feedback SET analysis_status = 'failed', analysis_error = ? WHERE id = ?`, [u.error.slice(0, 500), u.id]);
      }
    }
  });
}

/** The people the bot knows by name (users and advisers), whose names are redacted from comments. */
export async function knownPeopleNames(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    `SELECT display_name AS name FROM users
     UNION SELECT adviser_name FROM adviser_assignments
     UNION SELECT adviser_name FROM adviser_visits`,
  );
  return rows.map((r) => r.name);
}
