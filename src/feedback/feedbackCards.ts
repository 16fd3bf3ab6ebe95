import { AdaptiveCardJson, renderCard } from '../cards/cardRenderer';
import { COMMENT_LIMIT } from './analysers/analyser';
import { FeedbackDraft } from './feedbackService';
import { FeedbackSummary, ProportionLine, SummaryPeriod } from './feedbackSummary';
import { ReceivedService, SERVICE_KIND_LABELS, serviceLabel, SERVICE_KINDS } from './servicesReceived';
import { longDate } from '../dates';

declare module '../cards/cardModels' {
  interface CardModels {
    feedbackForm: {
      title: string;
      intro: string;
      problems: string[];
      services: { title: string; value: string }[];
      service: string;
      rating: string;
      helped: string;
      comment: string;
      mayContact: string;
      commentLimit: number;
      commentLimitText: string;
      privacy: string;
      cardInstanceId: string;
    };
    feedbackSummary: {
      title: string;
      scope: string;
      headline: string;
      targetLine: string;
      trend: { term: string; figure: string }[];
      sentimentLines: string[];
      themesLine: string;
      comments: { rating: string; kind: string; date: string; text: string }[];
      source: string;
      suggestions: string[];
    };
  }
}

export type FeedbackFormOptions = {
  title: string;
  intro: string;
  services: ReceivedService[];
  cardInstanceId: string;
  entered?: FeedbackDraft;
  problems?: string[];
};

const PRIVACY =
  'Your feedback goes to the LA school improvement team. LA officers and service managers see comments only with names, emails and phone numbers removed.';

/** The feedback form, filled with whatever was entered before, so a correction never loses an answer. */
export function feedbackFormCard(o: FeedbackFormOptions): AdaptiveCardJson {
  const multiSchool = new Set(o.services.map((s) => s.urn)).size > 1;
  const e = o.entered ?? {};
  return renderCard(
    'feedbackForm',
    {
      title: o.title,
      intro: o.intro,
      problems: o.problems ?? [],
      services: o.services.map((s) => ({ title: serviceLabel(s, multiSchool), value: s.ref })),
      service: e.service ?? o.services[0]?.ref ?? '',
      rating: e.rating ?? '',
      helped: e.helped ?? '',
      comment: e.comment ?? '',
      mayContact: e.mayContact ?? 'false',
      commentLimit: COMMENT_LIMIT,
      commentLimitText: COMMENT_LIMIT.toLocaleString('en-GB'),
      privacy: PRIVACY,
      cardInstanceId: o.cardInstanceId,
    },
    [o.title, ...(o.problems ?? []), o.intro].join(' '),
  );
}

const percent = (p: number) => `${Math.round(p * 100)}%`;
const figure = (l: ProportionLine) =>
  l.proportion === null ? 'no responses' : `${percent(l.proportion)} good or better (${l.goodOrBetter} of ${l.responses})`;

function periodLabel(period: SummaryPeriod): string {
  if (period.kind === 'term') return period.term.label;
  if (period.kind === 'academicYear') return `the ${period.year} academic year`;
  return 'all terms on record';
}

function kindsLabel(summary: FeedbackSummary): string {
  const kinds = summary.request.kinds;
  return kinds.length === SERVICE_KINDS.length ? 'all services' : kinds.map((k) => SERVICE_KIND_LABELS[k]).join(' and ');
}

function targetLine(s: FeedbackSummary): string {
  const target = `Target: ${percent(s.target)} rating the service good or better.`;
  if (s.headline.proportion === null) return `${target} No responses in this period, so no comparison.`;
  const gap = Math.round(s.headline.proportion * 100) - Math.round(s.target * 100);
  return `${target} ${gap >= 0 ? `Meets the target${gap > 0 ? ` by ${gap} percentage points` : ''}.` : `${-gap} percentage points below the target.`}`;
}

function sentimentLines(s: FeedbackSummary): string[] {
  const { positive, neutral, negative, mixed } = s.sentiment;
  const lines = [
    s.analysed
      ? `Sentiment of ${s.analysed} analysed comments: ${positive} positive, ${neutral} neutral, ${negative} negative, ${mixed} mixed.`
      : 'No analysed comments yet.',
  ];
  if (s.pending) lines.push(`${s.pending} response${s.pending === 1 ? ' is' : 's are'} still waiting for text analysis: counted in the ratings, not yet in sentiment, themes or comments.`);
  if (s.failed) lines.push(`${s.failed} comment${s.failed === 1 ? '' : 's'} could not be analysed: counted in the ratings only.`);
  return lines;
}

export function feedbackSummaryCard(s: FeedbackSummary, o: { scope: string; asAt: string; provenance: string; suggestions: string[] }): AdaptiveCardJson {
  const title = `Feedback on ${kindsLabel(s)}: ${periodLabel(s.request.period)}`;
  const headline =
    s.headline.proportion === null ? 'No responses in this period' : `${percent(s.headline.proportion)} rated it good or better (${s.headline.goodOrBetter} of ${s.headline.responses} responses)`;
  const range = s.firstServiceDate && s.lastServiceDate ? ` Services from ${longDate(s.firstServiceDate)} to ${longDate(s.lastServiceDate)}.` : '';
  return renderCard(
    'feedbackSummary',
    {
      title,
      scope: o.scope,
      headline,
      targetLine: targetLine(s),
      trend: s.trend.map((t) => ({ term: t.term, figure: figure(t) })),
      sentimentLines: sentimentLines(s),
      themesLine: s.themes.length ? `Main themes: ${s.themes.map((t) => `${t.phrase} (${t.count})`).join(', ')}.` : 'No themes yet.',
      comments: s.recentComments.map((c) => ({ rating: c.rating, kind: c.kind, date: longDate(c.serviceDate), text: c.text })),
      source: `Source: feedback schools gave through Critical Friend, grouped by the term of the service; as at ${longDate(o.asAt)}.${range} ${o.provenance}`,
      suggestions: o.suggestions,
    },
    `${title}. ${headline}. ${targetLine(s)}`,
  );
}
