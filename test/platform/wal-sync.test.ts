// Commits on SQLite are made durable off the event loop (src/platform/wal-sync.ts): nobody is
// answered before the write-ahead log has been synced after their commit, a failed sync reaches
// everyone waiting for it, and a busy database is checkpointed by a worker thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueuedSqliteDialect } from '../../src/platform/sqlite-driver.js';
import type { SyncFile } from '../../src/platform/wal-sync.js';

let dir: string;
let file: string;
const opened: Kysely<unknown>[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-wal-sync-'));
  file = path.join(dir, 'db.sqlite');
});

afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(opts: { sync?: SyncFile; onFailure?: (e: Error) => void } = {}): { db: Kysely<unknown>; conn: SQLite.Database } {
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  const db = new Kysely<unknown>({ dialect: new QueuedSqliteDialect({ database: conn }, opts) });
  opened.push(db);
  return { db, conn };
}

const settled = async (p: Promise<unknown>) => Promise.race([p.then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('waiting'), 50))]);

describe('SQLite commits made durable off the event loop', () => {
  it('answers a commit only after the log was synced, and commits arriving meanwhile share the next sync', async () => {
    const held: (() => void)[] = [];
    const { db, conn } = open({ sync: (fd, done) => held.push(() => fs.fdatasync(fd, done)) });
    const created = sql`create table t (v text)`.execute(db);
    // The table's creation waits for a sync too.
    expect(await settled(created)).toBe('waiting');
    held.shift()!();
    await created;
    expect(String(conn.pragma('synchronous', { simple: true }))).toBe('1');

    const first = db.transaction().execute(async (tx) => void (await sql`insert into t values ('a')`.execute(tx)));
    expect(await settled(first)).toBe('waiting');
    // Committed (another connection sees it), yet not confirmed: the sync has not finished.
    const other = new SQLite(file, { readonly: true });
    expect(other.prepare("select count(*) from t where v = 'a'").pluck().get()).toBe(1);
    expect(held).toHaveLength(1);

    const later = Array.from({ length: 5 }, (_, i) => sql`insert into t values (${`b${i}`})`.execute(db));
    await new Promise((r) => setTimeout(r, 20));
    expect(held).toHaveLength(1);
    held.shift()!();
    expect(await settled(first)).toBe('answered');
    expect(await settled(Promise.all(later))).toBe('waiting');
    // One more sync for all five that committed while the first one ran.
    expect(held).toHaveLength(1);
    held.shift()!();
    expect(await settled(Promise.all(later))).toBe('answered');
    other.close();
  });

  it('tells everyone waiting when the sync fails, and stops trusting the disk', async () => {
    let fail = false;
    const failures: Error[] = [];
    const { db } = open({
      sync: (fd, done) => (fail ? done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })) : fs.fdatasync(fd, done)),
      onFailure: (e) => failures.push(e),
    });
    await sql`create table t (v text)`.execute(db);
    fail = true;
    const outcomes = await Promise.allSettled(Array.from({ length: 3 }, (_, i) => sql`insert into t values (${String(i)})`.execute(db)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]!.message).toContain('EIO');
  });

  it('closes the database only after the sync in flight has finished, which then answers its commit', async () => {
    const held: (() => void)[] = [];
    const failures: Error[] = [];
    const { db } = open({ sync: (fd, done) => held.push(() => fs.fdatasync(fd, done)), onFailure: (e) => failures.push(e) });
    const created = sql`create table t (v text)`.execute(db);
    await new Promise((r) => setTimeout(r, 20));
    expect(held).toHaveLength(1);
    const closed = db.destroy();
    opened.splice(0);
    // Closing the log's file now would make the sync fail with EBADF, and a server stop itself.
    expect(await settled(closed)).toBe('waiting');
    held.shift()!();
    expect(await settled(created)).toBe('answered');
    expect(await settled(closed)).toBe('answered');
    expect(failures).toEqual([]);
  });

  it('checkpoints a busy database on its own thread: the data reaches the database file', async () => {
    const { db, conn } = open();
    await sql`create table t (v blob)`.execute(db);
    for (let i = 0; i < 260; i++) await sql`insert into t values (randomblob(16000))`.execute(db);
    // The writer's own checkpoint moved to a high mark; the worker copies the log back meanwhile.
    expect(Number(conn.pragma('wal_autocheckpoint', { simple: true }))).toBeGreaterThan(1000);
    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size < 260 * 16000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(260 * 16000);
  });
});
