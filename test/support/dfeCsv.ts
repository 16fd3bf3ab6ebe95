import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { HERTS_DIR } from './paths';

/** Reads a cell straight from a source CSV, independently of the importer, so tests check figures against the files. */
export function sourceRow(folder: string, file: string, match: (row: Record<string, string>) => boolean): Record<string, string> {
  const rows: Record<string, string>[] = parse(fs.readFileSync(path.join(HERTS_DIR, folder, file)), {
    bom: true,
    columns: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const row = rows.find(match);
  if (!row) throw new Error(`no matching row in ${folder}/${file}`);
  return row;
}

/** "64%" → "64%", "22.8" → "22.8%" when a percentage is expected: the text the bot should show. */
export const asPercent = (raw: string) => (raw.endsWith('%') ? `${Number(raw.slice(0, -1))}%` : `${Number(raw)}%`);
