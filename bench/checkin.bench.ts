// The doors open: 20 doors scanning at once over HTTP (node:http keep-alive, one connection per door,
// each door scanning as fast as the answers come) against a Foyer process started as `npm start`
// runs it, on SQLite and on PostgreSQL. Prints p50/p99 of the server's own time per scan (its
// Server-Timing header) and of the round trip, next to a raw-database baseline: the same statements
// by hand (the lookup by barcode, then the conditional insert with the admission row: one statement
// on PostgreSQL, one transaction on SQLite), from 20 concurrent loops on PostgreSQL (8 connections,
// as the server has) and one loop on SQLite (one writer).
// Two phases: doors at a door's pace (a scan a second each, as people walk in), then every door as
// fast as the answers come (the capacity).
// Knobs: CHECKIN_DOORS (20), CHECKIN_TICKETS (4000), CHECKIN_PACED (30 scans a door), CHECKIN_DATABASES (sqlite,postgres).
import crypto from 'node:crypto';
import http from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freshDatabase, PG_ADMIN_URL, postgresAnswers, type TestDatabase } from '../test/helpers/databases.js';
import { addPerformance, arenaSeatMap, Client, openTestDatabase, seedOnSale, startFoyerProcess } from '../test/helpers/process.js';
import type { Dialect } from '../src/platform/db.js';
import { percentile } from './rush-buyers.js';
import { buildServer } from '../scripts/build.js';

const DOORS = Number(process.env.CHECKIN_DOORS ?? 20);
const TICKETS = Number(process.env.CHECKIN_TICKETS ?? 4000);
const DATABASES = (process.env.CHECKIN_DATABASES ?? 'sqlite,postgres').split(',') as Dialect[];
/** One scan in ten is a ticket another door already let in (a red answer). */
const RESCAN_SHARE = 0.1;
const PACED = Number(process.env.CHECKIN_PACED ?? 30);
const PACE_MS = 1000;

interface Timed { status: number; ok: boolean; serverMs: number; roundTripMs: number }

