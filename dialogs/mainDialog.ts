import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  DialogContext,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from './dialogParts';
import { SchoolChoiceOptions, SchoolChoicePrompt } from './schoolChoicePrompt';
import { AdaptiveCardJson } from '../src/cards/cardRenderer';
import { messageCard, schoolChoiceCard, suggestionsFor, welcomeCard } from '../src/cards/conversationCards';
import { IntentName, Recognition, SchoolMention } from '../src/language/intents';
import { SchoolNameIndex } from '../src/language/schoolNameIndex';
import { audit } from '../src/repos/auditRepo';
import { getSchool, getSchools } from '../src/repos/schoolRepo';
import { AppUser } from '../src/repos/userRepo';
import { canView, isLaRole } from '../src/services/accessPolicy';
import { AnswerDeps } from './answerDeps';
import { CancelAndHelpDialog, CANCEL_WORDS, HELP_WORDS, START_OVER_WORDS } from './cancelAndHelpDialog';
import { Feature, FeatureTurn } from './feature';
import { cardActivity } from './cardActivity';
import { parseSubmission } from './cardSubmissions';
import { answerGeneral, cantHelpYet } from './generalAnswers';
import { answerAboutSchool, SCHOOL_INTENTS, SchoolIntent } from './schoolAnswers';
import { turnUser } from './turnUser';

const WATERFALL = 'schoolQuestion';
const SCHOOL_PROMPT = 'schoolPrompt';
const RECOGNITION = Symbol('recognition');
/** Below this nlp.js score the bot asks rather than guesses. */
export const CONFIDENT = 0.6;

export type ConversationMemory = { currentSchoolUrn?: string };
/** Which school a question is about: clear, or to be chosen from a few. */
type SchoolChoice = { urn: string } | { choices: SchoolMention[]; prompt: string };
type PendingQuestion = { intent: SchoolIntent; recognition: Recognition; ask: { choices: SchoolMention[]; prompt: string } };
/** How the main dialog is begun: a school question (its own waterfall) or one of a feature's dialogs. */
type BeginOptions = PendingQuestion | { featureDialog: string; options?: object };

// botbuilder types a waterfall's step values as a bare object.
const questionOf = (step: WaterfallStepContext) => step.values as { question?: PendingQuestion };

const isSchoolIntent = (intent: IntentName): intent is SchoolIntent => (SCHOOL_INTENTS as string[]).includes(intent);

/**
 * Routes each message: recognizer → (which school?) → answer. Questions about a school ask which
 * school when it is ambiguous, and every school is checked against the user's rights on the server.
 */
export class MainDialog extends CancelAndHelpDialog {
  constructor(
    private readonly deps: AnswerDeps,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly features: Feature[] = [],
  ) {
    super('mainDialog');
    this.addDialog(new SchoolChoicePrompt(SCHOOL_PROMPT, (context, offered) => this.chooseSchool(context, offered)));
    this.addDialog(new WaterfallDialog(WATERFALL, [(step) => this.resolveSchool(step), (step) => this.answer(step)]));
    for (const feature of features) for (const dialog of feature.dialogs ?? []) this.addDialog(dialog);
    this.initialDialogId = WATERFALL;
  }

  protected async onBeginDialog(innerDc: DialogContext, options?: BeginOptions): Promise<DialogTurnResult> {
    if (options && 'featureDialog' in options) return innerDc.beginDialog(options.featureDialog, options.options);
    return innerDc.beginDialog(WATERFALL, options);
  }

