import { ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus } from './dialogParts';
import { helpCard, messageCard, suggestionsFor } from '../src/cards/conversationCards';
import { cardActivity } from './cardActivity';
import { turnUser } from './turnUser';

export const HELP_WORDS = /^\s*(help|\?|what can you do\??|menu)\s*$/i;
export const CANCEL_WORDS = /^\s*(cancel|stop|quit|never ?mind|forget it|exit)\s*[.!]?\s*$/i;
export const START_OVER_WORDS = /^\s*(start over|start again|restart|reset|begin again)\s*[.!]?\s*$/i;

/** Help, cancel and start over work in the middle of any question (core-bot's CancelAndHelpDialog). */
export class CancelAndHelpDialog extends ComponentDialog {
  protected async onContinueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(dc);
    return interrupted ?? super.onContinueDialog(dc);
  }

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const text = dc.context.activity.text ?? '';
    const user = turnUser(dc.context);
    if (HELP_WORDS.test(text)) {
      await dc.context.sendActivity(cardActivity(helpCard(user)));
      return { status: DialogTurnStatus.waiting };
    }
    if (CANCEL_WORDS.test(text) || START_OVER_WORDS.test(text)) {
      const title = CANCEL_WORDS.test(text) ? 'Cancelled' : "Let's start again";
      await dc.context.sendActivity(cardActivity(messageCard(title, ['What would you like to know?'], suggestionsFor(user))));
      return dc.cancelAllDialogs();
    }
    return undefined;
  }
}
