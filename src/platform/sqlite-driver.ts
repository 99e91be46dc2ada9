// Kysely's SQLite driver with a first-come-first-served connection queue and a statement cache.
// Kysely's own mutex wakes every waiter on each release (all re-check, one wins): with hundreds
// of requests waiting for the one connection in an on-sale rush that costs more than the queries.
import type Database from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

class QueuedSqliteDriver extends SqliteDriver {
  #connection: DatabaseConnection | undefined;
  #busy = false;
  #waiting: (() => void)[] = [];

  override async init(): Promise<void> {
    await super.init();
    // Take the one connection from Kysely's mutex for good; this queue hands it out from now on.
    this.#connection = await super.acquireConnection();
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#busy = true;
    return this.#connection!;
  }

  override async releaseConnection(): Promise<void> {
    const next = this.#waiting.shift();
    // Hand over directly: the connection stays busy and goes to the longest waiter.
    if (next) next();
    else this.#busy = false;
  }
}

const CACHED_STATEMENTS = 1000;

/** Reuses prepared statements by SQL text (all/run finish synchronously, so reuse is safe). */
function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      if (cache.size >= CACHED_STATEMENTS) cache.clear();
      stmt = prepare(source);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof db.prepare;
}

export class QueuedSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig & { database: Database.Database }) {
    cacheStatements(config.database);
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new QueuedSqliteDriver(this.#config);
  }
}
