// The on-sale rush: a 20,000-seat arena sold out by 500 concurrent buyers over HTTP (node:http keep-alive) to a separate
// Foyer process, next to the ceiling (the same services called in-process, no HTTP), on SQLite and
// on PostgreSQL. Prints buys/s, latencies, seats sold twice (must be 0) and the server's peak RSS.
// Then the online phase: buyers in the web shop's API who pay at the Mollie sandbox (create payment,
// pay on its checkout page, webhook), on the same server process; and the shop's first page (bytes,
// time to a usable seat map on a 4x slowed CPU).
// Knobs: RUSH_BUYERS (500), RUSH_SECTIONS (10) x 40 rows x 50 seats, RUSH_MAX_SECONDS (60 per phase),
// RUSH_ONLINE_BUYERS (100), RUSH_ONLINE_SECONDS (30), RUSH_DATABASES (sqlite,postgres),
// RUSH_SERVER_NODE_OPTIONS (default: the flags of `npm start`), RUSH_SHOP_PAGE (1; 0 skips it), RUSH_PROCESSES (PostgreSQL: e.g. "1,2,4" Foyer
// processes on one database, a phase each), RAW_CLIENTS (8: the raw baseline's connections on PostgreSQL).
// The baseline is the database doing the same buy by hand (rush-raw.ts), in the same run; the ratios
// against it are the bench's last lines.
import fs from 'node:fs';
import { freshDatabase, PG_ADMIN_URL, postgresAnswers, type TestDatabase } from '../test/helpers/databases.js';
import { addPerformance, arenaSeatMap, Client, openTestDatabase, seedOnSale, startFoyerProcess } from '../test/helpers/process.js';
import { sellingFacts } from '../test/helpers/selling-invariants.js';
import type { Dialect } from '../src/platform/db.js';
import { percentile, rush, type RushResult } from './rush-buyers.js';
import { directShop, httpShop } from './rush-shops.js';
import { HttpJson } from './rush-http.js';
import { buildServer } from '../scripts/build.js';
import { systemClock } from '../src/platform/clock.js';
import { systemCtx } from '../src/platform/system-ctx.js';
import { saveMollieSettings } from '../src/connectors/mollie/settings.js';
import { saveShopSettings } from '../src/shop/settings.js';
import { DEMO_API_KEY, startMollieSandbox } from '../sandboxes/mollie/index.js';
import { quietLog } from '../test/helpers/process.js';
import { onlineShop } from './rush-online.js';
import { shopFirstPage } from './rush-shop-page.js';
import { rawPostgres, rawSqlite, type RawResult } from './rush-raw.js';
import { groupCommitStats } from '../src/platform/sqlite-driver.js';

const BUYERS = Number(process.env.RUSH_BUYERS ?? 500);
const SECTIONS = Number(process.env.RUSH_SECTIONS ?? 10);
const MAX_SECONDS = Number(process.env.RUSH_MAX_SECONDS ?? 60);
const DATABASES = (process.env.RUSH_DATABASES ?? 'sqlite,postgres').split(',') as Dialect[];
const CALM_BUYERS = 10;
const ONLINE_BUYERS = Number(process.env.RUSH_ONLINE_BUYERS ?? 100);
const ONLINE_SECONDS = Number(process.env.RUSH_ONLINE_SECONDS ?? 30);
/** Node flags for the server process only, e.g. "--max-old-space-size=160"; by default those `npm start` gives it (package.json). */
const SERVER_NODE_OPTIONS = process.env.RUSH_SERVER_NODE_OPTIONS ?? startFlags();
const PROCESSES = (process.env.RUSH_PROCESSES ?? '').split(',').filter(Boolean).map(Number);
/** Foyer over HTTP as a share of the raw transaction's buys/s (issue 13's targets). */
const TARGET_SHARE = 0.5;
const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 250;
const summary: string[] = [];

/** The node flags of package.json's start script ("node <flags> dist/server.js"). */
function startFlags(): string | undefined {
  const start = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return /^node (.+) dist\/server\.js$/.exec(start)?.[1];
}

/** Peak resident memory of a process, in MB (Linux). */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** CPU seconds (user + system) a process has used so far (Linux). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU milliseconds per buy of a phase; the machine's load does not change it much, unlike buys/s. */
const cpuPerBuy = (seconds: number, buys: number) => `${((seconds * 1000) / Math.max(1, buys)).toFixed(2)} ms`;

