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

/** Every string one character shorter than the word: two words one edit apart share one of these (or are one). */
const deletions = (word: string): string[] => Array.from({ length: word.length }, (_, i) => word.slice(0, i) + word.slice(i + 1));

/** Finds schools named in free text: every distinctive word of a school's name must be there (one typo allowed in long words). */
export class SchoolNameIndex {
  private readonly entries: Entry[];
  private readonly entriesByWord = new Map<string, Entry[]>();
  /** Deletion variants of each distinctive word of five letters or more, for typo-tolerant lookup without scanning. */
  private readonly byDeletion = new Map<string, Set<string>>();
  private last?: { words: string; matches: Entry[] };

  constructor(schools: { urn: string; name: string }[]) {
    this.entries = schools
      .map((s) => ({ urn: s.urn, name: s.name, distinctive: [...new Set(normaliseName(s.name).filter((w) => !GENERIC.has(w)))] }))
      .filter((e) => e.distinctive.length > 0);
    for (const entry of this.entries) {
      for (const word of entry.distinctive) {
        this.entriesByWord.set(word, [...(this.entriesByWord.get(word) ?? []), entry]);
        if (word.length < 5) continue;
        for (const key of [word, ...deletions(word)]) this.byDeletion.set(key, (this.byDeletion.get(key) ?? new Set()).add(word));
      }
    }
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
    const named = new Set(this.matching(words).flatMap((m) => m.distinctive));
    if (!named.size) return words.join(' ');
    return words.map((w) => (this.vocabularyNear(w).some((v) => named.has(v)) ? 'school' : w)).join(' ');
  }

  /** The distinctive words a typed word may stand for: itself, or one typo away if it is long. */
  private vocabularyNear(word: string): string[] {
    const near = this.entriesByWord.has(word) ? [word] : [];
    if (word.length < 5) return near;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) if (candidate !== word && leven(word, candidate) <= 1) near.push(candidate);
    }
    return near;
  }

  private matching(words: string[]): Entry[] {
    const key = words.join(' ');
    if (this.last?.words === key) return this.last.matches;
    const present = new Set(words.flatMap((w) => this.vocabularyNear(w)));
    const candidates = new Set([...present].flatMap((w) => this.entriesByWord.get(w) ?? []));
    const matches = [...candidates].filter((e) => e.distinctive.every((d) => present.has(d)));
    // Prefer the most specific names: "Holywell" should not also return every school sharing one word with it.
    const best = Math.max(0, ...matches.map((m) => m.distinctive.length));
    const result = matches.filter((m) => m.distinctive.length === best).sort((a, b) => a.name.localeCompare(b.name));
    this.last = { words: key, matches: result };
    return result;
  }
}
