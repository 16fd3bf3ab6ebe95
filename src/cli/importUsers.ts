import 'dotenv/config';
import fs from 'node:fs';
import { loadConfig } from '../config';
import { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { importUsersCsv } from '../users/userCsvImport';

/** npm run import:users -- users.csv   Adds or updates users (all or nothing). */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('Usage: npm run import:users -- <users.csv>\nColumns: entra_object_id,email,display_name,role,school_urns (URNs separated by ;)\n');
    process.exit(2);
  }
  const db = await Database.open(loadConfig().databasePath);
  await migrate(db);
  const result = await importUsersCsv(db, fs.readFileSync(file, 'utf8'));
  await db.close();
  if (result.errors.length) {
    for (const e of result.errors) process.stderr.write(`line ${e.line}: ${e.message}\n`);
    process.stderr.write(`No users imported: fix the ${result.errors.length} problem(s) above and run again.\n`);
    process.exit(1);
  }
  process.stdout.write(`Imported ${result.imported} users from ${file}.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`User import failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