function line(label: string, r: RushResult, seats: number): string {
  return `${label.padEnd(22)} ${(r.buys / r.seconds).toFixed(0).padStart(6)} buys/s  ${String(r.seatsSold).padStart(6)}/${seats} seats in ${r.seconds.toFixed(1)} s` +
    `  basket p50 ${ms(percentile(r.basket, 50))} p99 ${ms(percentile(r.basket, 99))}` +
    `  hold p50 ${ms(percentile(r.hold, 50))} p99 ${ms(percentile(r.hold, 99))}` +
    `  checkout p50 ${ms(percentile(r.checkout, 50))} p99 ${ms(percentile(r.checkout, 99))}` +
    `  failures ${r.failures}${r.firstFailure ? ` (${r.firstFailure})` : ''}${r.soldOut ? '' : '  NOT SOLD OUT (time cap)'}`;
}

async function benchOn(dialect: Dialect): Promise<boolean> {
  const database: TestDatabase = await freshDatabase(dialect);
  const handle = openTestDatabase(database, 8);
  try {
    const map = arenaSeatMap(SECTIONS, 40, 50, (_s, row) => 1 + Math.floor(row / 8));
    const t0 = performance.now();
    const sale = await seedOnSale(handle, map);
    const ceilingPerf = await addPerformance(handle, sale);
    const seats = sale.seatIds.length;
    console.log(`\n${dialect}: arena of ${seats} seats (${SECTIONS} sections x 40 rows x 50, ranks 1-5), ${BUYERS} buyers; seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const rawPerf = await addPerformance(handle, sale);
    const user = await handle.db.selectFrom('users').select('id').where('email', '=', sale.email).executeTakeFirstOrThrow();
    const rawSale = { orgId: sale.orgId, performanceId: rawPerf, ticketTypeId: sale.ticketTypeId, userId: user.id };
    const rawCpu = process.cpuUsage();
    const raw: RawResult = dialect === 'sqlite' ? rawSqlite(database, rawSale, MAX_SECONDS) : await rawPostgres(database, rawSale, MAX_SECONDS);
    const rawCpuUsed = process.cpuUsage(rawCpu);
    const rawRate = raw.buys / raw.seconds;
    console.log(`${'raw transaction'.padEnd(22)} ${rawRate.toFixed(0).padStart(6)} buys/s  ${String(raw.seatsSold).padStart(6)}/${seats} seats in ${raw.seconds.toFixed(1)} s` +
      `  (the database by hand: window, claim, basket, order, tickets, payment in one transaction${dialect === 'postgres' ? `; ${process.env.RAW_CLIENTS ?? 8} connections` : ''})`);
    console.log(`  CPU per buy: ${cpuPerBuy((rawCpuUsed.user + rawCpuUsed.system) / 1e6, raw.buys)} (the bench process${dialect === 'postgres' ? '; not the database server' : ''})`);

    const commitsBefore = { ...groupCommitStats };
    const ceilingShop = await directShop(handle, sale.orgId, sale.email, ceilingPerf);
    const ceilingCpu = process.cpuUsage();
    const ceiling = await rush(ceilingShop, BUYERS, MAX_SECONDS);
    const ceilingCpuUsed = process.cpuUsage(ceilingCpu);
    console.log(line('in-process (ceiling)', ceiling, seats));
    console.log(`  CPU per buy: ${cpuPerBuy((ceilingCpuUsed.user + ceilingCpuUsed.system) / 1e6, ceiling.buys)} (all threads of the one process)`);
    if (dialect === 'sqlite') {
      const commits = groupCommitStats.commits - commitsBefore.commits;
      const writes = groupCommitStats.members - commitsBefore.members;
      console.log(`  group commit: ${commits} commits (fsyncs) for ${ceiling.buys} buys, ${(commits / Math.max(1, ceiling.buys)).toFixed(2)} per buy, ${(writes / Math.max(1, commits)).toFixed(1)} transactions each`);
    }

    const calmPerf = await addPerformance(handle, sale);
    const onlinePerf = await addPerformance(handle, sale);
    const ctx = systemCtx({ db: handle.db, dialect: handle.dialect, clock: systemClock }, sale.orgId, quietLog);
    const { slug } = await saveShopSettings(ctx, { enabled: true });
    const mollie = await startMollieSandbox({});
    const proc = await startFoyerProcess(database, { built: true, env: { PG_POOL_SIZE: '8', ...(SERVER_NODE_OPTIONS ? { NODE_OPTIONS: SERVER_NODE_OPTIONS } : {}) } });
    let http: RushResult;
    let calm: RushResult;
    let online: RushResult;
    let rss: number;
    let httpCpu: string;
    try {
      const client = new HttpJson(proc.baseUrl, (await Client.login(proc.baseUrl, sale.email, sale.password)).token);
      const server0 = cpuSeconds(proc.pid);
      const bench0 = process.cpuUsage();
      http = await rush(httpShop(client, sale.performanceId), BUYERS, MAX_SECONDS);
      const bench1 = process.cpuUsage(bench0);
      httpCpu = `  CPU per buy: server ${cpuPerBuy(cpuSeconds(proc.pid) - server0, http.buys)}, the bench's HTTP clients ${cpuPerBuy((bench1.user + bench1.system) / 1e6, http.buys)}`;
      rss = peakRssMb(proc.pid);
      // Latency when the server is not saturated: a few buyers instead of a closed loop of 500.
      calm = await rush(httpShop(client, calmPerf), CALM_BUYERS, 15);
      await saveMollieSettings(ctx, { apiKey: DEMO_API_KEY, endpoint: mollie.apiEndpoint, enabled: true, webhookBaseUrl: proc.baseUrl });
      online = await rush(onlineShop(client, slug, onlinePerf), ONLINE_BUYERS, ONLINE_SECONDS);
      client.close();
    } finally {
      await proc.kill('SIGTERM');
      await mollie.close();
    }
    console.log(line('HTTP, server process', http, seats));
    console.log(httpCpu);
    console.log(line(`HTTP, ${CALM_BUYERS} buyers`, calm, seats));
    console.log(line(`online, ${ONLINE_BUYERS} buyers`, online, seats));
    const rate = (r: RushResult) => (r.buys / r.seconds).toFixed(0);
    console.log(`  buys/s: online through the shop and Mollie ${rate(online)}, box office over HTTP ${rate(http)}, in-process ceiling ${rate(ceiling)}`);

    const scaled = dialect === 'postgres' ? await processesPhases(database, handle, sale, seats) : [];
    const facts = await Promise.all([sale.performanceId, ceilingPerf, calmPerf, onlinePerf, rawPerf, ...scaled].map((id) => sellingFacts(handle.db, id)));
    const paidWithoutSeats = await paidOnlineWithoutSeats(handle, sale.orgId);
    const stillAwaiting = await handle.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', sale.orgId).where('status', '=', 'awaiting_payment').executeTakeFirstOrThrow();
    const soldTwice = facts.reduce((n, f) => n + f.soldTwice, 0);
    const inconsistent = facts.reduce((n, f) => n + f.soldWithoutTicket + f.ticketWithoutPlace, 0);
    const httpRate = http.buys / http.seconds;
    const share = httpRate / rawRate;
    const holdP99 = percentile(http.hold, 99);
    const checkoutP99 = percentile(http.checkout, 99);
    console.log(`  seats sold twice: ${soldTwice} (must be 0); inventory/ticket mismatches: ${inconsistent}; unanswered or failed requests: ${http.failures + ceiling.failures + calm.failures + online.failures} (must be 0)`);
    console.log(`  online: paid at Mollie without order or seats: ${paidWithoutSeats} (must be 0); orders still awaiting their payment when the phase stopped: ${Number(stillAwaiting.n)}`);
    const missed = (ok: boolean) => (ok ? '' : ' MISSED');
    summary.push(`rush ${dialect}: HTTP ${httpRate.toFixed(0)} buys/s = ${(share * 100).toFixed(0)}% of raw (${rawRate.toFixed(0)} buys/s)` +
      `${missed(share >= TARGET_SHARE)}; in-process ${(ceiling.buys / ceiling.seconds).toFixed(0)}` +
      ` | hold p99 ${ms(holdP99)}${missed(holdP99 < TARGET_P99_MS)}, checkout p99 ${ms(checkoutP99)}${missed(checkoutP99 < TARGET_P99_MS)}` +
      `, server peak RSS ${rss.toFixed(0)} MB${missed(rss < TARGET_RSS_MB)} (targets >= ${TARGET_SHARE * 100}%, < ${TARGET_P99_MS} ms, < ${TARGET_RSS_MB} MB)`);
    return soldTwice === 0 && inconsistent === 0 && paidWithoutSeats === 0 && http.failures === 0 && ceiling.failures === 0 && calm.failures === 0 && online.failures === 0;
  } finally {
    await handle.close();
    await database.drop();
  }
}

