import { z } from 'zod';
import { BookingOutcome, bookPlace, cancelBooking, CancelOutcome } from '../../src/briefings/bookingService';
import { Decision, mayBook, schoolForBooking } from '../../src/briefings/briefingAccess';
import { bookingCard } from '../../src/briefings/briefingCards';
import { briefingRenderers } from '../../src/briefings/briefingNotices';
import { getBriefing } from '../../src/briefings/briefingRepo';
import { colleagueFormCard } from '../../src/briefings/briefingReportCards';
import { AdaptiveCardJson } from '../../src/cards/cardRenderer';
import { messageCard } from '../../src/cards/conversationCards';
import { getSchools } from '../../src/repos/schoolRepo';
import { AppUser } from '../../src/repos/userRepo';
import { AnswerDeps } from '../answerDeps';
import { Feature, FeatureTurn, submission } from '../feature';
import { BriefingAnswers, briefingSuggestions } from './briefingAnswers';

const id = z.number().int().positive().max(2_147_483_647);

/** The Book button (for oneself) and the colleague form (forColleague, with the two inputs Teams merges in). */
const bookSubmission = z
  .object({
    verb: z.literal('briefingBook'),
    briefingId: id,
    forColleague: z.literal(true).optional(),
    colleagueName: z.string().trim().max(120, "the colleague's name is too long (120 characters at most)").optional(),
    colleagueEmail: z.string().trim().max(254).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.forColleague) return;
    if (!v.colleagueName) ctx.addIssue({ code: 'custom', path: ['colleagueName'], message: "Enter your colleague's name." });
    if (!z.string().email().safeParse(v.colleagueEmail ?? '').success) {
      ctx.addIssue({ code: 'custom', path: ['colleagueEmail'], message: "Enter your colleague's email address, e.g. name@school.example." });
    }
  });
const colleagueFormSubmission = z.object({ verb: z.literal('briefingColleagueForm'), briefingId: id });
const cancelSubmission = z.object({ verb: z.literal('briefingCancel'), bookingId: id });

/** What a colleague form held when it came back wrong, so the form can be sent back with it. */
const enteredSchema = z.object({
  briefingId: id,
  forColleague: z.literal(true),
  colleagueName: z.string().max(200).catch(''),
  colleagueEmail: z.string().max(300).catch(''),
});

const staleCard = (user: AppUser) =>
  messageCard("That button didn't work", ['The card was out of date or not one I sent, so nothing was booked or cancelled. Ask "what briefings are coming up?" for a fresh one.'], briefingSuggestions(user));

const cantBookCard = (user: AppUser, access: Decision) =>
  messageCard("I can't book that", [access.allowed ? 'You are not linked to a school, so I cannot book a place.' : access.reason], briefingSuggestions(user));

/**
 * Briefings: what is coming up, booking and cancelling places (with a waiting list), what was
 * covered, and attendance lists for LA staff. Every card submission is parsed here and every right
 * checked again on the server, because card data comes back from the client.
 */
