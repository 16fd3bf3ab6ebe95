import { Database } from '../db/database';
import { Measure, MeasureCatalog } from '../dfe/measureCatalog';
import { School } from '../repos/schoolRepo';
import { compareMeasures, MeasureComparison } from './measureComparison';

/** The headline measures for a school's phase, in the order governors usually read them. */
export function headlineMeasureIds(phase: string): string[] {
  const context = ['pupils_on_roll', 'fsm_ever6'];
  const attendance = ['overall_absence', 'persistent_absence'];
  if (phase === 'secondary') return ['ks4_progress8', 'ks4_attainment8', 'ks4_basics_grade5', 'ks4_ebacc_entry', ...attendance, ...context];
  if (phase === 'all-through') return ['ks2_rwm_expected', 'ks4_progress8', 'ks4_attainment8', 'ks4_basics_grade5', ...attendance, ...context];
  if (phase === 'primary') return ['ks2_rwm_expected', 'ks2_rwm_higher', 'ks2_reading_score', 'ks2_maths_score', 'ks2_disadvantaged_rwm', ...attendance, ...context];
  return [...attendance, ...context];
}

export async function schoolOverview(db: Database, school: School, catalog: MeasureCatalog): Promise<MeasureComparison[]> {
  const measures = headlineMeasureIds(school.phase)
    .map((id) => catalog.byId.get(id))
    .filter((m): m is Measure => m !== undefined);
  return compareMeasures(db, school, measures);
}
