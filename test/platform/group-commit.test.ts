// SQLite's group commit (src/platform/sqlite-driver.ts): transactions that queue for the one
// connection share a COMMIT, yet each is answered only once it is on disk, and each one's rollback
// undoes only its own work. "On disk" is checked with a second connection to the same file, which
// sees only what was committed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.js';

let dir: string;
let handle: DatabaseHandle;
let other: SQLite.Database;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-group-commit-'));
  const file = path.join(dir, 'db.sqlite');
  handle = openDatabase({ sqliteFile: file });
  await sql`create table t (id integer primary key, v text not null unique)`.execute(handle.db);
  other = new SQLite(file, { readonly: true });
});

afterEach(async () => {
  other.close();
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const committed = (v: string) => other.prepare('select count(*) from t where v = ?').pluck().get(v) as number;

describe('SQLite group commit', () => {
  it('answers each of many concurrent transactions only once another connection sees it committed', async () => {
    const seenAtAnswer: number[] = [];
    await Promise.all(Array.from({ length: 60 }, async (_, i) => {
      await handle.db.transaction().execute(async (tx) => {
        await sql`insert into t (v) values (${`a${i}`})`.execute(tx);
        await new Promise((r) => setImmediate(r));
        await sql`insert into t (v) values (${`b${i}`})`.execute(tx);
      });
      seenAtAnswer.push(committed(`a${i}`) + committed(`b${i}`));
    }));
    expect(seenAtAnswer).toHaveLength(60);
    expect(seenAtAnswer.every((n) => n === 2)).toBe(true);
  });

  it('rolls back only the transaction that failed, not the others sharing its commit', async () => {
    await sql`insert into t (v) values ('taken')`.execute(handle.db);
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => handle.db.transaction().execute(async (tx) => {
      await sql`insert into t (v) values (${`ok-or-not-${i}`})`.execute(tx);
      // Every third one breaks the unique rule on its second write, after its first succeeded.
      await sql`insert into t (v) values (${i % 3 === 0 ? 'taken' : `second-${i}`})`.execute(tx);
    })));
    for (const [i, o] of outcomes.entries()) {
      if (i % 3 === 0) {
        expect(o.status).toBe('rejected');
        expect(committed(`ok-or-not-${i}`)).toBe(0);
      } else {
        expect(o.status).toBe('fulfilled');
        expect(committed(`ok-or-not-${i}`) + committed(`second-${i}`)).toBe(2);
      }
    }
  });

  it('answers a write outside a transaction only once it is committed, also while transactions queue', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, async (_, i) => {
      if (i % 2) {
        await handle.db.transaction().execute(async (tx) => void (await sql`insert into t (v) values (${`tx${i}`})`.execute(tx)));
        return committed(`tx${i}`);
      }
      await sql`insert into t (v) values (${`plain${i}`})`.execute(handle.db);
      return committed(`plain${i}`);
    }));
    expect(results).toEqual(Array(40).fill(1));
    // Reads outside a transaction see everything answered.
    const n = await sql<{ n: number }>`select count(*) as n from t`.execute(handle.db);
    expect(Number(n.rows[0].n)).toBe(40);
  });
});
