import { TurnContext } from 'botbuilder';
import { Dialog } from './dialogParts';
import { z } from 'zod';
import { AdaptiveCardJson } from '../src/cards/cardRenderer';
import { IntentName, Recognition } from '../src/language/intents';
import { ProactiveRenderer } from '../src/proactive/proactiveSender';
import { AppUser } from '../src/repos/userRepo';

/** What a feature handler gets for one turn: the turn, the user checked this turn, and a way to start one of its dialogs. */
export type FeatureTurn = {
  context: TurnContext;
  user: AppUser;
  send(...cards: AdaptiveCardJson[]): Promise<void>;
  beginDialog(dialogId: string, options?: object): Promise<void>;
};

/** One Action.Submit verb: the zod schema of its data and what to do with the parsed value. */
export type SubmissionHandler<S extends z.ZodTypeAny = z.ZodTypeAny> = {
  schema: S;
  handle(turn: FeatureTurn, value: z.infer<S>): Promise<void>;
  /** Said when the data does not match the schema (a stale or forged card). */
  invalid(turn: FeatureTurn, problems: string[]): Promise<void>;
};

// Handlers are stored with their value type erased; MainDialog parses with the handler's own schema before calling it.
export const submission = <S extends z.ZodTypeAny>(h: SubmissionHandler<S>): SubmissionHandler => h as unknown as SubmissionHandler;

/**
 * A capability of the bot (briefings, traded services, feedback…) registered with the main dialog.
 * Features are tried in registration order for their intents; the school questions are the catch-all.
 */
export interface Feature {
  readonly name: string;
  readonly intents: IntentName[];
  /** Dialogs the feature begins; they run inside the main dialog so help and cancel still work. */
  readonly dialogs?: Dialog[];
  /** Card verbs this feature owns, each with its payload schema. */
  readonly submissions?: Record<string, SubmissionHandler>;
  /** Proactive message kinds this feature queues in the outbox, and how each is rendered when due. */
  readonly proactive?: Record<string, ProactiveRenderer>;
  answer(turn: FeatureTurn, recognition: Recognition): Promise<void>;
}
