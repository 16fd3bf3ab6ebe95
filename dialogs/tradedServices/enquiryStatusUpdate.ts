import { messageCard } from '../../src/cards/conversationCards';
import { enquiryStatusCard, STATUS_LABELS } from '../../src/cards/tradedAccountCards';
import { enqueue } from '../../src/proactive/outbox';
import { changeStatus, enquiryByReference, EnquiryStatus } from '../../src/traded/enquiryRepo';
import { teamsManagedBy } from '../../src/traded/serviceTeams';
import { FeatureTurn } from '../feature';
import { enquiryViews } from './accountAnswers';
import { TradedContext } from './tradedContext';

export const STATUS_CHANGED = 'traded_enquiry_status_changed';

/**
 * A service manager moves an enquiry on (in progress, confirmed…). Only managers of the team it
 * was routed to may; the school's requester is told through the outbox in the same transaction.
 */
export async function updateEnquiryStatus(ctx: TradedContext, turn: FeatureTurn, reference: string, status: EnquiryStatus): Promise<void> {
  const { user } = turn;
  const enquiry = await enquiryByReference(ctx.deps.db, reference);
  const teams = user.role === 'service_manager' ? await teamsManagedBy(ctx.deps.db, user.entraObjectId) : [];
  if (!enquiry || !teams.includes(enquiry.teamId)) {
    return turn.send(messageCard('You can’t update that enquiry', ['Only the managers of the team an enquiry was sent to can change its status.']));
  }
  const changed = await ctx.deps.db.transaction(async (tx) => {
    const current = await enquiryByReference(tx, reference);
    if (!current || current.status === status) return false;
    const historyId = await changeStatus(tx, current.id, { status, changedAt: ctx.now().toISOString(), changedBy: user.displayName, note: '' });
    await enqueue(tx, {
      kind: STATUS_CHANGED,
      dedupeKey: `${STATUS_CHANGED}:${current.reference}:${historyId}`,
      entraObjectId: current.requestedBy,
      dueAt: ctx.now(),
      payload: { reference: current.reference },
    });
    return true;
  });
  const latest = await enquiryByReference(ctx.deps.db, reference);
  if (!latest) throw new Error(`updateEnquiryStatus: ${reference} vanished`);
  const title = changed ? `${latest.reference} is now ${STATUS_LABELS[status].toLowerCase()}` : `${latest.reference} was already ${STATUS_LABELS[status].toLowerCase()}`;
  const intro = changed ? `${latest.requestedByName} will be told in Teams.` : 'Nothing changed.';
  await turn.send(enquiryStatusCard(ctx.catalogue, title, intro, await enquiryViews(ctx.deps.db, [latest])));
}
