import { AnswerDeps } from '../dialogs/answerDeps';
import { createBriefingsFeature } from '../dialogs/briefings/briefingsFeature';
import { Feature } from '../dialogs/feature';
import { createFeedbackFeature } from '../dialogs/feedback/feedbackFeature';
import { createGlossaryFeature } from '../dialogs/glossary/glossaryFeature';
import { createGovernorPackFeature } from '../dialogs/governorPack/governorPackFeature';
import { createTradedServicesFeature } from '../dialogs/tradedServices/tradedServicesFeature';
import { FeedbackAnalyser } from './feedback/analysers/analyser';
import { PackLinkOptions } from './governorPack/packRoutes';
import { ProactiveRenderer } from './proactive/proactiveSender';

export type FeatureOptions = { packLinks: PackLinkOptions; feedbackAnalyser: FeedbackAnalyser };

/**
 * The bot's capabilities beyond school questions, in the order they are tried for an intent.
 * School questions (overview, measures, Ofsted, LA record) are the main dialog's own catch-all.
 */
export function createFeatures(deps: AnswerDeps, options: FeatureOptions): Feature[] {
  return [
    createGovernorPackFeature(deps, options.packLinks),
    createGlossaryFeature(deps),
    createTradedServicesFeature(deps),
    createBriefingsFeature(deps),
    createFeedbackFeature(deps, { analyser: options.feedbackAnalyser }),
  ];
}

export function proactiveRenderers(features: Feature[]): Record<string, ProactiveRenderer> {
  return Object.assign({}, ...features.map((f) => f.proactive ?? {}));
}
