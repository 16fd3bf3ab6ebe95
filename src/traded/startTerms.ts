/** A school term a service can start in, e.g. { value: '2027-spring', label: 'Spring term 2027' }. */
export type StartTerm = { value: string; label: string };

const TERMS = ['spring', 'summer', 'autumn'] as const;
/** The month each term starts (January, April, September): close enough to say when a service begins. */
const STARTS_IN_MONTH: Record<(typeof TERMS)[number], number> = { spring: 0, summer: 3, autumn: 8 };

/** The next `count` terms after the one we are in, so a school never orders for a term already under way. */
export function startTermsFrom(now: Date, count = 3): StartTerm[] {
  const terms: StartTerm[] = [];
  let year = now.getUTCFullYear();
  let index = TERMS.findIndex((t) => STARTS_IN_MONTH[t] > now.getUTCMonth());
  if (index === -1) {
    year += 1;
    index = 0;
  }
  while (terms.length < count) {
    const term = TERMS[index];
    terms.push({ value: `${year}-${term}`, label: `${term.charAt(0).toUpperCase()}${term.slice(1)} term ${year}` });
    index = (index + 1) % TERMS.length;
    if (index === 0) year += 1;
  }
  return terms;
}

export function termLabel(value: string): string {
  const m = /^(\d{4})-(spring|summer|autumn)$/.exec(value);
  return m ? `${m[2].charAt(0).toUpperCase()}${m[2].slice(1)} term ${m[1]}` : value;
}
