import 'dotenv/config';
import path from 'node:path';
import { loadConfig } from '../config';
import { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { importDfeDirectory } from '../dfe/dfeImporter';
import { loadMeasureCatalog } from '../dfe/measureCatalog';

/** npm run import:dfe -- <folder>   Imports (or re-imports) DfE per-LA CSVs into the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dir = path.resolve(process.argv[2] ?? config.dfeDataDir);
  const started = Date.now();
  const db = await Database.open(config.databasePath);
  await migrate(db);
  const reports = await importDfeDirectory(db, dir, loadMeasureCatalog(), (done, total, report) => {
    process.stdout.write(`[${done}/${total}] ${report.summary()}\n`);
  });
  await db.close();
  for (const r of reports) {
    for (const p of r.rejected) process.stdout.write(`  rejected ${r.file} line ${p.line}: ${p.message}\n`);
    for (const p of r.warnings.slice(0, 20)) process.stdout.write(`  unreadable ${r.file} line ${p.line}: ${p.message}\n`);
  }
  const rejected = reports.reduce((n, r) => n + r.rejected.length, 0);
  process.stdout.write(`Imported ${reports.length} files from ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${rejected} rows rejected.\n`);
  if (!reports.length) {
    process.stderr.write(`No DfE files found under ${dir}. Expected <LA>/<2024-2025>/<LA>_ks2final.csv and similar.\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Import failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
