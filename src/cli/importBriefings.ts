import 'dotenv/config';
import fs from 'node:fs';
import { BRIEFING_COLUMNS, importBriefingsCsv } from '../briefings/briefingImport';
import { loadConfig } from '../config';
import { Database } from '../db/database';
import { migrate } from '../db/migrate';

/** npm run import:briefings -- briefings.csv   Adds or changes briefings, matched on code (all or nothing). */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write(
      `Usage: npm run import:briefings -- <briefings.csv>\nColumns: ${BRIEFING_COLUMNS.join(',')}\n` +
        'Dates YYYY-MM-DD and times HH:MM are UK time; audience is headteachers, governors or heads_and_governors; ' +
        'a blank district is county-wide; key_points and materials ("Title https://link") are separated by |.\n',
    );
    process.exit(2);
  }
  const db = await Database.open(loadConfig().databasePath);
  await migrate(db);
  const result = await importBriefingsCsv(db, fs.readFileSync(file, 'utf8'), new Date());
  await db.close();
  if (result.errors.length) {
    for (const e of result.errors) process.stderr.write(`line ${e.line}: ${e.message}\n`);
    process.stderr.write(`No briefings changed: fix the ${result.errors.length} problem(s) above and run again.\n`);
    process.exit(1);
  }
  const promoted = result.promoted ? `; ${result.promoted} place(s) given to people on waiting lists, who will be told` : '';
  process.stdout.write(`Briefings from ${file}: ${result.added} added, ${result.changed} changed${promoted}.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`Briefings import failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