  /**
   * Entry point for a message turn. Most turns are a single question with no dialog in progress;
   * those are answered without building botbuilder's dialog context, which is only made when a
   * question needs a follow-up (or one is already waiting).
   */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const createContext = async () => {
      const dialogSet = new DialogSet(dialogState);
      dialogSet.add(this);
      return dialogSet.createContext(context);
    };
    const state = await dialogState.get(context, { dialogStack: [] });
    if (state.dialogStack.length) {
      const dc = await createContext();
      if (await this.asksSomethingElse(dc)) await dc.cancelAllDialogs();
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await this.startTurn(context, dc.beginDialog.bind(dc));
      return;
    }
    await this.startTurn(context, async (id, options) => (await createContext()).beginDialog(id, options));
  }

  private async startTurn(context: TurnContext, begin: (id: string, options: BeginOptions) => Promise<unknown>): Promise<void> {
    const user = turnUser(context);
    const turn: FeatureTurn = {
      context,
      user,
      send: async (...cards: AdaptiveCardJson[]) => {
        for (const card of cards) await context.sendActivity(cardActivity(card));
      },
      beginDialog: async (featureDialog, options) => {
        await begin(this.id, { featureDialog, options });
      },
    };
    const submission = parseSubmission(context.activity.value);
    if (submission?.verb === 'chooseSchool') return this.switchSchool(context, user, submission.urn);
    if (await this.routeSubmission(turn)) return;
    const text = (context.activity.text || (submission?.verb === 'ask' ? submission.text : '')).trim();
    if (START_OVER_WORDS.test(text)) {
      await this.memory.set(context, {});
      await context.sendActivity(cardActivity(welcomeCard(user, this.deps.serviceName)));
      return;
    }
    if (CANCEL_WORDS.test(text)) {
      await context.sendActivity(cardActivity(messageCard('Nothing to cancel', ['What would you like to know?'], suggestionsFor(user))));
      return;
    }
    if (!text) {
      await context.sendActivity(cardActivity(cantHelpYet(this.deps, user)));
      return;
    }
    const recognition = await this.recognize(context, text);
    const intent = effectiveIntent(recognition);
    if (intent === 'choose_school') return this.offerSchoolChoice(context, user);
    if (intent && isSchoolIntent(intent)) {
      const school = await this.whichSchool(context, user, recognition);
      if (!school) await context.sendActivity(cardActivity(messageCard('Which school?', ['Name the school or give its URN, for example "how is Sandon JMI doing?" or "Progress 8 for 117578".'], suggestionsFor(user))));
      else if ('urn' in school) await this.answerAbout(context, user, school.urn, intent, recognition);
      else await begin(this.id, { intent, recognition, ask: school });
      return;
    }
    const feature = intent ? this.features.find((f) => f.intents.includes(intent)) : undefined;
    if (intent && feature) {
      await feature.answer(turn, { ...recognition, intent });
      return;
    }
    if (!intent) {
      await context.sendActivity(cardActivity(clarifyCard(recognition, user)));
      return;
    }
    for (const card of await answerGeneral(this.deps, user, { ...recognition, intent })) await context.sendActivity(cardActivity(card));
  }

  /**
   * Asked which school they meant, the person typed a new question instead ("what briefings are
   * coming up?"): the pending question is dropped and the new one answered, rather than asking
   * them to pick a school again. A school's name or URN still answers the choice.
   */
  private async asksSomethingElse(dc: DialogContext): Promise<boolean> {
    const prompt = dc.child?.activeDialog;
    const text = dc.context.activity.text?.trim();
    if (prompt?.id !== SCHOOL_PROMPT || !text || dc.context.activity.value) return false;
    if ([HELP_WORDS, CANCEL_WORDS, START_OVER_WORDS].some((words) => words.test(text))) return false;
    const { named, urn } = await this.offeredSchoolIn(text, (prompt.state as { options: SchoolChoiceOptions }).options.validations ?? []);
    if (named.length || urn) return false;
    const intent = effectiveIntent(await this.recognize(dc.context, text));
    return intent !== undefined && intent !== 'None' && intent !== 'choose_school';
  }

  /** Recognised once a turn, however many steps ask. */
  private recognize(context: TurnContext, text: string): Promise<Recognition> {
    const held = context.turnState.get(RECOGNITION) as { text: string; recognition: Promise<Recognition> } | undefined;
    if (held?.text === text) return held.recognition;
    const recognition = this.deps.recognizer.recognize(text);
    context.turnState.set(RECOGNITION, { text, recognition });
    return recognition;
  }

  /** A card button: found by its verb in the features' tables, its data parsed by that verb's schema. */
  private async routeSubmission(turn: FeatureTurn): Promise<boolean> {
    const value = turn.context.activity.value as { verb?: unknown } | undefined;
    if (!value || typeof value.verb !== 'string') return false;
    const verb = value.verb;
    const handler = this.features.map((f) => f.submissions?.[verb]).find((h) => h !== undefined);
    if (!handler) return false;
    const parsed = handler.schema.safeParse(value);
    await audit(this.deps.db, { entraObjectId: turn.user.entraObjectId, action: parsed.success ? 'card submitted' : 'card refused', detail: verb });
    if (parsed.success) await handler.handle(turn, parsed.data);
    else await handler.invalid(turn, parsed.error.issues.map((i: { path: (string | number)[]; message: string }) => `${i.path.join('.')}: ${i.message}`));
    return true;
  }

  /**
   * The school a question is about: the one named, the user's only one, or the one being discussed;
   * otherwise the schools to choose from (several of that name, or the user's own). Undefined when
   * there is nothing to offer.
   */
  private async whichSchool(context: TurnContext, user: AppUser, recognition: Recognition): Promise<SchoolChoice | undefined> {
    const named = await this.namedSchools(recognition);
    if (named.length === 1) return { urn: named[0].urn };
    if (named.length > 1) return { choices: named.slice(0, 6), prompt: 'I found more than one school by that name. Which do you mean?' };
    const own = await getSchools(this.deps.db, user.schoolUrns);
    if (own.length === 1) return { urn: own[0].urn };
    const remembered = (await this.memory.get(context, {})).currentSchoolUrn;
    if (remembered && (own.some((s) => s.urn === remembered) || isLaRole(user.role))) return { urn: remembered };
    if (own.length > 1) return { choices: own.map((s) => ({ urn: s.urn, name: s.name })), prompt: 'You are linked to more than one school. Which one do you mean?' };
    return undefined;
  }

  private async resolveSchool(step: WaterfallStepContext) {
    const question = step.options as PendingQuestion;
    questionOf(step).question = question;
    return this.promptForSchool(step, question.ask.choices, question.ask.prompt);
  }

  private async promptForSchool(step: WaterfallStepContext, schools: SchoolMention[], prompt: string) {
    const card = cardActivity(schoolChoiceCard(schools, prompt));
    return step.beginDialog(SCHOOL_PROMPT, { prompt: card, validations: schools.map((s) => s.urn) } satisfies SchoolChoiceOptions);
  }

  private async answer(step: WaterfallStepContext) {
    const { intent, recognition } = questionOf(step).question as PendingQuestion;
    await this.answerAbout(step.context, turnUser(step.context), String(step.result), intent, recognition);
    return step.endDialog();
  }

  private async answerAbout(context: TurnContext, user: AppUser, urn: string, intent: SchoolIntent, recognition: Recognition): Promise<void> {
    const school = await getSchool(this.deps.db, urn);
    if (!school || !canView(user, school.urn, 'public').allowed) {
      await context.sendActivity(cardActivity(messageCard('School not found', ['I could not find that school.'], suggestionsFor(user))));
      return;
    }
    // Only people linked to several schools (or to all, as LA staff) are ever asked which one; for a
    // head of one school, remembering another school they asked about would be a write to no purpose.
    if (user.schoolUrns.length !== 1 || isLaRole(user.role)) await this.memory.set(context, { currentSchoolUrn: school.urn });
    for (const card of await answerAboutSchool(this.deps, user, school, intent, recognition)) await context.sendActivity(cardActivity(card));
  }

  /** Accepts a button press or a typed name or URN, but only for one of the schools offered; otherwise says why. */
  private async chooseSchool(context: TurnContext, offered: string[]): Promise<string | undefined> {
    const submission = parseSubmission(context.activity.value);
    const text = context.activity.text?.trim();
    let urn = submission?.verb === 'chooseSchool' ? submission.urn : undefined;
    if (!urn && text) {
      const typed = await this.offeredSchoolIn(text, offered);
      urn = typed.named.length === 1 ? typed.named[0].urn : typed.urn;
    }
    if (urn && offered.includes(urn)) return urn;
    await context.sendActivity(urn ? 'That school is not one of the choices I offered.' : 'Please pick one of the schools, or type **cancel**.');
    return undefined;
  }

  /** The offered schools a typed answer names, and any URN it gives. */
  private async offeredSchoolIn(text: string, offered: string[]): Promise<{ named: SchoolMention[]; urn?: string }> {
    const schools = await getSchools(this.deps.db, offered);
    return { named: new SchoolNameIndex(schools).find(text), urn: /\b\d{6}\b/.exec(text)?.[0] };
  }

  private async namedSchools(recognition: Recognition): Promise<SchoolMention[]> {
    const byUrn = await getSchools(this.deps.db, recognition.entities.urns);
    return byUrn.length ? byUrn.map((s) => ({ urn: s.urn, name: s.name })) : recognition.entities.schools;
  }

  private async offerSchoolChoice(context: TurnContext, user: AppUser): Promise<void> {
    const own = await getSchools(this.deps.db, user.schoolUrns);
    if (own.length > 1) await context.sendActivity(cardActivity(schoolChoiceCard(own, 'Which school would you like to talk about?')));
    else await context.sendActivity(cardActivity(messageCard('Choosing a school', ['Name the school in your question, for example "how is Sandon JMI doing?".'], suggestionsFor(user))));
  }

  /** A choice clicked on an older card: still checked against the user's own schools. */
  private async switchSchool(context: TurnContext, user: AppUser, urn: string): Promise<void> {
    const school = await getSchool(this.deps.db, urn);
    if (!school || !(user.schoolUrns.includes(urn) || isLaRole(user.role))) {
      await context.sendActivity(cardActivity(messageCard('I can’t switch to that school', ['It is not one of the schools you are linked to.'], suggestionsFor(user))));
      return;
    }
    await this.memory.set(context, { currentSchoolUrn: urn });
    await context.sendActivity(cardActivity(messageCard(`Now talking about ${school.name}`, ['What would you like to know?'], suggestionsFor(user))));
  }
}

