import { Database } from '../db/database';
import { feedbackRecords, FeedbackRecord, RATING_LABELS, Sentiment } from './feedbackRepo';
import { SERVICE_KINDS, SERVICE_KIND_NAMES, ServiceKind } from './servicesReceived';
import { parseTerm, previousTerm, Term, termOf } from './terms';

/** The headline measure: excellent or good. */
const GOOD_OR_BETTER = 4;
/** One county's three-year target for the proportion rating a service good or better. */
export const DEFAULT_TARGET = 0.7;
const TREND_TERMS = 6;
const THEMES = 6;
const RECENT_COMMENTS = 5;

export type SummaryPeriod = { kind: 'term'; term: Term } | { kind: 'academicYear'; year: string } | { kind: 'all' };
export type SummaryRequest = { kinds: ServiceKind[]; period: SummaryPeriod };

const academicYear = (today: string) => termOf(today).academicYear;
const yearBefore = (year: string) => {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
};

function periodFrom(text: string, today: string): SummaryPeriod {
  const named = parseTerm(text);
  if (named) return { kind: 'term', term: named };
  if (/\bthis term\b/i.test(text)) return { kind: 'term', term: termOf(today) };
  if (/\b(last|previous) term\b/i.test(text)) return { kind: 'term', term: previousTerm(termOf(today)) };
  const year = /\b(20\d\d)\/(\d\d)\b/.exec(text);
  if (year) return { kind: 'academicYear', year: year[0] };
  if (/\bthis (academic |school )?year\b/i.test(text)) return { kind: 'academicYear', year: academicYear(today) };
  if (/\blast (academic |school )?year\b/i.test(text)) return { kind: 'academicYear', year: yearBefore(academicYear(today)) };
  return { kind: 'all' };
}

function kindsFrom(text: string): ServiceKind[] {
  const kinds: ServiceKind[] = [];
  if (/\b(advis[eo]r|visits?)\b/i.test(text)) kinds.push('adviser_visit');
  if (/\b(governors?|governance|clerk(ing)?)\b/i.test(text)) kinds.push('governor_services');
  // "governor training" is a governor service; training on its own is a CPD course.
  else if (/\b(cpd|courses?|training)\b/i.test(text)) kinds.push('cpd');
  return kinds.length ? kinds : [...SERVICE_KINDS];
}

/** Which services and which period a question such as "feedback summary for adviser visits this term" asks about. */
export function summaryRequestFrom(text: string, today: string): SummaryRequest {
  return { kinds: kindsFrom(text), period: periodFrom(text, today) };
}

export type ProportionLine = { responses: number; goodOrBetter: number; proportion: number | null };
export type FeedbackSummary = {
  request: SummaryRequest;
  headline: ProportionLine;
  target: number;
  trend: ({ term: string } & ProportionLine)[];
  sentiment: Record<Sentiment, number>;
  analysed: number;
  pending: number;
  failed: number;
  themes: { phrase: string; count: number }[];
  recentComments: { rating: string; kind: string; serviceDate: string; text: string }[];
  firstServiceDate: string | null;
  lastServiceDate: string | null;
};

function proportion(records: FeedbackRecord[]): ProportionLine {
  const goodOrBetter = records.filter((r) => r.rating >= GOOD_OR_BETTER).length;
  return { responses: records.length, goodOrBetter, proportion: records.length ? goodOrBetter / records.length : null };
}

const inPeriod = (period: SummaryPeriod) => (r: FeedbackRecord) => {
  if (period.kind === 'all') return true;
  const t = termOf(r.serviceDate);
  return period.kind === 'term' ? t.key === period.term.key : t.academicYear === period.year;
};

function trendOf(records: FeedbackRecord[]): FeedbackSummary['trend'] {
  const byTerm = new Map<string, { term: Term; records: FeedbackRecord[] }>();
  for (const r of records) {
    const t = termOf(r.serviceDate);
    const entry = byTerm.get(t.key) ?? { term: t, records: [] };
    entry.records.push(r);
    byTerm.set(t.key, entry);
  }
  return [...byTerm.values()]
    .sort((a, b) => a.term.key.localeCompare(b.term.key))
    .slice(-TREND_TERMS)
    .map((e) => ({ term: e.term.label, ...proportion(e.records) }));
}

function themesOf(records: FeedbackRecord[]): FeedbackSummary['themes'] {
  const counts = new Map<string, number>();
  for (const r of records) for (const p of new Set(r.keyPhrases.map((k) => k.toLowerCase()))) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, THEMES)
    .map(([phrase, count]) => ({ phrase, count }));
}

/**
 * Ratings, trend, sentiment, themes and recent comments. `urns` limits it to those schools (a
 * headteacher's or governor's own); without it every school's feedback counts. Only redacted
 * comments are shown: one still waiting for analysis is counted but not quoted.
 */
export async function feedbackSummary(db: Database, request: SummaryRequest, options: { target: number; urns?: string[] }): Promise<FeedbackSummary> {
  const all = await feedbackRecords(db, { kinds: request.kinds, urns: options.urns });
  const records = all.filter(inPeriod(request.period));
  const done = records.filter((r) => r.analysisStatus === 'done');
  const sentiment: Record<Sentiment, number> = { positive: 0, neutral: 0, negative: 0, mixed: 0 };
  for (const r of done) if (r.sentiment) sentiment[r.sentiment]++;
  const dates = records.map((r) => r.serviceDate).sort();
  return {
    request,
    headline: proportion(records),
    target: options.target,
    trend: trendOf(all),
    sentiment,
    analysed: done.filter((r) => r.sentiment).length,
    pending: records.filter((r) => r.analysisStatus === 'pending').length,
    failed: records.filter((r) => r.analysisStatus === 'failed').length,
    themes: themesOf(done),
    recentComments: done
      .filter((r) => r.redactedComment)
      .slice(0, RECENT_COMMENTS)
      .map((r) => ({ rating: RATING_LABELS[r.rating], kind: SERVICE_KIND_NAMES[r.serviceKind], serviceDate: r.serviceDate, text: r.redactedComment ?? '' })),
    firstServiceDate: dates[0] ?? null,
    lastServiceDate: dates[dates.length - 1] ?? null,
  };
}
