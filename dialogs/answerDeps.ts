import { Database } from '../src/db/database';
import { MeasureCatalog } from '../src/dfe/measureCatalog';
import { Recognizer } from '../src/language/intents';
import { BandingConfig } from '../src/services/banding';

/** What the dialogs need, passed in by the composition root so tests can swap any of it. */
export type AnswerDeps = {
  db: Database;
  catalog: MeasureCatalog;
  banding: BandingConfig;
  recognizer: Recognizer;
  serviceName: string;
  supportContact: string;
  /** Shown on every card of LA-internal data, e.g. that it is fictional demo data. */
  laRecordProvenance: string;
};
