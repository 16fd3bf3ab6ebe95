/**
 * School terms, by calendar month. Term dates differ by school and Easter moves, so feedback is
 * grouped by the month of the service: autumn September–December, spring January–April, summer
 * May–August. Good enough for a trend; not a statement of any school's term dates.
 */
export type Season = 'autumn' | 'spring' | 'summer';
export type Term = { season: Season; year: number; key: string; label: string; academicYear: string };

const SEASONS: Season[] = ['spring', 'summer', 'autumn'];

const academicYearOf = (season: Season, year: number) => {
  const start = season === 'autumn' ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
};

export function term(season: Season, year: number): Term {
  // The key sorts chronologically: spring (1) before summer (2) before autumn (3) of one calendar year.
  return { season, year, key: `${year}-${SEASONS.indexOf(season) + 1}`, label: `${season} ${year}`, academicYear: academicYearOf(season, year) };
}

/** The term a date (YYYY-MM-DD…) falls in. */
export function termOf(isoDate: string): Term {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  if (month >= 9) return term('autumn', year);
  return term(month >= 5 ? 'summer' : 'spring', year);
}

export function previousTerm(t: Term): Term {
  if (t.season === 'autumn') return term('summer', t.year);
  if (t.season === 'summer') return term('spring', t.year);
  return term('autumn', t.year - 1);
}

/** "autumn 2026", "Spring 2027" → the term; anything else → undefined. */
export function parseTerm(label: string): Term | undefined {
  const m = /\b(autumn|spring|summer)\s+(20\d\d)\b/i.exec(label);
  return m ? term(m[1].toLowerCase() as Season, Number(m[2])) : undefined;
}


