// Kysely's SQLite driver with a first-come-first-served connection queue, a statement cache and
// group commit.
// - Queue: Kysely's own mutex wakes every waiter on each release (all re-check, one wins); with
//   hundreds of requests waiting for the one connection in an on-sale rush that costs more than the
//   queries.
// - Group commit: with synchronous=FULL every COMMIT waits for an fsync, which is most of a buy's
//   time on SQLite. Transactions that queue for the connection run one after the other inside one
//   open database transaction, each in its own savepoint (its rollback undoes only its own work),
//   and share one COMMIT. Nobody is answered before that COMMIT: a transaction's commit (and a write
//   outside a transaction) resolves only once the group is on disk, so every answered write survives
//   a crash as before. The group commits as soon as nobody waits for the connection, or when it is
//   GROUP_MAX transactions or GROUP_MAX_MS old. Reads in between see the group's work before its
//   fsync, as PostgreSQL readers see a commit before a slow standby has it.
// - The fsync itself runs off the event loop (wal-sync.ts) for a database file in WAL mode: the
//   COMMIT writes the group's frames, and its members are answered once a sync has made them durable.
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryResult, type SqliteDialectConfig,
} from 'kysely';
import { WalSync, type WalSyncOptions } from './wal-sync.js';

const GROUP_MAX = 32;
const GROUP_MAX_MS = 8;
const MEMBER = 'foyer_member';

/** Commits and the transactions and writes they carried, since the process started (the rush bench prints them). */
export const groupCommitStats = { commits: 0, members: 0 };

interface Waiter { resolve: () => void; reject: (e: unknown) => void }

/** One lease of the one connection: Kysely releases it once; group commit may hand it on earlier. */
class Lease implements DatabaseConnection {
  released = false;
  inMember = false;

  constructor(readonly driver: GroupCommitSqliteDriver, readonly inner: DatabaseConnection) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inMember) return this.inner.executeQuery<R>(q);
    return this.driver.outsideTransaction(this, q);
  }

  streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(q, chunkSize);
  }
}

class GroupCommitSqliteDriver implements Driver {
  #kysely: SqliteDriver;
  #db: Database.Database;
  #connection: DatabaseConnection | undefined;
  #busy = false;
  #waiting: (() => void)[] = [];
  /** The open group: transactions done but not yet on disk. */
  #members: Waiter[] = [];
  #groupOpen = false;
  #groupStarted = 0;
  #commitScheduled = false;
  #commitWanted = false;
  #wal: WalSync | undefined;

  constructor(config: SqliteDialectConfig & { database: Database.Database }, wal: WalSync | undefined) {
    this.#kysely = new SqliteDriver(config);
    this.#db = config.database;
    this.#wal = wal;
    wal?.whenFree(() => this.#syncFree());
  }

  /** A transaction-control statement, prepared once (exec would parse it again on every call, ~6 per buy). */
  #control(statement: string): void {
    this.#db.prepare(statement).run();
  }

  async init(): Promise<void> {
    await this.#kysely.init();
    // Take the one connection from Kysely's mutex for good; this queue hands it out from now on.
    this.#connection = await this.#kysely.acquireConnection();
  }

