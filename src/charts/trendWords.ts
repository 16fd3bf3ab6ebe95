import { Measure } from '../dfe/measureCatalog';
import { ComparedFigure, formatFigure, statusText } from '../services/measureComparison';

export type YearFigure = { year: string; figure: ComparedFigure };

/** "62% in 2022/23", or "suppressed (SUPP) in 2024/25": a figure never loses its year or becomes a zero. */
export function figureInYear(f: YearFigure, measure: Measure): string {
  const text = f.figure.status === 'value' ? formatFigure(f.figure, measure) : statusText(f.figure.status).toLowerCase();
  return `${text} in ${f.year}`;
}

/**
 * The change between the first and last years that have a figure, in words a governor reads at a
 * glance, saying whether the direction is better or worse for this measure. Undefined with fewer than two.
 */
export function describeChange(measure: Measure, figures: YearFigure[]): string | undefined {
  const valued = figures.filter((f) => f.figure.status === 'value' && f.figure.value !== null);
  if (valued.length < 2) return undefined;
  const first = valued[0];
  const last = valued[valued.length - 1];
  const from = formatFigure(first.figure, measure);
  const to = formatFigure(last.figure, measure);
  if (from === to) return `No change: ${to} in ${first.year} and in ${last.year}`;
  const rose = (last.figure.value ?? 0) > (first.figure.value ?? 0);
  const judgement = measure.higherIsBetter === null ? '' : rose === measure.higherIsBetter ? ' (better)' : ' (worse)';
  return `${rose ? 'Up' : 'Down'} from ${from} in ${first.year} to ${to} in ${last.year}${judgement}`;
}
