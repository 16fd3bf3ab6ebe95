import { Database } from '../db/database';

export type OfstedInspection = { inspectionDate: string; judgement: string; source: string };

/** The most recent inspection held for a school, whichever file it came from. */
export async function latestInspection(db: Database, urn: string): Promise<OfstedInspection | undefined> {
  const latest = await db.snapshot('published', 'ofsted', async () => {
    const rows = await db.all<{ urn: string; inspection_date: string; judgement: string; source: string }>(
      'SELECT urn, inspection_date, judgement, source FROM ofsted_inspections ORDER BY urn, inspection_date',
    );
    return new Map(rows.map((r) => [r.urn, Object.freeze({ inspectionDate: r.inspection_date, judgement: r.judgement, source: r.source })]));
  });
  return latest.get(urn);
}