  async destroy(): Promise<void> {
    await this.#wal?.close();
    await this.#kysely.destroy();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#busy = true;
    return new Lease(this, this.#connection!);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.released) return;
    lease.released = true;
    this.#handOver();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    this.#openGroup();
    this.#control(`savepoint ${MEMBER}`);
    lease.inMember = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.inMember = false;
    if (!this.#db.inTransaction) throw this.#lost(new Error('the database rolled the transaction back'));
    this.#control(`release ${MEMBER}`);
    await this.#joinGroup(lease);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.inMember = false;
    if (!this.#db.inTransaction) {
      this.#lost(new Error('the database rolled the transaction back'));
      return;
    }
    this.#control(`rollback to ${MEMBER}`);
    this.#control(`release ${MEMBER}`);
  }

  /** A statement outside a transaction: a read runs as it is; a write joins the group and waits for it. */
  async outsideTransaction<R>(lease: Lease, q: CompiledQuery): Promise<QueryResult<R>> {
    const readonly = this.#db.prepare(q.sql).readonly;
    if (readonly) return this.#connection!.executeQuery<R>(q);
    this.#openGroup();
    this.#control(`savepoint ${MEMBER}`);
    let result: QueryResult<R>;
    try {
      result = await this.#connection!.executeQuery<R>(q);
    } catch (e) {
      if (this.#db.inTransaction) {
        this.#control(`rollback to ${MEMBER}`);
        this.#control(`release ${MEMBER}`);
      } else this.#lost(e);
      throw e;
    }
    if (!this.#db.inTransaction) throw this.#lost(new Error('the database rolled the statement back'));
    this.#control(`release ${MEMBER}`);
    await this.#joinGroup(lease);
    return result;
  }

  #openGroup(): void {
    if (this.#groupOpen && this.#db.inTransaction) return;
    if (this.#groupOpen) this.#lost(new Error('the database rolled the transaction back'));
    this.#control('begin immediate');
    this.#groupOpen = true;
    this.#groupStarted = performance.now();
  }

  /**
   * Done but not on disk: the connection goes on to whoever is next, and the group commits once the
   * work that is ready now has had its turn (setImmediate), or when it is big or old enough.
   */
  #joinGroup(lease: Lease): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.#members.push({ resolve, reject }));
    if (this.#members.length >= GROUP_MAX || performance.now() - this.#groupStarted >= GROUP_MAX_MS) this.#commitGroup();
    else this.#scheduleCommit();
    lease.released = true;
    this.#handOver();
    return done;
  }

  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    setImmediate(() => {
      this.#commitScheduled = false;
      // Somebody is inside a transaction: the group commits when they hand the connection on.
      if (this.#busy) this.#commitWanted = true;
      else if (!this.#waitForSync()) this.#commitGroup();
    });
  }

  /**
   * While the log is being synced the group stays open: a COMMIT now would wait for the next sync
   * anyway, and one COMMIT when the sync is done writes each page the group touched once.
   */
  #waitForSync(): boolean {
    return !!this.#wal?.syncing && performance.now() - this.#groupStarted < GROUP_MAX_MS;
  }

  /** The log's sync finished: the group that gathered meanwhile commits (now, or when the connection is handed on). */
  #syncFree(): void {
    if (!this.#groupOpen) return;
    if (this.#busy) this.#commitWanted = true;
    else this.#commitGroup();
  }

  #handOver(): void {
    // Between two leases nobody is inside a transaction: the group commits here when it is due.
    if (this.#groupOpen && ((this.#commitWanted && !this.#waitForSync()) || performance.now() - this.#groupStarted >= GROUP_MAX_MS)) this.#commitGroup();
    const next = this.#waiting.shift();
    // Hand over directly: the connection stays busy and goes to the longest waiter.
    if (next) next();
    else {
      this.#busy = false;
      if (this.#groupOpen) this.#scheduleCommit();
    }
  }

  #commitGroup(): void {
    if (!this.#groupOpen) return;
    const members = this.#members;
    this.#members = [];
    this.#groupOpen = false;
    this.#commitWanted = false;
    try {
      this.#control('commit');
    } catch (e) {
      if (this.#db.inTransaction) this.#control('rollback');
      for (const m of members) m.reject(e);
      return;
    }
    groupCommitStats.commits++;
    groupCommitStats.members += members.length;
    if (!this.#wal) {
      for (const m of members) m.resolve();
      return;
    }
    this.#wal.durable().then(() => {
      for (const m of members) m.resolve();
    }, (e: unknown) => {
      for (const m of members) m.reject(e);
    });
  }

  /** The engine undid the whole group (an I/O error, a full disk): everybody in it hears so. */
  #lost(e: unknown): unknown {
    const members = this.#members;
    this.#members = [];
    this.#groupOpen = false;
    for (const m of members) m.reject(e);
    return e;
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

/**
 * Commits become durable off the event loop when the database is a file in WAL mode: the connection
 * is switched to synchronous=NORMAL and WalSync does the fsync that FULL would do inside COMMIT.
 * Otherwise (in memory, another journal mode) the connection keeps its own setting.
 */
function walSyncFor(db: Database.Database, opts: WalSyncOptions): WalSync | undefined {
  if (db.memory || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return undefined;
  db.pragma('synchronous = NORMAL');
  return new WalSync(db, path.resolve(db.name), opts);
}

export class QueuedSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig & { database: Database.Database };
  readonly #wal: WalSync | undefined;

  constructor(config: SqliteDialectConfig & { database: Database.Database }, wal: WalSyncOptions = {}) {
    cacheStatements(config.database);
    super(config);
    this.#config = config;
    this.#wal = walSyncFor(config.database, wal);
  }

  override createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.#config, this.#wal);
  }
}
