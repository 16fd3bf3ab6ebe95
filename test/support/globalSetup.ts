import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { seedDemoData } from '../../src/demo/demoSeed';
import { importDfeDirectory } from '../../src/dfe/dfeImporter';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { DFE_DIR, ROOT } from './paths';

export const TEST_TODAY = new Date('2026-12-02T09:00:00Z');

export default async function setup(): Promise<() => void> {
  const runDir = path.join(ROOT, '.tmp', 'test', `run-${process.pid}-${Date.now()}`);
  process.env.CF_TEST_RUN_DIR = runDir;
  fs.mkdirSync(runDir, { recursive: true });
  const db = await Database.open(path.join(runDir, 'template.sqlite'));
  await migrate(db);
  await importDfeDirectory(db, DFE_DIR, loadMeasureCatalog());
  await seedDemoData(db, TEST_TODAY);
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.close();
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
