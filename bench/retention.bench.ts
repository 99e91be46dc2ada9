// Retention over a season: day after day of baskets (most checked out, some expired or abandoned),
// orders and tickets, idempotency keys, jobs (done, a few dead), login attempts, sessions and DIP
// audit rows, written straight into the tables under a manual clock, with Foyer's cleanup run once a
// simulated day. Prints each table's rows over time (the cleaned ones level off, the books grow) and
// the time the cleanup took, next to the same DELETE statements run by hand on an identical twin
// database (the raw baseline).
//   node --import tsx bench/retention.bench.ts [sqlite|postgres]...    (RETENTION_DAYS, default 400)
// PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be allowed to
// create databases; the bench drops them afterwards.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/migrations/index.js';
import { createOrganisation } from '../src/organisations/service.js';
import { ManualClock } from '../src/platform/clock.js';
import type { Deps } from '../src/platform/context.js';
import { openDatabase, type DatabaseHandle, type Dialect, type Db } from '../src/platform/db.js';
import { listJobs } from '../src/platform/jobs-staff.js';
import { createUser } from '../src/staff/service.js';
import { cutoffs, DEFAULT_RETENTION, type Cutoffs } from '../src/retention/periods.js';
import { DEFAULT_BATCH, runRetention } from '../src/retention/service.js';
import { BASKET_LINE_TABLES } from '../src/retention/store.js';

const DAYS = Number(process.env.RETENTION_DAYS ?? 400);
const PER_DAY = {
  checkedOut: 300, expired: 150, abandoned: 50, keys: 300, doneJobs: 300, deadJobs: 3, deadSystemJobs: 1,
  loginAttempts: 40, sessions: 10, dipPushes: 24, dipPerformances: 10,
};
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;
const START = Date.parse('2026-06-01T06:00:00Z');
const id = () => crypto.randomUUID();

interface Twin { handle: DatabaseHandle; raw: RawDb; drop(): Promise<void> }

