// One data-access layer over two engines: SQLite (better-sqlite3, the embedded default) and
// PostgreSQL (pg) when DATABASE_URL is set. Everything above this file speaks Kysely only.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { QueuedSqliteDialect } from './sqlite-driver.js';
import { preparedStatementsPool } from './pg-prepared.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// pg hands back int8 (money columns, count(*), sum(int)) as strings. Amounts the API accepts are
// capped (schemas.ts, MAX_CENTS) so that every sum stays far below 2^53; past it, refuse to round.
pg.types.setTypeParser(20, (v) => {
  const n = Number.parseInt(v, 10);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 ${v} is beyond what a JS number holds exactly`);
  return n;
});
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export interface DatabaseOptions {
  databaseUrl?: string;
  sqliteFile?: string;
  pgPoolSize?: number;
}

export function openDatabase(opts: DatabaseOptions): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.pgPoolSize ?? 8 });
    // A connection error on an idle client must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementsPool(pool) }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit the client saw survives a power cut, not only a process crash. In WAL mode on a
  // file the driver takes the fsync out of COMMIT and does it off the event loop before anyone is
  // answered (wal-sync.ts): the same promise, without stopping the process for the disk.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new QueuedSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
