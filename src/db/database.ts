import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

/**
 * A promise wrapper over one sqlite3 connection. sqlite3 shares one connection per Database, so
 * two interleaved transactions would corrupt each other: every transaction runs through a queue.
 */
export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: sqlite3.Database) {}

  static async open(filePath: string): Promise<Database> {
    if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(filePath, (err) => (err ? reject(err) : resolve(db)));
    });
    const database = new Database(raw);
    await database.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;');
    return database;
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  run(sql: string, params: SqlValue[] = []): Promise<{ changes: number; lastId: number }> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, function (err) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastId: this.lastID });
      }),
    );
  }

  get<T = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
    );
  }

  all<T = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    );
  }

  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT, one transaction at a time. */
  transaction<T>(work: (db: Database) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this);
        await this.exec('COMMIT');
        return result;
      } catch (err) {
        await this.exec('ROLLBACK');
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    return this.queue.then(
      () => new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve()))),
    );
  }
}
