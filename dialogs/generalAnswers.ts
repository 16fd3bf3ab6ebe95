import { AdaptiveCardJson } from '../src/cards/cardRenderer';
import { helpCard, messageCard, suggestionsFor, welcomeCard } from '../src/cards/conversationCards';
import { schoolListCard } from '../src/cards/schoolListCardView';
import { Recognition } from '../src/language/intents';
import { listDistricts } from '../src/repos/schoolRepo';
import { AppUser } from '../src/repos/userRepo';
import { canCompareAcrossSchools } from '../src/services/accessPolicy';
import { listSchools } from '../src/services/schoolList';
import { AnswerDeps } from './answerDeps';

export function cantHelpYet(deps: AnswerDeps, user: AppUser): AdaptiveCardJson {
  return messageCard(
    "I can't help with that yet",
    [
      "I didn't understand that, or it's something I can't answer yet.",
      'I can answer questions about a school’s results, attendance and context and its LA record, explain terms, make a governors’ pack, and help with briefings, traded services and feedback.',
      `For anything else, contact ${deps.supportContact}.`,
    ],
    suggestionsFor(user),
  );
}

/** Answers that need no particular school. */
export async function answerGeneral(deps: AnswerDeps, user: AppUser, recognition: Recognition): Promise<AdaptiveCardJson[]> {
  switch (recognition.intent) {
    case 'greeting':
      return [welcomeCard(user, deps.serviceName)];
    case 'help':
      return [helpCard(user)];
    case 'thanks':
      return [messageCard("You're welcome", ['Anything else?'], suggestionsFor(user))];
    case 'cancel':
      return [messageCard('Nothing to cancel', ['What would you like to know?'], suggestionsFor(user))];
    case 'school_list':
      return [await answerSchoolList(deps, user, recognition)];
    default:
      return [cantHelpYet(deps, user)];
  }
}

async function answerSchoolList(deps: AnswerDeps, user: AppUser, recognition: Recognition): Promise<AdaptiveCardJson> {
  if (!canCompareAcrossSchools(user)) {
    return messageCard('Lists of schools are for LA officers', ['I can tell you about your own school instead.'], suggestionsFor(user));
  }
  const { district, measureIds, threshold } = recognition.entities;
  if (!district) {
    const districts = await listDistricts(deps.db);
    return messageCard('Which district?', [`Name one of: ${districts.join(', ')}.`, 'For example: "schools in Dacorum with persistent absence above 20%".'], suggestionsFor(user));
  }
  const measure = measureIds.map((id) => deps.catalog.byId.get(id)).find((m) => m !== undefined);
  return schoolListCard(await listSchools(deps.db, district, measure, threshold));
}