/** The same statements by hand: better-sqlite3 or pg directly, no Kysely. */
interface RawDb {
  run(text: string, params: unknown[]): Promise<number>;
  all(text: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function twin(dialect: Dialect, name: string): Promise<Twin> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `foyer-bench-retention-${name}-`));
    const file = path.join(dir, 'bench.sqlite');
    const handle = openDatabase({ sqliteFile: file });
    await migrateToLatest(handle.db);
    let raw: SQLite.Database | undefined;
    const rawDb = (): SQLite.Database => {
      if (!raw) {
        raw = new SQLite(file);
        raw.pragma('synchronous = FULL');
        raw.pragma('busy_timeout = 5000');
      }
      return raw;
    };
    return {
      handle,
      raw: {
        run: async (text, params) => Number(rawDb().prepare(text).run(...params).changes),
        all: async (text, params) => rawDb().prepare(text).all(...params) as Record<string, unknown>[],
        close: async () => { raw?.close(); },
      },
      drop: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); },
    };
  }
  const db = `foyer_bench_retention_${name}_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try { await c.query(q); } finally { await c.end(); }
  };
  await admin(`create database ${db}`);
  const url = new URL(PG_URL);
  url.pathname = `/${db}`;
  const handle = openDatabase({ databaseUrl: url.toString(), pgPoolSize: 4 });
  await migrateToLatest(handle.db);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const numbered = (text: string) => { let i = 0; return text.replace(/\?/g, () => `$${++i}`); };
  return {
    handle,
    raw: {
      run: async (text, params) => (await client.query(numbered(text), params)).rowCount ?? 0,
      all: async (text, params) => (await client.query(numbered(text), params)).rows,
      close: () => client.end(),
    },
    drop: async () => { await client.end().catch(() => undefined); await handle.close(); await admin(`drop database if exists ${db} with (force)`); },
  };
}

interface Season { orgId: string; userId: string }

async function prepare(db: Db, now: Date): Promise<Season> {
  const org = await createOrganisation(db, 'Bench Schouwburg', now);
  const user = await createUser(db, org.id, { email: `admin-${org.id.slice(0, 8)}@bench.test`, name: 'Admin', role: 'admin', password: 'bench password 1' }, now);
  return { orgId: org.id, userId: user.id };
}

type Rows = Record<string, Record<string, unknown>[]>;

/** One day of use, the same rows for both twins (ids differ between days, not between twins). */
function dayOfUse(day: number, season: Season): Rows {
  const t = (ms: number) => new Date(START + day * DAY + ms).toISOString();
  const org = season.orgId;
  const rows: Rows = { baskets: [], basket_lines: [], orders: [], tickets: [], idempotency_keys: [], jobs: [], login_attempts: [], sessions: [], dip_pushes: [], dip_push_performances: [] };
  const basket = (status: string, i: number, lines: number) => {
    const b = id();
    const at = t(i * 97_000 % (14 * 3_600_000));
    rows.baskets.push({ id: b, organisation_id: org, channel: 'online', status, expires_at: t(i * 97_000 % (14 * 3_600_000) + 15 * 60_000), customer_id: null, order_id: null, created_by: season.userId, created_at: at, updated_at: at });
    for (let l = 0; l < lines; l++) {
      rows.basket_lines.push({ id: id(), basket_id: b, organisation_id: org, performance_id: `p${day}`, item_id: `s${i}-${l}`, ticket_type_id: 'normal', price: 2500, created_at: at });
    }
    return { b, at };
  };
  for (let i = 0; i < PER_DAY.checkedOut; i++) {
    const { b, at } = basket('checked_out', i, 2);
    const order = id();
    rows.baskets[rows.baskets.length - 1].order_id = order;
    rows.orders.push({ id: order, organisation_id: org, number: order.slice(0, 18), basket_id: b, channel: 'online', status: 'paid', customer_id: null, total: 5000, reservation_expires_at: null, created_by: season.userId, created_at: at, paid_at: at, cancelled_at: null });
    for (let l = 0; l < 2; l++) {
      rows.tickets.push({ id: id(), organisation_id: org, order_id: order, performance_id: `p${day}`, item_id: `s${i}-${l}`, ticket_type_id: 'normal', dip_category: 'normal', price: 2500, status: 'valid', barcode: id(), print_state: 'none', print_count: 0, printed_at: null, created_at: at, cancelled_at: null });
    }
    rows.idempotency_keys.push({ organisation_id: org, actor_id: season.userId, key: `checkout-${b}`, request: `POST /api/baskets/${b}/checkout x`, status: 'done', response_status: 201, response_body: '{"id":"…"}', created_at: at });
  }
  for (let i = 0; i < PER_DAY.expired; i++) basket('expired', PER_DAY.checkedOut + i, 2);
  for (let i = 0; i < PER_DAY.abandoned; i++) basket('abandoned', PER_DAY.checkedOut + PER_DAY.expired + i, 1);
  const job = (status: string, i: number, orgId: string | null) => {
    const at = t(i * 60_000);
    rows.jobs.push({ id: id(), organisation_id: orgId, kind: 'selling.sweep', payload: '{}', status, attempts: 1, max_attempts: 3, run_at: at, locked_until: null, locked_by: null, last_error: status === 'dead' ? 'Error: the outside said no' : null, dedupe_key: null, created_at: at, updated_at: at, seen_at: null });
  };
  for (let i = 0; i < PER_DAY.doneJobs; i++) job('done', i, null);
  for (let i = 0; i < PER_DAY.deadJobs; i++) job('dead', i, org);
  for (let i = 0; i < PER_DAY.deadSystemJobs; i++) job('dead', i, null);
  for (let i = 0; i < PER_DAY.loginAttempts; i++) rows.login_attempts.push({ id: id(), email: `kassa${i % 5}@bench.test`, ip: '10.0.0.1', succeeded: i % 4 ? 1 : 0, at: t(i * 600_000) });
  for (let i = 0; i < PER_DAY.sessions; i++) rows.sessions.push({ token_hash: id(), user_id: season.userId, organisation_id: org, created_at: t(i * 3_600_000), expires_at: t(i * 3_600_000 + 12 * 3_600_000) });
  for (let i = 0; i < PER_DAY.dipPushes; i++) {
    const push = id();
    rows.dip_pushes.push({ id: push, organisation_id: org, job_id: null, kind: 'tickets', method: 'POST', path: '/tickets', request_body: '{"performances":[…]}', http_status: 200, response_body: '{}', outcome: 'accepted', duration_ms: 40, performances: PER_DAY.dipPerformances, sent_at: t(i * 3_600_000) });
    for (let p = 0; p < PER_DAY.dipPerformances; p++) rows.dip_push_performances.push({ push_id: push, performance_id: `p${day}-${p}`, organisation_id: org });
  }
  return rows;
}

async function write(db: Db, rows: Rows): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const [table, list] of Object.entries(rows)) {
      for (let i = 0; i < list.length; i += 200) {
        await tx.insertInto(table as 'jobs').values(list.slice(i, i + 200) as never).execute();
      }
    }
  });
}

/** Foyer's cleanup statements (src/retention/store.ts), written out by hand, same batch size. */
async function rawRetention(raw: RawDb, cut: Cutoffs, limit: number): Promise<number> {
  let deleted = 0;
  const loop = async (text: string, params: unknown[]) => {
    for (;;) {
      const n = await raw.run(text, [...params, limit]);
      deleted += n;
      if (n < limit) return;
    }
  };
  await loop('delete from idempotency_keys where (organisation_id, actor_id, key) in (select organisation_id, actor_id, key from idempotency_keys where created_at < ? limit ?)', [cut.idempotency]);
  await loop('delete from login_attempts where id in (select id from login_attempts where at < ? limit ?)', [cut.loginAttempts]);
  await loop('delete from sessions where token_hash in (select token_hash from sessions where expires_at < ? limit ?)', [cut.sessions]);
  await loop(`delete from jobs where id in (select id from jobs where status = 'done' and updated_at < ? limit ?)`, [cut.doneJobs]);
  await loop(`delete from jobs where id in (select id from jobs where status = 'dead' and (seen_at < ? or (seen_at is null and updated_at < ?)) limit ?)`, [cut.seenDeadJobs, cut.unseenDeadJobs]);
  const inList = (ids: unknown[]) => ids.map(() => '?').join(',');
  for (;;) {
    await raw.run('begin', []);
    const ids = (await raw.all('select id from dip_pushes where sent_at < ? limit ?', [cut.dipAudit, limit])).map((r) => r.id);
    if (ids.length) {
      await raw.run(`delete from dip_push_performances where push_id in (${inList(ids)})`, ids);
      deleted += await raw.run(`delete from dip_pushes where id in (${inList(ids)})`, ids);
    }
    await raw.run('commit', []);
    if (ids.length < limit) break;
  }
  for (;;) {
    await raw.run('begin', []);
    const ids = (await raw.all(`select b.id from baskets b where b.status in ('expired', 'abandoned') and b.expires_at < ?
      and not exists (select 1 from inventory i where i.hold_id = b.id and i.status = 'held')
      and not exists (select 1 from uitpas_registrations u where u.basket_id = b.id and u.status in ('pending', 'registered', 'unknown')) limit ?`, [cut.baskets, limit])).map((r) => r.id);
    if (ids.length) {
      for (const table of BASKET_LINE_TABLES) await raw.run(`delete from ${table} where basket_id in (${inList(ids)})`, ids);
      deleted += await raw.run(`delete from baskets where id in (${inList(ids)})`, ids);
    }
    await raw.run('commit', []);
    if (ids.length < limit) break;
  }
  return deleted;
}

/** The columns printed: what retention cleans, then the books it leaves alone. */
const CLEANED = ['idempotency_keys', 'lapsed_baskets', 'lapsed_lines', 'sessions', 'login_attempts', 'done_jobs', 'dead_jobs', 'dip_pushes', 'dip_push_perfs'] as const;
const BOOKS = ['orders', 'tickets'] as const;
/** The longest any row of the column is kept (dead jobs: unseen ones), in days. */
const KEPT_DAYS: Record<(typeof CLEANED)[number], number> = {
  idempotency_keys: 1, lapsed_baskets: DEFAULT_RETENTION.basketDays + 1, lapsed_lines: DEFAULT_RETENTION.basketDays + 1,
  sessions: DEFAULT_RETENTION.sessionDays + 1, login_attempts: DEFAULT_RETENTION.loginAttemptDays, done_jobs: DEFAULT_RETENTION.doneJobDays,
  dead_jobs: DEFAULT_RETENTION.unseenDeadJobDays, dip_pushes: DEFAULT_RETENTION.dipAuditDays, dip_push_perfs: DEFAULT_RETENTION.dipAuditDays,
};
const COLUMNS = [...CLEANED, ...BOOKS];

async function counts(db: Db): Promise<Record<string, number>> {
  const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number }> }) => Number((await q.executeTakeFirstOrThrow()).n);
  const all = (t: 'idempotency_keys' | 'sessions' | 'login_attempts' | 'dip_pushes' | 'dip_push_performances' | 'orders' | 'tickets') =>
    n(db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')));
  const jobs = (status: 'done' | 'dead') => n(db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status));
  const lapsed = ['expired', 'abandoned'] as const;
  return {
    idempotency_keys: await all('idempotency_keys'),
    lapsed_baskets: await n(db.selectFrom('baskets').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', lapsed)),
    lapsed_lines: await n(db.selectFrom('basket_lines').innerJoin('baskets', 'baskets.id', 'basket_lines.basket_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('baskets.status', 'in', lapsed)),
    sessions: await all('sessions'),
    login_attempts: await all('login_attempts'),
    done_jobs: await jobs('done'),
    dead_jobs: await jobs('dead'),
    dip_pushes: await all('dip_pushes'),
    dip_push_perfs: await all('dip_push_performances'),
    orders: await all('orders'),
    tickets: await all('tickets'),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function run(dialect: Dialect): Promise<boolean> {
  console.log(`\n--- ${dialect}: ${DAYS} days; per day ${PER_DAY.checkedOut + PER_DAY.expired + PER_DAY.abandoned} baskets (${PER_DAY.expired} expire, ${PER_DAY.abandoned} abandoned), ${PER_DAY.keys} idempotency keys, ${PER_DAY.doneJobs + PER_DAY.deadJobs + PER_DAY.deadSystemJobs} jobs (${PER_DAY.deadJobs + PER_DAY.deadSystemJobs} dead), ${PER_DAY.loginAttempts} login attempts, ${PER_DAY.sessions} sessions, ${PER_DAY.dipPushes} DIP calls; cleanup once a day, staff look at dead jobs weekly`);
  const foyer = await twin(dialect, 'foyer');
  const raw = await twin(dialect, 'raw');
  try {
    const clock = new ManualClock(new Date(START));
    const deps: Deps = { db: foyer.handle.db, dialect, clock };
    const season = await prepare(foyer.handle.db, clock.now());
    // The twin gets the same organisation and user rows.
    for (const t of ['organisations', 'users'] as const) {
      const rows = await foyer.handle.db.selectFrom(t).selectAll().execute();
      await raw.handle.db.insertInto(t).values(rows as never).execute();
    }
    const foyerMs: number[] = [];
    const rawMs: number[] = [];
    let longestBatch = 0;
    const batchMs: number[] = [];
    const history: { day: number; c: Record<string, number> }[] = [];
    const header = ['day', ...COLUMNS].map((h, i) => (i === 0 ? h.padStart(4) : h.padStart(Math.max(8, h.length)))).join(' ');
    console.log(`  rows at the end of every 30th day (the Foyer twin; the raw twin has the same counts):\n  ${header}`);
    for (let day = 0; day < DAYS; day++) {
      const rows = dayOfUse(day, season);
      await write(foyer.handle.db, rows);
      await write(raw.handle.db, rows);
      clock.set(new Date(START + (day + 1) * DAY));
      if (day % 7 === 6) {
        // Staff open the job list (dead jobs first) once a week.
        await listJobs(foyer.handle.db, season.orgId, { status: 'dead', limit: 200, offset: 0 }, clock.now());
        await raw.handle.db.updateTable('jobs').set({ seen_at: clock.now().toISOString() })
          .where('organisation_id', '=', season.orgId).where('status', '=', 'dead').where('seen_at', 'is', null).execute();
      }
      if (dialect === 'postgres' && day % 30 === 0) {
        await sql`analyze`.execute(foyer.handle.db);
        await sql`analyze`.execute(raw.handle.db);
      }
      const r = await runRetention(deps, DEFAULT_RETENTION, { onBatch: (_kind, rows, ms) => { if (rows) batchMs.push(ms); } });
      foyerMs.push(r.ms);
      longestBatch = Math.max(longestBatch, r.longestBatchMs);
      const t = performance.now();
      await rawRetention(raw.raw, cutoffs(clock.now(), DEFAULT_RETENTION), DEFAULT_BATCH);
      rawMs.push(performance.now() - t);
      if ((day + 1) % 30 === 0 || day === DAYS - 1) {
        const c = await counts(foyer.handle.db);
        history.push({ day: day + 1, c });
        console.log(`  ${[String(day + 1).padStart(4), ...COLUMNS.map((h) => String(c[h]).padStart(Math.max(8, h.length)))].join(' ')}`);
      }
    }
    const rawCounts = await counts(raw.handle.db);
    const last = history[history.length - 1];
    const monthBefore = history[history.length - 2];
    const same = COLUMNS.every((t) => rawCounts[t] === last.c[t]);
    // Bounded: over the last month no cleaned table whose period is over grew by more than 5% (the books grow by a month of sales).
    const settled = CLEANED.filter((t) => KEPT_DAYS[t] + 30 <= DAYS);
    const bounded = settled.every((t) => last.c[t] <= monthBefore.c[t] * 1.05 + 10);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    console.log(`  cleanup per simulated day: Foyer median ${median(foyerMs).toFixed(1)} ms, max ${Math.max(...foyerMs).toFixed(1)} ms; raw DELETEs by hand median ${median(rawMs).toFixed(1)} ms, max ${Math.max(...rawMs).toFixed(1)} ms`);
    const p99 = [...batchMs].sort((a, b) => a - b)[Math.floor(batchMs.length * 0.99)] ?? 0;
    console.log(`  whole season: Foyer ${(sum(foyerMs) / 1000).toFixed(1)} s, raw ${(sum(rawMs) / 1000).toFixed(1)} s (Foyer at ${(100 * sum(foyerMs) / sum(rawMs)).toFixed(0)}% of raw)`);
    console.log(`  batches that deleted rows (at most ${DEFAULT_BATCH} each, one transaction each): ${batchMs.length}, p50 ${median(batchMs).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, longest ${longestBatch.toFixed(1)} ms`);
    console.log(`  cleaned tables past their period (${settled.join(', ')}) over the last 30 days: ${bounded ? 'bounded (grew < 5%)' : 'STILL GROWING'}; orders (the books) ${monthBefore.c.orders} -> ${last.c.orders}; twins agree: ${same ? 'yes' : 'NO'}`);
    return bounded && same;
  } finally {
    await raw.raw.close();
    await foyer.raw.close();
    await raw.drop();
    await foyer.drop();
  }
}

const dialects = (process.argv.slice(2).filter((a) => a === 'sqlite' || a === 'postgres') as Dialect[]);
let ok = true;
for (const d of dialects.length ? dialects : (['sqlite', 'postgres'] as Dialect[])) ok = (await run(d)) && ok;
process.exit(ok ? 0 : 1);