/**
 * PostgreSQL only, RUSH_PROCESSES="1,2,4": K Foyer processes on one database, the buyers spread over
 * them, a fresh performance each; prints buys/s per K. Answers the performances it sold.
 */
async function processesPhases(database: TestDatabase, handle: ReturnType<typeof openTestDatabase>, sale: Awaited<ReturnType<typeof seedOnSale>>, seats: number): Promise<string[]> {
  const perfs: string[] = [];
  for (const k of PROCESSES) {
    const perf = await addPerformance(handle, sale);
    perfs.push(perf);
    const procs = await Promise.all(Array.from({ length: k }, () => startFoyerProcess(database, { built: true, env: { PG_POOL_SIZE: '8', ...(SERVER_NODE_OPTIONS ? { NODE_OPTIONS: SERVER_NODE_OPTIONS } : {}) } })));
    try {
      const clients = await Promise.all(procs.map(async (p) => new HttpJson(p.baseUrl, (await Client.login(p.baseUrl, sale.email, sale.password)).token)));
      const shops = clients.map((c) => httpShop(c, perf));
      // A buyer's basket stays on the process that opened it, as a sticky load balancer would keep it.
      const owner = new Map<string, ReturnType<typeof httpShop>>();
      let next = 0;
      const r = await rush({
        async basket() {
          const shop = shops[next++ % shops.length];
          const id = await shop.basket();
          owner.set(id, shop);
          return id;
        },
        add: (id, n) => owner.get(id)!.add(id, n),
        checkout: (id) => owner.get(id)!.checkout(id).finally(() => owner.delete(id)),
      }, BUYERS, MAX_SECONDS);
      console.log(line(`HTTP, ${k} process${k > 1 ? 'es' : ''}`, r, seats));
      summary.push(`rush postgres, ${k} Foyer process${k > 1 ? 'es' : ''} on one database: ${(r.buys / r.seconds).toFixed(0)} buys/s (${r.failures} failures)`);
      clients.forEach((c) => c.close());
    } finally {
      await Promise.all(procs.map((p) => p.kill('SIGTERM')));
    }
  }
  return perfs;
}