/**
 * nlp.js's intent, or one the entities make obvious (a measure named means a measure question),
 * or undefined when the bot should ask rather than guess.
 */
export function effectiveIntent(r: Recognition): IntentName | undefined {
  const namesASchool = r.entities.schools.length > 0 || r.entities.urns.length > 0;
  // "What is persistent absence?" asks for a definition; "what is persistent absence at 117578?" asks for a figure.
  if (r.intent === 'glossary' && namesASchool) return r.entities.measureIds.length ? 'measure_query' : 'school_overview';
  if (r.score >= CONFIDENT) return r.intent;
  if (r.entities.measureIds.length) return r.entities.district ? 'school_list' : 'measure_query';
  if (namesASchool) return 'school_overview';
  if (r.score < 0.3 || r.intent === 'None') return 'None';
  return undefined;
}

const EXAMPLES: Partial<Record<IntentName, string>> = {
  school_overview: 'How are we doing?',
  measure_query: "What's our persistent absence?",
  la_internal: 'What is our banding?',
  school_list: 'Schools in Dacorum with persistent absence above 20%',
  ofsted: 'When was our last Ofsted?',
  help: 'Help',
};

function clarifyCard(r: Recognition, user: AppUser) {
  const options = r.alternatives
    .filter((a) => a.score >= 0.15 && EXAMPLES[a.intent])
    .slice(0, 3)
    .map((a) => EXAMPLES[a.intent] as string);
  return messageCard('Did you mean one of these?', ["I'm not sure what you're asking. Pick one, or put it another way."], options.length ? options : suggestionsFor(user));
}
