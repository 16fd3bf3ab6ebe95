import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { emptyDb } from '../support/testDb';

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function db(): Promise<Database> {
  const d = await emptyDb();
  open.push(d);
  await d.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return d;
}

const bodies = async (d: Database) => (await d.all<{ body: string }>('SELECT body FROM notes ORDER BY id')).map((r) => r.body);
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('writes on the shared connection', () => {
  it('a single write made while a transaction is open is not swept into its rollback', async () => {
    const d = await db();
    let writeDuringTransaction: Promise<unknown> = Promise.resolve();
    const failing = d.transaction(async (tx) => {
      await tx.run("INSERT INTO notes (body) VALUES ('inside')");
      writeDuringTransaction = d.run("INSERT INTO notes (body) VALUES ('outside')");
      await tick();
      throw new Error('booking refused');
    });

    await expect(failing).rejects.toThrow('booking refused');
    await writeDuringTransaction;
    expect(await bodies(d)).toEqual(['outside']);
  });

  it('a transaction waits for single writes already running, and many writes at once all land', async () => {
    const d = await db();
    const writes = Array.from({ length: 50 }, (_, i) => d.run('INSERT INTO notes (body) VALUES (?)', [`w${i}`]));
    const counted = d.transaction(async (tx) => (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM notes'))?.n);

    await Promise.all(writes);
    expect(await counted).toBe(50);
    expect(await bodies(d)).toHaveLength(50);
  });

  it('transactions still take turns', async () => {
    const d = await db();
    const order: string[] = [];
    const slow = d.transaction(async (tx) => {
      order.push('first begins');
      await tick();
      await tx.run("INSERT INTO notes (body) VALUES ('first')");
      order.push('first ends');
    });
    const second = d.transaction(async (tx) => {
      order.push('second begins');
      await tx.run("INSERT INTO notes (body) VALUES ('second')");
    });
    await Promise.all([slow, second]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins']);
  });
});

describe('reads', () => {
  it('a read with broken SQL fails that read only, and the same read works again once the table exists', async () => {
    const d = await db();
    await expect(d.all('SELECT * FROM not_yet_there')).rejects.toThrow('no such table');
    await d.exec('CREATE TABLE not_yet_there (x INTEGER)');
    await d.run('INSERT INTO not_yet_there (x) VALUES (7)');
    expect(await d.all('SELECT * FROM not_yet_there')).toEqual([{ x: 7 }]);
    expect(await bodies(d)).toEqual([]);
  });

  it('closing while reads are still being prepared waits for them and closes cleanly', async () => {
    const d = await emptyDb();
    await d.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO notes (body) VALUES ('kept')");
    const reads = Array.from({ length: 8 }, (_, n) => d.all(`SELECT body, ${n} AS n FROM notes`));
    await expect(d.close()).resolves.toBeUndefined();
    for (const read of reads) await read.catch(() => undefined);
  });

  it('many reads of the same SQL at once each get their own rows', async () => {
    const d = await db();
    for (let n = 0; n < 30; n++) await d.run('INSERT INTO notes (body) VALUES (?)', [`note ${n}`]);
    const read = (id: number) => d.all<{ body: string }>('SELECT body FROM notes WHERE id = ?', [id]);
    const results = await Promise.all(Array.from({ length: 30 }, (_, n) => read(n + 1)));
    expect(results.map((rows) => rows.map((r) => r.body))).toEqual(Array.from({ length: 30 }, (_, n) => [`note ${n}`]));
    expect(await read(30)).toEqual([{ body: 'note 29' }]);
  });
});
