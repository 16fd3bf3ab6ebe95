import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { TEMPLATE_DB, TMP_DIR } from './paths';

export function tempDbPath(): string {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  return path.join(TMP_DIR, `${randomUUID()}.sqlite`);
}

/** A fresh empty database file with all migrations applied. */
export async function emptyDb(): Promise<Database> {
  const db = await Database.open(tempDbPath());
  await migrate(db);
  return db;
}

/** A private copy of the imported Herts data and demo layer, so tests never share a file. */
export async function hertsDb(): Promise<{ db: Database; file: string }> {
  const file = tempDbPath();
  fs.copyFileSync(TEMPLATE_DB, file);
  return { db: await Database.open(file), file };
}
