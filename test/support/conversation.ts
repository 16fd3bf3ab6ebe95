import { Activity, ActivityTypes, ConversationState, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Feature } from '../../dialogs/feature';
import { CriticalFriendBot } from '../../src/bot/criticalFriendBot';
import { SqliteStorage } from '../../src/bot/sqliteStorage';
import { Database } from '../../src/db/database';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { EntityExtractor } from '../../src/language/entityExtractor';
import { Recognizer } from '../../src/language/intents';
import { NlpRecognizer } from '../../src/language/nlpRecognizer';
import { SchoolNameIndex } from '../../src/language/schoolNameIndex';
import { listDistricts, listOpenSchools } from '../../src/repos/schoolRepo';
import { loadBandingConfig } from '../../src/services/banding';
import { hertsDb } from './testDb';

export const DEMO = {
  helen: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a01',
  daniel: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a02',
  rachel: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a03',
  priya: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a04',
  margaret: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a05',
  tom: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a06',
  grace: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a07',
  stranger: '0b9e7c1a-1111-4222-8333-444455556666',
} as const;

export async function realRecognizer(db: Database): Promise<Recognizer> {
  const catalog = loadMeasureCatalog();
  return NlpRecognizer.train(new EntityExtractor(catalog.measures, new SchoolNameIndex(await listOpenSchools(db)), await listDistricts(db)));
}

export async function answerDeps(db: Database, recognizer?: Recognizer): Promise<AnswerDeps> {
  return {
    db,
    catalog: loadMeasureCatalog(),
    banding: loadBandingConfig(),
    recognizer: recognizer ?? (await realRecognizer(db)),
    serviceName: 'Hertfordshire school improvement',
    supportContact: 'the school improvement team (test@example.org)',
    laRecordProvenance: 'Fictional demo data: not a real LA record.',
  };
}

/** A Teams personal chat with the bot, as the user with this Entra object id, with the given features registered. */
export function chatAs(
  deps: AnswerDeps,
  aadObjectId: string,
  conversationId = `conv-${aadObjectId}-${Math.random()}`,
  features: Feature[] = [],
): TestAdapter {
  const bot = new CriticalFriendBot(deps, new ConversationState(new SqliteStorage(deps.db)), features);
  return new TestAdapter(async (context) => bot.run(context), {
    channelId: 'msteams',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `29:${aadObjectId}`, name: 'Display Name From Teams', aadObjectId },
    recipient: { id: '28:critical-friend', name: 'Critical Friend' },
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
  });
}

const READABLE = new Set(['text', 'title', 'value', 'altText', 'placeholder', 'label', 'fallbackText']);

/** Everything a person would read on a reply: its text and the visible strings of its card, in order. */
export function readReply(activity: Partial<Activity>): string {
  const strings: string[] = activity.text ? [activity.text] : [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string' && key && READABLE.has(key)) strings.push(node);
    else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'data') walk(v, k);
  };
  for (const a of activity.attachments ?? []) walk(a.content);
  return strings.join(' | ');
}

export function cardOf(activity: Partial<Activity>): Record<string, unknown> {
  const content = activity.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!content) throw new Error(`expected a card, got: ${activity.text}`);
  return content;
}

/** The data of each Action.Submit on a card, i.e. what clicking each button would send. */
export function buttonsOf(activity: Partial<Activity>): { title: string; data: Record<string, unknown> }[] {
  return ((cardOf(activity).actions as { title: string; data: Record<string, unknown> }[] | undefined) ?? []).map((a) => ({ title: a.title, data: a.data }));
}

export const conversationUpdate = (aadObjectId: string): Partial<Activity> => ({
  type: ActivityTypes.ConversationUpdate,
  membersAdded: [{ id: `29:${aadObjectId}`, name: 'Someone', aadObjectId }],
});

/** A private copy of the Herts database and real answer deps for one test file, closed after its tests. */
export function useHertsBot(): { readonly db: Database; readonly deps: AnswerDeps } {
  const opened = {} as { db: Database; deps: AnswerDeps };
  beforeAll(async () => {
    opened.db = (await hertsDb()).db;
    opened.deps = await answerDeps(opened.db);
  });
  afterAll(() => opened.db.close());
  return opened;
}
