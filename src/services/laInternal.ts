import { Database } from '../db/database';
import { MeasureCatalog } from '../dfe/measureCatalog';
import { adviserFor, AdviserAssignment, AdviserVisit, noticesFor, NoticeOfConcern, visitsFor } from '../repos/laInternalRepo';
import { School } from '../repos/schoolRepo';
import { Banding, BandingConfig, bandSchool } from './banding';

export type SchoolImprovementRecord = {
  school: School;
  banding: Banding;
  notices: NoticeOfConcern[];
  adviser: AdviserAssignment | undefined;
  visits: AdviserVisit[];
};

/** Everything the LA holds internally about one school. Callers must have checked access first. */
export async function schoolImprovementRecord(
  db: Database,
  school: School,
  catalog: MeasureCatalog,
  banding: BandingConfig,
): Promise<SchoolImprovementRecord> {
  // Read together: under load each read waits its turn on the event loop, so four in a row took four waits.
  const [bandingResult, notices, adviser, visits] = await Promise.all([
    bandSchool(db, school, catalog, banding),
    noticesFor(db, school.urn),
    adviserFor(db, school.urn),
    visitsFor(db, school.urn),
  ]);
  return { school, banding: bandingResult, notices, adviser, visits };
}