export function createBriefingsFeature(deps: AnswerDeps, options: { now?: () => Date } = {}): Feature {
  const now = options.now ?? (() => new Date());
  const answers = new BriefingAnswers(deps, now);

  const book = async (turn: FeatureTurn, v: z.infer<typeof bookSubmission>) => {
    const colleague = v.forColleague && v.colleagueName && v.colleagueEmail ? { name: v.colleagueName, email: v.colleagueEmail } : undefined;
    await turn.send(bookedCard(await bookPlace(deps.db, turn.user, v.briefingId, colleague, now()), turn.user));
  };

  /** A colleague form that came back wrong is sent back with what was typed; anything else was not our card. */
  const invalidBooking = async (turn: FeatureTurn) => {
    const raw: unknown = turn.context.activity.value;
    const entered = enteredSchema.safeParse(raw);
    const briefing = entered.success ? await getBriefing(deps.db, entered.data.briefingId) : undefined;
    if (!entered.success || !briefing) return turn.send(staleCard(turn.user));
    const access = mayBook(turn.user, briefing, true);
    const school = schoolForBooking(await getSchools(deps.db, turn.user.schoolUrns), briefing);
    if (!access.allowed || !school) return turn.send(cantBookCard(turn.user, access));
    const parsed = bookSubmission.safeParse(raw);
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    await turn.send(colleagueFormCard(briefing, school, { name: entered.data.colleagueName, email: entered.data.colleagueEmail }, problems));
  };

  const colleagueForm = async (turn: FeatureTurn, v: z.infer<typeof colleagueFormSubmission>) => {
    const briefing = await getBriefing(deps.db, v.briefingId);
    if (!briefing) return turn.send(staleCard(turn.user));
    const access = mayBook(turn.user, briefing, true);
    const school = schoolForBooking(await getSchools(deps.db, turn.user.schoolUrns), briefing);
    if (!access.allowed || !school) return turn.send(cantBookCard(turn.user, access));
    await turn.send(colleagueFormCard(briefing, school, { name: '', email: '' }));
  };

  const cancel = async (turn: FeatureTurn, v: z.infer<typeof cancelSubmission>) => {
    await turn.send(cancelledCard(await cancelBooking(deps.db, turn.user, v.bookingId, now()), turn.user));
  };

  return {
    name: 'briefings',
    intents: ['briefings'],
    submissions: {
      briefingBook: submission({ schema: bookSubmission, handle: book, invalid: invalidBooking }),
      briefingColleagueForm: submission({ schema: colleagueFormSubmission, handle: colleagueForm, invalid: (turn) => turn.send(staleCard(turn.user)) }),
      briefingCancel: submission({ schema: cancelSubmission, handle: cancel, invalid: (turn) => turn.send(staleCard(turn.user)) }),
    },
    proactive: briefingRenderers(now),
    answer: async (turn, recognition) => turn.send(await answers.answer(turn.user, turn.context.activity.text ?? '', recognition)),
  };
}

function bookedCard(outcome: BookingOutcome, user: AppUser): AdaptiveCardJson {
  if (outcome.kind === 'refused') return messageCard("I can't book that", [outcome.reason], briefingSuggestions(user));
  const { booking, briefing } = outcome;
  const self = booking.attendeeEntraObjectId === user.entraObjectId;
  const [they, theyHave, theyAre] = self ? ['You', 'You have', 'you are'] : ['They', `${booking.attendeeName} has`, `${booking.attendeeName} is`];
  const leads = {
    booked: `${theyHave} a place. ${they} will be reminded the day before.`,
    waiting: `The briefing is full, so ${theyAre} number ${booking.waitingPosition} on the waiting list. If a place comes up it goes to the first person on the list, who is told straight away.`,
    already: `${theyHave} ${booking.status === 'booked' ? 'a place' : `number ${booking.waitingPosition} on the waiting list`} already. Nothing has changed.`,
  };
  const titles = { booked: 'Place booked', waiting: 'On the waiting list', already: 'Already booked' };
  return bookingCard({ title: titles[outcome.kind], lead: leads[outcome.kind], booking, briefing, canCancel: true, suggestions: briefingSuggestions(user) });
}

function cancelledCard(outcome: CancelOutcome, user: AppUser): AdaptiveCardJson {
  if (outcome.kind === 'refused') return messageCard("I can't cancel that", [outcome.reason], briefingSuggestions(user));
  const { booking, briefing, promoted, wasWaiting } = outcome;
  return bookingCard({
    title: wasWaiting ? 'Off the waiting list' : 'Place cancelled',
    lead: wasWaiting ? `${booking.attendeeName} is no longer on the waiting list.` : `${booking.attendeeName}'s place is cancelled.`,
    booking,
    briefing,
    notes: promoted.length ? ['The place has gone to the first person on the waiting list, who has been told.'] : [],
    canCancel: false,
    suggestions: briefingSuggestions(user),
  });
}
