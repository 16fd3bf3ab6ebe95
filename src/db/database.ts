import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { Snapshots, SnapshotTopic } from './snapshots';
import { WriterGate } from './writerGate';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

type Connection = sqlite3.Database;

const MAX_PREPARED = 200;

function openConnection(filePath: string, mode: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(filePath, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

const call = (conn: Connection, method: 'exec', sql: string) =>
  new Promise<void>((resolve, reject) => conn[method](sql, (err) => (err ? reject(err) : resolve())));

/**
 * A promise wrapper over SQLite with two connections: one for writes and one for reads.
 *
 * sqlite3 shares one connection per `Database`, so two interleaved transactions would corrupt each
 * other: transactions take turns on the write connection, and single-statement writes wait for any
 * transaction in progress (see WriterGate). Reads go
 * to a separate read-only connection, which WAL lets run beside a write, so answering questions is
 * never held up behind saving someone's booking. Inside a transaction, reads use the write
 * connection and see the transaction's own changes.
 */
export class Database {
  private readonly gate = new WriterGate();
  /** Prepared read statements not in use, by SQL; `statements` holds every one, for closing. */
  private readonly idle = new Map<string, sqlite3.Statement[]>();
  private readonly statements = new Set<sqlite3.Statement>();
  /** Absent inside a transaction, whose reads must see its own changes. */
  private readonly snapshots: Snapshots | undefined;

  private constructor(
    private readonly writer: Connection,
    private readonly reader: Connection,
    private readonly owned: Connection[],
    snapshotMaxAgeMs: number | undefined,
  ) {
    this.snapshots =
      snapshotMaxAgeMs === undefined
        ? undefined
        : new Snapshots(async () => {
            const rows = await this.all<{ topic: SnapshotTopic; generation: number }>('SELECT topic, generation FROM snapshot_generations');
            return new Map(rows.map((r) => [r.topic, r.generation]));
          }, snapshotMaxAgeMs);
  }

  /**
   * `snapshotMaxAgeMs`: how long a change made by another process to the published data or the user
   * directory may go unnoticed (see Snapshots); 0, the default, checks on every read.
   */
  static async open(filePath: string, options: { snapshotMaxAgeMs?: number } = {}): Promise<Database> {
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    const writer = await openConnection(filePath, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    await call(writer, 'exec', 'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;');
    const reader = await openConnection(filePath, sqlite3.OPEN_READONLY);
    await call(reader, 'exec', 'PRAGMA busy_timeout = 5000;');
    return new Database(writer, reader, [writer, reader], options.snapshotMaxAgeMs ?? 0);
  }

  /** Runs SQL outside any transaction (schema set-up, pragmas). */
  exec(sql: string): Promise<void> {
    return call(this.writer, 'exec', sql);
  }

  /** A single statement, which SQLite makes atomic on its own; never lands inside someone else's transaction. */
  run(sql: string, params: SqlValue[] = []): Promise<{ changes: number; lastId: number }> {
    if (!this.owned.length) return runOn(this.writer, sql, params);
    return this.gate.statement(() => runOn(this.writer, sql, params));
  }

  /** A read of rarely-changing data served from memory while unchanged (see Snapshots). */
  snapshot<T>(topic: SnapshotTopic, key: string, load: () => Promise<T>, options: { keep?: (value: T) => boolean } = {}): Promise<T> {
    return this.snapshots ? this.snapshots.get(topic, key, load, options.keep) : load();
  }

  get<T = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.reader.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
    );
  }

  all<T = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    const statement = this.preparedRead(sql);
    if (!statement) return new Promise((resolve, reject) => this.reader.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
    return statement.then(
      (prepared) =>
        new Promise<T[]>((resolve, reject) =>
          prepared.all(params, (err, rows) => {
            this.idleStatement(sql, prepared);
            if (err) reject(err);
            else resolve(rows as T[]);
          }),
        ),
    );
  }

  /**
   * Reads run often with the same SQL, so their statements are prepared once and kept (preparing
   * was a good part of a small read's cost). A statement runs one call at a time, and the next
   * queued call starts only once the event loop has taken the last one's rows, so a statement
   * shared by every turn became a queue: one in use is not shared, another is prepared beside it.
   * Not inside a transaction, and not past a limit, so SQL built with a varying number of
   * placeholders cannot grow the set without end. Only for `all`, which resets the statement when
   * done: a kept statement left mid-way would hold a read open and stop the WAL being checkpointed.
   */
  private preparedRead(sql: string): Promise<sqlite3.Statement> | undefined {
    if (!this.owned.length) return undefined;
    const idle = this.idle.get(sql)?.pop();
    if (idle) return Promise.resolve(idle);
    if (this.statements.size >= MAX_PREPARED) return undefined;
    return new Promise<sqlite3.Statement>((resolve, reject) => {
      const prepared = this.reader.prepare(sql, (err) => {
        // A statement that failed to prepare (a missing table, say) is not kept: the next read tries again.
        if (err) reject(err);
        else {
          this.statements.add(prepared);
          resolve(prepared);
        }
      });
    });
  }

  private idleStatement(sql: string, statement: sqlite3.Statement): void {
    const idle = this.idle.get(sql);
    if (idle) idle.push(statement);
    else this.idle.set(sql, [statement]);
  }

  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT, one transaction at a time, all on the write connection. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return this.gate.transaction(async () => {
      const tx = new Database(this.writer, this.writer, [], undefined);
      await tx.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        await tx.exec('COMMIT');
        return result;
      } catch (err) {
        await tx.exec('ROLLBACK');
        throw err;
      }
    });
  }

  close(): Promise<void> {
    return this.gate
      .idle()
      .then(() =>
        Promise.all([...this.statements].map((statement) => new Promise((resolve) => statement.finalize(resolve)))),
      )
      .then(() =>
      Promise.all(this.owned.map((c) => new Promise<void>((resolve, reject) => c.close((err) => (err ? reject(err) : resolve()))))).then(() => undefined),
    );
  }
}

function runOn(conn: Connection, sql: string, params: SqlValue[]): Promise<{ changes: number; lastId: number }> {
  return new Promise((resolve, reject) =>
    conn.run(sql, params, function (err) {
      if (err) reject(err);
      else resolve({ changes: this.changes, lastId: this.lastID });
    }),
  );
}
