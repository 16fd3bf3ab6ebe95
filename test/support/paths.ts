import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DFE_DIR = path.join(ROOT, 'data', 'dfe');
export const HERTS_DIR = path.join(DFE_DIR, '919');
export const TMP_DIR = path.join(ROOT, '.tmp', 'test');
/** A database with the real Herts files imported and the demo layer seeded, built once per run. */
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.sqlite');
