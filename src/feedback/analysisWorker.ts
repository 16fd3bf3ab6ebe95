import { Database } from '../db/database';
import { Logger } from '../logger';
import { AnalysisUnavailable, DocumentAnalysis, FeedbackAnalyser } from './analysers/analyser';
import { knownNameSpans, phrasesWithoutPii, redact } from './analysers/redaction';
import { AnalysisUpdate, claimDueComments, ClaimedComment, knownPeopleNames, saveAnalysis } from './analysisRepo';
import { runEvery } from '../backgroundJob';

export type AnalysisDeps = { db: Database; analyser: FeedbackAnalyser; log?: Logger };
export type AnalysisRun = { claimed: number; analysed: number; retrying: number; failed: number };

/** After this many tries a comment is marked failed; it still counts in the ratings, just without sentiment or themes. */
export const MAX_ANALYSIS_ATTEMPTS = 8;
/** How long a claimed comment is held before another poll may take it (a crash mid-analysis). */
const LEASE_MS = 10 * 60_000;
const BATCH = 20;

/** 30 s, 1 min, 2 min … capped at an hour. */
export const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

function retryOrFail(c: ClaimedComment, error: string, now: Date, retryAfterMs = 0): AnalysisUpdate {
  if (c.attempts >= MAX_ANALYSIS_ATTEMPTS) return { id: c.id, status: 'failed', error };
  return { id: c.id, status: 'retry', error, nextAttemptAt: new Date(now.getTime() + Math.max(backoffMs(c.attempts), retryAfterMs)) };
}

function finished(c: ClaimedComment, result: DocumentAnalysis | undefined, analysedBy: string, names: string[], now: Date): AnalysisUpdate {
  if (!result) return retryOrFail(c, 'no result for this comment', now);
  if (!result.ok) return result.retryable ? retryOrFail(c, result.error, now) : { id: c.id, status: 'failed', error: result.error };
  const spans = [...result.pii, ...knownNameSpans(c.comment, names)];
  return {
    id: c.id,
    status: 'done',
    analysedBy,
    sentiment: result.sentiment,
    keyPhrases: phrasesWithoutPii(result.keyPhrases, c.comment, spans),
    redactedComment: redact(c.comment, spans),
  };
}

/**
 * Analyses comments that are due: stored feedback is never touched except for its analysis columns,
 * and a service that is down or throttling only moves the comments' next attempt later.
 */
export async function analysePending(deps: AnalysisDeps, now: Date = new Date(), only?: number[]): Promise<AnalysisRun> {
  const claimed = await claimDueComments(deps.db, now, new Date(now.getTime() + LEASE_MS), BATCH, only);
  const empty = claimed.filter((c) => !c.comment.trim());
  const toAnalyse = claimed.filter((c) => c.comment.trim());
  const updates: AnalysisUpdate[] = empty.map((c) => ({ id: c.id, status: 'done', analysedBy: 'none', sentiment: null, keyPhrases: [], redactedComment: '' }));
  if (toAnalyse.length) {
    try {
      const results = await deps.analyser.analyse(toAnalyse.map((c) => ({ id: String(c.id), text: c.comment })));
      const byId = new Map(results.map((r) => [r.id, r]));
      const names = await knownPeopleNames(deps.db);
      updates.push(...toAnalyse.map((c) => finished(c, byId.get(String(c.id)), deps.analyser.name, names, now)));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (!(err instanceof AnalysisUnavailable)) deps.log?.error('feedback analysis failed unexpectedly', { error: message });
      else deps.log?.warn('feedback analysis unavailable; will retry', { error: message, comments: toAnalyse.length });
      const retryAfter = err instanceof AnalysisUnavailable ? err.retryAfterMs : undefined;
      updates.push(...toAnalyse.map((c) => retryOrFail(c, message, now, retryAfter)));
    }
  }
  await saveAnalysis(deps.db, updates, now);
  return {
    claimed: claimed.length,
    analysed: updates.filter((u) => u.status === 'done').length,
    retrying: updates.filter((u) => u.status === 'retry').length,
    failed: updates.filter((u) => u.status === 'failed').length,
  };
}

/** Polls for due comments; one poll at a time, each draining what is due in batches. */
export function startAnalysisWorker(deps: AnalysisDeps, everyMs = 15_000, now: () => Date = () => new Date()): { stop(): Promise<void> } {
  const drain = async () => {
    // A full batch that made progress means more may be due; a batch that only failed waits for the next poll.
    let run = await analysePending(deps, now());
    while (run.claimed === BATCH && run.analysed > 0) run = await analysePending(deps, now());
  };
  return runEvery(everyMs, drain, (err) => deps.log?.error('feedback analysis poll failed', { error: String(err) }));
}
