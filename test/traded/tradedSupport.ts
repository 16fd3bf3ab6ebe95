import { Activity, TestAdapter } from 'botbuilder';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Feature } from '../../dialogs/feature';
import { createTradedServicesFeature } from '../../dialogs/tradedServices/tradedServicesFeature';
import { Database } from '../../src/db/database';
import { Recognizer } from '../../src/language/intents';
import { loadCatalogue } from '../../src/traded/catalogue';
import { seedTradedDemoData } from '../../src/traded/tradedDemoSeed';
import { cardProblems } from '../support/cardCheck';
import { answerDeps, cardOf, chatAs, realRecognizer } from '../support/conversation';
import { hertsDb } from '../support/testDb';

/** The brief's "today": Wednesday 2 December 2026. */
export const NOW = new Date('2026-12-02T09:00:00Z');

export type TradedWorld = { db: Database; deps: AnswerDeps; feature: Feature; chat(userId: string): TestAdapter };

/**
 * A private copy of the Herts data with the demo traded services layer seeded. With `routed`, every
 * message reaches the feature (the recognizer keeps its real entities but the intent is fixed), so
 * the feature's own sub-routing is what is tested; without it, the real nlp.js recognizer decides.
 */
export async function tradedWorld(options: { routed?: boolean } = {}): Promise<TradedWorld> {
  const { db } = await hertsDb();
  await seedTradedDemoData(db, loadCatalogue());
  const real = await realRecognizer(db);
  const recognizer: Recognizer = options.routed
    ? { recognize: async (text) => ({ ...(await real.recognize(text)), intent: 'traded_services', score: 1 }) }
    : real;
  const deps = await answerDeps(db, recognizer);
  const feature = createTradedServicesFeature(deps, { now: () => NOW });
  return { db, deps, feature, chat: (userId) => chatAs(deps, userId, undefined, [feature]) };
}

/** Sends a message or a card submission and returns every reply, each card checked with the Adaptive Cards SDK. */
export async function say(adapter: TestAdapter, input: string | Record<string, unknown>): Promise<Partial<Activity>[]> {
  await adapter.receiveActivity(typeof input === 'string' ? input : { type: 'message', value: input });
  const replies = adapter.activeQueue.splice(0);
  for (const reply of replies) {
    for (const attachment of reply.attachments ?? []) {
      const problems = cardProblems(attachment.content as object);
      if (problems.length) throw new Error(`card problems: ${problems.join('; ')}`);
    }
  }
  return replies;
}

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/** The data of every Action.Submit anywhere on a card (top-level, in action sets and show-cards). */
export function submitsOf(activity: Partial<Activity>): { title: string; data: Node }[] {
  const found: { title: string; data: Node }[] = [];
  walk(cardOf(activity), (n) => {
    if (n.type === 'Action.Submit') found.push({ title: String(n.title), data: n.data as Node });
  });
  return found;
}

/** Each input's id and current value, i.e. what the card would send if submitted untouched. */
export function inputsOf(activity: Partial<Activity>): Record<string, string> {
  const inputs: Record<string, string> = {};
  walk(cardOf(activity), (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') inputs[n.id] = typeof n.value === 'string' ? n.value : '';
  });
  return inputs;
}

/** The choices a choice set offers, by input id. */
export function choicesOf(activity: Partial<Activity>, id: string): string[] {
  let choices: string[] = [];
  walk(cardOf(activity), (n) => {
    if (n.type === 'Input.ChoiceSet' && n.id === id) choices = (n.choices as { value: string }[]).map((c) => c.value);
  });
  return choices;
}

/** What clicking the form's Send button would submit, with some inputs changed. */
export function filledForm(form: Partial<Activity>, changes: Record<string, string> = {}): Node {
  const send = submitsOf(form).find((s) => s.data.verb === 'tradedEnquirySubmit');
  if (!send) throw new Error('no Send button on the card');
  return { ...send.data, ...inputsOf(form), ...changes };
}
