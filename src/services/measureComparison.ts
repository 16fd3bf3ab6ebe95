import { Database } from '../db/database';
import { Figure, FigureStatus, STATUS_EXPLANATION } from '../dfe/dfeValue';
import { Measure } from '../dfe/measureCatalog';
import { figuresForMeasures, StoredFigure } from '../repos/measureRepo';
import { School } from '../repos/schoolRepo';

export type ComparedFigure = Figure & { note?: string };

export type YearComparison = {
  academicYear: string;
  school: ComparedFigure;
  la: ComparedFigure;
  national: ComparedFigure;
  source: string;
};

export type MeasureComparison = {
  school: School;
  measure: Measure;
  years: YearComparison[];
};

/** Census and absence comparators come per phase; KS2 and KS4 ones are already phase-specific. */
export function cohortFor(phase: string): string {
  if (phase === 'primary' || phase === 'nursery') return 'PRI';
  if (phase === 'special') return 'SPE';
  return 'SEC';
}

const ABSENT: FigureStatus = 'missing';

function pickComparator(figures: StoredFigure[], kind: 'la' | 'national', year: string, cohort: string): StoredFigure | undefined {
  const sameYear = figures.filter((f) => f.subjectKind === kind && f.academicYear === year);
  return sameYear.find((f) => f.cohort === cohort) ?? sameYear.find((f) => f.cohort === '');
}

function toCompared(f: StoredFigure | undefined, measure: Measure, year: string): ComparedFigure {
  const notPublished = measure.notPublished?.[year];
  if (!f) return notPublished ? { status: 'not_published', value: null, note: notPublished } : { status: ABSENT, value: null };
  if (f.status === 'not_published' && notPublished) return { status: f.status, value: null, note: notPublished };
  return { status: f.status, value: f.value };
}

/**
 * A school's figure for a measure in every year held, each beside the LA and England figures.
 * Years where the school has no row still appear if DfE published the measure for others, so a
 * gap is visible rather than silently skipped.
 */
export async function compareMeasure(db: Database, school: School, measure: Measure): Promise<MeasureComparison> {
  const [comparison] = await compareMeasures(db, school, [measure]);
  return comparison;
}

/** compareMeasure for several measures with one query, in the order given. */
export async function compareMeasures(db: Database, school: School, measures: Measure[]): Promise<MeasureComparison[]> {
  const figures = await figuresForMeasures(db, measures.map((m) => m.id), school.urn, school.laCode);
  return measures.map((measure) => comparisonFrom(figures.filter((f) => f.measureId === measure.id), school, measure));
}

function comparisonFrom(figures: StoredFigure[], school: School, measure: Measure): MeasureComparison {
  const years = [...new Set(figures.map((f) => f.academicYear))].sort();
  const cohort = cohortFor(school.phase);
  return {
    school,
    measure,
    years: years.map((year) => {
      const own = figures.find((f) => f.subjectKind === 'school' && f.academicYear === year);
      const anySource = own ?? figures.find((f) => f.academicYear === year);
      return {
        academicYear: year,
        school: toCompared(own, measure, year),
        la: toCompared(pickComparator(figures, 'la', year, cohort), measure, year),
        national: toCompared(pickComparator(figures, 'national', year, cohort), measure, year),
        source: anySource?.source ?? measure.dataset,
      };
    }),
  };
}

export function formatFigure(f: ComparedFigure, measure: Measure): string {
  if (f.status !== 'value' || f.value === null) return statusText(f.status);
  switch (measure.unit) {
    case 'percent':
      return `${round(f.value)}%`;
    case 'progress':
      return `${f.value > 0 ? '+' : ''}${f.value.toFixed(2)}`;
    case 'count':
      return f.value.toLocaleString('en-GB');
    default:
      return String(round(f.value));
  }
}

const round = (v: number) => Math.round(v * 10) / 10;

export function statusText(status: FigureStatus): string {
  if (status === 'value') return '';
  const labels: Record<Exclude<FigureStatus, 'value'>, string> = {
    suppressed: 'Suppressed (SUPP)',
    not_published: 'Not published',
    not_applicable: 'Not applicable',
    no_pupils: 'No eligible pupils',
    low_coverage: 'Low coverage',
    new_school: 'New school',
    missing: 'No data',
  };
  return labels[status];
}

export function explainStatus(status: FigureStatus): string {
  return status === 'value' ? '' : STATUS_EXPLANATION[status];
}
