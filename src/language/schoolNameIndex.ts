import { leven } from '@nlpjs/similarity';
import { SchoolMention } from './intents';

/** Words that appear in so many school names that they say nothing about which school is meant. */
const GENERIC = new Set([
  'school', 'schools', 'primary', 'junior', 'infant', 'infants', 'nursery', 'academy', 'the', 'and', 'of', 'church',
  'england', 'ce', 'c', 'e', 'catholic', 'rc', 'roman', 'st', 'saint', 'jmi', 'jmi', 'mixed', 'voluntary', 'aided',
  'controlled', 'va', 'vc', 'community', 'college', 'high', 'first', 'free', 'trust', 'for', 'a', 'an', 'in', 'at', 'herts',
  'hertfordshire', 'girls', 'boys', 'foundation', 'special', 'centre', 'learning', 'education', 'upper', 'lower', 'infant',
]);

export function normaliseName(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/junior mixed (and|&) infants?/g, 'jmi')
    .replace(/church of england/g, 'ce')
    .replace(/&/g, ' and ')
    .replace(/['’]s\b/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

type Entry = { urn: string; name: string; distinctive: string[] };

const close = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && leven(a, b) <= 1);

/** Finds schools named in free text: every distinctive word of a school's name must be there (one typo allowed in long words). */
export class SchoolNameIndex {
  private readonly entries: Entry[];

  constructor(schools: { urn: string; name: string }[]) {
    this.entries = schools
      .map((s) => ({ urn: s.urn, name: s.name, distinctive: [...new Set(normaliseName(s.name).filter((w) => !GENERIC.has(w)))] }))
      .filter((e) => e.distinctive.length > 0);
  }

  find(text: string): SchoolMention[] {
    return this.matching(normaliseName(text)).map((m) => ({ urn: m.urn, name: m.name }));
  }

  /**
   * The text with each school's name replaced by the word "school", so the intent classifier sees
   * "what is the banding for school" whichever of 500 schools was named.
   */
  mask(text: string): string {
    const words = normaliseName(text);
    const named = this.matching(words).flatMap((m) => m.distinctive);
    return words.map((w) => (named.some((d) => close(w, d)) ? 'school' : w)).join(' ');
  }

  private matching(words: string[]): Entry[] {
    const matches = this.entries.filter((e) => e.distinctive.every((d) => words.some((w) => close(w, d))));
    // Prefer the most specific names: "Holywell" should not also return every school sharing one word with it.
    const best = Math.max(0, ...matches.map((m) => m.distinctive.length));
    return matches.filter((m) => m.distinctive.length === best);
  }
}
