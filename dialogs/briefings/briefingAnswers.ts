import { AdaptiveCardJson } from '../../src/cards/cardRenderer';
import { messageCard } from '../../src/cards/conversationCards';
import { maySeeAttendance, maySeeSummary, mayBook } from '../../src/briefings/briefingAccess';
import { briefingListCard, myBookingsCard } from '../../src/briefings/briefingCards';
import { askOf, BriefingFilter, filterOf, lastHeld, matchesFilter, nextMatching, upcomingFor } from '../../src/briefings/briefingFinder';
import { Booking, Briefing, listBriefings, liveBookingsOf, liveBookingsOn } from '../../src/briefings/briefingRepo';
import { attendanceCard, summaryCard } from '../../src/briefings/briefingReportCards';
import { londonParts } from '../../src/briefings/briefingTime';
import { Recognition } from '../../src/language/intents';
import { getSchools, listOpenSchools, listSchoolsInDistrict, School } from '../../src/repos/schoolRepo';
import { AppUser } from '../../src/repos/userRepo';
import { isLaRole } from '../../src/services/accessPolicy';
import { AnswerDeps } from '../answerDeps';

/** How many briefings one list card shows; the rest are counted, and a district or month narrows them. */
const LIST_LIMIT = 8;
const STATE_FUNDED = ['Maintained school', 'Academy', 'Special school'];

export function briefingSuggestions(user: AppUser): string[] {
  return isLaRole(user.role)
    ? ['What briefings are coming up?', 'Who is coming to the Watford briefing?']
    : ['What briefings are coming up?', 'What have I booked?'];
}

/** Answers to typed briefings questions; each returns the cards to send. */
export class BriefingAnswers {
  constructor(
    private readonly deps: AnswerDeps,
    private readonly now: () => Date,
  ) {}

  async answer(user: AppUser, text: string, recognition: Recognition): Promise<AdaptiveCardJson> {
    const filter = filterOf(text, recognition.entities.district, this.now());
    switch (askOf(text)) {
      case 'attendance':
        return this.attendance(user, filter);
      case 'covered':
        return this.covered(user, filter);
      case 'cancel':
        return this.myBookings(user, filter, true);
      case 'mine':
        return this.myBookings(user, filter, false);
      case 'book':
        return this.upcoming(user, filter, true);
      default:
        return this.upcoming(user, filter, false);
    }
  }

  private async upcoming(user: AppUser, filter: BriefingFilter, booking: boolean): Promise<AdaptiveCardJson> {
    const now = this.now();
    // Read together rather than one after another: under load each read waits its turn on the event loop.
    const [schools, briefings, booked] = await Promise.all([
      getSchools(this.deps.db, user.schoolUrns),
      listBriefings(this.deps.db),
      liveBookingsOf(this.deps.db, user.entraObjectId),
    ]);
    const districts = [...new Set(schools.map((s) => s.district).filter((d): d is string => d !== null))];
    const found = upcomingFor(user, districts, briefings, filter, now);
    const title = `Upcoming briefings${describeFilter(filter)}`;
    if (!found.length) {
      return messageCard(title, ['I found no briefings still to come that match. Try another district or month, or ask "what briefings are coming up?".'], briefingSuggestions(user));
    }
    const mine = new Map(booked.map((b) => [b.briefingId, b] as const));
    const entries = found.slice(0, LIST_LIMIT).map((b) => ({
      briefing: b,
      mine: mine.get(b.id),
      canBook: mayBook(user, b, false).allowed,
      canBookColleague: mayBook(user, b, true).allowed,
    }));
    const intro = [
      booking ? 'Press **Book a place** on the briefing you want; a full briefing offers its waiting list.' : '',
      districts.length && !filter.district ? `Briefings in ${districts.join(' and ')} and county-wide ones come first.` : '',
    ].filter(Boolean).join(' ');
    const more = found.length > LIST_LIMIT ? `${found.length - LIST_LIMIT} more: name a district or a month to narrow the list, e.g. "briefings in Stevenage in February".` : '';
    return briefingListCard({ title, intro, entries, more, source: this.source(now), suggestions: briefingSuggestions(user) }, now);
  }

