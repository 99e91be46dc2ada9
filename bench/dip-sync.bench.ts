// DIP sync at scale: 10,000 linked performances (written straight into the tables), pushed to a
// local DIP sandbox that knows them all. Prints a forced full push, then an incremental run after
// 1% of the performances changed, a read-back of all of them, and what the pace between calls
// costs: an incremental run at 500 ms and a forced full push at 10 ms measured, the full push at
// 500 ms computed from its calls: duration, requests, bytes.
//   node --import tsx bench/dip-sync.bench.ts [sqlite|postgres]...
// Targets: the incremental run under 5 s, its requests proportional to the changes; finding what
// changed (a run that is neither forced nor a read-back) well under 100 ms for 100 changes.
// Next to each run that finds changes, the raw baseline in the same run: the database finding the
// same changed performances and computing their figures by hand (one connection of its own, SQL
// written in this file, no Kysely), before Foyer's run consumes the change rows.
// PostgreSQL: BENCH_PG_URL (default: the test suite's server, TEST_PG_URL or
// postgres://postgres@127.0.0.1:5432/postgres) must be allowed to create a database; the bench drops
// it afterwards. Without BENCH_PG_URL and with no server answering, PostgreSQL is skipped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import pino from 'pino';
import { sql } from 'kysely';
import { extraPerformance, startDipSandbox, type DipPerformance } from '../sandboxes/dip/index.js';
import { newLinkRow, saveSettings } from '../src/connectors/dip/store.js';
import { defaultSettings, sealDipSecret } from '../src/connectors/dip/settings.js';
import { runDipSync, type SyncReport } from '../src/connectors/dip/sync.js';
import { migrateToLatest } from '../src/migrations/index.js';
import { createOrganisation } from '../src/organisations/service.js';
import { systemClock } from '../src/platform/clock.js';
import type { Deps } from '../src/platform/context.js';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/platform/db.js';
import { systemCtx } from '../src/platform/system-ctx.js';
import { createTicketType } from '../src/pricing/service.js';
import { createProduction } from '../src/productions/service.js';
import { createHall, createVenue } from '../src/venues/service.js';
import { PG_ADMIN_URL, postgresAnswers } from '../test/helpers/databases.js';

const PERFORMANCES = 10_000;
const SEATS = 20;
const CHANGED = PERFORMANCES / 100;
const TARGET_MS = 5000;
/** Finding the changed performances and their figures, for CHANGED changes (issue 13). */
const TARGET_FINDING_MS = 100;
/** The pace integrators keep between calls to DIP, and a small one the bench measures a full push at. */
const PACE_MS = 500;
const PROBE_PACE_MS = 10;
const PRODUCTION = 'NL-26-900-0009000';
const FIRST_NUMBER = 500_001;
const PG_URL = process.env.BENCH_PG_URL ?? PG_ADMIN_URL;
const log = pino({ level: 'silent' });
const id = () => crypto.randomUUID();

/**
 * A fresh database, and the same database by hand: `raw(sql, params)` answers the rows of one
 * statement written with `?` placeholders; `inList` is the dialect's "in the list given as one
 * parameter", and `list(ids)` that parameter.
 */
interface BenchDatabase {
  handle: DatabaseHandle;
  raw: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  inList: string;
  list: (ids: string[]) => unknown;
  drop: () => Promise<void>;
}

