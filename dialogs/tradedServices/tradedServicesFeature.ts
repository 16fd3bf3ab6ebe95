import { z } from 'zod';
import { messageCard } from '../../src/cards/conversationCards';
import { Recognition } from '../../src/language/intents';
import { loadCatalogue } from '../../src/traded/catalogue';
import { AnswerDeps } from '../answerDeps';
import { Feature, FeatureTurn, submission } from '../feature';
import { answerManagerEnquiries, answerStatus, answerSubscriptions } from './accountAnswers';
import { answerBrowse, answerPrice, priceFromCard, showCategory, showService, staleButton } from './catalogueAnswers';
import { answerEnquire, formAgain, startEnquiryFromCard, submitEnquiry } from './enquiryFlow';
import { updateEnquiryStatus } from './enquiryStatusUpdate';
import { enquirySubmission, leniently, unreadableFields } from './enquirySubmission';
import { TradedContext } from './tradedContext';
import { tradedRenderers } from './tradedProactive';
import { tradedRoute } from './tradedRoute';

const serviceId = z.string().trim().max(80);

/**
 * The traded services catalogue: browse and search, prices for a school, subscriptions and
 * renewals, orders and enquiries routed to the service's team, and the team's list of them.
 */
export function createTradedServicesFeature(deps: AnswerDeps, options: { now?: () => Date } = {}): Feature {
  const ctx: TradedContext = { deps, catalogue: loadCatalogue(), now: options.now ?? (() => new Date()) };
  return {
    name: 'tradedServices',
    intents: ['traded_services'],
    answer: (turn, recognition) => answer(ctx, turn, recognition),
    submissions: {
      tradedBrowse: submission({
        schema: z.object({ verb: z.literal('tradedBrowse'), category: z.string().trim().max(60) }),
        handle: (turn, value) => showCategory(ctx, turn, value.category),
        invalid: (turn) => staleButton(ctx, turn),
      }),
      tradedService: submission({
        schema: z.object({ verb: z.literal('tradedService'), serviceId }),
        handle: (turn, value) => showService(ctx, turn, value.serviceId),
        invalid: (turn) => staleButton(ctx, turn),
      }),
      tradedPrice: submission({
        schema: z.object({ verb: z.literal('tradedPrice'), serviceId }),
        handle: (turn, value) => priceFromCard(ctx, turn, value.serviceId),
        invalid: (turn) => staleButton(ctx, turn),
      }),
      tradedStartEnquiry: submission({
        schema: z.object({ verb: z.literal('tradedStartEnquiry'), serviceId }),
        handle: (turn, value) => startEnquiryFromCard(ctx, turn, value.serviceId),
        invalid: (turn) => staleButton(ctx, turn),
      }),
      tradedEnquirySubmit: submission({
        schema: enquirySubmission,
        handle: (turn, { cardId, verb, ...entries }) => submitEnquiry(ctx, turn, cardId, entries),
        invalid: (turn) => {
          const { cardId, entries } = leniently(turn.context.activity.value);
          const fields = unreadableFields(turn.context.activity.value).join(', ');
          return formAgain(ctx, turn, entries, [`Some of the form could not be read (${fields}). Please check it and send it again.`], cardId);
        },
      }),
      tradedEnquiryStatus: submission({
        schema: z.object({
          verb: z.literal('tradedEnquiryStatus'),
          reference: z.string().regex(/^TS-\d{4}-\d{5}$/),
          status: z.enum(['in_progress', 'confirmed', 'declined', 'closed']),
        }),
        handle: (turn, value) => updateEnquiryStatus(ctx, turn, value.reference, value.status),
        invalid: (turn) => turn.send(messageCard('That status button is out of date', ['Ask me for the enquiries list again and use the buttons on it.'])),
      }),
    },
    proactive: tradedRenderers(ctx.catalogue),
  };
}

async function answer(ctx: TradedContext, turn: FeatureTurn, recognition: Recognition): Promise<void> {
  const text = (turn.context.activity.text ?? '').trim();
  switch (tradedRoute(text, turn.user.role)) {
    case 'manager_enquiries':
      return answerManagerEnquiries(ctx, turn, text);
    case 'enquiry_status':
      return answerStatus(ctx, turn, recognition, text);
    case 'subscriptions':
      return answerSubscriptions(ctx, turn, recognition, text);
    case 'enquire':
      return answerEnquire(ctx, turn, text);
    case 'price':
      return answerPrice(ctx, turn, recognition, text);
    case 'browse':
      return answerBrowse(ctx, turn, text);
  }
}
