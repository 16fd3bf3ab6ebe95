import { Database } from '../db/database';
import { Measure } from '../dfe/measureCatalog';
import { schoolFiguresForYear, yearsWithMeasure } from '../repos/measureRepo';
import { listSchoolsInDistrict, School } from '../repos/schoolRepo';
import { Threshold } from '../language/intents';
import { FigureStatus } from '../dfe/dfeValue';

export type SchoolListResult = {
  district: string;
  measure?: Measure;
  year?: string;
  threshold?: Threshold;
  schools: { school: School; value: number | null; status: FigureStatus }[];
  totalInDistrict: number;
  source?: string;
};

/** "Schools in Dacorum with persistent absence above 20%": one year's published figure, filtered and sorted. */
export async function listSchools(db: Database, district: string, measure?: Measure, limit?: Threshold): Promise<SchoolListResult> {
  const schools = await listSchoolsInDistrict(db, district);
  if (!measure) return { district, schools: schools.map((school) => ({ school, value: null, status: 'value' as const })), totalInDistrict: schools.length };
  const years = await yearsWithMeasure(db, measure.id);
  const year = years[years.length - 1];
  if (!year) return { district, measure, schools: [], totalInDistrict: schools.length };
  const figures = await schoolFiguresForYear(db, measure.id, year, schools.map((s) => s.urn));
  const byUrn = new Map(figures.map((f) => [f.subjectCode, f]));
  const rows = schools
    .map((school) => ({ school, figure: byUrn.get(school.urn) }))
    .filter((r): r is { school: School; figure: NonNullable<typeof r.figure> } => r.figure !== undefined)
    .filter((r) => !limit || (r.figure.value !== null && (limit.op === 'above' ? r.figure.value > limit.value : r.figure.value < limit.value)))
    .sort((a, b) => (b.figure.value ?? -Infinity) - (a.figure.value ?? -Infinity))
    .map((r) => ({ school: r.school, value: r.figure.value, status: r.figure.status }));
  return { district, measure, year, threshold: limit, schools: rows, totalInDistrict: schools.length, source: figures[0]?.source };
}
