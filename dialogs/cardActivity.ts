import { Activity, ActivityTypes, CardFactory } from 'botbuilder';
import { AdaptiveCardJson } from '../src/cards/cardRenderer';

/** One card per message, with its fallback text as the summary that notifications and screen readers use. */
export function cardActivity(card: AdaptiveCardJson): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    summary: card.fallbackText,
    attachments: [CardFactory.adaptiveCard(card)],
  };
}
