import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MeasureCatalog } from '../dfe/measureCatalog';
import { DATA_DIR } from '../projectPaths';

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  term: z.string().min(1),
  synonyms: z.array(z.string().min(1)).min(1),
  measureIds: z.array(z.string()),
  explanation: z.array(z.string().min(1)).min(1),
  caveats: z.array(z.string().min(1)),
  related: z.array(z.string()).default([]),
  /** Facts that live in another data file and are added when the entry is shown, so they cannot drift. */
  appendix: z.enum(['bandingWeights']).optional(),
});
const glossarySchema = z.object({ entries: z.array(entrySchema).min(1) });

export type GlossaryEntry = z.infer<typeof entrySchema>;
type PhraseMatcher = { phrase: string; entry: GlossaryEntry; pattern: RegExp };
/** `phrases`: every term and synonym, longest first, each with its pattern built once. */
export type Glossary = { entries: GlossaryEntry[]; byId: Map<string, GlossaryEntry>; phrases: PhraseMatcher[] };

export const DEFAULT_GLOSSARY_PATH = path.join(DATA_DIR, 'glossary.json');

/** Reads data/glossary.json and checks every measure and related entry it names exists. */
export function loadGlossary(catalog: MeasureCatalog, file: string = DEFAULT_GLOSSARY_PATH): Glossary {
  const { entries } = glossarySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const byId = new Map(entries.map((e) => [e.id, e]));
  if (byId.size !== entries.length) throw new Error(`${file}: duplicate glossary ids`);
  for (const e of entries) {
    const unknownMeasure = e.measureIds.find((id) => !catalog.byId.has(id));
    if (unknownMeasure) throw new Error(`${file}: ${e.id} names unknown measure ${unknownMeasure}`);
    const unknownRelated = e.related.find((id) => !byId.has(id));
    if (unknownRelated) throw new Error(`${file}: ${e.id} names unknown related entry ${unknownRelated}`);
  }
  return { entries, byId, phrases: phraseMatchers(entries) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function phraseMatchers(entries: GlossaryEntry[]): PhraseMatcher[] {
  return entries
    .flatMap((entry) => [entry.term, ...entry.synonyms].map((p) => p.toLowerCase()).map((phrase) => ({ phrase, entry, pattern: new RegExp(`(^|[^a-z0-9])${escape(phrase)}($|[^a-z0-9])`) })))
    .sort((a, b) => b.phrase.length - a.phrase.length);
}
const normalise = (text: string) => ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(/[?!.,;:]+(\s|$)/g, ' ')} `;

/**
 * The entries a question is about, in the order asked. The glossary's own phrases are matched first
 * (longest first, each stretch of text used once, so "no progress score" is not also "progress score");
 * only if none match do the measures the recognizer found pick the entries that explain them.
 */
export function lookUpTerms(glossary: Glossary, text: string, measureIds: string[] = []): GlossaryEntry[] {
  let rest = normalise(text);
  const found = new Map<GlossaryEntry, number>();
  for (const { phrase, entry, pattern } of glossary.phrases) {
    if (!rest.includes(phrase)) continue;
    const match = pattern.exec(rest);
    if (!match) continue;
    const at = match.index + match[1].length;
    if (!found.has(entry)) found.set(entry, at);
    rest = rest.slice(0, at) + '#'.repeat(phrase.length) + rest.slice(at + phrase.length);
  }
  if (found.size) return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([entry]) => entry);
  const byMeasure = measureIds.map((id) => glossary.entries.find((e) => e.measureIds.includes(id)));
  return [...new Set(byMeasure.filter((e): e is GlossaryEntry => e !== undefined))];
}

/** Did the person ask for the list of terms itself ("glossary", "what do the terms mean") rather than one term? */
export const asksForTheList = (text: string) => /\b(glossary|terms|jargon|acronyms|abbreviations|words you use)\b/i.test(text);
