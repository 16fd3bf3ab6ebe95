import { Sentiment } from '../feedbackRepo';

/** One comment to analyse; `id` ties the result back to its feedback row. */
export type AnalysisInput = { id: string; text: string };

/** Where personal data was found, as UTF-16 offsets into the text (what JavaScript strings index by). */
export type PiiSpan = { offset: number; length: number; category: 'name' | 'email' | 'phone' | 'other' };

export type DocumentAnalysis =
  | { id: string; ok: true; sentiment: Sentiment; keyPhrases: string[]; pii: PiiSpan[] }
  /** A problem with this one document; `retryable` says whether trying again later could help. */
  | { id: string; ok: false; error: string; retryable: boolean };

/**
 * The service could not analyse the batch at all (down, slow, throttling). The comments stay pending
 * and are tried again later; `retryAfterMs` is the service's own hint, when it gave one.
 */
export class AnalysisUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AnalysisUnavailable';
  }
}

/** Sentiment, key phrases and personal data in free-text feedback: Azure AI Language or the local analyser. */
export interface FeedbackAnalyser {
  readonly name: string;
  /** One result per input, in input order. Throws AnalysisUnavailable when the whole batch failed. */
  analyse(documents: AnalysisInput[]): Promise<DocumentAnalysis[]>;
}

/** Feedback comments are at most this long, well under Azure's 5,120 characters per document. */
export const COMMENT_LIMIT = 1000;
