import { Database } from '../db/database';

export type OfstedInspection = { inspectionDate: string; judgement: string; source: string };

/** The most recent inspection held for a school, whichever file it came from. */
export async function latestInspection(db: Database, urn: string): Promise<OfstedInspection | undefined> {
  const row = await db.get<{ inspection_date: string; judgement: string; source: string }>(
    'SELECT inspection_date, judgement, source FROM ofsted_inspections WHERE urn = ? ORDER BY inspection_date DESC LIMIT 1',
    [urn],
  );
  return row && { inspectionDate: row.inspection_date, judgement: row.judgement, source: row.source };
}