/** One door: its own keep-alive connection, a scan at a time. */
class Door {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;
  constructor(baseUrl: string, private readonly token: string, readonly doorId: string) {
    this.url = new URL(baseUrl);
  }
  scan(barcode: string, performanceId: string): Promise<Timed> {
    const payload = JSON.stringify({ barcode, performanceIds: [performanceId], doorId: this.doorId });
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: this.url.hostname, port: this.url.port, path: '/api/checkin/scans', method: 'POST', agent: this.agent,
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const roundTripMs = performance.now() - t0;
          const timing = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
          const body = JSON.parse(Buffer.concat(chunks).toString()) as { ok?: boolean };
          resolve({ status: res.statusCode ?? 0, ok: !!body.ok, serverMs: timing ? Number(timing[1]) : NaN, roundTripMs });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
  close() { this.agent.destroy(); }
}

/** Sells every seat of the performance over HTTP (500 a basket) and answers the barcodes. */
async function sellAll(admin: Client, performanceId: string, seatIds: string[]): Promise<string[]> {
  const barcodes: string[] = [];
  for (let i = 0; i < seatIds.length; i += 500) {
    const b = await admin.call('POST', '/api/baskets', { channel: 'boxoffice' });
    const chunk = seatIds.slice(i, i + 500);
    for (let j = 0; j < chunk.length; j += 100) {
      const r = await admin.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId, seatIds: chunk.slice(j, j + 100) });
      if (r.status !== 200) throw new Error(`lines: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const o = await admin.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } });
    if (o.status !== 201) throw new Error(`checkout: ${o.status}`);
    barcodes.push(...o.body.tickets.map((t: { barcode: string }) => t.barcode));
  }
  return barcodes;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const line = (label: string, xs: number[]) => `${label.padEnd(40)} p50 ${ms(percentile(xs, 50)).padStart(9)}  p99 ${ms(percentile(xs, 99)).padStart(9)}  (${xs.length} scans)`;

// The statements the server runs for an admission, by hand.
const LOOKUP = `select t.id, t.status, t.performance_id, o.status as order_status, i.section, i.row_label, i.seat_label, ct.inside
  from tickets t join orders o on o.id = t.order_id join inventory i on i.performance_id = t.performance_id and i.item_id = t.item_id
  left join checkin_tickets ct on ct.ticket_id = t.id where t.barcode = $1 and t.organisation_id = $2`;
const ADMIT = `insert into checkin_tickets (ticket_id, organisation_id, performance_id, inside, first_admitted_at, last_at, last_door_id, last_scan_id, entries, version)
  values ($1, $2, $3, 1, $4, $4, $5, $6, 1, 1) on conflict (ticket_id) do nothing returning ticket_id`;
const ADMIT_AND_RECORD = `with changed as (${ADMIT})
  insert into checkin_scans (id, organisation_id, performance_id, ticket_id, direction, door_id, device_id, user_id, staff_name, scanned_at, recorded_at, offline, client_scan_id, outcome)
  select $6, $2, $3, $1, 'in', $5, null, null, 'bench', $4, $4, 0, null, 'applied' from changed returning id`;
const SCAN = `insert into checkin_scans (id, organisation_id, performance_id, ticket_id, direction, door_id, device_id, user_id, staff_name, scanned_at, recorded_at, offline, client_scan_id, outcome)
  values ($1, $2, $3, $4, 'in', $5, null, null, 'bench', $6, $6, 0, null, 'applied')`;

async function baselinePostgres(url: string, orgId: string, doorIds: string[], work: string[][]): Promise<number[]> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const times: number[] = [];
  await Promise.all(work.map(async (codes, d) => {
    for (const code of codes) {
      const t0 = performance.now();
      const c = await pool.connect();
      try {
        const t = (await c.query({ name: 'lookup', text: LOOKUP, values: [code, orgId] })).rows[0];
        if (t && t.inside === null) {
          const now = new Date().toISOString();
          await c.query({ name: 'admit', text: ADMIT_AND_RECORD, values: [t.id, orgId, t.performance_id, now, doorIds[d], crypto.randomUUID()] });
        }
      } finally {
        c.release();
      }
      times.push(performance.now() - t0);
    }
  }));
  await pool.end();
  return times;
}

function baselineSqlite(file: string, orgId: string, doorIds: string[], work: string[][]): number[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // $1, $2 … as named parameters (@p1 …): a number used twice is one value.
  const q = (text: string) => {
    const stmt = db.prepare(text.replace(/\$(\d)/g, '@p$1'));
    const args = (values: unknown[]) => Object.fromEntries(values.map((v, i) => [`p${i + 1}`, v]));
    return { get: (...v: unknown[]) => stmt.get(args(v)), run: (...v: unknown[]) => stmt.run(args(v)) };
  };
  const lookup = q(LOOKUP);
  const admit = q(ADMIT);
  const scan = q(SCAN);
  const times: number[] = [];
  // One writer: the doors' scans interleaved, one at a time.
  const longest = Math.max(...work.map((w) => w.length));
  for (let i = 0; i < longest; i++) {
    for (let d = 0; d < work.length; d++) {
      const code = work[d][i];
      if (!code) continue;
      const t0 = performance.now();
      const t = lookup.get(code, orgId) as { id: string; performance_id: string; inside: number | null } | undefined;
      if (t && t.inside === null) {
        const now = new Date().toISOString();
        const scanId = crypto.randomUUID();
        db.transaction(() => {
          if (admit.get(t.id, orgId, t.performance_id, now, doorIds[d], scanId)) scan.run(scanId, orgId, t.performance_id, t.id, doorIds[d], now);
        })();
      }
      times.push(performance.now() - t0);
    }
  }
  db.close();
  return times;
}

/** Each door's scans: its share of the tickets, with one scan in ten a ticket of another door. */
function doorsWork(barcodes: string[]): string[][] {
  const per = Math.floor(barcodes.length / DOORS);
  return Array.from({ length: DOORS }, (_, d) => {
    const own = barcodes.slice(d * per, (d + 1) * per);
    const out: string[] = [];
    own.forEach((code, i) => {
      out.push(code);
      if (i % Math.round(1 / RESCAN_SHARE) === 0) out.push(barcodes[((d + 1) % DOORS) * per + Math.max(0, i - 5)]);
    });
    return out;
  });
}

async function benchOn(dialect: Dialect): Promise<boolean> {
  const database: TestDatabase = await freshDatabase(dialect);
  const handle = openTestDatabase(database, 4);
  const rowsPerSection = 25;
  const perRow = 40;
  const sections = Math.max(1, Math.ceil(TICKETS / (rowsPerSection * perRow)));
  try {
    const t0 = performance.now();
    const sale = await seedOnSale(handle, arenaSeatMap(sections, rowsPerSection, perRow));
    const baselinePerf = await addPerformance(handle, sale);
    const seats = sale.seatIds.slice(0, TICKETS);
    const proc = await startFoyerProcess(database, { built: true, env: { PG_POOL_SIZE: '8' } });
    let ok = true;
    try {
      const admin = await Client.login(proc.baseUrl, sale.email, sale.password);
      const doorIds: string[] = [];
      for (let i = 0; i < DOORS; i++) doorIds.push((await admin.call('POST', '/api/checkin/doors', { name: `Deur ${i + 1}` })).body.id);
      const email = `deur-${sale.orgId.slice(0, 8)}@example.test`;
      await admin.call('POST', '/api/users', { email, name: 'Steward', role: 'door', password: 'correct horse battery' });
      const steward = await Client.login(proc.baseUrl, email, 'correct horse battery');
      const barcodes = await sellAll(admin, sale.performanceId, seats);
      const baselineCodes = await sellAll(admin, baselinePerf, seats);
      console.log(`\n${dialect}: ${barcodes.length} tickets, ${DOORS} doors; set up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      const work = doorsWork(barcodes);
      const doors = doorIds.map((id) => new Door(proc.baseUrl, steward.token, id));
      // A few scans to warm up (statement caches, JIT), not counted.
      await Promise.all(doors.map((d) => d.scan('WARM-UP', sale.performanceId)));
      const paced: Timed[] = [];
      await Promise.all(doors.map(async (door, d) => {
        await new Promise((r) => setTimeout(r, (d * PACE_MS) / DOORS));
        for (const code of work[d].slice(0, PACED)) {
          const next = performance.now() + PACE_MS;
          paced.push(await door.scan(code, sale.performanceId));
          await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
        }
      }));
      const results: Timed[] = [];
      const started = performance.now();
      await Promise.all(doors.map(async (door, d) => {
        for (const code of work[d].slice(PACED)) results.push(await door.scan(code, sale.performanceId));
      }));
      const seconds = (performance.now() - started) / 1000;
      for (const d of doors) d.close();
      console.log(`${DOORS} doors at a scan a second each:`);
      console.log(line('  server time per scan (Server-Timing)', paced.map((r) => r.serverMs)));
      console.log(line('  round trip per scan (HTTP, loopback)', paced.map((r) => r.roundTripMs)));
      console.log(`${DOORS} doors as fast as the answers come (${(results.length / seconds).toFixed(0)} scans/s):`);
      results.push(...paced);

      const failures = results.filter((r) => r.status !== 200).length;
      const green = results.filter((r) => r.ok).length;
      const admitted = await handle.db.selectFrom('checkin_tickets').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('performance_id', '=', sale.performanceId).executeTakeFirstOrThrow();
      const baseline = dialect === 'postgres'
        ? await baselinePostgres(database.databaseUrl!, sale.orgId, doorIds, doorsWork(baselineCodes))
        : baselineSqlite(database.sqliteFile!, sale.orgId, doorIds, doorsWork(baselineCodes));
      const fast = results.slice(0, results.length - paced.length);
      console.log(line('  server time per scan (Server-Timing)', fast.map((r) => r.serverMs)));
      console.log(line('  round trip per scan (HTTP, loopback)', fast.map((r) => r.roundTripMs)));
      console.log(line('raw database, same statements by hand', baseline));
      const p99 = percentile(results.map((r) => r.serverMs), 99);
      console.log(`  ${green} green (must be ${barcodes.length}), ${results.length - green} red; `
        + `admitted in the database ${Number(admitted.n)}; failed requests ${failures} (must be 0)`);
      console.log(`  server p99 ${ms(p99)} (target well under 100 ms)${p99 < 100 ? '' : '  MISSED'}`);
      ok = failures === 0 && green === barcodes.length && Number(admitted.n) === barcodes.length;
    } finally {
      await proc.kill('SIGTERM');
    }
    return ok;
  } finally {
    await handle.close();
    await database.drop();
  }
}

await buildServer();
let ok = true;
for (const dialect of DATABASES) {
  if (dialect === 'postgres' && !(await postgresAnswers())) {
    console.log(`\npostgres: no server at ${PG_ADMIN_URL}; skipped`);
    continue;
  }
  ok = (await benchOn(dialect)) && ok;
}
process.exit(ok ? 0 : 1);
