import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Database } from '../../src/db/database';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { seedDemoBriefings } from '../../src/briefings/demoBriefings';
import { EntityExtractor } from '../../src/language/entityExtractor';
import { Recognizer } from '../../src/language/intents';
import { NlpRecognizer } from '../../src/language/nlpRecognizer';
import { SchoolNameIndex } from '../../src/language/schoolNameIndex';
import { createLogger } from '../../src/logger';
import { ProactiveDeps } from '../../src/proactive/proactiveSender';
import { listDistricts, listOpenSchools } from '../../src/repos/schoolRepo';
import { answerDeps } from '../support/conversation';
import { TEST_TODAY } from '../support/globalSetup';
import { ROOT, TMP_DIR } from '../support/paths';
import { hertsDb } from '../support/testDb';

export const NOW = TEST_TODAY;

/** The Herts test database with the demo briefings programme loaded (a no-op where the demo seed already did it). */
export async function briefingsDb(): Promise<Database> {
  const { db } = await hertsDb();
  await seedDemoBriefings(db, NOW);
  return db;
}

/**
 * The real nlp.js recognizer trained on training.json plus the briefings phrases proposed for it,
 * so the conversations use the issue's own wording (see proposedTrainingPhrases.json).
 */
export async function briefingRecognizer(db: Database): Promise<Recognizer> {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { intents: { intent: string; utterances: string[] }[] };
  const training = read(path.join(ROOT, 'data', 'language', 'training.json'));
  const proposed = JSON.parse(fs.readFileSync(path.join(__dirname, 'proposedTrainingPhrases.json'), 'utf8')) as { utterances: string[] };
  const corpus = {
    ...training,
    intents: training.intents.map((i) => (i.intent === 'briefings' ? { ...i, utterances: [...i.utterances, ...proposed.utterances] } : i)),
  };
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const file = path.join(TMP_DIR, `briefings-corpus-${randomUUID()}.json`);
  fs.writeFileSync(file, JSON.stringify(corpus));
  const extractor = new EntityExtractor(loadMeasureCatalog().measures, new SchoolNameIndex(await listOpenSchools(db)), await listDistricts(db));
  return NlpRecognizer.train(extractor, file);
}

export async function briefingDeps(db: Database): Promise<AnswerDeps> {
  return answerDeps(db, await briefingRecognizer(db));
}

export async function briefingId(db: Database, code: string): Promise<number> {
  const row = await db.get<{ id: number }>('SELECT id FROM briefings WHERE code = ?', [code]);
  if (!row) throw new Error(`no briefing ${code}`);
  return row.id;
}

export type Sent = { conversationId: string | undefined; activity: Partial<Activity> };

/**
 * The Bot Framework boundary for proactive messages: records what would be sent to Teams.
 * Everything behind it (outbox, renderers, conversation references) is the real code.
 */
export function recordingAdapter(): { adapter: CloudAdapter; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = {
    async continueConversationAsync(_appId: string, reference: { conversation?: { id?: string } }, logic: (context: TurnContext) => Promise<void>) {
      const context = {
        sendActivity: async (activity: Partial<Activity>) => {
          sent.push({ conversationId: reference.conversation?.id, activity });
          return { id: `sent-${sent.length}` };
        },
      };
      // Only sendActivity is used by the sender; the rest of TurnContext is not needed at this boundary.
      await logic(context as unknown as TurnContext);
    },
  };
  // A structural stand-in for CloudAdapter: the sender calls nothing but continueConversationAsync.
  return { adapter: fake as unknown as CloudAdapter, sent };
}

export function proactiveDeps(db: Database, adapter: CloudAdapter, renderers: ProactiveDeps['renderers']): ProactiveDeps {
  return { db, adapter, botAppId: '', renderers, log: createLogger('silent') };
}

/** The data of every Action.Submit anywhere on a card, including buttons inside the body. */
export function submitsOf(card: Record<string, unknown>): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Submit' && n.data && typeof n.data === 'object') found.push(n.data as Record<string, unknown>);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
}
