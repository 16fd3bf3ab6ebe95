import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AdaptiveCardJson } from '../../src/cards/cardRenderer';
import { messageCard, suggestionsFor } from '../../src/cards/conversationCards';
import { Database } from '../../src/db/database';
import { FeedbackAnalyser } from '../../src/feedback/analysers/analyser';
import { analysePending } from '../../src/feedback/analysisWorker';
import { feedbackFormCard, feedbackSummaryCard } from '../../src/feedback/feedbackCards';
import { PROMPT_KIND, promptPayload, REMINDER_KIND } from '../../src/feedback/feedbackPrompts';
import { findByUserAndService, ratedServiceRefs } from '../../src/feedback/feedbackRepo';
import { FeedbackDraft, submitFeedback, SubmitOutcome } from '../../src/feedback/feedbackService';
import { DEFAULT_TARGET, feedbackSummary, summaryRequestFrom } from '../../src/feedback/feedbackSummary';
import { ReceivedService, servicesReceivedBy, ServiceKind } from '../../src/feedback/servicesReceived';
import { longDate } from '../../src/dates';
import { OutboxMessage } from '../../src/proactive/outbox';
import { getSchools } from '../../src/repos/schoolRepo';
import { AppUser, findUser } from '../../src/repos/userRepo';
import { isSchoolRole } from '../../src/services/accessPolicy';
import { AnswerDeps } from '../answerDeps';
import { Feature, FeatureTurn, submission } from '../feature';

export const FEEDBACK_SUBMIT = 'feedbackSubmit';

/** The shape of what the feedback card sends back; the answers' own rules are in feedbackService. */
const feedbackCardValue = z.object({
  verb: z.literal(FEEDBACK_SUBMIT),
  cardInstanceId: z.string().uuid(),
  service: z.string().max(40).optional(),
  rating: z.string().max(10).optional(),
  helped: z.string().max(20).optional(),
  comment: z.string().max(20_000).optional(),
  mayContact: z.string().max(10).optional(),
});
type FeedbackCardValue = z.infer<typeof feedbackCardValue>;

/** Whatever can safely be put back on a card from a payload that failed its shape check. */
const salvage = (raw: unknown): FeedbackDraft => {
  const value = (raw ?? {}) as Record<string, unknown>;
  const text = (key: string, max: number) => (typeof value[key] === 'string' ? (value[key] as string).slice(0, max) : undefined);
  return { service: text('service', 40), rating: text('rating', 10), helped: text('helped', 20), comment: text('comment', 20_000), mayContact: text('mayContact', 10) };
};

const SUMMARY_WORDS =
  /\b(summary|summaries|summari[sz]e|results?|rated|ratings|report|proportion|good or better|satisfaction|trend|themes?)\b|what do schools (think|say)/i;
const GIVING_WORDS = /\b(give|giving|leave|send|rate|submit|complain|complaint|review)\b/i;
const SUMMARY_SUGGESTIONS = ['Feedback summary for adviser visits this term', 'How are governor services rated?', 'Feedback summary for CPD courses this year'];

/** Which kind of service a request names, to preselect it ("rate last week's adviser visit"). */
function namedKind(text: string): ServiceKind | undefined {
  if (/\b(advis[eo]r|visit)\b/i.test(text)) return 'adviser_visit';
  if (/\b(governors?|clerk(ing)?)\b/i.test(text)) return 'governor_services';
  if (/\b(cpd|course|training)\b/i.test(text)) return 'cpd';
  return undefined;
}

type Options = { analyser: FeedbackAnalyser; now?: () => Date; target?: number };

