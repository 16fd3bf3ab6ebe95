import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DFE_DIR = path.join(ROOT, 'data', 'dfe');
export const HERTS_DIR = path.join(DFE_DIR, '919');
/**
 * This test run's scratch folder. globalSetup picks it and passes it to the workers through the
 * environment, so two runs at once (two developers' terminals, a watcher) never share files.
 */
export const TMP_DIR = process.env.CF_TEST_RUN_DIR ?? path.join(ROOT, '.tmp', 'test', `adhoc-${process.pid}`);
/** A database with the real Herts files imported and the demo layer seeded, built once per run. */
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.sqlite');
