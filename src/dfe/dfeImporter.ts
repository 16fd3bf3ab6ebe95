import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../db/database';
import { readCsvFile } from './csvFile';
import { FileReport } from './importReport';
import { academicYearFromFolder, Dataset, MeasureCatalog } from './measureCatalog';
import { importMeasureFile } from './measureImport';
import { importSchoolInformation } from './schoolInformationImport';

type FileKind = Dataset | 'school_information';
type PlannedFile = { file: string; year: string; kind: FileKind };

/**
 * Finds DfE per-LA downloads laid out as <dir>/<LA code>/<2023-2024>/<LA>_<dataset>.csv
 * (or <dir>/<2023-2024>/...). School information goes first so the rest can use each school's phase.
 */
export function planImport(dir: string, catalog: MeasureCatalog): PlannedFile[] {
  const planned: PlannedFile[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.csv')) {
        const year = academicYearFromFolder(path.basename(folder));
        const kind = kindOf(entry.name, catalog);
        if (year && kind) planned.push({ file: full, year, kind });
      }
    }
  };
  visit(dir);
  const order = (k: FileKind) => (k === 'school_information' ? 0 : 1);
  return planned.sort((a, b) => order(a.kind) - order(b.kind) || a.year.localeCompare(b.year) || a.file.localeCompare(b.file));
}

function kindOf(fileName: string, catalog: MeasureCatalog): FileKind | undefined {
  if (fileName.endsWith('_school_information.csv')) return 'school_information';
  const datasets: Dataset[] = ['ks2', 'ks4', 'absence', 'census'];
  return datasets.find((d) => fileName.endsWith(catalog.filePatternOf(d)));
}

export type ImportProgress = (done: number, total: number, report: FileReport) => void;

export async function importDfeDirectory(
  db: Database,
  dir: string,
  catalog: MeasureCatalog,
  onProgress: ImportProgress = () => undefined,
): Promise<FileReport[]> {
  const plan = planImport(dir, catalog);
  const reports: FileReport[] = [];
  for (const [i, item] of plan.entries()) {
    const report = new FileReport(path.relative(dir, item.file), item.kind, item.year);
    const table = readCsvFile(item.file);
    if (item.kind === 'school_information') await importSchoolInformation(db, table, report, item.year, `DfE school performance tables (school information) ${item.year}`);
    else await importMeasureFile(db, table, item.kind, item.year, catalog, report);
    await logRun(db, report);
    reports.push(report);
    onProgress(i + 1, plan.length, report);
  }
  return reports;
}

async function logRun(db: Database, report: FileReport): Promise<void> {
  await db.run(
    `INSERT INTO import_runs (file, dataset, academic_year, rows_read, rows_imported, rows_rejected, problems, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [report.file, report.dataset, report.academicYear, report.rowsRead, report.rowsImported, report.rejected.length,
      JSON.stringify({ rejected: report.rejected, warnings: report.warnings.slice(0, 200) }), new Date().toISOString()],
  );
}
