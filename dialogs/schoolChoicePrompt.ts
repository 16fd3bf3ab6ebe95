import { Activity, ActivityTypes, InputHints, TurnContext } from 'botbuilder';
import { Dialog, DialogContext, DialogInstance, DialogTurnResult } from './dialogParts';

export type SchoolChoiceOptions = {
  /** The card listing the schools, sent when the question is asked and again when it is not answered. */
  prompt: Partial<Activity>;
  /** The URNs offered: the only answers accepted. */
  validations: string[];
};

/** The URN chosen from those offered, or undefined once the person has been told what was wrong (the choices are then asked again). */
export type SchoolChooser = (context: TurnContext, offered: string[]) => Promise<string | undefined>;

/**
 * Waits for the person to pick one of the schools offered (a button press, a name or a URN) and ends
 * with its URN. botbuilder's TextPrompt would do, but its module loads the number and choice
 * recognisers of every prompt type (~6 MB resident and ~60 ms of every start) for a question that
 * needs none of them. The state keeps TextPrompt's shape (`options`), so a question left waiting by
 * an earlier version is still answered.
 */
export class SchoolChoicePrompt extends Dialog<SchoolChoiceOptions> {
  constructor(
    id: string,
    private readonly choose: SchoolChooser,
  ) {
    super(id);
  }

  async beginDialog(dc: DialogContext, options?: SchoolChoiceOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error(`${this.id} needs the schools to offer`);
    dc.activeDialog!.state = { options };
    await dc.context.sendActivity(asking(options.prompt));
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const { options } = dc.activeDialog!.state as { options: SchoolChoiceOptions };
    const urn = await this.choose(dc.context, options.validations ?? []);
    if (urn) return dc.endDialog(urn);
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  /** Another dialog finished on top of this one (as botbuilder's prompts do): ask again. */
  async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await context.sendActivity(asking((instance.state as { options: SchoolChoiceOptions }).options.prompt));
  }
}

/** Marked as waiting for an answer, as botbuilder's prompts mark theirs, so clients can open the input. */
const asking = (prompt: Partial<Activity>): Partial<Activity> => ({ ...prompt, inputHint: prompt.inputHint ?? InputHints.ExpectingInput });
