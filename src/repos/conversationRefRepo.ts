import { ConversationReference } from 'botbuilder';
import { Database } from '../db/database';

/** Remembers where to reach a user, so proactive messages survive restarts. */
export async function saveConversationReference(db: Database, entraObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
  await db.run(
    `INSERT INTO conversation_references (entra_object_id, reference, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (entra_object_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
    [entraObjectId.toLowerCase(), JSON.stringify(reference), new Date().toISOString()],
  );
}

export async function conversationReferenceFor(db: Database, entraObjectId: string): Promise<Partial<ConversationReference> | undefined> {
  const row = await db.get<{ reference: string }>('SELECT reference FROM conversation_references WHERE entra_object_id = ?', [entraObjectId.toLowerCase()]);
  return row ? (JSON.parse(row.reference) as Partial<ConversationReference>) : undefined;
}
