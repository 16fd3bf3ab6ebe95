import { CloudAdapter, ConversationReference } from 'botbuilder';
import { cardActivity } from '../../dialogs/cardActivity';
import { AdaptiveCardJson } from '../cards/cardRenderer';
import { Database } from '../db/database';
import { Logger } from '../logger';
import { conversationReferenceFor } from '../repos/conversationRefRepo';
import { dueMessages, markFailed, markSent, OutboxMessage } from './outbox';
import { runEvery } from '../backgroundJob';

/**
 * Turns a queued message into a card at send time (so it reflects the data then), or returns
 * undefined when it no longer applies (e.g. the feedback was given meanwhile) and is dropped.
 */
export type ProactiveRenderer = (message: OutboxMessage, db: Database) => Promise<AdaptiveCardJson | undefined>;

export type ProactiveDeps = { db: Database; adapter: CloudAdapter; botAppId: string; renderers: Record<string, ProactiveRenderer>; log: Logger };

/** Sends every due message once. Returns how many were sent. */
export async function sendDueMessages(deps: ProactiveDeps, now: Date = new Date()): Promise<number> {
  let sent = 0;
  for (const message of await dueMessages(deps.db, now)) {
    try {
      const renderer = deps.renderers[message.kind];
      if (!renderer) throw new Error(`no renderer for ${message.kind}`);
      const reference = await conversationReferenceFor(deps.db, message.entraObjectId);
      if (!reference) throw new Error('user has not opened a conversation with the bot yet');
      const card = await renderer(message, deps.db);
      if (card) {
        await deps.adapter.continueConversationAsync(deps.botAppId, reference as ConversationReference, async (context) => {
          await context.sendActivity(cardActivity(card));
        });
      }
      await markSent(deps.db, message.id, now);
      sent++;
    } catch (err) {
      deps.log.warn('proactive message not sent', { id: message.id, kind: message.kind, error: err instanceof Error ? err.message : String(err) });
      await markFailed(deps.db, message.id, err instanceof Error ? err.message : String(err), now);
    }
  }
  return sent;
}

/** Polls the outbox; one poll at a time, so a slow send never overlaps the next. */
export function startOutboxWorker(deps: ProactiveDeps, everyMs = 30_000): { stop(): Promise<void> } {
  return runEvery(everyMs, () => sendDueMessages(deps), (err) => deps.log.error('outbox poll failed', { error: String(err) }));
}
