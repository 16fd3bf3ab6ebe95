import { Storage, StoreItems } from 'botbuilder';
import { Database } from '../db/database';

/**
 * Bot Framework state (dialog stacks, conversation data) in SQLite, so a restart or a second
 * instance carries on the conversation. eTags give the optimistic concurrency botbuilder expects.
 */
export class SqliteStorage implements Storage {
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys.length) return {};
    const rows = await this.db.all<{ key: string; document: string; etag: number }>(
      `SELECT key, document, etag FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`,
      keys,
    );
    return Object.fromEntries(rows.map((r) => [r.key, { ...JSON.parse(r.document), eTag: String(r.etag) }]));
  }

  /** Each key is one statement, so saving a turn's state costs one round trip; the eTag check is part of it. */
  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    const save = (db: Database, key: string, item: unknown) => {
      const { eTag, ...document } = (item ?? {}) as { eTag?: string };
      const anyVersion = !eTag || eTag === '*';
      return db
        .run(
          `INSERT INTO bot_state (key, document, etag, updated_at) VALUES (?, ?, 1, ?)
           ON CONFLICT (key) DO UPDATE SET document = excluded.document, etag = bot_state.etag + 1, updated_at = excluded.updated_at
            WHERE ? = 1 OR bot_state.etag = ?`,
          [key, JSON.stringify(document), new Date().toISOString(), anyVersion ? 1 : 0, anyVersion ? null : Number(eTag)],
        )
        .then(({ changes: written }) => {
          if (!written) throw new Error(`Storage: eTag conflict for ${key}`);
        });
    };
    if (entries.length === 1) return save(this.db, ...entries[0]);
    await this.db.transaction(async (tx) => {
      for (const [key, item] of entries) await save(tx, key, item);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`, keys);
  }
}
