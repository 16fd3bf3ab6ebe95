import { z } from 'zod';
import { suggestionsFor } from '../../src/cards/conversationCards';
import { measureFitsPhase } from '../../src/dfe/measureCatalog';
import { asksForTheList, GlossaryEntry, loadGlossary, lookUpTerms } from '../../src/glossary/glossary';
import { GLOSSARY_EXPLAIN_VERB, glossaryEntryCard, glossaryIndexCard } from '../../src/glossary/glossaryCardView';
import { getSchools } from '../../src/repos/schoolRepo';
import { AppUser } from '../../src/repos/userRepo';
import { isSchoolRole } from '../../src/services/accessPolicy';
import { AnswerDeps } from '../answerDeps';
import { Feature, FeatureTurn, submission } from '../feature';

const explainSubmission = z.object({ verb: z.literal(GLOSSARY_EXPLAIN_VERB), id: z.string().regex(/^[a-z0-9_]{1,60}$/) });

/**
 * "What does Progress 8 mean?": plain-English explanations from data/glossary.json, with caveats and
 * the years DfE did not publish a measure. An unknown term gets an honest answer and the list of terms.
 */
export function createGlossaryFeature(deps: AnswerDeps): Feature {
  const glossary = loadGlossary(deps.catalog);
  const ctx = { glossary, catalog: deps.catalog, banding: deps.banding };

  /** For a head or governor, offer their own school's figure for the term, if their school's phase has it. */
  async function suggestionsAbout(user: AppUser, entry: GlossaryEntry): Promise<string[]> {
    const measure = entry.measureIds.map((id) => deps.catalog.byId.get(id)).find((m) => m !== undefined);
    if (!measure || !isSchoolRole(user.role)) return [];
    const schools = await getSchools(deps.db, user.schoolUrns);
    return schools.some((s) => measureFitsPhase(measure, s.phase)) ? [`What's our ${measure.shortLabel}?`] : [];
  }

  async function explain(turn: FeatureTurn, entry: GlossaryEntry, alsoAsked: GlossaryEntry[] = []): Promise<void> {
    await turn.send(glossaryEntryCard(entry, ctx, await suggestionsAbout(turn.user, entry), alsoAsked));
  }

  return {
    name: 'glossary',
    intents: ['glossary'],
    submissions: {
      [GLOSSARY_EXPLAIN_VERB]: submission({
        schema: explainSubmission,
        handle: async (turn, value) => {
          const entry = glossary.byId.get(value.id);
          if (entry) await explain(turn, entry);
          else await turn.send(glossaryIndexCard(glossary, false, suggestionsFor(turn.user)));
        },
        invalid: async (turn) => turn.send(glossaryIndexCard(glossary, false, suggestionsFor(turn.user))),
      }),
    },
    async answer(turn, recognition) {
      const text = turn.context.activity.text ?? '';
      const [entry, ...alsoAsked] = lookUpTerms(glossary, text, recognition.entities.measureIds);
      if (entry) await explain(turn, entry, alsoAsked);
      else await turn.send(glossaryIndexCard(glossary, asksForTheList(text), suggestionsFor(turn.user)));
    },
  };
}
