import { z } from 'zod';
import { Database } from '../db/database';
import { CsvTable } from './csvFile';
import { FileReport, readableRecords } from './importReport';

const schoolRow = z.object({
  URN: z.string().regex(/^\d{6}$/, 'URN is not a six-digit number'),
  LA: z.string().regex(/^\d{3}$/, 'LA code is not a three-digit number'),
  LANAME: z.string().default(''),
  ESTAB: z.string().default(''),
  SCHNAME: z.string().trim().min(1, 'school name is blank'),
  TOWN: z.string().default(''),
  POSTCODE: z.string().default(''),
  SCHSTATUS: z.string().default(''),
  MINORGROUP: z.string().default(''),
  SCHOOLTYPE: z.string().default(''),
  ISPRIMARY: z.string().default('0'),
  ISSECONDARY: z.string().default('0'),
  ISPOST16: z.string().default('0'),
  AGELOW: z.string().default(''),
  AGEHIGH: z.string().default(''),
  OFSTEDRATING: z.string().default(''),
  OFSTEDLASTINSP: z.string().default(''),
});
type SchoolRow = z.infer<typeof schoolRow>;

export type Phase = 'nursery' | 'primary' | 'secondary' | 'all-through' | 'special' | '16 plus' | 'other';

export function phaseOf(row: Pick<SchoolRow, 'MINORGROUP' | 'SCHOOLTYPE' | 'ISPRIMARY' | 'ISSECONDARY' | 'ISPOST16' | 'AGEHIGH'>): Phase {
  if (/special/i.test(row.MINORGROUP) || /special/i.test(row.SCHOOLTYPE)) return 'special';
  const primary = row.ISPRIMARY === '1';
  const secondary = row.ISSECONDARY === '1';
  if (primary && secondary) return 'all-through';
  if (primary) return Number(row.AGEHIGH) > 0 && Number(row.AGEHIGH) <= 5 ? 'nursery' : 'primary';
  if (secondary) return 'secondary';
  if (row.ISPOST16 === '1') return '16 plus';
  return 'other';
}

const toInt = (s: string) => (/^\d+$/.test(s) ? Number(s) : null);

/** "29-03-2023" (DfE's day-month-year) → "2023-03-29". */
export function isoDate(dfeDate: string): string | undefined {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(dfeDate.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

/** Upserts schools; an older year's file never overwrites what a newer year's said. */
export async function importSchoolInformation(db: Database, table: CsvTable, report: FileReport, year: string, source: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const record of readableRecords(table, report)) {
      const parsed = schoolRow.safeParse(record.cells);
      if (!parsed.success) {
        report.reject(record.line, parsed.error.issues.map((i) => i.message).join('; '));
        continue;
      }
      const r = parsed.data;
      await tx.run(
        `INSERT INTO schools (urn, la_code, la_name, estab, name, town, postcode, phase, school_type, type_group, status, age_low, age_high, info_year)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (urn) DO UPDATE SET la_code = excluded.la_code, la_name = excluded.la_name, estab = excluded.estab,
           name = excluded.name, town = excluded.town, postcode = excluded.postcode, phase = excluded.phase,
           school_type = excluded.school_type, type_group = excluded.type_group, status = excluded.status,
           age_low = excluded.age_low, age_high = excluded.age_high, info_year = excluded.info_year
         WHERE excluded.info_year >= schools.info_year`,
        [r.URN, r.LA, r.LANAME, r.ESTAB, r.SCHNAME.trim(), r.TOWN, r.POSTCODE, phaseOf(r), r.SCHOOLTYPE, r.MINORGROUP, r.SCHSTATUS,
          toInt(r.AGELOW), toInt(r.AGEHIGH), year],
      );
      await storeOfstedInspection(tx, r, source, report, record.line);
      report.rowsImported++;
    }
  });
}

async function storeOfstedInspection(tx: Database, r: SchoolRow, source: string, report: FileReport, line: number): Promise<void> {
  if (!r.OFSTEDRATING.trim() || !r.OFSTEDLASTINSP.trim()) return;
  const date = isoDate(r.OFSTEDLASTINSP);
  if (!date) {
    report.warn(line, `OFSTEDLASTINSP: "${r.OFSTEDLASTINSP}" is not a DD-MM-YYYY date`);
    return;
  }
  await tx.run(
    `INSERT INTO ofsted_inspections (urn, inspection_date, judgement, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (urn, inspection_date) DO UPDATE SET judgement = excluded.judgement, source = excluded.source`,
    [r.URN, date, r.OFSTEDRATING.trim(), source],
  );
}
