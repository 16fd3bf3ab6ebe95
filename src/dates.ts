// Formatters are built once: toLocaleDateString builds a new one on every call, which showed up in profiles.
const UTC_LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONDON_LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "2026-11-25" → "25 November 2026". ISO dates are read as UTC, so a server's time zone cannot shift them. */
export const longDate = (isoDate: string): string => UTC_LONG.format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));

/** The date of an instant as people in England would write it. */
export const longDateInLondon = (instant: Date): string => LONDON_LONG.format(instant);
