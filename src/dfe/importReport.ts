import { CsvRecord, CsvTable } from './csvFile';

export type ImportProblem = { line: number; message: string };

export class FileReport {
  rowsRead = 0;
  rowsImported = 0;
  readonly rejected: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];

  constructor(
    readonly file: string,
    readonly dataset: string,
    readonly academicYear: string,
  ) {}

  reject(line: number, message: string): void {
    this.rejected.push({ line, message });
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  summary(): string {
    const base = `${this.file}: ${this.rowsImported} of ${this.rowsRead} rows imported`;
    const rejected = this.rejected.length ? `, ${this.rejected.length} rejected` : '';
    const warned = this.warnings.length ? `, ${this.warnings.length} unreadable cells` : '';
    return base + rejected + warned;
  }
}

/**
 * The table's records that can be read at all, counting each as read and rejecting any with more
 * fields than the header (fewer is normal: DfE drops trailing empty fields).
 */
export function* readableRecords(table: CsvTable, report: FileReport): Generator<CsvRecord> {
  for (const record of table.records) {
    report.rowsRead++;
    if (record.fieldCount > table.header.length) {
      report.reject(record.line, `${record.fieldCount} fields where the header has ${table.header.length}`);
      continue;
    }
    yield record;
  }
}
