import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { Snapshots, SnapshotTopic } from './snapshots';
import { WriterGate } from './writerGate';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

type Connection = sqlite3.Database;

const MAX_PREPARED = 200;
/** Statements kept for one SQL; beyond this, reads of it share them (sqlite3 queues each statement's calls). */
const MAX_PREPARED_PER_SQL = 4;

type StatementPool = { all: sqlite3.Statement[]; idle: Set<sqlite3.Statement>; preparing: number; next: number };

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
  /** Prepared read statements by SQL, and every prepare still under way (close waits for them). */
  private readonly pools = new Map<string, StatementPool>();
  private readonly preparing = new Set<Promise<unknown>>();
  private kept = 0;
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

  /** A single write with a RETURNING clause: the row it gives back, or undefined when it changed nothing. */
  runReturning<T = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    const write = () => getOn<T>(this.writer, sql, params);
    return this.owned.length ? this.gate.statement(write) : write();
  }

  /** A read of rarely-changing data served from memory while unchanged (see Snapshots). */
  snapshot<T>(topic: SnapshotTopic, key: string, load: () => Promise<T>, options: { keep?: (value: T) => boolean } = {}): Promise<T> {
    return this.snapshots ? this.snapshots.get(topic, key, load, options.keep) : load();
  }

  get<T = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return getOn<T>(this.reader, sql, params);
  }

  all<T = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    const statement = this.preparedRead(sql);
    if (!statement) return new Promise((resolve, reject) => this.reader.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
    return statement.then(
      ({ prepared, pool }) =>
        new Promise<T[]>((resolve, reject) =>
          prepared.all(params, (err, rows) => {
            pool.idle.add(prepared);
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
   * shared by every turn became a queue: a few are kept for each SQL and an idle one is used first.
   * Not inside a transaction, and not past a limit, so SQL built with a varying number of
   * placeholders cannot grow the set without end. Only for `all`, which resets the statement when
   * done: a kept statement left mid-way would hold a read open and stop the WAL being checkpointed.
   */
  private preparedRead(sql: string): Promise<{ prepared: sqlite3.Statement; pool: StatementPool }> | undefined {
    if (!this.owned.length) return undefined;
    const pool = this.pools.get(sql);
    if (!pool) return this.kept < MAX_PREPARED ? this.prepare(sql, this.newPool(sql)) : undefined;
    const idle = pool.idle.values().next();
    if (!idle.done) {
      pool.idle.delete(idle.value);
      return Promise.resolve({ prepared: idle.value, pool });
    }
    if (pool.all.length + pool.preparing < MAX_PREPARED_PER_SQL && this.kept < MAX_PREPARED) return this.prepare(sql, pool);
    if (pool.all.length) return Promise.resolve({ prepared: pool.all[pool.next++ % pool.all.length], pool });
    return undefined;
  }

  private newPool(sql: string): StatementPool {
    const pool: StatementPool = { all: [], idle: new Set(), preparing: 0, next: 0 };
    this.pools.set(sql, pool);
    return pool;
  }

  private prepare(sql: string, pool: StatementPool): Promise<{ prepared: sqlite3.Statement; pool: StatementPool }> {
    pool.preparing++;
    this.kept++;
    const preparing = new Promise<{ prepared: sqlite3.Statement; pool: StatementPool }>((resolve, reject) => {
      const prepared = this.reader.prepare(sql, (err) => {
        pool.preparing--;
        // A statement that failed to prepare (a missing table, say) is not kept: the next read tries again.
        if (err) {
          this.kept--;
          if (!pool.all.length && !pool.preparing) this.pools.delete(sql);
          reject(err);
        } else {
          pool.all.push(prepared);
          resolve({ prepared, pool });
        }
      });
    });
    const settled = preparing.then(
      () => undefined,
      () => undefined,
    );
    this.preparing.add(settled);
    void settled.then(() => this.preparing.delete(settled));
    return preparing;
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
      .then(() => Promise.all(this.preparing))
      .then(() => {
        const statements = [...this.pools.values()].flatMap((pool) => pool.all);
        this.pools.clear();
        return Promise.all(statements.map((statement) => new Promise((resolve) => statement.finalize(resolve))));
      })
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

function getOn<T>(conn: Connection, sql: string, params: SqlValue[]): Promise<T | undefined> {
  return new Promise((resolve, reject) => conn.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))));
}
