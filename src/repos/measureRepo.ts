import { Database } from '../db/database';
import { FigureStatus } from '../dfe/dfeValue';

export type StoredFigure = {
  subjectKind: 'school' | 'la' | 'national';
  subjectCode: string;
  cohort: string;
  measureId: string;
  academicYear: string;
  status: FigureStatus;
  value: number | null;
  source: string;
};

type Row = {
  subject_kind: StoredFigure['subjectKind']; subject_code: string; cohort: string; measure_id: string;
  academic_year: string; status: FigureStatus; value: number | null; source: string;
};

const toFigure = (r: Row): StoredFigure => ({
  subjectKind: r.subject_kind,
  subjectCode: r.subject_code,
  cohort: r.cohort,
  measureId: r.measure_id,
  academicYear: r.academic_year,
  status: r.status,
  value: r.value,
  source: r.source,
});

/** Every figure held for one school, LA or England, grouped by measure; in memory while the published data is unchanged. */
function figuresFor(db: Database, subjectKind: StoredFigure['subjectKind'], subjectCode: string): Promise<Map<string, StoredFigure[]>> {
  return db.snapshot('published', `figures:${subjectKind}:${subjectCode}`, async () => {
    const rows = await db.all<Row>(
      `SELECT subject_kind, subject_code, cohort, measure_id, academic_year, status, value, source
         FROM measure_values WHERE subject_kind = ? AND subject_code = ?`,
      [subjectKind, subjectCode],
    );
    const byMeasure = new Map<string, StoredFigure[]>();
    for (const row of rows) {
      const figure = Object.freeze(toFigure(row));
      byMeasure.set(figure.measureId, [...(byMeasure.get(figure.measureId) ?? []), figure]);
    }
    return byMeasure;
  });
}

/** Every year's figure for one school and its LA and England comparators, for several measures, oldest first. */
export async function figuresForMeasures(db: Database, measureIds: string[], urn: string, laCode: string): Promise<StoredFigure[]> {
  if (!measureIds.length) return [];
  const subjects = await Promise.all([figuresFor(db, 'school', urn), figuresFor(db, 'la', laCode), figuresFor(db, 'national', 'england')]);
  return subjects
    .flatMap((byMeasure) => measureIds.flatMap((id) => byMeasure.get(id) ?? []))
    .sort((a, b) => (a.academicYear < b.academicYear ? -1 : a.academicYear > b.academicYear ? 1 : 0));
}

/** The years in which a measure was published for anyone, oldest first. */
export async function yearsWithMeasure(db: Database, measureId: string): Promise<string[]> {
  const rows = await db.all<{ academic_year: string }>(
    'SELECT DISTINCT academic_year FROM measure_values WHERE measure_id = ? ORDER BY academic_year',
    [measureId],
  );
  return rows.map((r) => r.academic_year);
}

/** One year's school figures for a measure across a set of schools. */
export async function schoolFiguresForYear(db: Database, measureId: string, year: string, urns: string[]): Promise<StoredFigure[]> {
  if (!urns.length) return [];
  const rows = await db.all<Row>(
    `SELECT subject_kind, subject_code, cohort, measure_id, academic_year, status, value, source
       FROM measure_values
      WHERE measure_id = ? AND academic_year = ? AND subject_kind = 'school'
        AND subject_code IN (${urns.map(() => '?').join(',')})`,
    [measureId, year, ...urns],
  );
  return rows.map(toFigure);
}