/** Giving feedback on a service the school received, and the feedback summary for LA officers and service managers. */
export function createFeedbackFeature(deps: AnswerDeps, options: Options): Feature {
  const now = options.now ?? (() => new Date());
  const target = options.target ?? DEFAULT_TARGET;
  const today = () => now().toISOString().slice(0, 10);

  /** Services this person's schools received that they have not yet given feedback on, most recent first. */
  async function unrated(db: Database, user: AppUser): Promise<ReceivedService[]> {
    const [rated, received] = await Promise.all([ratedServiceRefs(db, user.entraObjectId), servicesReceivedBy(db, user.schoolUrns, today())]);
    return received.filter((s) => !rated.has(s.ref));
  }

  async function offerForm(turn: FeatureTurn, text: string): Promise<void> {
    const services = await unrated(deps.db, turn.user);
    if (!services.length) {
      await turn.send(messageCard('Nothing to give feedback on just now', [
        'I can’t find a service your school has received that you have not already given feedback on.',
        `If you want to tell us about something else, contact ${deps.supportContact}.`,
      ], suggestionsFor(turn.user)));
      return;
    }
    const kind = namedKind(text);
    const preselected = services.find((s) => s.kind === kind) ?? services[0];
    await turn.send(feedbackFormCard({
      title: 'Give feedback on a service',
      intro: 'Choose the service, rate it, and add a comment if you like. It takes a minute, and it helps the LA improve what schools receive.',
      services,
      cardInstanceId: randomUUID(),
      entered: { service: preselected.ref },
    }));
  }

  async function summarise(turn: FeatureTurn, text: string): Promise<void> {
    const ownSchoolsOnly = isSchoolRole(turn.user.role);
    const [schools, summary] = await Promise.all([
      ownSchoolsOnly ? getSchools(deps.db, turn.user.schoolUrns) : [],
      feedbackSummary(deps.db, summaryRequestFrom(text, today()), { target, urns: ownSchoolsOnly ? turn.user.schoolUrns : undefined }),
    ]);
    const scope = ownSchoolsOnly ? `Your school's feedback only: ${schools.map((s) => s.name).join(', ')}.` : 'All schools.';
    await turn.send(feedbackSummaryCard(summary, { scope, asAt: today(), provenance: deps.laRecordProvenance, suggestions: SUMMARY_SUGGESTIONS }));
  }

  async function answer(turn: FeatureTurn): Promise<void> {
    const text = turn.context.activity.text ?? '';
    if (isSchoolRole(turn.user.role)) {
      return SUMMARY_WORDS.test(text) && !GIVING_WORDS.test(text) ? summarise(turn, text) : offerForm(turn, text);
    }
    if (GIVING_WORDS.test(text) && !SUMMARY_WORDS.test(text)) {
      await turn.send(messageCard('Feedback comes from schools', [
        'Headteachers and governors give feedback here on the services their school received, and are asked after each adviser visit.',
        'You can see what they said: ask for a feedback summary.',
      ], SUMMARY_SUGGESTIONS));
      return;
    }
    return summarise(turn, text);
  }

  async function acknowledge(turn: FeatureTurn, outcome: Extract<SubmitOutcome, { kind: 'stored' | 'duplicate' }>): Promise<void> {
    const first = outcome.kind === 'stored' ? 'Thank you: your feedback is saved.' : 'Thank you: we already have this feedback, saved once.';
    await turn.send(messageCard('Feedback received', [
      first,
      `Your reference is **${outcome.reference}**. Quote it if you contact ${deps.supportContact} about it.`,
      'Every rating counts towards the proportion of schools rating our services good or better.',
    ], suggestionsFor(turn.user)));
  }

  async function handleSubmit(turn: FeatureTurn, value: FeedbackCardValue): Promise<void> {
    if (!isSchoolRole(turn.user.role)) {
      await turn.send(messageCard('Feedback comes from schools', ['Only headteachers and governors give feedback on services their school received.'], SUMMARY_SUGGESTIONS));
      return;
    }
    const { verb: _verb, cardInstanceId, ...draft } = value;
    const activity = turn.context.activity;
    const activityKey = activity.id ? `${activity.conversation?.id ?? ''}|${activity.id}` : null;
    const outcome = await submitFeedback(deps.db, turn.user, draft, { cardInstanceId, activityKey }, now());
    if (outcome.kind === 'rejected') {
      await turn.send(feedbackFormCard({
        title: 'Give feedback on a service',
        intro: 'Nothing has been saved yet. Please check the answer above and send again.',
        services: await unrated(deps.db, turn.user),
        cardInstanceId: outcome.forged ? randomUUID() : cardInstanceId,
        entered: draft,
        problems: outcome.problems,
      }));
      return;
    }
    await acknowledge(turn, outcome);
    // Analysed straight after the thank-you so the summary is current; the analysis worker retries whatever this misses.
    if (outcome.kind === 'stored') void analysePending({ db: deps.db, analyser: options.analyser }, now(), [outcome.id]).catch(() => undefined);
  }

  async function invalidSubmit(turn: FeatureTurn): Promise<void> {
    const raw = turn.context.activity.value as { cardInstanceId?: unknown } | undefined;
    const instance = z.string().uuid().safeParse(raw?.cardInstanceId);
    await turn.send(feedbackFormCard({
      title: 'Give feedback on a service',
      intro: 'Nothing has been saved yet.',
      services: isSchoolRole(turn.user.role) ? await unrated(deps.db, turn.user) : [],
      cardInstanceId: instance.success ? instance.data : randomUUID(),
      entered: salvage(raw),
      problems: ['I could not read that card: it may be out of date or have been changed. Please check your answers and send again.'],
    }));
  }

  /** A prompt or reminder, or nothing when it no longer applies (feedback given, or no longer at that school). */
  const promptRenderer = (reminder: boolean) => async (message: OutboxMessage, db: Database): Promise<AdaptiveCardJson | undefined> => {
    const payload = promptPayload.safeParse(message.payload);
    const user = payload.success ? await findUser(db, message.entraObjectId) : undefined;
    if (!payload.success || !user || !user.schoolUrns.includes(payload.data.urn)) return undefined;
    if (await findByUserAndService(db, user.entraObjectId, payload.data.serviceRef)) return undefined;
    const services = await unrated(db, user);
    const service = services.find((s) => s.ref === payload.data.serviceRef);
    if (!service) return undefined;
    const what = `the ${service.title.toLowerCase()} at ${service.schoolName} on ${longDate(service.date)}`;
    return feedbackFormCard({
      title: reminder ? 'A reminder: how was the adviser visit?' : 'How was the adviser visit?',
      intro: reminder
        ? `We would still value your view of ${what}. This is the only reminder.`
        : `Please tell us how ${what} went. It takes a minute, and it helps the LA improve what schools receive.`,
      services,
      cardInstanceId: randomUUID(),
      entered: { service: service.ref },
    });
  };

  return {
    name: 'feedback',
    intents: ['feedback'],
    submissions: {
      [FEEDBACK_SUBMIT]: submission({ schema: feedbackCardValue, handle: handleSubmit, invalid: (turn) => invalidSubmit(turn) }),
    },
    proactive: { [PROMPT_KIND]: promptRenderer(false), [REMINDER_KIND]: promptRenderer(true) },
    answer: (turn) => answer(turn),
  };
}
