import { AdaptiveCardJson } from '../src/cards/cardRenderer';
import { messageCard, suggestionsFor } from '../src/cards/conversationCards';
import { laInternalCard } from '../src/cards/laInternalCardView';
import { measureAnswerCard } from '../src/cards/measureCardView';
import { measureTrendChartCard } from '../src/charts/chartCardView';
import { overviewCard } from '../src/cards/overviewCardView';
import { Measure, measureFitsPhase } from '../src/dfe/measureCatalog';
import { Recognition } from '../src/language/intents';
import { audit } from '../src/repos/auditRepo';
import { latestInspection } from '../src/repos/ofstedRepo';
import { School } from '../src/repos/schoolRepo';
import { AppUser } from '../src/repos/userRepo';
import { canView } from '../src/services/accessPolicy';
import { schoolImprovementRecord } from '../src/services/laInternal';
import { compareMeasure } from '../src/services/measureComparison';
import { ofstedPosition } from '../src/services/ofstedPosition';
import { schoolOverview } from '../src/services/schoolOverview';
import { AnswerDeps } from './answerDeps';

export type SchoolIntent = 'school_overview' | 'measure_query' | 'ofsted' | 'la_internal';
export const SCHOOL_INTENTS: SchoolIntent[] = ['school_overview', 'measure_query', 'ofsted', 'la_internal'];

const MAX_MEASURES_PER_ANSWER = 3;

/** Answers a question about one school the user has already been cleared to ask about. */
export async function answerAboutSchool(
  deps: AnswerDeps,
  user: AppUser,
  school: School,
  intent: SchoolIntent,
  recognition: Recognition,
): Promise<AdaptiveCardJson[]> {
  const suggestions = suggestionsFor(user);
  switch (intent) {
    case 'school_overview':
      return [overviewCard(school, await schoolOverview(deps.db, school, deps.catalog), suggestions)];
    case 'measure_query':
      return answerMeasures(deps, school, recognition, suggestions);
    case 'ofsted':
      return [await ofstedCard(deps, school, suggestions)];
    case 'la_internal': {
      const access = canView(user, school.urn, 'restricted');
      if (!access.allowed) return [restrictedRefusal(deps, user, school, access.reason)];
      const record = await schoolImprovementRecord(deps.db, school, deps.catalog, deps.banding);
      // Recorded once the record has been read, so only views that happened are logged, and before it is shown.
      await audit(deps.db, { entraObjectId: user.entraObjectId, action: 'viewed LA record', urn: school.urn });
      return [laInternalCard(record, deps.laRecordProvenance, suggestions)];
    }
  }
}

function measuresAsked(deps: AnswerDeps, recognition: Recognition): Measure[] {
  const { measureIds, keyStage } = recognition.entities;
  const ids = measureIds.length
    ? measureIds
    : keyStage === 'KS4'
      ? ['ks4_progress8', 'ks4_attainment8']
      : keyStage === 'KS2'
        ? ['ks2_rwm_expected']
        : [];
  return ids.map((id) => deps.catalog.byId.get(id)).filter((m): m is Measure => m !== undefined);
}

async function answerMeasures(deps: AnswerDeps, school: School, recognition: Recognition, suggestions: string[]): Promise<AdaptiveCardJson[]> {
  const measures = measuresAsked(deps, recognition);
  if (!measures.length) return [overviewCard(school, await schoolOverview(deps.db, school, deps.catalog), suggestions)];
  const cards: AdaptiveCardJson[] = [];
  for (const measure of measures.slice(0, MAX_MEASURES_PER_ANSWER)) {
    if (!measureFitsPhase(measure, school.phase)) {
      cards.push(
        messageCard(
          `${measure.shortLabel} is a ${measure.keyStage} measure`,
          [`${school.name} is a ${school.phase} school, so DfE publishes no ${measure.shortLabel} figure for it.`],
          suggestions,
        ),
      );
      continue;
    }
    const comparison = await compareMeasure(deps.db, school, measure);
    const span = recognition.entities.years;
    cards.push(span.kind === 'trend' ? measureTrendChartCard(comparison, span, suggestions) : measureAnswerCard(comparison, span, suggestions));
  }
  return cards;
}

async function ofstedCard(deps: AnswerDeps, school: School, suggestions: string[]): Promise<AdaptiveCardJson> {
  return messageCard(`Ofsted: ${school.name}`, ofstedPosition(school, await latestInspection(deps.db, school.urn)), suggestions);
}

function restrictedRefusal(deps: AnswerDeps, user: AppUser, school: School, reason: string): AdaptiveCardJson {
  const why =
    reason === 'not_your_school'
      ? `LA records for ${school.name} are only for that school's headteacher and governors and LA officers.`
      : 'LA school improvement records are only for a school’s headteacher and governors and LA officers.';
  return messageCard('I can’t show you that', [why, `Published figures for ${school.name} are still available: ask "how is ${school.name} doing?".`, `If you think you should have access, contact ${deps.supportContact}.`], suggestionsFor(user));
}
