import fs from 'node:fs';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { seedDemoData } from '../../src/demo/demoSeed';
import { importDfeDirectory } from '../../src/dfe/dfeImporter';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { DFE_DIR, TEMPLATE_DB, TMP_DIR } from './paths';

export const TEST_TODAY = new Date('2026-12-02T09:00:00Z');

export default async function setup(): Promise<void> {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const db = await Database.open(TEMPLATE_DB);
  await migrate(db);
  await importDfeDirectory(db, DFE_DIR, loadMeasureCatalog());
  await seedDemoData(db, TEST_TODAY);
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.close();
}
