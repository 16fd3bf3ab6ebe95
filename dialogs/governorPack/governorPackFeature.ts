import { z } from 'zod';
import { AdaptiveCardJson, renderCard } from '../../src/cards/cardRenderer';
import { messageCard, suggestionsFor } from '../../src/cards/conversationCards';
import { measureTrendChartCard } from '../../src/charts/chartCardView';
import { assembleGovernorPack } from '../../src/governorPack/governorPack';
import { mayHavePack } from '../../src/governorPack/packAccess';
import { PACK_TREND_CHART_VERB, packSummaryCard } from '../../src/governorPack/packCardView';
import { assertUsableSecret, createPackToken, PACK_LINK_DAYS, packLinkUrl } from '../../src/governorPack/packLink';
import { loadPackRules } from '../../src/governorPack/packRules';
import { packDepsFrom, PackLinkOptions } from '../../src/governorPack/packRoutes';
import { measureFitsPhase } from '../../src/dfe/measureCatalog';
import { Recognition, SchoolMention } from '../../src/language/intents';
import { getSchool, getSchools } from '../../src/repos/schoolRepo';
import { AppUser } from '../../src/repos/userRepo';
import { canView, isLaRole } from '../../src/services/accessPolicy';
import { compareMeasure } from '../../src/services/measureComparison';
import { AnswerDeps } from '../answerDeps';
import { Feature, FeatureTurn, submission } from '../feature';

declare module '../../src/cards/cardModels' {
  interface CardModels {
    packSchoolChoice: { prompt: string; example: string; verb: string; schools: { urn: string; name: string }[] };
  }
}

export const PACK_CHOOSE_SCHOOL_VERB = 'packChooseSchool';

const urn = z.string().regex(/^\d{6}$/);
const chooseSchool = z.object({ verb: z.literal(PACK_CHOOSE_SCHOOL_VERB), urn });
const trendChart = z.object({ verb: z.literal(PACK_TREND_CHART_VERB), urn, measureId: z.string().regex(/^[a-z0-9_]{1,60}$/) });

const PACK_SUGGESTIONS = ['What do the terms mean?'];

function schoolChoiceCard(schools: SchoolMention[], prompt: string): AdaptiveCardJson {
  return renderCard(
    'packSchoolChoice',
    { prompt, example: schools[0]?.name ?? 'Leavesden JMI School', verb: PACK_CHOOSE_SCHOOL_VERB, schools: schools.map((s) => ({ urn: s.urn, name: s.name })) },
    `${prompt} ${schools.map((s) => s.name).join(' or ')}.`,
  );
}

function refusal(deps: AnswerDeps, user: AppUser, school?: { name: string }): AdaptiveCardJson {
  const who = 'Governor briefing packs are for a school’s own headteacher and governors, and for LA officers.';
  return messageCard(
    'I can’t make that pack for you',
    school
      ? [who, `Published figures for ${school.name} are still available: ask "how is ${school.name} doing?".`, `If you think you should have access, contact ${deps.supportContact}.`]
      : [who, `If you think you should have access, contact ${deps.supportContact}.`],
    suggestionsFor(user),
  );
}

/**
 * "Give me a briefing for our next governors' meeting": a one-page pack for the user's school as a card,
 * with a signed, expiring link to a printable version. Every school is checked against the user's rights
 * on every turn and every button; a user with several schools chooses with buttons.
 */
export function createGovernorPackFeature(deps: AnswerDeps, options: PackLinkOptions): Feature {
  assertUsableSecret(options.secret);
  const packDeps = packDepsFrom(deps, loadPackRules(deps.catalog));
  const now = options.now ?? (() => new Date());

  async function packFor(turn: FeatureTurn, wanted: string): Promise<void> {
    const school = await getSchool(deps.db, wanted);
    if (!school) return turn.send(messageCard('School not found', ['I could not find that school.'], suggestionsFor(turn.user)));
    if (!mayHavePack(turn.user, school.urn).allowed) return turn.send(refusal(deps, turn.user, school));
    const at = now();
    const pack = await assembleGovernorPack(packDeps, turn.user, school, at);
    const link = packLinkUrl(options.publicBaseUrl, createPackToken(turn.user.entraObjectId, school.urn, options.secret, at));
    await turn.send(packSummaryCard(pack, link, PACK_LINK_DAYS, PACK_SUGGESTIONS));
  }

  async function ownPackSchools(user: AppUser): Promise<SchoolMention[]> {
    return (await getSchools(deps.db, user.schoolUrns)).filter((s) => mayHavePack(user, s.urn).allowed);
  }

  async function namedSchools(recognition: Recognition): Promise<SchoolMention[]> {
    const byUrn = await getSchools(deps.db, recognition.entities.urns);
    return byUrn.length ? byUrn : recognition.entities.schools;
  }

  async function answer(turn: FeatureTurn, recognition: Recognition): Promise<void> {
    const named = await namedSchools(recognition);
    if (named.length === 1) return packFor(turn, named[0].urn);
    if (named.length > 1) {
      const allowed = named.filter((s) => mayHavePack(turn.user, s.urn).allowed).slice(0, 6);
      if (allowed.length) return turn.send(schoolChoiceCard(allowed, 'I found more than one school by that name. Which school is the briefing for?'));
      return turn.send(refusal(deps, turn.user));
    }
    const own = await ownPackSchools(turn.user);
    if (own.length === 1) return packFor(turn, own[0].urn);
    if (own.length > 1) return turn.send(schoolChoiceCard(own, 'You are linked to more than one school. Which school is the briefing for?'));
    if (isLaRole(turn.user.role)) {
      return turn.send(messageCard('Which school?', ['Name the school or give its URN, for example "governor briefing for Sandon JMI".'], suggestionsFor(turn.user)));
    }
    return turn.send(refusal(deps, turn.user));
  }

  async function sendTrendChart(turn: FeatureTurn, value: z.infer<typeof trendChart>): Promise<void> {
    const school = await getSchool(deps.db, value.urn);
    const measure = deps.catalog.byId.get(value.measureId);
    if (!school || !measure || !canView(turn.user, school.urn, 'public').allowed || !measureFitsPhase(measure, school.phase)) {
      return turn.send(messageCard('I can’t show that chart', ['That button is out of date. Ask for a new governor briefing.'], suggestionsFor(turn.user)));
    }
    await turn.send(measureTrendChartCard(await compareMeasure(deps.db, school, measure), { kind: 'trend', years: 3 }, suggestionsFor(turn.user)));
  }

  return {
    name: 'governorPack',
    intents: ['governor_pack'],
    submissions: {
      [PACK_CHOOSE_SCHOOL_VERB]: submission({
        schema: chooseSchool,
        handle: (turn, value) => packFor(turn, value.urn),
        invalid: async (turn) => {
          const own = await ownPackSchools(turn.user);
          if (own.length) await turn.send(schoolChoiceCard(own, 'I couldn’t read that choice. Which school is the briefing for?'));
          else await turn.send(refusal(deps, turn.user));
        },
      }),
      [PACK_TREND_CHART_VERB]: submission({
        schema: trendChart,
        handle: sendTrendChart,
        invalid: (turn) => turn.send(messageCard('I can’t show that chart', ['That button is out of date. Ask for a new governor briefing.'], suggestionsFor(turn.user))),
      }),
    },
    answer,
  };
}
