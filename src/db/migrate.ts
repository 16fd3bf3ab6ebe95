import fs from 'node:fs';
import path from 'node:path';
import { Database } from './database';
import { DATA_DIR } from '../projectPaths';

const MIGRATIONS_DIR = path.join(DATA_DIR, 'migrations');

/** Applies each numbered .sql file in data/migrations once, in order. */
export async function migrate(db: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    (await db.all<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const pending = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .filter((f) => !applied.has(f));
  for (const file of pending) {
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [file, new Date().toISOString()]);
    });
  }
  return pending;
}
