// Reports over a season of 1,000,000 tickets, on SQLite and PostgreSQL: writes the season in bulk
// (bench/reports-data.ts), rolls up its closed days (timed apart), then times each report warm (the
// median of three runs, with the fastest and slowest), next to a trivial `select count(*)`.
//   node --import tsx bench/reports.bench.ts [sqlite|postgres]...
// PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be allowed to
// create a database; the bench drops it afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/migrations/index.js';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/platform/db.js';
import { systemCtx } from '../src/platform/system-ctx.js';
import { customersReport, dailySales, performancesReport, salesOverTime } from '../src/reports/service.js';
import { renderFile } from '../src/reports/exports.js';
import { rollUp } from '../src/reports/rollup.js';
import { dailySalesTable, performancesTable } from '../src/reports/export-tables.js';
import { pgWriter, SEASON, sqliteWriter, writeSeason, type BulkWriter } from './reports-data.js';

const TARGET_MS = 1000;
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

interface Target {
  handle: DatabaseHandle;
  /** Whether the season is already there (a kept database). */
  filled: boolean;
  writer: () => Promise<BulkWriter>;
  drop: () => Promise<void>;
}

// BENCH_KEEP=1 keeps the databases (printed) and a later run with BENCH_KEEP=1 reuses them.
const KEEP = process.env.BENCH_KEEP === '1';

async function target(dialect: Dialect): Promise<Target> {
  if (dialect === 'sqlite') {
    const dir = KEEP ? path.join(os.tmpdir(), 'foyer-bench-reports-kept') : fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-bench-reports-'));
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'bench.sqlite');
    const filled = fs.existsSync(file);
    const handle = openDatabase({ sqliteFile: file });
    return {
      handle, filled, writer: async () => sqliteWriter(file),
      drop: async () => (KEEP ? console.log(`  kept ${file}`) : fs.rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = KEEP ? 'foyer_bench_reports_kept' : `foyer_bench_reports_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try { return await c.query(q); } finally { await c.end(); }
  };
  const filled = KEEP && (await admin(`select 1 from pg_database where datname = '${name}'`)).rowCount === 1;
  if (!filled) await admin(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), pgPoolSize: 4 });
  return {
    handle, filled, writer: () => pgWriter(url.toString()),
    drop: async () => { if (KEEP) console.log(`  kept database ${name}`); else await admin(`drop database if exists ${name} with (force)`); },
  };
}

async function fill(t: Target) {
  const writer = await t.writer();
  const t0 = performance.now();
  const ids = await writeSeason(writer, (msg) => console.log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${msg}`));
  await writer.close();
  console.log(`  data written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return ids;
}

/** The ids a kept database's season was written with. */
async function seasonIds(db: DatabaseHandle['db']) {
  const org = await db.selectFrom('organisations').select('id').where('name', '=', 'Bench Schouwburg').executeTakeFirstOrThrow();
  const venues = await db.selectFrom('venues').select('id').where('organisation_id', '=', org.id).orderBy('name', 'desc').execute();
  const perfs = await db.selectFrom('performances').select('id').where('organisation_id', '=', org.id).orderBy('starts_at').limit(1).execute();
  console.log('  reusing the kept season');
  return { orgId: org.id, venueIds: venues.map((v) => v.id), performanceIds: perfs.map((p) => p.id) };
}

async function run(dialect: Dialect): Promise<boolean> {
  console.log(`\n--- ${dialect}`);
  const t = await target(dialect);
  const { db } = t.handle;
  try {
    await migrateToLatest(db);
    const ids = t.filled ? await seasonIds(db) : await fill(t);
    // statistics and visibility map, as PostgreSQL's autovacuum keeps them (SQLite: ANALYZE run by hand)
    await (dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
    const now = new Date('2027-07-01T10:00:00Z');
    // The rollup of every closed day, from scratch (as after an upgrade: the worker's job or the first report does it).
    const rollups = ['report_rollups', 'report_daily_sales', 'report_daily_money', 'report_performance_totals', 'report_customer_days'] as const;
    for (const table of rollups) await db.deleteFrom(table).where('organisation_id', '=', ids.orgId).execute();
    const rolled = await timed(() => rollUp(db, dialect, ids.orgId, now));
    console.log(`  initial rollup ${rolled.result.since}..${rolled.result.through} in ${(rolled.ms / 1000).toFixed(1)} s (once; afterwards each day as it closes)`);
    await (dialect === 'postgres' ? sql`vacuum analyze ${sql.join(rollups.map((t) => sql.table(t)))}` : sql`analyze`).execute(db);
    const ctx = systemCtx({ db, dialect, clock: { now: () => now } }, ids.orgId, pino({ level: 'silent' }), 'nl');
    const season = { from: SEASON.from, to: SEASON.to };
    const sales = { from: SEASON.salesFrom, to: SEASON.to };
    const cases: [string, () => Promise<unknown>][] = [
      ['baseline: select count(*) from tickets', () => sql`select count(*) from tickets`.execute(db)],
      [`daily-sales ${sales.from}..${sales.to}`, () => dailySales(ctx, sales)],
      ['daily-sales one day', () => dailySales(ctx, { from: '2027-01-10', to: '2027-01-10' })],
      ['daily-sales one venue, one month', () => dailySales(ctx, { from: '2027-01-01', to: '2027-01-31', venue: ids.venueIds[1] })],
      [`performances ${season.from}..${season.to}`, () => performancesReport(ctx, season)],
      ['performances one venue, one month', () => performancesReport(ctx, { from: '2027-01-01', to: '2027-01-31', venue: ids.venueIds[0] })],
      ['sales-over-time one performance', () => salesOverTime(ctx, ids.performanceIds[0], {})],
      [`customers page 1 ${sales.from}..${sales.to}`, () => customersReport(ctx, { ...sales, limit: 50, offset: 0 })],
      ['daily-sales season as xlsx', async () => renderFile(dailySalesTable(await dailySales(ctx, sales), 'nl'), 'xlsx', 'nl', 'x')],
      ['performances season as csv', async () => renderFile(performancesTable(await performancesReport(ctx, season)), 'csv', 'nl', 'x')],
      ['customers, every one, as csv', async () => customersReport(ctx, { ...sales, limit: 50, offset: 0 }, true)],
    ];
    let ok = true;
    for (const [name, fn] of cases) {
      await fn(); // warm: caches and plans, as on a server that has run a while
      // the median of three runs: the 2-core machine is shared, one run can be twice as slow
      const runs = [await timed(fn), await timed(fn), await timed(fn)];
      const times = runs.map((r) => r.ms).sort((a, b) => a - b);
      const ms = times[1];
      const result = runs[0].result;
      const size = result && typeof result === 'object' && 'items' in result ? ` (${(result as { items: unknown[] }).items.length} rows)` : '';
      const over = !name.startsWith('baseline') && !name.includes('every one') && ms > TARGET_MS;
      if (over) ok = false;
      console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}${size}  [${times[0].toFixed(0)}–${times[2].toFixed(0)}]${over ? '  OVER TARGET' : ''}`);
    }
    return ok;
  } finally {
    await t.handle.close();
    await t.drop();
  }
}

const dialects = (process.argv.slice(2).length ? process.argv.slice(2) : ['sqlite', 'postgres']) as Dialect[];
let allOk = true;
for (const d of dialects) allOk = (await run(d)) && allOk;
console.log(allOk ? `\nevery report under ${TARGET_MS} ms` : `\nsome reports over ${TARGET_MS} ms`);
