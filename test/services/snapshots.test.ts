import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/bot/sqliteStorage';
import { Database } from '../../src/db/database';
import { figuresForMeasures } from '../../src/repos/measureRepo';
import { getSchool } from '../../src/repos/schoolRepo';
import { findUser } from '../../src/repos/userRepo';
import { importUsersCsv } from '../../src/users/userCsvImport';
import { DEMO } from '../support/conversation';
import { hertsDb } from '../support/testDb';

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

/** The running bot's handle on the file, and a second one standing in for a command-line import. */
async function botAndImporter(snapshotMaxAgeMs: number): Promise<{ bot: Database; importer: Database }> {
  const { db: importer, file } = await hertsDb();
  const bot = await Database.open(file, { snapshotMaxAgeMs });
  open.push(importer, bot);
  return { bot, importer };
}

const HEADER = 'entra_object_id,email,display_name,role,school_urns';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('published data and the user directory held in memory', () => {
  it('refuses a user removed by another process once the snapshot age has passed', async () => {
    const { bot, importer } = await botAndImporter(300);
    expect(await findUser(bot, DEMO.helen)).toMatchObject({ role: 'headteacher' });

    await importer.run('UPDATE users SET active = 0 WHERE entra_object_id = ?', [DEMO.helen]);
    await sleep(350);

    expect(await findUser(bot, DEMO.helen)).toBeUndefined();
  });

  it('sees a user added by an import straight away when checking every time, and does not hold unknown ids', async () => {
    const { bot, importer } = await botAndImporter(0);
    const newcomer = 'ab9e7c1a-1111-4222-8333-444455556666';
    expect(await findUser(bot, newcomer)).toBeUndefined();

    await importUsersCsv(importer, `${HEADER}\n${newcomer},new.gov@example.org,Alex Moreno,governor,117324\n`);

    expect(await findUser(bot, newcomer)).toMatchObject({ role: 'governor', schoolUrns: ['117324'] });
  });

  it('shows a re-imported figure and a renamed school after the published data changes', async () => {
    const { bot, importer } = await botAndImporter(0);
    const before = await figuresForMeasures(bot, ['ks2_rwm_expected'], '117324', '919');
    const latest = before.filter((f) => f.subjectKind === 'school').at(-1);
    expect(latest?.status).toBe('value');

    await importer.run(
      `UPDATE measure_values SET status = 'suppressed', value = NULL
        WHERE subject_kind = 'school' AND subject_code = '117324' AND measure_id = 'ks2_rwm_expected' AND academic_year = ?`,
      [latest?.academicYear ?? ''],
    );
    await importer.run("UPDATE schools SET name = 'Leavesden Renamed School' WHERE urn = '117324'");

    const after = await figuresForMeasures(bot, ['ks2_rwm_expected'], '117324', '919');
    expect(after.filter((f) => f.subjectKind === 'school').at(-1)).toMatchObject({ status: 'suppressed', value: null });
    expect((await getSchool(bot, '117324'))?.name).toBe('Leavesden Renamed School');
    // The LA and England comparators come back with the school's figures, oldest first.
    expect(after.map((f) => f.subjectKind).sort()).toEqual(before.map((f) => f.subjectKind).sort());
    expect(after.map((f) => f.academicYear)).toEqual([...after.map((f) => f.academicYear)].sort());
  });
});

describe('conversation state storage', () => {
  it('saves with one statement and refuses a write made from an out-of-date copy', async () => {
    const { bot } = await botAndImporter(0);
    const storage = new SqliteStorage(bot);
    await storage.write({ 'conv/1': { step: 1 } });
    const first = (await storage.read(['conv/1']))['conv/1'] as { eTag: string; step: number };
    await storage.write({ 'conv/1': { ...first, step: 2 } });

    await expect(storage.write({ 'conv/1': { ...first, step: 3 } })).rejects.toThrow('eTag conflict');
    expect((await storage.read(['conv/1']))['conv/1']).toMatchObject({ step: 2 });
    await storage.write({ 'conv/1': { step: 4, eTag: '*' } });
    expect((await storage.read(['conv/1']))['conv/1']).toMatchObject({ step: 4 });
  });
});

