import { AdaptiveCardJson, renderCard } from '../cards/cardRenderer';
import { MeasureCatalog } from '../dfe/measureCatalog';
import { BandingConfig } from '../services/banding';
import { Glossary, GlossaryEntry } from './glossary';

declare module '../cards/cardModels' {
  interface CardModels {
    glossaryEntry: {
      term: string;
      explanation: string[];
      caveats: string[];
      notPublished: string[];
      appendixTitle: string;
      appendix: string[];
      related: { verb: string; id: string; title: string }[];
      suggestions: string[];
    };
    glossaryIndex: { title: string; intro: string; terms: string[]; suggestions: string[] };
  }
}

export const GLOSSARY_EXPLAIN_VERB = 'glossaryExplain';

const MAX_RELATED_BUTTONS = 3;

/** The years DfE did not publish the entry's measures, one line per key stage and year (the catalogue's own words). */
function notPublishedLines(entry: GlossaryEntry, catalog: MeasureCatalog): string[] {
  const lines = new Map<string, string>();
  for (const id of entry.measureIds) {
    const measure = catalog.byId.get(id);
    for (const [year, note] of Object.entries(measure?.notPublished ?? {})) {
      const key = `${measure?.keyStage ?? measure?.dataset}|${year}`;
      if (!lines.has(key)) lines.set(key, note);
    }
  }
  return [...lines.values()];
}

function bandingLines(banding: BandingConfig, catalog: MeasureCatalog): string[] {
  const labels = (ids: string[]) => ids.map((id) => catalog.byId.get(id)?.shortLabel ?? id).join(', ');
  return [
    ...banding.components.map(
      (c) => `${c.label}: ${Math.round(c.weight * 100)}% of the score (primary: ${labels(c.primary)}; secondary: ${labels(c.secondary)})`,
    ),
    ...banding.bands.map((b) => `Band ${b.band}: a score of ${b.min} or more, ${b.meaning.charAt(0).toLowerCase()}${b.meaning.slice(1)}`),
  ];
}

export type GlossaryCardContext = { glossary: Glossary; catalog: MeasureCatalog; banding: BandingConfig };

/**
 * One term in plain English, its caveats, the years it was not published, and buttons for the other
 * terms the question named (`alsoAsked`) and then the entry's related terms.
 */
export function glossaryEntryCard(entry: GlossaryEntry, ctx: GlossaryCardContext, suggestions: string[], alsoAsked: GlossaryEntry[] = []): AdaptiveCardJson {
  const relatedIds = [...new Set([...alsoAsked.map((e) => e.id), ...entry.related])].filter((id) => id !== entry.id);
  const related = relatedIds
    .map((id) => ctx.glossary.byId.get(id))
    .filter((e): e is GlossaryEntry => e !== undefined)
    .slice(0, MAX_RELATED_BUTTONS)
    .map((e) => ({ verb: GLOSSARY_EXPLAIN_VERB, id: e.id, title: `Explain: ${e.term}` }));
  const appendix = entry.appendix === 'bandingWeights' ? bandingLines(ctx.banding, ctx.catalog) : [];
  return renderCard(
    'glossaryEntry',
    {
      term: entry.term,
      explanation: entry.explanation,
      caveats: entry.caveats,
      notPublished: notPublishedLines(entry, ctx.catalog),
      appendixTitle: appendix.length ? 'The weights and bands in use' : '',
      appendix,
      related,
      suggestions,
    },
    `${entry.term}: ${entry.explanation.join(' ')}`,
  );
}

/** The terms the bot can explain: for "glossary", and the honest answer to a term it does not know. */
export function glossaryIndexCard(glossary: Glossary, knownTermAsked: boolean, suggestions: string[]): AdaptiveCardJson {
  const title = knownTermAsked ? 'Terms I can explain' : 'I can’t explain that one';
  const intro = knownTermAsked
    ? 'Ask about any of these, for example "what does Progress 8 mean?".'
    : 'I don’t have a plain-English explanation for that, and I won’t guess. These are the terms I can explain; ask about any of them, for example "what is persistent absence?".';
  return renderCard(
    'glossaryIndex',
    { title, intro, terms: glossary.entries.map((e) => e.term), suggestions },
    `${title}. ${glossary.entries.map((e) => e.term).join(', ')}.`,
  );
}
