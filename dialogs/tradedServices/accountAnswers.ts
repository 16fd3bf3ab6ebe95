import { messageCard } from '../../src/cards/conversationCards';
import { enquiryListCard, enquiryStatusCard, EnquiryView, SchoolSubscriptions, STATUS_LABELS, subscriptionsCard } from '../../src/cards/tradedAccountCards';
import { Database } from '../../src/db/database';
import { Recognition } from '../../src/language/intents';
import { getSchool, getSchools, School } from '../../src/repos/schoolRepo';
import { AppUser } from '../../src/repos/userRepo';
import { canView, isLaRole, isSchoolRole } from '../../src/services/accessPolicy';
import { namedServices, searchCatalogue } from '../../src/traded/catalogueSearch';
import { Enquiry, enquiriesForSchools, enquiriesForTeams, enquiryByReference, statusHistory } from '../../src/traded/enquiryRepo';
import { teamsManagedBy } from '../../src/traded/serviceTeams';
import { currentSubscriptions } from '../../src/traded/subscriptionRepo';
import { allowedKinds } from '../../src/traded/enquiryRequest';
import { FeatureTurn } from '../feature';
import { namedSchools, todayIn, TradedContext } from './tradedContext';
import { periodIn, REFERENCE } from './tradedRoute';

const RESTRICTED = 'Subscriptions and enquiries are restricted to the school’s own headteacher and governors and to LA staff.';

/**
 * The schools whose restricted traded records this user asked about: the named ones if they may
 * see them all, otherwise their own. Undefined (after saying why) when there is nothing to show.
 */
async function restrictedSchools(ctx: TradedContext, turn: FeatureTurn, recognition: Recognition, example: string): Promise<School[] | undefined> {
  const { user } = turn;
  const named = await namedSchools(ctx, recognition);
  const refused = named.some((s) => !canView(user, s.urn, 'restricted').allowed) || (!named.length && !isSchoolRole(user.role) && !isLaRole(user.role));
  if (refused) {
    await turn.send(messageCard('I can’t show you that', [RESTRICTED]));
    return undefined;
  }
  if (named.length) return named;
  const own = await getSchools(ctx.deps.db, user.schoolUrns);
  if (!own.length) await turn.send(messageCard('Which school?', [`Name the school, for example "${example}".`]));
  return own.length ? own : undefined;
}

/** "What do we subscribe to?", "when does our HR contract end?" */
export async function answerSubscriptions(ctx: TradedContext, turn: FeatureTurn, recognition: Recognition, text: string): Promise<void> {
  const schools = await restrictedSchools(ctx, turn, recognition, 'what does Ashlyns School subscribe to?');
  if (!schools) return;
  const today = todayIn(ctx);
  const asked = namedServices(searchCatalogue(ctx.catalogue, text));
  const askedIds = new Set(asked.map((s) => s.id));
  const views: SchoolSubscriptions[] = [];
  let filterNote = '';
  for (const school of schools) {
    const all = await currentSubscriptions(ctx.deps.db, school.urn, today);
    const matching = all.filter((s) => askedIds.has(s.serviceId));
    if (asked.length && !matching.length) filterNote = `${school.name} has no current subscription to ${asked[0].name}. Here is everything it subscribes to.`;
    views.push({ name: `${school.name} (URN ${school.urn})`, subscriptions: asked.length && matching.length ? matching : all });
  }
  await turn.send(
    subscriptionsCard(ctx.catalogue, {
      title: `Traded services subscriptions: ${schools.map((s) => s.name).join(' and ')}`,
      filterNote,
      schools: views,
      canEnquire: allowedKinds(turn.user.role).length > 0,
      today,
      source: [...new Set(views.flatMap((v) => v.subscriptions.map((s) => s.source)))].join('; ') || 'the LA traded services record',
    }),
  );
}

/** May this user see this enquiry? Its school's people and LA staff, and the managers of the team it went to. */
async function maySee(ctx: TradedContext, user: AppUser, enquiry: Enquiry): Promise<boolean> {
  if (canView(user, enquiry.urn, 'restricted').allowed) return true;
  return user.role === 'service_manager' && (await teamsManagedBy(ctx.deps.db, user.entraObjectId)).includes(enquiry.teamId);
}