  private source(now: Date): string {
    const { date, time } = londonParts(now);
    return `Places as at ${date} ${time} (UK time), from the LA's briefing bookings. ${this.deps.laRecordProvenance}`;
  }

  /** "What have I booked?" and "cancel my booking": the user's places still to come, each with a Cancel button. */
  private async myBookings(user: AppUser, filter: BriefingFilter, cancelling: boolean): Promise<AdaptiveCardJson> {
    const now = this.now();
    const [listed, booked] = await Promise.all([listBriefings(this.deps.db), liveBookingsOf(this.deps.db, user.entraObjectId)]);
    const briefings = new Map(listed.map((b) => [b.id, b] as const));
    const entries = booked
      .map((booking) => ({ booking, briefing: briefings.get(booking.briefingId) as Briefing }))
      .filter(({ briefing }) => briefing.startsAt > now);
    if (!entries.length) {
      return messageCard(cancelling ? 'Nothing to cancel' : 'No bookings', ['You have no places booked on briefings still to come.'], briefingSuggestions(user));
    }
    const narrowed = entries.filter(({ briefing }) => matchesFilter(briefing, filter));
    const shown = narrowed.length ? narrowed : entries;
    if (cancelling) {
      const title = shown.length === 1 ? 'Cancel this place?' : 'Which place do you want to cancel?';
      return myBookingsCard(shown, title, 'Press **Cancel this place** to confirm. A freed place goes to the first person on the waiting list.', briefingSuggestions(user));
    }
    return myBookingsCard(shown, 'Your briefing bookings', describeCounts(shown.map((e) => e.booking)), briefingSuggestions(user));
  }

  private async covered(user: AppUser, filter: BriefingFilter): Promise<AdaptiveCardJson> {
    const briefing = lastHeld(user, await listBriefings(this.deps.db), filter, this.now());
    if (!briefing) {
      return messageCard('No past briefing found', [`I found no briefing${describeFilter(filter)} that has already taken place.`], briefingSuggestions(user));
    }
    const access = maySeeSummary(user, briefing);
    if (!access.allowed) return messageCard('Those notes are not for your role', [access.reason], briefingSuggestions(user));
    return summaryCard(briefing, this.deps.laRecordProvenance, briefingSuggestions(user));
  }

  private async attendance(user: AppUser, filter: BriefingFilter): Promise<AdaptiveCardJson> {
    if (!maySeeAttendance(user)) {
      return messageCard('Attendance lists are for LA staff', ['Who has booked a briefing is kept within the LA. You can see your own places with "what have I booked?".'], briefingSuggestions(user));
    }
    const now = this.now();
    const briefing = nextMatching(await listBriefings(this.deps.db), filter, now);
    if (!briefing) {
      return messageCard('No briefing found', [`I found no briefing still to come${describeFilter(filter)}. Name a district, e.g. "who is coming to the Watford briefing?".`], briefingSuggestions(user));
    }
    const bookings = await liveBookingsOn(this.deps.db, briefing.id);
    const engaged = new Set(bookings.map((b) => b.urn));
    const schools: School[] = briefing.district ? await listSchoolsInDistrict(this.deps.db, briefing.district) : await listOpenSchools(this.deps.db);
    const notBooked = schools.filter((s) => STATE_FUNDED.includes(s.typeGroup) && !engaged.has(s.urn));
    return attendanceCard({ briefing, bookings, notBooked, now, provenance: this.deps.laRecordProvenance, suggestions: briefingSuggestions(user) });
  }
}

export function describeFilter(f: BriefingFilter): string {
  const audience = f.audience === 'governors' ? ' for governors' : f.audience === 'headteachers' ? ' for headteachers' : '';
  return `${audience}${f.district ? ` in ${f.district}` : ''}${f.month ? ` in ${f.month.label}` : ''}`;
}

function describeCounts(bookings: Booking[]): string {
  const booked = bookings.filter((b) => b.status === 'booked').length;
  const waiting = bookings.length - booked;
  return `${booked} place(s) booked${waiting ? ` and ${waiting} on a waiting list` : ''}, including places you booked for colleagues.`;
}
