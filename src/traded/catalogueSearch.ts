import { Catalogue, CatalogueCategory, TradedService } from './catalogue';

export type ServiceMatch = { service: TradedService; score: number; keywordHits: number };
export type CatalogueSearch = { categories: CatalogueCategory[]; matches: ServiceMatch[] };

/** Words that say nothing about which service is meant ("do you do any support for schools?"). */
const STOP = new Set(
  'a an and any anything are about as at be buy by can course courses do does for from have how i in is it me much of on or our service services school schools support the there to traded us we what which with you your'.split(' '),
);

/** Lower case, straight apostrophes, hyphens and punctuation as spaces, padded so phrases match whole words. */
export const normalise = (text: string): string =>
  ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^a-z0-9']+/g, ' ').trim()} `;

/** The catalogue's phrases, normalised once per catalogue rather than on every question. */
type Prepared = {
  categoryWords: Set<string>;
  categories: { category: CatalogueCategory; phrases: string[] }[];
  services: { service: TradedService; keywords: { phrase: string; words: number }[]; nameWords: string[] }[];
};
const prepared = new WeakMap<Catalogue, Prepared>();

function prepare(catalogue: Catalogue): Prepared {
  let p = prepared.get(catalogue);
  if (!p) {
    p = {
      // A word that names a category ("governance", "hr") says which category, not which of its services.
      categoryWords: new Set(catalogue.categories.flatMap((c) => [c.label, ...c.synonyms]).flatMap((phrase) => normalise(phrase).trim().split(' '))),
      categories: catalogue.categories.map((category) => ({ category, phrases: [...category.synonyms, category.label].map(normalise) })),
      services: catalogue.services.map((service) => ({
        service,
        keywords: service.keywords.map((k) => ({ phrase: normalise(k), words: normalise(k).trim().split(' ').length })),
        nameWords: normalise(service.name).trim().split(' ').filter((w) => !STOP.has(w)),
      })),
    };
    prepared.set(catalogue, p);
  }
  return p;
}

/**
 * Finds the services a question is about: keywords and name words score each service, and a
 * category named ("governor", "HR") lifts all of its services. Keywords and synonyms are data in
 * the catalogue, so a council tunes search by editing data/traded/catalogue.json.
 */
export function searchCatalogue(catalogue: Catalogue, text: string): CatalogueSearch {
  const query = normalise(text);
  const words = new Set(query.trim().split(' '));
  const { categoryWords, categories: allCategories, services } = prepare(catalogue);
  const categories = allCategories.filter((c) => c.phrases.some((phrase) => query.includes(phrase))).map((c) => c.category);
  const matches = services
    .map(({ service, keywords, nameWords: allNameWords }) => {
      const keywordHits = keywords.filter((k) => query.includes(k.phrase));
      const keywordScore = keywordHits.reduce((sum, k) => sum + 2 + k.words, 0);
      const nameWords = allNameWords.filter((w) => !categoryWords.has(w) && words.has(w));
      const categoryScore = categories.some((c) => c.id === service.category) ? 2 : 0;
      return { service, score: keywordScore + nameWords.length + categoryScore, keywordHits: keywordHits.length + nameWords.length };
    })
    .filter((m) => m.score >= 3)
    .sort((a, b) => b.score - a.score || a.service.name.localeCompare(b.service.name));
  return { categories, matches };
}

/** The one service a question names, when one clearly stands out; undefined when it is unclear. */
export function bestMatch(search: CatalogueSearch): TradedService | undefined {
  const named = search.matches.filter((m) => m.keywordHits > 0);
  const [top, second] = named;
  if (!top) return undefined;
  return !second || top.score - second.score >= 2 ? top.service : undefined;
}

/** The services a question names by keyword, best first (a category alone names none). */
export const namedServices = (search: CatalogueSearch): TradedService[] =>
  search.matches.filter((m) => m.keywordHits > 0).map((m) => m.service);
