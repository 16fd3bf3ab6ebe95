import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

export type CsvRecord = { line: number; cells: Record<string, string>; fieldCount: number };
export type CsvTable = { header: string[]; records: CsvRecord[] };

/**
 * Reads a DfE CSV (UTF-8, optional BOM), keeping each record's line number for the import report.
 * DfE drops trailing empty fields, so a short row is read as blanks, not as an error.
 */
export function readCsvFile(file: string): CsvTable {
  const rows: string[][] = parse(fs.readFileSync(file), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const [header = [], ...body] = rows;
  const records = body.map((cells, i) => ({
    line: i + 2,
    fieldCount: cells.length,
    cells: Object.fromEntries(header.map((name, col) => [name.trim(), cells[col] ?? ''])),
  }));
  return { header: header.map((h) => h.trim()), records };
}
