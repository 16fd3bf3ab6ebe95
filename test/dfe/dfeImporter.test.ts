import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { importDfeDirectory } from '../../src/dfe/dfeImporter';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { asPercent, sourceRow } from '../support/dfeCsv';
import { DFE_DIR, TMP_DIR } from '../support/paths';
import { emptyDb, hertsDb } from '../support/testDb';

const catalog = loadMeasureCatalog();
const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function figure(db: Database, kind: string, code: string, measure: string, year: string, cohort = '') {
  return db.get<{ status: string; value: number | null; source: string }>(
    'SELECT status, value, source FROM measure_values WHERE subject_kind = ? AND subject_code = ? AND measure_id = ? AND academic_year = ? AND cohort = ?',
    [kind, code, measure, year, cohort],
  );
}

describe('importing the Hertfordshire DfE files', () => {
  it('stores each school figure as it appears in the source CSV, with its year and source', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const row = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.URN === '117147');
    const stored = await figure(db, 'school', '117147', 'ks2_rwm_expected', '2024/25');
    expect(`${stored?.value}%`).toBe(asPercent(row.PTRWM_EXP));
    expect(stored?.source).toBe('DfE school performance tables (key stage 2) 2024/25');
  });

  it('keeps the LA and England rows as comparators', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const la = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '3');
    const england = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '4');
    expect(`${(await figure(db, 'la', '919', 'ks2_rwm_expected', '2024/25'))?.value}%`).toBe(asPercent(la.PTRWM_EXP));
    expect(`${(await figure(db, 'national', 'england', 'ks2_rwm_expected', '2024/25'))?.value}%`).toBe(asPercent(england.PTRWM_EXP));
  });

  it('reads the census comparator rows, whose columns DfE shifts', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const la = sourceRow('2023-2024', '919_census.csv', (r) => r.URN === 'LA' && r.Estab === 'PRI');
    const stored = await figure(db, 'la', '919', 'fsm_ever6', '2023/24', 'PRI');
    expect(`${stored?.value}%`).toBe(asPercent(la.PNUMFSMEVER));
  });

  it('reads the absence comparator rows marked by a blank URN and NAT', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const nat = sourceRow('2023-2024', '919_abs.csv', (r) => r.LA === 'NAT' && r.ESTAB === 'SEC');
    const stored = await figure(db, 'national', 'england', 'persistent_absence', '2023/24', 'SEC');
    expect(stored?.value).toBe(Number(nat.PPERSABS10));
  });

  it('keeps suppressed figures as suppressed, never as zero', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const row = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '1' && r.PTRWM_EXP_FSM6CLA1A === 'SUPP');
    expect(await figure(db, 'school', row.URN, 'ks2_disadvantaged_rwm', '2024/25')).toMatchObject({ status: 'suppressed', value: null });
  });

  it('marks KS2 progress in 2023/24 and 2024/25 as not published, with no value', async () => {
    const { db } = await hertsDb();
    open.push(db);
    for (const year of ['2023/24', '2024/25']) {
      expect(await figure(db, 'school', '117324', 'ks2_reading_progress', year)).toMatchObject({ status: 'not_published', value: null });
    }
  });

  it('keeps the last Ofsted inspection where the school information file carries one, with an ISO date', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const row = sourceRow('2022-2023', '919_school_information.csv', (r) => r.URN === '117578');
    const [day, month, year] = row.OFSTEDLASTINSP.split('-');
    expect(await db.get('SELECT inspection_date, judgement, source FROM ofsted_inspections WHERE urn = ?', ['117578'])).toEqual({
      inspection_date: `${year}-${month}-${day}`,
      judgement: row.OFSTEDRATING,
      source: 'DfE school performance tables (school information) 2022/23',
    });
  });

  it('is idempotent: importing twice leaves the same figures', async () => {
    const db = await emptyDb();
    open.push(db);
    await importDfeDirectory(db, path.join(DFE_DIR, '919'), catalog);
    const first = await db.get<{ n: number; total: number }>('SELECT COUNT(*) AS n, SUM(COALESCE(value, 0)) AS total FROM measure_values');
    await importDfeDirectory(db, path.join(DFE_DIR, '919'), catalog);
    const second = await db.get<{ n: number; total: number }>('SELECT COUNT(*) AS n, SUM(COALESCE(value, 0)) AS total FROM measure_values');
    expect(second).toEqual(first);
    expect(first?.n).toBeGreaterThan(5000);
  });

  it('reports rows it could not read, with their line numbers, and imports the rest', async () => {
    const dir = path.join(TMP_DIR, `bad-${Date.now()}`, '2023-2024');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, '999_abs.csv'),
      ['LA,ESTAB,URN,PERCTOT,PPERSABS10', '999,2000,123456,4.9,12.3', '999,2001,12AB56,5,9', '999,2002,123457,lots,SUPP', '999,2003,123458,1,2,3'].join('\n'),
    );
    const db = await emptyDb();
    open.push(db);
    const [report] = await importDfeDirectory(db, path.dirname(dir), catalog);
    expect(report.rowsRead).toBe(4);
    expect(report.rowsImported).toBe(2);
    expect(report.rejected).toEqual([
      { line: 3, message: 'URN "12AB56" is not a six-digit number' },
      { line: 5, message: '6 fields where the header has 5' },
    ]);
    expect(report.warnings).toEqual([{ line: 4, message: 'PERCTOT: "lots" is neither a number nor a DfE marker' }]);
    expect(await figure(db, 'school', '123457', 'persistent_absence', '2023/24')).toMatchObject({ status: 'suppressed' });
    const logged = await db.get<{ rows_rejected: number }>('SELECT rows_rejected FROM import_runs');
    expect(logged?.rows_rejected).toBe(2);
  });
});
