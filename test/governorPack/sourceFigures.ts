import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Measure, MeasureCatalog } from '../../src/dfe/measureCatalog';
import { HERTS_DIR } from '../support/paths';

/**
 * Reads what the DfE files say about a school's measure, independently of the importer and the bot's
 * formatting, so the pack can be checked against the source: the latest year folder whose file has a
 * row for the school, and the text the bot should show for that cell.
 */
export type SourceFigure = { year: string; text: string };

const MARKER_TEXT: Record<string, string> = {
  SUPP: 'Suppressed (SUPP)',
  NP: 'Not published',
  NA: 'Not applicable',
  NE: 'No eligible pupils',
  LOWCOV: 'Low coverage',
  NEW: 'New school',
};

const rowsCache = new Map<string, Record<string, string>[]>();

function rows(file: string): Record<string, string>[] {
  let cached = rowsCache.get(file);
  if (!cached) {
    cached = parse(fs.readFileSync(file), { bom: true, columns: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
    rowsCache.set(file, cached);
  }
  return cached;
}

/** The bot's display of a raw DfE cell, written out again here rather than imported from the code under test. */
export function expectedText(raw: string, measure: Measure, notPublishedThisYear: boolean): string {
  const text = raw.trim();
  const numeric = /^[-+]?(\d+(\.\d*)?|\.\d+)%?$/.test(text);
  // Whatever marker DfE put in a year the catalogue says it did not publish (blank, NP, NA), it is "not published".
  if (!numeric && notPublishedThisYear) return 'Not published';
  if (text === '') return 'No data';
  const marker = MARKER_TEXT[text.toUpperCase()];
  if (marker) return marker;
  const value = Number(text.replace(/%$/, ''));
  const oneDecimal = Math.round(value * 10) / 10;
  if (measure.unit === 'percent') return `${oneDecimal}%`;
  if (measure.unit === 'progress') return `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
  if (measure.unit === 'count') return value.toLocaleString('en-GB');
  return String(oneDecimal);
}

const yearOf = (folder: string) => `${folder.slice(0, 4)}/${folder.slice(7, 9)}`;

/**
 * The school's cell for a measure in the latest year whose file has that column ('No data' if the
 * school has no row that year), or undefined if no file has the measure at all.
 */
export function latestSchoolFigure(catalog: MeasureCatalog, measure: Measure, urn: string): SourceFigure | undefined {
  const folders = fs.readdirSync(HERTS_DIR).filter((f) => /^\d{4}-\d{4}$/.test(f)).sort().reverse();
  for (const folder of folders) {
    const file = path.join(HERTS_DIR, folder, `919${catalog.filePatternOf(measure.dataset)}`);
    if (!fs.existsSync(file)) continue;
    const table = rows(file);
    if (!table.length || !(measure.column in table[0])) continue;
    const year = yearOf(folder);
    const row = table.find((r) => r.URN?.trim() === urn);
    return { year, text: row ? expectedText(row[measure.column] ?? '', measure, Boolean(measure.notPublished?.[year])) : 'No data' };
  }
  return undefined;
}
