import { Database } from '../db/database';
import { FigureStatus } from '../dfe/dfeValue';
import { School } from '../repos/schoolRepo';
import { PricingSchool, RollFigure } from './servicePricing';

/**
 * The school's number on roll from the imported DfE census measure `pupils_on_roll`, latest year
 * held. A suppressed or missing latest figure is returned as it is, not replaced by an older year,
 * so the price says which year it could not use.
 */
export async function latestRoll(db: Database, urn: string): Promise<RollFigure | undefined> {
  const row = await db.get<{ academic_year: string; status: FigureStatus; value: number | null; source: string }>(
    `SELECT academic_year, status, value, source FROM measure_values
      WHERE measure_id = 'pupils_on_roll' AND subject_kind = 'school' AND subject_code = ? AND cohort = ''
      ORDER BY academic_year DESC LIMIT 1`,
    [urn],
  );
  return row && { academicYear: row.academic_year, status: row.status, value: row.value, source: row.source };
}

export async function pricingSchool(db: Database, school: School): Promise<PricingSchool> {
  return { urn: school.urn, name: school.name, phase: school.phase, roll: await latestRoll(db, school.urn) };
}
