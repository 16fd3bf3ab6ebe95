import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { loadConfig } from '../config';
import { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { recordAdviserVisit } from '../feedback/feedbackPrompts';

const USAGE = `Usage: npm run record:visit -- --urn 117324 --date 2026-11-25 --focus "Reading: learning walk" [--adviser "Name"] [--notes "Agreed next steps…"]
Records a completed adviser visit and queues a feedback prompt to the school's headteacher (sent by the running bot).`;

/** npm run record:visit -- --urn … --date … --focus …   For advisers' admin staff until visits come from the LA's own system. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { urn: { type: 'string' }, date: { type: 'string' }, focus: { type: 'string' }, adviser: { type: 'string' }, notes: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.urn || !values.date || !values.focus) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const db = await Database.open(loadConfig().databasePath);
  try {
    await migrate(db);
    const recorded = await recordAdviserVisit(
      db,
      { urn: values.urn, visitDate: values.date, focus: values.focus, adviserName: values.adviser, notes: values.notes },
      new Date(),
    );
    const who = recorded.prompted.length ? `${recorded.prompted.length} headteacher(s) will be asked for feedback` : 'no registered headteacher to ask for feedback';
    process.stdout.write(`Recorded the visit to ${values.urn} on ${values.date} (${recorded.serviceRef}); ${who}.\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof ZodError ? err.issues.map((i) => i.message).join('; ') : err instanceof Error ? err.message : String(err);
  process.stderr.write(`Visit not recorded: ${message}\n`);
  process.exit(1);
});
