import { Storage, StoreItems } from 'botbuilder';
import { Database } from '../db/database';
import { RecentResults } from '../recentResults';

type Held = { document: string; etag: number };

/** Conversations whose state is kept in memory; beyond this the least recently used is read again when needed. */
const HELD_CONVERSATIONS = 5000;

/**
 * Bot Framework state (dialog stacks, conversation data) in SQLite, so a restart carries on the
 * conversation. eTags give the optimistic concurrency the Storage interface describes, although
 * botbuilder's own BotState always saves with '*' (last write wins).
 *
 * What this process last read or wrote is also kept in memory, which saves a database read at the
 * start of every turn. The database stays the record: every change is written before the turn ends,
 * and a restart reads it back. This relies on one process per database (decision 0001): a second
 * process's changes to the same conversation would not be seen here, and this process's next save
 * would replace them, as last-write-wins saves do anyway. A save keeps the version the database
 * gave it (RETURNING); a refused or failed save, or saves of one conversation that overlap, forget the
 * copy, so the next read comes from the database.
 */
export class SqliteStorage implements Storage {
  private readonly held = new RecentResults<Held>(HELD_CONVERSATIONS);
  /**
   * Saves and deletes under way, by conversation. sqlite3 runs statements on one connection side by
   * side, so two made at once may run in either order: when they overlap, neither result is kept and
   * the next read comes from the database. A read is kept only if no save or delete of that
   * conversation was under way or made while it ran.
   */
  private readonly writes = new Map<string, { newest: number; underWay: number; overlapped: boolean }>();
  private made = 0;
  private readsUnderWay = 0;

  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const unknown: string[] = [];
    for (const key of keys) {
      const held = this.held.recall(key);
      if (held) items[key] = itemOf(held);
      else unknown.push(key);
    }
    if (!unknown.length) return items;
    const before = new Map(unknown.map((key) => [key, this.quietSince(key)]));
    this.readsUnderWay++;
    try {
      const rows = await this.db.all<{ key: string; document: string; etag: number }>(
        `SELECT key, document, etag FROM bot_state WHERE key IN (${unknown.map(() => '?').join(',')})`,
        unknown,
      );
      for (const row of rows) {
        const since = before.get(row.key);
        if (since !== undefined && since === this.quietSince(row.key)) this.hold(row.key, row);
        items[row.key] = itemOf(row);
      }
      return items;
    } finally {
      if (--this.readsUnderWay === 0) for (const [key, w] of this.writes) if (!w.underWay) this.writes.delete(key);
    }
  }

  /** Each key is one statement, so saving a turn's state costs one round trip; the eTag check is part of it. */
  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes).map(([key, item]) => ({ key, item, saved: undefined as Held | undefined }));
    for (const entry of entries) this.begin(entry.key);
    const save = async (db: Database, entry: (typeof entries)[number]) => {
      const { eTag, ...rest } = (entry.item ?? {}) as { eTag?: string };
      const anyVersion = !eTag || eTag === '*';
      const document = JSON.stringify(rest);
      const row = await db.runReturning<{ etag: number }>(
        `INSERT INTO bot_state (key, document, etag, updated_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (key) DO UPDATE SET document = excluded.document, etag = bot_state.etag + 1, updated_at = excluded.updated_at
          WHERE ? = 1 OR bot_state.etag = ?
         RETURNING etag`,
        [entry.key, document, new Date().toISOString(), anyVersion ? 1 : 0, anyVersion ? null : Number(eTag)],
      );
      if (!row) throw new Error(`Storage: eTag conflict for ${entry.key}`);
      entry.saved = { document, etag: row.etag };
    };
    try {
      if (entries.length === 1) await save(this.db, entries[0]);
      else
        await this.db.transaction(async (tx) => {
          for (const entry of entries) await save(tx, entry);
        });
    } catch (err) {
      for (const entry of entries) this.end(entry.key, undefined);
      throw err;
    }
    for (const entry of entries) this.end(entry.key, entry.saved);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    for (const key of keys) this.begin(key);
    try {
      await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`, keys);
    } finally {
      for (const key of keys) this.end(key, undefined);
    }
  }

  private begin(key: string): void {
    const made = ++this.made;
    const w = this.writes.get(key);
    if (w) {
      w.newest = made;
      w.overlapped ||= w.underWay > 0;
      w.underWay++;
    } else this.writes.set(key, { newest: made, underWay: 1, overlapped: false });
  }

  /** A save or delete that ran alone decides what is held: its result, or nothing (a failure, a delete). */
  private end(key: string, result: Held | undefined): void {
    const w = this.writes.get(key);
    if (!w) return;
    w.underWay--;
    this.held.forget(key);
    if (w.underWay) return;
    if (result && !w.overlapped) this.hold(key, result);
    w.overlapped = false;
    if (!this.readsUnderWay) this.writes.delete(key);
  }

  /** Which save or delete a conversation was last at, or -1 while one is under way (a read then is not kept). */
  private quietSince(key: string): number {
    const w = this.writes.get(key);
    return w?.underWay ? -1 : (w?.newest ?? 0);
  }

  private hold(key: string, held: Held): void {
    this.held.keep(key, { document: held.document, etag: held.etag });
  }
}

const itemOf = (held: Held) => ({ ...JSON.parse(held.document), eTag: String(held.etag) });
