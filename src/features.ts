import { AnswerDeps } from '../dialogs/answerDeps';
import { Feature } from '../dialogs/feature';
import { ProactiveRenderer } from './proactive/proactiveSender';

/**
 * The bot's capabilities beyond school questions, in the order they are tried for an intent.
 * School questions (overview, measures, Ofsted, LA record) are the main dialog's own catch-all.
 */
export function createFeatures(deps: AnswerDeps): Feature[] {
  void deps;
  return [];
}

export function proactiveRenderers(features: Feature[]): Record<string, ProactiveRenderer> {
  return Object.assign({}, ...features.map((f) => f.proactive ?? {}));
}
