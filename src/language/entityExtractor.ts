import { Measure } from '../dfe/measureCatalog';
import { Entities, Threshold, YearSpan } from './intents';
import { SchoolNameIndex } from './schoolNameIndex';

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, '2': 2, '3': 3, '4': 4, '5': 5 };

const DISTRICT_ALIASES: Record<string, string> = {
  'north hertfordshire': 'North Herts',
  'north herts': 'North Herts',
  'east hertfordshire': 'East Herts',
  'east herts': 'East Herts',
  'st albans': 'St Albans',
  'st. albans': 'St Albans',
  'saint albans': 'St Albans',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class EntityExtractor {
  private readonly measurePhrases: { text: string; phrase: RegExp; id: string }[];
  private readonly districtPatterns: { district: string; pattern: RegExp }[];

  constructor(
    measures: Measure[],
    private readonly schools: SchoolNameIndex,
    districts: string[],
  ) {
    this.measurePhrases = measures
      .flatMap((m) => [m.shortLabel.toLowerCase(), ...m.synonyms].map((p) => ({ text: p.toLowerCase(), id: m.id })))
      .sort((a, b) => b.text.length - a.text.length)
      .map((p) => ({ text: p.text, phrase: new RegExp(`(^|[^a-z0-9])${escape(p.text)}($|[^a-z0-9])`), id: p.id }));
    this.districtPatterns = districts.map((district) => ({ district, pattern: new RegExp(`(^|[^a-z])${escape(district.toLowerCase())}($|[^a-z])`) }));
  }

  /** The text as the intent classifier should see it: school names masked. */
  maskSchools(text: string): string {
    return this.schools.mask(text);
  }

  extract(text: string): Entities {
    const lower = ` ${text.toLowerCase().replace(/[’‘]/g, "'")} `;
    return {
      urns: [...new Set(lower.match(/\b\d{6}\b/g) ?? [])],
      schools: this.schools.find(text),
      district: this.district(lower),
      measureIds: this.measures(lower),
      keyStage: /\b(ks ?2|key stage 2|sats|year 6)\b/.test(lower) ? 'KS2' : /\b(ks ?4|key stage 4|gcses?)\b/.test(lower) ? 'KS4' : undefined,
      years: yearSpan(lower),
      threshold: threshold(lower),
    };
  }

  /** Longest phrases first, each consumed once, so "reading progress" is not also "reading"; reported in the order asked. */
  private measures(lower: string): string[] {
    let rest = lower;
    const found = new Map<string, number>();
    for (const p of this.measurePhrases) {
      // Most phrases are absent; a plain substring test rules them out before the word-boundary pattern runs.
      if (!rest.includes(p.text)) continue;
      const match = p.phrase.exec(rest);
      if (!match) continue;
      const at = match.index + match[1].length;
      if (!found.has(p.id)) found.set(p.id, at);
      rest = rest.slice(0, at) + '#'.repeat(p.text.length) + rest.slice(at + p.text.length);
    }
    return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }

  private district(lower: string): string | undefined {
    for (const [alias, district] of Object.entries(DISTRICT_ALIASES)) if (lower.includes(alias)) return district;
    return this.districtPatterns.find((d) => d.pattern.test(lower))?.district;
  }
}

export function yearSpan(lower: string): YearSpan {
  const explicit = /\b(20\d\d)\s*[/-]\s*(\d\d|20\d\d)\b/.exec(lower);
  if (explicit) {
    const start = Number(explicit[1]);
    return { kind: 'specific', year: `${start}/${String(start + 1).slice(2)}` };
  }
  const trend = /(last|past|over the last|previous)\s+(two|three|four|five|2|3|4|5)\s+years/.exec(lower);
  if (trend) return { kind: 'trend', years: NUMBER_WORDS[trend[2]] };
  if (/\b(trend|over time|over the years|year on year|history|historic)\b/.test(lower)) return { kind: 'trend', years: 3 };
  if (/\b(the year before|previous year|year before last)\b/.test(lower)) return { kind: 'previous' };
  return { kind: 'latest' };
}

export function threshold(lower: string): Threshold | undefined {
  const m = /\b(above|over|more than|greater than|higher than|at least|below|under|less than|lower than)\s+(-?\d+(?:\.\d+)?)\s*%?/.exec(lower);
  if (!m) return undefined;
  return { op: /above|over|more|greater|higher|least/.test(m[1]) ? 'above' : 'below', value: Number(m[2]) };
}
