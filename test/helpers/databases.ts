// Fresh databases for tests: a temporary SQLite file, or a new database on the PostgreSQL server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { Dialect } from '../../src/platform/db.js';

/** Which databases the suite runs on; both unless FOYER_TEST_DATABASES narrows it (e.g. "sqlite"). */
export const DIALECTS: Dialect[] = (process.env.FOYER_TEST_DATABASES ?? 'sqlite,postgres')
  .split(',').map((s) => s.trim()).filter((s): s is Dialect => s === 'sqlite' || s === 'postgres');

/** The server tests create their databases on (a superuser connection). */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the PostgreSQL server answers (the benches skip PostgreSQL when none does). */
export async function postgresAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export interface TestDatabase {
  dialect: Dialect;
  /** Environment for a Foyer process on this database. */
  env: { DATABASE_URL?: string; FOYER_DB?: string };
  databaseUrl?: string;
  sqliteFile?: string;
  drop(): Promise<void>;
}

export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  const name = `foyer_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-test-'));
    const file = path.join(dir, `${name}.sqlite`);
    return {
      dialect, env: { FOYER_DB: file }, sqliteFile: file,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    dialect, env: { DATABASE_URL: databaseUrl }, databaseUrl,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