describe('conversation state held in memory between turns', () => {
  it('reads a conversation from the database once, keeps each save, and a restart reads the last save back', async () => {
    const { bot, importer } = await botAndImporter(0);
    const storage = new SqliteStorage(bot);
    await storage.write({ 'conv/2': { step: 1 } });
    const first = (await storage.read(['conv/2']))['conv/2'] as { eTag: string };
    // Changed behind the process's back, which decision 0001 rules out: the held copy is what it reads.
    await importer.run(`UPDATE bot_state SET document = '{"step":99}' WHERE key = 'conv/2'`);
    expect((await storage.read(['conv/2']))['conv/2']).toMatchObject({ step: 1, eTag: first.eTag });
    await storage.write({ 'conv/2': { ...first, step: 2 } });
    expect((await storage.read(['conv/2']))['conv/2']).toMatchObject({ step: 2 });

    const afterRestart = new SqliteStorage(bot);
    expect((await afterRestart.read(['conv/2']))['conv/2']).toMatchObject({ step: 2 });
  });

  it('refuses a save made from a copy another process has moved on from, then reads the newer one', async () => {
    const { bot, importer } = await botAndImporter(0);
    const ours = new SqliteStorage(bot);
    const theirs = new SqliteStorage(importer);
    await ours.write({ 'conv/3': { step: 1 } });
    const held = (await ours.read(['conv/3']))['conv/3'] as { eTag: string };
    const current = (await theirs.read(['conv/3']))['conv/3'] as { eTag: string };
    await theirs.write({ 'conv/3': { ...current, step: 'theirs' } });

    await expect(ours.write({ 'conv/3': { ...held, step: 'ours' } })).rejects.toThrow('eTag conflict');
    expect((await ours.read(['conv/3']))['conv/3']).toMatchObject({ step: 'theirs' });
  });

  it('keeps a last-write-wins save, as botbuilder makes them, with the version the database gave it', async () => {
    const { bot, importer } = await botAndImporter(0);
    const storage = new SqliteStorage(bot);
    await storage.write({ 'conv/5': { step: 1, eTag: '*' } });
    expect((await storage.read(['conv/5']))['conv/5']).toMatchObject({ step: 1, eTag: '1' });
    await storage.write({ 'conv/5': { step: 2, eTag: '*' } });
    await importer.run(`UPDATE bot_state SET document = '{"step":99}' WHERE key = 'conv/5'`);
    expect((await storage.read(['conv/5']))['conv/5']).toMatchObject({ step: 2, eTag: '2' });
    expect(await importer.get("SELECT etag FROM bot_state WHERE key = 'conv/5'")).toEqual({ etag: 2 });
  });

  it('after saves, reads and deletes that overlap, what it holds is what the database holds', async () => {
    const { bot, importer } = await botAndImporter(0);
    const storage = new SqliteStorage(bot);
    const inDatabase = async (key: string) => {
      const row = await importer.get<{ document: string; etag: number }>('SELECT document, etag FROM bot_state WHERE key = ?', [key]);
      return row ? { ...JSON.parse(row.document), eTag: String(row.etag) } : undefined;
    };
    await storage.write({ 'conv/6': { step: 0, eTag: '*' } });
    await storage.read(['conv/6']);
    await Promise.all([storage.write({ 'conv/6': { step: 1, eTag: '*' } }), storage.write({ 'conv/6': { step: 2, eTag: '*' } })]);
    expect((await storage.read(['conv/6']))['conv/6']).toEqual(await inDatabase('conv/6'));
    for (let n = 0; n < 50; n++) {
      const key = `conv/race-${n}`;
      await Promise.all([storage.read([key]), storage.write({ [key]: { step: n, eTag: '*' } })]);
      expect((await storage.read([key]))[key]).toEqual(await inDatabase(key));
    }
    // sqlite3 runs statements on one connection side by side, so either of these may land last.
    await Promise.all([storage.write({ 'conv/7': { step: 1, eTag: '*' } }), storage.delete(['conv/7']), storage.read(['conv/7'])]);
    expect((await storage.read(['conv/7']))['conv/7']).toEqual(await inDatabase('conv/7'));
  });

  it('forgets a deleted conversation', async () => {
    const { bot } = await botAndImporter(0);
    const storage = new SqliteStorage(bot);
    await storage.write({ 'conv/4': { step: 1, eTag: '*' } });
    await storage.read(['conv/4']);
    await storage.delete(['conv/4']);
    expect(await storage.read(['conv/4'])).toEqual({});
  });
});

