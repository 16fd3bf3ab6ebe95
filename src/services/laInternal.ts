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
  return {
    school,
    banding: await bandSchool(db, school, catalog, banding),
    notices: await noticesFor(db, school.urn),
    adviser: await adviserFor(db, school.urn),
    visits: await visitsFor(db, school.urn),
  };
}