export async function enquiryViews(db: Database, enquiries: Enquiry[]): Promise<EnquiryView[]> {
  const views: EnquiryView[] = [];
  for (const enquiry of enquiries) {
    const school = await getSchool(db, enquiry.urn);
    views.push({ enquiry, schoolName: school?.name ?? `URN ${enquiry.urn}`, history: await statusHistory(db, enquiry.id) });
  }
  return views;
}

/** "Status of TS-2026-00004", "have we heard back about our enquiry?" */
export async function answerStatus(ctx: TradedContext, turn: FeatureTurn, recognition: Recognition, text: string): Promise<void> {
  const reference = REFERENCE.exec(text)?.[0];
  if (reference) {
    const enquiry = await enquiryByReference(ctx.deps.db, reference);
    // The same answer whether it does not exist or is not theirs, so references cannot be probed.
    if (!enquiry || !(await maySee(ctx, turn.user, enquiry))) {
      return turn.send(messageCard('Enquiry not found', [`I could not find an enquiry ${reference.toUpperCase()} that you can see. Check the reference on your receipt.`]));
    }
    const title = `${enquiry.reference}: ${STATUS_LABELS[enquiry.status].toLowerCase()}`;
    return turn.send(enquiryStatusCard(ctx.catalogue, title, 'Where your enquiry has got to, with its history.', await enquiryViews(ctx.deps.db, [enquiry])));
  }
  const schools = await restrictedSchools(ctx, turn, recognition, 'status of enquiries for Ashlyns School');
  if (!schools) return;
  const enquiries = await enquiriesForSchools(ctx.deps.db, schools.map((s) => s.urn));
  const names = schools.map((s) => s.name).join(' and ');
  if (!enquiries.length) return turn.send(messageCard('No enquiries or orders', [`I have no traded services enquiries or orders on record for ${names}.`]));
  await turn.send(enquiryStatusCard(ctx.catalogue, `Enquiries and orders: ${names}`, 'Newest first, with where each has got to.', await enquiryViews(ctx.deps.db, enquiries)));
}

/** A service manager's "enquiries for governor services this month": only the teams they manage. */
export async function answerManagerEnquiries(ctx: TradedContext, turn: FeatureTurn, text: string): Promise<void> {
  const teamIds = await teamsManagedBy(ctx.deps.db, turn.user.entraObjectId);
  if (!teamIds.length) {
    return turn.send(messageCard('No teams to show', ['You are not set up as the manager of any traded services team yet. Ask the traded services lead to add you.']));
  }
  const managed = ctx.catalogue.services.filter((s) => teamIds.includes(s.team));
  const askedCategories = searchCatalogue(ctx.catalogue, text).categories.map((c) => c.id);
  const inScope = askedCategories.length ? managed.filter((s) => askedCategories.includes(s.category)) : managed;
  const teamNames = teamIds.map((id) => ctx.catalogue.team(id)?.name ?? id).join(' and ');
  if (!inScope.length) {
    const otherTeams = [...new Set(ctx.catalogue.services.filter((s) => askedCategories.includes(s.category)).map((s) => s.team))];
    const where = otherTeams.map((id) => ctx.catalogue.team(id)).map((t) => (t ? `${t.name} (${t.email})` : '')).join(' and ');
    return turn.send(messageCard('Not one of your teams', [`You manage ${teamNames}. Enquiries about that go to ${where}.`]));
  }
  const period = periodIn(text, ctx.now());
  const enquiries = await enquiriesForTeams(ctx.deps.db, { teamIds, serviceIds: askedCategories.length ? inScope.map((s) => s.id) : undefined, period });
  const scope = askedCategories.map((c) => ctx.catalogue.category(c)?.label ?? c).join(' and ') || teamNames;
  const title = `Enquiries and orders: ${scope}${period ? `, ${period.label}` : ', still open'}`;
  const summary = enquiries.length ? `${enquiries.length} ${enquiries.length === 1 ? 'enquiry' : 'enquiries'}, newest first.` : 'None.';
  await turn.send(enquiryListCard(ctx.catalogue, title, summary, await enquiryViews(ctx.deps.db, enquiries), `Routed to ${teamNames}. Restricted to the service's team.`));
}
