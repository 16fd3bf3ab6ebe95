import { Storage, StoreItems } from 'botbuilder';
import { Database } from '../db/database';

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
 * would replace them, as last-write-wins saves do anyway. Each save keeps the version the database
 * gave it (RETURNING); a refused or failed save forgets the copy, so the next read comes from the
 * database.
 */
export class SqliteStorage implements Storage {
  private readonly held = new Map<string, Held>();
  /**
   * When each conversation last changed here (a save or delete finished), numbered in order, kept only
   * while reads are under way: a read that started before a change must not replace the newer copy.
   */
  private readonly changedAt = new Map<string, number>();
  private changes = 0;
  private readsUnderWay = 0;

  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const unknown: string[] = [];
    for (const key of keys) {
      const held = this.recall(key);
      if (held) items[key] = itemOf(held);
      else unknown.push(key);
    }
    if (!unknown.length) return items;
    const started = this.changes;
    this.readsUnderWay++;
    try {
      const rows = await this.db.all<{ key: string; document: string; etag: number }>(
        `SELECT key, document, etag FROM bot_state WHERE key IN (${unknown.map(() => '?').join(',')})`,
        unknown,
      );
      for (const row of rows) {
        if ((this.changedAt.get(row.key) ?? 0) <= started) this.hold(row.key, row);
        items[row.key] = itemOf(row);
      }
      return items;
    } finally {
      if (--this.readsUnderWay === 0) this.changedAt.clear();
    }
  }

  /** Each key is one statement, so saving a turn's state costs one round trip; the eTag check is part of it. */
  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    const saved: [string, Held][] = [];
    const save = async (db: Database, key: string, item: unknown) => {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
      const anyVersion = !eTag || eTag === '*';
      const document = JSON.stringify(rest);
      const row = await db.runReturning<{ etag: number }>(
        `INSERT INTO bot_state (key, document, etag, updated_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (key) DO UPDATE SET document = excluded.document, etag = bot_state.etag + 1, updated_at = excluded.updated_at
          WHERE ? = 1 OR bot_state.etag = ?
         RETURNING etag`,
        [key, document, new Date().toISOString(), anyVersion ? 1 : 0, anyVersion ? null : Number(eTag)],
      );
      if (!row) throw new Error(`Storage: eTag conflict for ${key}`);
      saved.push([key, { document, etag: row.etag }]);
    };
    try {
      if (entries.length === 1) await save(this.db, ...entries[0]);
      else
        await this.db.transaction(async (tx) => {
          for (const [key, item] of entries) await save(tx, key, item);
        });
    } catch (err) {
      for (const [key] of entries) this.forget(key);
      throw err;
    }
    // Saves on the one write connection finish in the order they were made, so the last kept is the latest.
    for (const [key, held] of saved) {
      this.hold(key, held);
      this.changed(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`, keys);
    for (const key of keys) this.forget(key);
  }

  private forget(key: string): void {
    this.held.delete(key);
    this.changed(key);
  }

  private changed(key: string): void {
    this.changes++;
    if (this.readsUnderWay) this.changedAt.set(key, this.changes);
  }

  private recall(key: string): Held | undefined {
    const held = this.held.get(key);
    if (held) {
      // Re-inserting moves the key to the newest end of the Map's order.
      this.held.delete(key);
      this.held.set(key, held);
    }
    return held;
  }

  private hold(key: string, held: Held): void {
    this.held.delete(key);
    this.held.set(key, { document: held.document, etag: held.etag });
    if (this.held.size > HELD_CONVERSATIONS) this.held.delete(this.held.keys().next().value as string);
  }
}

const itemOf = (held: Held) => ({ ...JSON.parse(held.document), eTag: String(held.etag) });
