import { School } from '../repos/schoolRepo';
import { formatFigure, MeasureComparison } from '../services/measureComparison';
import { AdaptiveCardJson, renderCard } from './cardRenderer';
import { noteFor } from './measureCardView';

/** Each measure's latest year, so a figure is never shown without the year it belongs to. */
export function overviewCard(school: School, comparisons: MeasureComparison[], suggestions: string[]): AdaptiveCardJson {
  const latest = comparisons
    .map((c) => ({ c, y: c.years[c.years.length - 1] }))
    .filter((r): r is { c: MeasureComparison; y: NonNullable<typeof r.y> } => r.y !== undefined);
  const rows = latest.map(({ c, y }) => ({
    label: c.measure.shortLabel,
    year: y.academicYear,
    school: formatFigure(y.school, c.measure),
    la: formatFigure(y.la, c.measure),
    national: formatFigure(y.national, c.measure),
  }));
  const notes = latest.map(({ c, y }) => {
    const note = noteFor(y);
    return note && `${c.measure.shortLabel}, ${note}`;
  });
  const sources = [...new Set(latest.map(({ y }) => y.source))].join('; ');
  const laName = school.laName || `LA ${school.laCode}`;
  const description = [school.schoolType, school.phase, school.town, school.district && `${school.district} district`, `URN ${school.urn}`]
    .filter(Boolean)
    .join(' · ');
  return renderCard(
    'schoolOverview',
    { schoolName: school.name, description, laName, rows, notes: notes.filter((n): n is string => Boolean(n)), sources, suggestions },
    `${school.name}: ${rows.map((r) => `${r.label} ${r.school} (${r.year})`).join('; ')}. Source: ${sources}.`,
  );
}