async function database(dialect: Dialect): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-bench-dip-'));
    const file = path.join(dir, 'bench.sqlite');
    const handle = openDatabase({ sqliteFile: file });
    // Opened once the bench has migrated the file (a read-only connection cannot create it).
    let byHand: SQLite.Database | undefined;
    return {
      handle,
      raw: async (text, params) => (byHand ??= new SQLite(file, { readonly: true })).prepare(text).all(...params) as Record<string, unknown>[],
      inList: 'in (select value from json_each(?))',
      list: (ids) => JSON.stringify(ids),
      drop: async () => { byHand?.close(); fs.rmSync(dir, { recursive: true, force: true }); },
    };
  }
  const name = `foyer_bench_dip_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try { await c.query(q); } finally { await c.end(); }
  };
  await admin(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), pgPoolSize: 4 });
  const byHand = new pg.Client({ connectionString: url.toString() });
  await byHand.connect();
  return {
    handle,
    raw: async (text, params) => {
      let n = 0;
      return (await byHand.query(text.replace(/\?/g, () => `$${++n}`), params)).rows;
    },
    inList: '= any(?)',
    list: (ids) => ids,
    drop: async () => { await byHand.end(); await handle.close(); await admin(`drop database if exists ${name} with (force)`); },
  };
}

/**
 * The raw baseline of a run that is neither forced nor a read-back, as an expert would ask the
 * database for it: the linked performances (started since `since`) with a change row, never
 * accepted, refused last time or differing (through dip_changes and the partial index of pending
 * links), then the figures of those only: valid tickets by category, print state and order status;
 * places; blocked places by kind with the standard price of their rank. Read-only, so it runs before
 * Foyer's run consumes the change rows: the median of three, in ms, and how many performances it found.
 */
async function rawFinding(db: BenchDatabase, orgId: string, since: string): Promise<{ ms: number; found: number }> {
  const once = async () => {
    const t = performance.now();
    const found = await db.raw(`select l.performance_id from (select c.performance_id from dip_changes c where c.organisation_id = ?
        union select x.performance_id from dip_links x where x.organisation_id = ? and (state <> 'ok' or check_state = 'differs')) ch
      cross join dip_links l cross join performances p
      where l.performance_id = ch.performance_id and p.id = l.performance_id and l.organisation_id = ? and p.starts_at >= ?`, [orgId, orgId, orgId, since]);
    const ids = [db.list(found.map((r) => r.performance_id as string))];
    if (found.length) {
      await db.raw(`select t.performance_id, t.dip_category, t.print_state, o.status, count(*) as n, sum(t.price) as amount
        from tickets t join orders o on o.id = t.order_id where t.status = 'valid' and t.performance_id ${db.inList}
        group by t.performance_id, t.dip_category, t.print_state, o.status`, ids);
      await db.raw(`select i.performance_id, count(*) as total from inventory i where i.performance_id ${db.inList} group by i.performance_id`, ids);
      await db.raw(`select i.performance_id, b.kind, count(*) as n, sum(pr.amount) as v from inventory i join blocks b on b.id = i.block_id
        join performances p on p.id = i.performance_id
        left join prices pr on pr.performance_id = i.performance_id and pr.rank = i.rank and pr.ticket_type_id = p.standard_ticket_type_id
        where i.status = 'blocked' and i.performance_id ${db.inList} group by i.performance_id, b.kind`, ids);
    }
    return { ms: performance.now() - t, found: found.length };
  };
  const runs = [await once(), await once(), await once()].sort((a, b) => a.ms - b.ms);
  return runs[1];
}

function dipPerformances(): DipPerformance[] {
  return Array.from({ length: PERFORMANCES }, (_, i) =>
    extraPerformance({ number: FIRST_NUMBER + i, date: '2027-01-01T20:15:00', productionId: PRODUCTION, title: 'Bench', seats: SEATS }));
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** An organisation with 10,000 performances of 20 seats each, one paid normal ticket in each, all linked. */
async function writeSeason(deps: Deps, now: Date): Promise<{ orgId: string; performanceIds: string[]; normal: string }> {
  const org = await createOrganisation(deps.db, 'Bench Schouwburg', now);
  const ctx = systemCtx(deps, org.id, log);
  const venue = await createVenue(ctx, { name: 'Bench', address: 'Plein 1', postalCode: '1000 AA', city: 'Amsterdam', country: 'NL', timeZone: 'Europe/Amsterdam' });
  const hall = await createHall(ctx, venue.id, 'Zaal', {
    sections: [{ name: 'Zaal', rows: [{ label: '1', seats: Array.from({ length: SEATS }, (_, s) => ({ id: `s${s + 1}`, label: String(s + 1), rank: 1, x: s * 30, y: 0 })) }] }],
  });
  const normal = (await createTicketType(ctx, { names: { nl: 'Normaal', fr: 'Normal', en: 'Normal' }, dipCategory: 'normal', channels: ['boxoffice'], uitpas: false, uitpasGroup: false })).id;
  const production = await createProduction(ctx, { title: 'Bench', producer: 'Bench', genre: 'toneel', description: '', imageUrl: null, dipProductionId: PRODUCTION });
  const at = now.toISOString();
  const start = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  const performanceIds = Array.from({ length: PERFORMANCES }, () => id());
  await deps.db.transaction().execute(async (tx) => {
    await insertChunked(performanceIds, 500, (chunk) => tx.insertInto('performances').values(chunk.map((pid) => ({
      id: pid, organisation_id: org.id, production_id: production.id, hall_id: hall.id, starts_at: start, duration_minutes: 120, doors_open_minutes: 30,
      status: 'on_sale' as const, extra_info: '', standard_ticket_type_id: normal, vat_rate: 900, uitpas_enabled: 0, uitdatabank_event_id: null, created_at: at, updated_at: at,
    }))).execute());
    await insertChunked(performanceIds, 500, (chunk) => tx.insertInto('prices').values(chunk.map((pid) => ({
      performance_id: pid, ticket_type_id: normal, rank: 1, amount: 2500, organisation_id: org.id,
    }))).execute());
    const inventory = performanceIds.flatMap((pid) => Array.from({ length: SEATS }, (_, s) => ({
      performance_id: pid, item_id: `s${s + 1}`, organisation_id: org.id, zone_id: null, rank: 1, section: 'Zaal', row_label: '1', seat_label: String(s + 1),
      pos: s, sort: s, status: 'free' as const, hold_id: null, hold_expires_at: null, order_id: null, block_id: null,
    })));
    await insertChunked(inventory, 1000, (chunk) => tx.insertInto('inventory').values(chunk).execute());
    await insertChunked(performanceIds.map((pid, i) => ({ pid, i })), 500, (chunk) => tx.insertInto('dip_links').values(chunk.map(({ pid, i }) =>
      newLinkRow(org.id, pid, PRODUCTION, FIRST_NUMBER + i, at))).execute());
  });
  await sellOne(deps, org.id, performanceIds, normal, 's1', now);
  return { orgId: org.id, performanceIds, normal };
}

/** One paid normal ticket on `seat` in each of `performanceIds`, as checkout would leave it. */
async function sellOne(deps: Deps, orgId: string, performanceIds: string[], normal: string, seat: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const orders = performanceIds.map((pid) => ({ pid, orderId: id() }));
    await insertChunked(orders, 500, (chunk) => tx.insertInto('orders').values(chunk.map(({ orderId }) => ({
      id: orderId, organisation_id: orgId, number: orderId.slice(0, 18), basket_id: id(), channel: 'boxoffice' as const, status: 'paid' as const,
      customer_id: null, total: 2500, fee: 0, fee_vat: 0, fee_vat_rate: 0, reservation_expires_at: null, created_by: 'bench', created_at: at, paid_at: at, cancelled_at: null,
    }))).execute());
    await insertChunked(orders, 500, (chunk) => tx.insertInto('tickets').values(chunk.map(({ pid, orderId }) => ({
      id: id(), organisation_id: orgId, order_id: orderId, performance_id: pid, item_id: seat, ticket_type_id: normal, dip_category: 'normal' as const,
      price: 2500, vat_rate: 900, vat: 206, fee: 0, fee_vat: 0, status: 'valid' as const, barcode: id(), print_state: 'none' as const, print_count: 0, printed_at: null, created_at: at, cancelled_at: null,
    }))).execute());
    for (const { pid, orderId } of orders) {
      await tx.updateTable('inventory').set({ status: 'sold', order_id: orderId }).where('performance_id', '=', pid).where('item_id', '=', seat).execute();
    }
  });
}

const line = (name: string, r: SyncReport, raw?: { ms: number; found: number }) =>
  `  ${name.padEnd(28)} ${String(r.pushed).padStart(6)} perf  ${String(r.requests).padStart(6)} requests  ${(r.bytes / 1024).toFixed(0).padStart(7)} KiB  ${(r.durationMs / 1000).toFixed(2).padStart(6)} s  (finding changes ${(r.figuresMs / 1000).toFixed(3)} s`
  + (raw ? ` for ${r.computed} performances; the database by hand ${raw.ms.toFixed(1)} ms for ${raw.found})` : ')');

async function run(dialect: Dialect): Promise<boolean> {
  console.log(`\n--- ${dialect}: ${PERFORMANCES.toLocaleString('en')} linked performances, ${CHANGED} changed`);
  const dip = await startDipSandbox({ extraPerformances: dipPerformances() });
  const bench = await database(dialect);
  const { handle, drop } = bench;
  const deps: Deps = { db: handle.db, dialect, clock: systemClock };
  try {
    await migrateToLatest(handle.db);
    const t0 = performance.now();
    const season = await writeSeason(deps, new Date());
    if (dialect === 'postgres') await sql`analyze`.execute(handle.db);
    console.log(`  data written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Unpaced first, for the figures of Foyer's own work; then the pace DIP's integrators keep.
    const settings = { ...defaultSettings(season.orgId, new Date()), base_url: dip.baseUrl, client_id: 'foyer-demo', client_secret: await sealDipSecret(handle.db, 'foyer-demo-secret', new Date()), enabled: 1, pace_ms: 0 };
    const pace = (ms: number) => handle.db.updateTable('dip_settings').set({ pace_ms: ms }).where('organisation_id', '=', season.orgId).execute();
    await saveSettings(handle.db, settings);
    const changeSome = (seat: string) => sellOne(deps, season.orgId, season.performanceIds.filter((_, i) => i % (PERFORMANCES / CHANGED) === 0), season.normal, seat, new Date());

    const first = await runDipSync(deps, season.orgId, { force: true, forcedAt: new Date().toISOString() });
    console.log(line('forced full push, no pace', first));
    // The window a run looks at (push_days_after before now), for the baseline by hand.
    const since = new Date(Date.now() - settings.push_days_after * 86_400_000).toISOString();
    const idleRaw = await rawFinding(bench, season.orgId, since);
    const idle = await runDipSync(deps, season.orgId);
    console.log(line('nothing changed', idle, idleRaw));
    await changeSome('s2');
    const incrementalRaw = await rawFinding(bench, season.orgId, since);
    const incremental = await runDipSync(deps, season.orgId);
    console.log(line(`incremental (${CHANGED} changed)`, incremental, incrementalRaw));
    const readBack = await runDipSync(deps, season.orgId, { check: true });
    console.log(line('read-back of all, no pace', readBack) + `  compared ${readBack.checked}, differing ${readBack.differed}`);

    await pace(PACE_MS);
    await changeSome('s3');
    const pacedIncremental = await runDipSync(deps, season.orgId);
    console.log(line(`incremental, ${PACE_MS} ms pace`, pacedIncremental));
    await pace(PROBE_PACE_MS);
    const probe = await runDipSync(deps, season.orgId, { force: true, forcedAt: new Date().toISOString() });
    const floor = (probe.requests - 1) * PROBE_PACE_MS;
    console.log(line(`forced full push, ${PROBE_PACE_MS} ms pace`, probe) + `  (pace alone: at least ${(floor / 1000).toFixed(1)} s)`);
    // At DIP's pace a full push is the pace times its calls, whatever Foyer's own speed: computed from the calls counted above.
    const full = ((first.requests - 1) * PACE_MS) / 1000;
    const check = ((readBack.requests - 1) * PACE_MS) / 1000;
    console.log(`  at ${PACE_MS} ms between calls (computed from the calls above): forced full push of ${PERFORMANCES.toLocaleString('en')} >= ${(full / 60).toFixed(1)} min`
      + ` (${first.requests} calls; unpaced ${(first.durationMs / 1000).toFixed(1)} s), read-back >= ${check.toFixed(1)} s (${readBack.requests} calls),`
      + ` incremental of ${CHANGED}: ${pacedIncremental.requests} calls, measured ${(pacedIncremental.durationMs / 1000).toFixed(2)} s`);

    const held = (await (await fetch(`${dip.baseUrl}/_sandbox/performances/${FIRST_NUMBER}`)).json()) as { tickets: { normal: { tickets: number } } };
    // The incremental run: the list of DIP's performances (their status) and three PUTs per 100 changed.
    const ok = incremental.pushed === CHANGED && incremental.requests <= 1 + Math.ceil(CHANGED / 100) * 3 && incremental.durationMs < TARGET_MS
      && held.tickets.normal.tickets === 3 && idle.requests === 0 && readBack.differed === 0 && probe.durationMs >= floor;
    console.log(`  incremental: ${incremental.durationMs} ms (target < ${TARGET_MS} ms), ${incremental.requests} requests for ${CHANGED} changes: ${ok ? 'OK' : 'MISSED'}`);
    const findingOk = incremental.figuresMs < TARGET_FINDING_MS && idle.figuresMs < TARGET_FINDING_MS;
    console.log(`dip ${dialect}: finding changes: nothing changed ${idle.figuresMs} ms (by hand ${idleRaw.ms.toFixed(1)} ms), ${CHANGED} changed ${incremental.figuresMs} ms`
      + ` (by hand ${incrementalRaw.ms.toFixed(1)} ms)${findingOk ? '' : ' MISSED'} (target < ${TARGET_FINDING_MS} ms); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    return ok;
  } finally {
    await dip.close();
    if (dialect === 'sqlite') await handle.close();
    await drop();
  }
}

const wanted = process.argv.slice(2).filter((a): a is Dialect => a === 'sqlite' || a === 'postgres');
let failed = 0;
for (const d of wanted.length ? wanted : (['sqlite', 'postgres'] as Dialect[])) {
  if (d === 'postgres' && !process.env.BENCH_PG_URL && !(await postgresAnswers())) {
    console.log(`\n--- postgres: no server at ${PG_URL}; skipped`);
    continue;
  }
  if (!(await run(d))) failed++;
}
process.exit(failed ? 1 : 0);
