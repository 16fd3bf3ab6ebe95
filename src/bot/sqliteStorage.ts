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
 * would replace them, as last-write-wins saves do anyway. A save with an eTag that is refused
 * forgets the copy, so the next read comes from the database.
 */
export class SqliteStorage implements Storage {
  private readonly held = new Map<string, Held>();

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
    const rows = await this.db.all<{ key: string; document: string; etag: number }>(
      `SELECT key, document, etag FROM bot_state WHERE key IN (${unknown.map(() => '?').join(',')})`,
      unknown,
    );
    for (const row of rows) {
      // A save made while this read was under way is newer than what the read found.
      if ((this.held.get(row.key)?.etag ?? 0) < row.etag) this.hold(row.key, row);
      items[row.key] = itemOf(row);
    }
    return items;
  }

  /** Each key is one statement, so saving a turn's state costs one round trip; the eTag check is part of it. */
  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    const saved: [string, Held | undefined][] = [];
    const save = (db: Database, key: string, item: unknown) => {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
      const anyVersion = !eTag || eTag === '*';
      const document = JSON.stringify(rest);
      // botbuilder saves with '*' (last write wins); the version it replaces is then the one held.
      const replacing = anyVersion ? this.held.get(key)?.etag : Number(eTag);
      return db
        .run(
          `INSERT INTO bot_state (key, document, etag, updated_at) VALUES (?, ?, 1, ?)
           ON CONFLICT (key) DO UPDATE SET document = excluded.document, etag = bot_state.etag + 1, updated_at = excluded.updated_at
            WHERE ? = 1 OR bot_state.etag = ?`,
          [key, document, new Date().toISOString(), anyVersion ? 1 : 0, anyVersion ? null : Number(eTag)],
        )
        .then(({ changes: written }) => {
          if (!written) throw new Error(`Storage: eTag conflict for ${key}`);
          // Written over a known version, the new one is the next; otherwise it is read back when next needed.
          saved.push([key, replacing === undefined ? undefined : { document, etag: replacing + 1 }]);
        });
    };
    try {
      if (entries.length === 1) await save(this.db, ...entries[0]);
      else
        await this.db.transaction(async (tx) => {
          for (const [key, item] of entries) await save(tx, key, item);
        });
    } catch (err) {
      for (const [key] of entries) this.held.delete(key);
      throw err;
    }
    for (const [key, held] of saved) {
      if (held) this.hold(key, held);
      else this.held.delete(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    for (const key of keys) this.held.delete(key);
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`, keys);
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
