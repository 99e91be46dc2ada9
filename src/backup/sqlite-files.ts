// Backups of the embedded SQLite database, by SQLite's online backup API. A backup reads one
// snapshot of the live file in one step: in WAL mode a reader never blocks the server's writers,
// and one step means the copy is never restarted by a commit that lands while it runs.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { KNOWN_MIGRATIONS } from '../migrations/index.js';
import { processesHolding } from './holders.js';

export class BackupError extends Error {}

export interface FoyerFileFacts {
  /** The newest migration the file has. */
  level: string;
  /** Migrations this Foyer has that the file has not: applied when Foyer next starts on it. */
  pending: string[];
  organisations: number;
  orders: number;
  tickets: number;
  bytes: number;
}

type Row = Record<string, unknown>;

/** Checks that `file` is an intact Foyer database this Foyer knows, and answers what is in it. */
export function inspectFoyerFile(file: string): FoyerFileFacts {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`${file} cannot be opened as an SQLite database: ${(err as Error).message}`);
  }
  try {
    return inspect(db, file, true);
  } finally {
    db.close();
  }
}

function inspect(db: SQLite.Database, file: string, check: boolean): FoyerFileFacts {
  let tables: Set<string>;
  try {
    tables = new Set((db.prepare(`select name from sqlite_master where type = 'table'`).all() as Row[]).map((r) => String(r.name)));
  } catch {
    throw new BackupError(`${file} is not an SQLite database`);
  }
  if (!tables.has('kysely_migration') || !tables.has('organisations')) {
    throw new BackupError(`${file} is not a Foyer database (it has no Foyer migrations)`);
  }
  const applied = (db.prepare('select name from kysely_migration order by name').all() as Row[]).map((r) => String(r.name));
  const unknown = applied.filter((m) => !KNOWN_MIGRATIONS.includes(m));
  if (unknown.length) {
    throw new BackupError(`${file} was made by a newer Foyer (it has migration ${unknown.join(', ')}, which this Foyer does not know); upgrade Foyer first`);
  }
  if (!applied.length) throw new BackupError(`${file} is not a Foyer database (no migration was ever applied)`);
  if (check) {
    const problems = (db.prepare('pragma quick_check').all() as Row[]).map((r) => String(Object.values(r)[0]));
    if (problems.join() !== 'ok') throw new BackupError(`${file} is damaged: ${problems.slice(0, 3).join('; ')}`);
  }
  const count = (table: string) => (tables.has(table) ? Number((db.prepare(`select count(*) as n from ${table}`).get() as Row).n) : 0);
  return {
    level: applied[applied.length - 1],
    pending: KNOWN_MIGRATIONS.filter((m) => !applied.includes(m)),
    organisations: count('organisations'),
    orders: count('orders'),
    tickets: count('tickets'),
    bytes: fs.statSync(file).size,
  };
}

/** One step with all pages: `transfer` copies them inside a single read of the source. */
const ALL_PAGES = 0x7fffffff;

async function copyDatabase(source: SQLite.Database, dest: string): Promise<void> {
  await source.backup(dest, { progress: () => ALL_PAGES });
  // A standalone file: rollback journal, so it opens anywhere without -wal/-shm next to it.
  const out = new SQLite(dest, { fileMustExist: true });
  try {
    out.pragma('journal_mode = DELETE');
  } finally {
    out.close();
  }
  const fd = fs.openSync(dest, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const partial = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);

function syncDir(file: string): void {
  const fd = fs.openSync(path.dirname(path.resolve(file)), 'r');
  try {
    fs.fsyncSync(fd);
  } catch {
    // Not every file system syncs a directory; the rename itself is still atomic.
  } finally {
    fs.closeSync(fd);
  }
}

export interface BackupResult extends FoyerFileFacts {
  ms: number;
}

/** Copies the live database `source` (a server may be selling on it) to the new file `dest`. */
export async function backupSqlite(source: string, dest: string): Promise<BackupResult> {
  const started = performance.now();
  if (!fs.existsSync(source)) throw new BackupError(`there is no database at ${source} (FOYER_DB)`);
  if (fs.existsSync(dest)) throw new BackupError(`${dest} already exists; give a new file name`);
  if (!fs.existsSync(path.dirname(path.resolve(dest)))) throw new BackupError(`the folder of ${dest} does not exist`);
  const tmp = partial(dest);
  // Not read-only: a read-only connection could not take part in the WAL the server writes.
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    // Is it Foyer's? The full check is made on the copy, not on the file the server is using.
    inspect(live, source, false);
    await copyDatabase(live, tmp);
    const facts = inspectFoyerFile(tmp);
    fs.renameSync(tmp, dest);
    syncDir(dest);
    return { ...facts, bytes: fs.statSync(dest).size, ms: performance.now() - started };
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    live.close();
  }
}

export interface RestoreResult extends FoyerFileFacts {
  /** Where the database that was there before now is (undefined: there was none). */
  previous: string | undefined;
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

function inUse(target: string): BackupError {
  const pids = processesHolding(target);
  const who = pids.length
    ? `process ${pids.join(', ')} has it open; stop Foyer first (Ctrl-C in its terminal, \`kill -TERM ${pids.join(' ')}\`, or stop its service), then run restore again`
    : 'stop every Foyer process that uses it (Ctrl-C in its terminal, `kill -TERM <pid>`, or stop its service), then run restore again';
  return new BackupError(`${target} is in use by a running Foyer: ${who}`);
}

/**
 * Puts the backup `backup` in place of the database `target`. Refuses while any connection has the
 * target open; the database that was there is kept next to it, never deleted.
 */
export async function restoreSqlite(backup: string, target: string, now: Date): Promise<RestoreResult> {
  const facts = inspectFoyerFile(backup);
  if (fs.existsSync(target) && fs.realpathSync(backup) === fs.realpathSync(target)) throw new BackupError('the backup is the database itself');
  if (!fs.existsSync(path.dirname(path.resolve(target)))) fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = partial(target);
  const src = new SQLite(backup, { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(src, tmp);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    src.close();
  }

  if (!fs.existsSync(target)) {
    // -wal/-shm without their database belong to nothing; left there they would be read as this file's.
    for (const orphan of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(orphan, { force: true });
    fs.renameSync(tmp, target);
    syncDir(target);
    return { ...facts, previous: undefined };
  }

  const old = new SQLite(target, { fileMustExist: true });
  try {
    old.pragma('busy_timeout = 0');
    // Leaving WAL mode needs the only connection: SQLite answers busy while a server has it open.
    // It also folds a WAL a crashed server left behind into the file that is kept.
    let mode: unknown;
    try {
      mode = old.pragma('journal_mode = DELETE', { simple: true });
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw inUse(target);
      throw err;
    }
    if (mode !== 'delete') throw inUse(target);
    // Hold the file while it is swapped, so a server starting now waits instead of opening it.
    old.pragma('locking_mode = EXCLUSIVE');
    try {
      old.exec('begin exclusive');
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw inUse(target);
      throw err;
    }
    const previous = `${target}.before-restore-${stamp(now)}`;
    fs.renameSync(target, previous);
    fs.renameSync(tmp, target);
    syncDir(target);
    old.exec('commit');
    return { ...facts, previous };
  } finally {
    old.close();
    fs.rmSync(tmp, { force: true });
  }
}
