import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Activity, TestAdapter } from 'botbuilder';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Feature } from '../../dialogs/feature';
import { createFeedbackFeature } from '../../dialogs/feedback/feedbackFeature';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { FeedbackAnalyser } from '../../src/feedback/analysers/analyser';
import { LocalAnalyser } from '../../src/feedback/analysers/localAnalyser';
import { seedDemoFeedback } from '../../src/feedback/demoFeedbackSeed';
import { EntityExtractor } from '../../src/language/entityExtractor';
import { Recognizer } from '../../src/language/intents';
import { NlpRecognizer } from '../../src/language/nlpRecognizer';
import { SchoolNameIndex } from '../../src/language/schoolNameIndex';
import { listDistricts, listOpenSchools } from '../../src/repos/schoolRepo';
import { answerDeps, cardOf, chatAs } from '../support/conversation';
import { TEST_TODAY } from '../support/globalSetup';
import { ROOT, TMP_DIR } from '../support/paths';
import { hertsDb } from '../support/testDb';

export const NOW = TEST_TODAY;
export const LEAVESDEN = '117324';
export const ASHLYNS = '117578';
export const GADE_VALLEY = '117249';

/** The Herts test database, migrated to this branch, with the demo feedback layer (services received, other schools' feedback). */
export async function feedbackDb(): Promise<Database> {
  const { db } = await hertsDb();
  await migrate(db);
  await seedDemoFeedback(db, NOW);
  return db;
}

/** The real nlp.js recognizer trained on training.json plus the phrases proposed for the feedback intent. */
export async function feedbackRecognizer(db: Database): Promise<Recognizer> {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { intents: { intent: string; utterances: string[] }[] };
  const training = read(path.join(ROOT, 'data', 'language', 'training.json'));
  const proposed = JSON.parse(fs.readFileSync(path.join(__dirname, 'proposedTrainingPhrases.json'), 'utf8')) as { utterances: string[] };
  const corpus = { ...training, intents: training.intents.map((i) => (i.intent === 'feedback' ? { ...i, utterances: [...i.utterances, ...proposed.utterances] } : i)) };
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const file = path.join(TMP_DIR, `feedback-corpus-${randomUUID()}.json`);
  fs.writeFileSync(file, JSON.stringify(corpus));
  const extractor = new EntityExtractor(loadMeasureCatalog().measures, new SchoolNameIndex(await listOpenSchools(db)), await listDistricts(db));
  return NlpRecognizer.train(extractor, file);
}

export type FeedbackWorld = { db: Database; deps: AnswerDeps; feature: Feature; analyser: FeedbackAnalyser };

export async function feedbackWorld(analyser: FeedbackAnalyser = new LocalAnalyser()): Promise<FeedbackWorld> {
  const db = await feedbackDb();
  const deps = await answerDeps(db, await feedbackRecognizer(db));
  return { db, deps, analyser, feature: createFeedbackFeature(deps, { analyser, now: () => NOW }) };
}

/** A Teams chat with the feedback feature registered. */
export const chat = (w: FeedbackWorld, who: string): TestAdapter => chatAs(w.deps, who, undefined, [w.feature]);

/** Sends one activity and returns every reply to it. */
export async function say(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  await adapter.receiveActivity(activity);
  return adapter.activeQueue.splice(0);
}

type CardElement = { type?: string; id?: string; value?: unknown; choices?: { title: string; value: string }[]; items?: CardElement[] };

function elements(card: Record<string, unknown>): CardElement[] {
  const out: CardElement[] = [];
  const walk = (list: CardElement[] | undefined) => list?.forEach((e) => (out.push(e), walk(e.items)));
  walk(card.body as CardElement[]);
  return out;
}

/** The inputs on a card, as the values Teams would send if the user clicked submit without changing anything. */
export function inputsOf(reply: Partial<Activity>): Record<string, string> {
  return Object.fromEntries(elements(cardOf(reply)).filter((e) => e.id).map((e) => [e.id as string, String(e.value ?? '')]));
}

/** The choices of one input (e.g. the services offered). */
export function choicesOf(reply: Partial<Activity>, id: string): { title: string; value: string }[] {
  return elements(cardOf(reply)).find((e) => e.id === id)?.choices ?? [];
}

/** What clicking the card's submit button sends: the action's data plus the inputs, with `answers` typed in. */
export function submitValue(reply: Partial<Activity>, answers: Record<string, string>): Record<string, string> {
  const action = (cardOf(reply).actions as { data: Record<string, string> }[])[0];
  return { ...inputsOf(reply), ...answers, ...action.data };
}

export async function feedbackRows(db: Database): Promise<Record<string, unknown>[]> {
  return db.all("SELECT * FROM feedback WHERE submitted_by NOT LIKE 'demo:%' ORDER BY id");
}
