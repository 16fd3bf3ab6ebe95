import { ActivityHandler, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Feature } from '../../dialogs/feature';
import { cardActivity } from '../../dialogs/cardActivity';
import { ConversationMemory, MainDialog } from '../../dialogs/mainDialog';
import { setTurnUser } from '../../dialogs/turnUser';
import { messageCard, welcomeCard } from '../cards/conversationCards';
import { conversationReferenceFor, saveConversationReference } from '../repos/conversationRefRepo';
import { AppUser, findUser } from '../repos/userRepo';

/**
 * The Bot Framework activity handler: identifies the user by Entra object id on every turn, and
 * hands registered users' messages to the main dialog. Nothing here knows about school data.
 */
export class CriticalFriendBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor;
  private readonly dialog: MainDialog;
  /** Where each user was last seen, as stored; saves a database read on every turn. */
  private readonly lastSeenAt = new Map<string, string>();

  constructor(
    private readonly deps: AnswerDeps,
    private readonly conversationState: ConversationState,
    features: Feature[] = [],
  ) {
    super();
    this.dialogState = conversationState.createProperty('dialogState');
    this.dialog = new MainDialog(deps, conversationState.createProperty<ConversationMemory>('memory'), features);

    this.onMessage(async (context, next) => {
      const user = await this.identify(context);
      if (user) {
        setTurnUser(context, user);
        await this.dialog.run(context, this.dialogState);
      } else {
        await context.sendActivity(cardActivity(this.notRegisteredCard()));
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (joined.length) {
        const user = await this.identify(context);
        await context.sendActivity(cardActivity(user ? welcomeCard(user, deps.serviceName) : this.notRegisteredCard()));
      }
      await next();
    });
  }

  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  /** Users are known only by their Entra object id, never by a display name or anything a card sends. */
  private async identify(context: TurnContext): Promise<AppUser | undefined> {
    const objectId = context.activity.from?.aadObjectId;
    const user = objectId ? await findUser(this.deps.db, objectId) : undefined;
    if (user) await this.rememberWhereToReach(context, user);
    return user;
  }

  /** Kept for proactive messages; written only when it changes, so an ordinary turn costs no write. */
  private async rememberWhereToReach(context: TurnContext, user: AppUser): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const where = `${reference.serviceUrl}|${reference.conversation?.id}`;
    if (this.lastSeenAt.get(user.entraObjectId) === where) return;
    const known = await conversationReferenceFor(this.deps.db, user.entraObjectId);
    if (!known || `${known.serviceUrl}|${known.conversation?.id}` !== where) {
      await saveConversationReference(this.deps.db, user.entraObjectId, { ...reference, activityId: undefined });
    }
    this.lastSeenAt.set(user.entraObjectId, where);
  }

  private notRegisteredCard() {
    return messageCard('You are not set up yet', [
      'Critical Friend only shows school information to people the council has registered: headteachers, governors and LA staff.',
      `Please contact ${this.deps.supportContact} and ask to be added. Give them the email address you use for Teams.`,
    ]);
  }
}
