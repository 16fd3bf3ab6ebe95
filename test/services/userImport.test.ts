import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { findUser } from '../../src/repos/userRepo';
import { importUsersCsv } from '../../src/users/userCsvImport';
import { hertsDb } from '../support/testDb';

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const HEADER = 'entra_object_id,email,display_name,role,school_urns';

describe('provisioning users from the council’s CSV', () => {
  it('adds a governor on two boards, identified by Entra object id', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const result = await importUsersCsv(db, `${HEADER}\nAB9E7C1A-1111-4222-8333-444455556666,new.gov@example.org,Alex Moreno,governor,117324;117578\n`);
    expect(result).toEqual({ imported: 1, errors: [] });
    expect(await findUser(db, 'ab9e7c1a-1111-4222-8333-444455556666')).toMatchObject({ role: 'governor', schoolUrns: ['117324', '117578'] });
  });

  it('imports nothing when any row is bad, and names each problem with its line', async () => {
    const { db } = await hertsDb();
    open.push(db);
    const csv = [
      HEADER,
      'ab9e7c1a-1111-4222-8333-444455556666,ok@example.org,Alex Moreno,governor,117324',
      'not-a-guid,bad-email,Sam,head,117324',
      'cb9e7c1a-1111-4222-8333-444455556666,x@example.org,Jo Patel,headteacher,999999',
    ].join('\n');
    const result = await importUsersCsv(db, csv);
    expect(result.imported).toBe(0);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(result.errors[0].message).toContain('entra_object_id is not an Entra object id');
    expect(result.errors[1].message).toContain('unknown school URN 999999');
    expect(await findUser(db, 'ab9e7c1a-1111-4222-8333-444455556666')).toBeUndefined();
  });
});
