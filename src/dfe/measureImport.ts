import { Database } from '../db/database';
import { CsvRecord, CsvTable } from './csvFile';
import { parseFigure } from './dfeValue';
import { FileReport, readableRecords } from './importReport';
import { Dataset, Measure, MeasureCatalog, RectypeMap } from './measureCatalog';

export type Subject = { kind: 'school' | 'la' | 'national'; code: string; cohort: string };

/**
 * Works out whose figures a row holds. KS2/KS4 files mark the LA and England rows with RECTYPE;
 * census files put "LA"/"NAT" in the URN column and shift the phase into the next columns.
 */
export function subjectOf(dataset: Dataset, cells: Record<string, string>, rectypes?: RectypeMap): Subject | { error: string } | 'skip' {
  if (rectypes) {
    const rectype = cells.RECTYPE?.trim() ?? '';
    if (rectype === '1' || rectype === '2') return schoolSubject(cells.URN);
    if (rectype === rectypes.la) return /^\d{3}$/.test(cells.LEA ?? '') ? { kind: 'la', code: cells.LEA, cohort: '' } : { error: 'LA row without a three-digit LEA code' };
    if (rectype === rectypes.national) return { kind: 'national', code: 'england', cohort: '' };
    if (rectypes.ignore.includes(rectype)) return 'skip';
    return { error: `unknown RECTYPE "${rectype}"` };
  }
  if (dataset === 'census') {
    const urn = cells.URN?.trim();
    if (urn === 'LA') return { kind: 'la', code: cells.SCHOOLTYPE.trim(), cohort: cells.Estab.trim() };
    if (urn === 'NAT') return { kind: 'national', code: 'england', cohort: cells.Estab.trim() };
    return schoolSubject(urn);
  }
  // Absence files mark comparator rows with a blank URN, the phase in ESTAB and "NAT" for England.
  const phaseCohort = cells.ESTAB?.trim() ?? '';
  if (!cells.URN?.trim() && ['PRI', 'SEC', 'SPE'].includes(phaseCohort)) {
    return cells.LA?.trim() === 'NAT'
      ? { kind: 'national', code: 'england', cohort: phaseCohort }
      : { kind: 'la', code: cells.LA.trim(), cohort: phaseCohort };
  }
  return schoolSubject(cells.URN);
}

function schoolSubject(urn: string | undefined): Subject | { error: string } {
  const u = (urn ?? '').trim();
  return /^\d{6}$/.test(u) ? { kind: 'school', code: u, cohort: '' } : { error: `URN "${u}" is not a six-digit number` };
}

export async function importMeasureFile(
  db: Database,
  table: CsvTable,
  dataset: Dataset,
  year: string,
  catalog: MeasureCatalog,
  report: FileReport,
): Promise<void> {
  const measures = catalog.measures.filter((m) => m.dataset === dataset);
  const missingColumns = measures.filter((m) => !table.header.includes(m.column));
  for (const m of missingColumns) report.warn(1, `column ${m.column} (${m.shortLabel}) is not in this file`);
  const source = `${catalog.sourceOf(dataset)} ${year}`;
  await db.transaction(async (tx) => {
    for (const record of readableRecords(table, report)) {
      const subject = subjectOf(dataset, record.cells, catalog.rectypesOf(dataset));
      if (subject === 'skip') continue;
      if ('error' in subject) {
        report.reject(record.line, subject.error);
        continue;
      }
      for (const measure of measures) {
        if (missingColumns.includes(measure)) continue;
        await storeFigure(tx, record, measure, subject, year, source, report);
      }
      report.rowsImported++;
    }
  });
}

async function storeFigure(
  tx: Database,
  record: CsvRecord,
  measure: Measure,
  subject: Subject,
  year: string,
  source: string,
  report: FileReport,
): Promise<void> {
  const notPublished = Boolean(measure.notPublished?.[year]);
  const parsed = parseFigure(record.cells[measure.column], notPublished);
  // In a year DfE did not publish a measure its files mark the gap as NA, NP or blank, inconsistently.
  const figure = notPublished && parsed.status !== 'value' && parsed.status !== 'unreadable' ? { status: 'not_published' as const, value: null } : parsed;
  if (figure.status === 'unreadable') {
    report.warn(record.line, `${measure.column}: "${figure.raw}" is neither a number nor a DfE marker`);
    return;
  }
  await tx.run(
    `INSERT INTO measure_values (subject_kind, subject_code, cohort, measure_id, academic_year, status, value, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (subject_kind, subject_code, cohort, measure_id, academic_year)
     DO UPDATE SET status = excluded.status, value = excluded.value, source = excluded.source`,
    [subject.kind, subject.code, subject.cohort, measure.id, year, figure.status, figure.value, source],
  );
}