/** Online payments Foyer holds as paid whose order is not paid or has no valid ticket. */
async function paidOnlineWithoutSeats(handle: ReturnType<typeof openTestDatabase>, orgId: string): Promise<number> {
  const r = await handle.db.selectFrom('online_payments as p').innerJoin('orders as o', 'o.id', 'p.order_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.organisation_id', '=', orgId).where('p.status', '=', 'paid')
    .where((eb) => eb.or([eb('o.status', '!=', 'paid'), eb.not(eb.exists(eb.selectFrom('tickets as t').select('t.id')
      .whereRef('t.order_id', '=', 'o.id').where('t.status', '=', 'valid')))]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// The server runs as `npm start` runs it: the built bundle.
await buildServer();
let ok = true;
for (const dialect of DATABASES) {
  if (dialect === 'postgres' && !(await postgresAnswers())) {
    console.log(`\npostgres: no server at ${PG_ADMIN_URL}; skipped`);
    continue;
  }
  ok = (await benchOn(dialect)) && ok;
}
// The figures the targets are about, last (shop page timings, when measured, come before them).
const printSummary = () => console.log(`\n${summary.join('\n')}`);
if (process.env.RUSH_SHOP_PAGE !== '0') {
  const page = await shopFirstPage();
  const sorted = [...page.usableMs].sort((a, b) => a - b);
  console.log(`\nshop's first page (a performance of the demo, 390x844, CPU 4x slower): JavaScript ${(page.jsGzip / 1024).toFixed(1)} KB gzipped, CSS ${(page.cssGzip / 1024).toFixed(1)} KB gzipped (${page.files.length} files); ` +
    `seat map usable after ${sorted.map((x) => `${x.toFixed(0)} ms`).join(', ')} (median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms)`);
}
printSummary();
process.exit(ok ? 0 : 1);
