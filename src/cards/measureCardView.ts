import { YearSpan } from '../language/intents';
import { explainStatus, formatFigure, MeasureComparison, YearComparison } from '../services/measureComparison';
import { AdaptiveCardJson, renderCard } from './cardRenderer';

const laLabel = (c: MeasureComparison) => c.school.laName || `LA ${c.school.laCode}`;

/** Which years to show: the latest with a school row, the year asked for, or the last N for a trend. */
export function selectYears(years: YearComparison[], span: YearSpan): YearComparison[] {
  if (!years.length) return [];
  if (span.kind === 'specific') return years.filter((y) => y.academicYear === span.year);
  if (span.kind === 'trend') return years.slice(-span.years);
  const index = span.kind === 'previous' ? years.length - 2 : years.length - 1;
  if (index < 0) return [];
  // "What's our Progress 8?" in a year DfE did not publish it: show the gap and the last published figure.
  if (span.kind === 'latest' && years[index].school.status === 'not_published') {
    const lastPublished = years.slice(0, index).reverse().find((y) => y.school.status === 'value');
    if (lastPublished) return [lastPublished, years[index]];
  }
  return [years[index]];
}

function comparisonLine(c: MeasureComparison, y: YearComparison): string {
  if (y.school.value === null) return '';
  const parts: string[] = [];
  if (y.la.value !== null) parts.push(`${laLabel(c)} ${formatFigure(y.la, c.measure)}`);
  if (y.national.value !== null) parts.push(`England ${formatFigure(y.national, c.measure)}`);
  if (!parts.length) return `No ${laLabel(c)} or England figure was published for ${y.academicYear}.`;
  return `Compared with ${parts.join(' and ')} in the same year.`;
}

export function noteFor(y: YearComparison): string | undefined {
  if (y.school.note) return `${y.academicYear}: ${y.school.note}`;
  if (y.school.status !== 'value') return `${y.academicYear}: the school's figure is ${explainStatus(y.school.status)}.`;
  return undefined;
}

export function measureAnswerCard(c: MeasureComparison, span: YearSpan, suggestions: string[]): AdaptiveCardJson {
  const shown = selectYears(c.years, span);
  const head = shown[shown.length - 1];
  if (!head) {
    const wanted = span.kind === 'specific' ? ` for ${span.year}` : '';
    return renderCard(
      'message',
      {
        title: `${c.measure.shortLabel}: no data${wanted}`,
        paragraphs: [`I hold no ${c.measure.label.toLowerCase()} figures for ${c.school.name}${wanted}.`],
        suggestions,
      },
      `No ${c.measure.shortLabel} data for ${c.school.name}${wanted}.`,
    );
  }
  const headline = formatFigure(head.school, c.measure);
  const notes = shown.map(noteFor).filter((n): n is string => Boolean(n));
  const sources = [...new Set(shown.map((y) => y.source))].join('; ');
  return renderCard(
    'measureAnswer',
    {
      schoolName: c.school.name,
      measureLabel: c.measure.label,
      headline,
      headlineYear: head.academicYear,
      headlineNote: head.school.status === 'value' ? '' : explainStatus(head.school.status),
      comparisonLine: comparisonLine(c, head),
      laName: laLabel(c),
      rows: shown.map((y) => ({
        year: y.academicYear,
        school: formatFigure(y.school, c.measure),
        la: formatFigure(y.la, c.measure),
        national: formatFigure(y.national, c.measure),
      })),
      notes,
      sources,
      suggestions,
    },
    `${c.school.name}: ${c.measure.shortLabel} ${headline} in ${head.academicYear} (${comparisonLine(c, head) || 'no comparison'}). Source: ${sources}.`,
  );
}
