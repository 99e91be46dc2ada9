// Real Foyer server processes on a test database, for races and crashes: seeded through the
// services before the process starts, then driven over HTTP like a buyer's browser would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pino from 'pino';
import { migrateToLatest } from '../../src/migrations/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.js';
import { systemCtx } from '../../src/platform/system-ctx.js';
import { createOrganisation, updateOrganisation } from '../../src/organisations/service.js';
import { createUser } from '../../src/staff/service.js';
import { createHall, createVenue } from '../../src/venues/service.js';
import type { SeatMapInput } from '../../src/venues/rules.js';
import { createTicketType } from '../../src/pricing/service.js';
import { putPriceList } from '../../src/pricing/price-lists.js';
import { createPerformance, createProduction } from '../../src/productions/service.js';
import type { TestDatabase } from './databases.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** tsx's loader by absolute URL, so a process can run from any working directory. */
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface FoyerProcess {
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** Sends the signal and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ProcessOptions {
  worker?: boolean;
  /** Run dist/server.js (`npm run build`) as `npm start` does, instead of the sources through tsx. */
  built?: boolean;
  env?: Record<string, string>;
}

export interface SpawnedServer {
  baseUrl: string;
  child: ChildProcess;
  /** What the process wrote to stdout and stderr. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
}

/**
 * `node --import tsx src/server.ts` (or the built dist/server.js) with exactly `env`, in `cwd`;
 * resolves once /health answers.
 */
export async function spawnServer(env: NodeJS.ProcessEnv, cwd = REPO, timeoutMs = 100_000, built = false): Promise<SpawnedServer> {
  const args = built ? [path.join(REPO, 'dist/server.js')] : ['--import', TSX, path.join(REPO, 'src/server.ts')];
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://${env.HOST}:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Foyer exited early:\n${out}\n${err}`);
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Foyer did not answer /health in time:\n${out}\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, child, stdout: () => out, stderr: () => err, exited };
}

/** A Foyer server process on the test database (no demo data, no worker unless asked). */
export async function startFoyerProcess(database: TestDatabase, opts: ProcessOptions = {}): Promise<FoyerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'FOYER_DB', 'FOYER_PUBLIC_URL']) delete env[k];
  Object.assign(env, database.env, {
    HOST: '127.0.0.1', PORT: String(port), FOYER_DEMO: 'false', FOYER_WORKER: String(opts.worker ?? false), LOG_LEVEL: 'warn',
  }, opts.env);
  const server = await spawnServer(env, REPO, 60_000, opts.built);
  const { child } = server;
  return {
    baseUrl: server.baseUrl, pid: child.pid!, child,
    output: () => server.stdout() + server.stderr(),
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await server.exited;
    },
  };
}

export const quietLog = pino({ level: 'silent' });

export function openTestDatabase(database: TestDatabase, poolSize = 4): DatabaseHandle {
  return openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: database.sqliteFile, pgPoolSize: poolSize });
}

/** Rows of seats in sections; `rank(section, row)` gives each row's rank. */
export function arenaSeatMap(sections: number, rows: number, perRow: number, rank: (section: number, row: number) => number = () => 1): SeatMapInput {
  return {
    sections: Array.from({ length: sections }, (_, sec) => ({
      name: `Vak ${sec + 1}`,
      rows: Array.from({ length: rows }, (_, r) => ({
        label: String(r + 1),
        seats: Array.from({ length: perRow }, (_, s) => ({
          id: `v${sec + 1}r${r + 1}s${s + 1}`, label: String(s + 1), rank: rank(sec, r), x: sec * 2000 + s * 30, y: r * 30,
        })),
      })),
    })),
    zones: [],
  };
}

export interface OnSale {
  orgId: string;
  email: string;
  password: string;
  performanceId: string;
  ticketTypeId: string;
  hallId: string;
  productionId: string;
  seatIds: string[];
}

/**
 * An organisation with an admin, and one performance on sale in a hall of the given map; the
 * price of rank r is 1000 * (6 - r) cents. Migrates the database first.
 */
export async function seedOnSale(db: DatabaseHandle, map: SeatMapInput, settings: { onlineHoldMinutes?: number } = {}): Promise<OnSale> {
  await migrateToLatest(db.db);
  const now = new Date();
  const org = await createOrganisation(db.db, 'Rush Arena', now);
  if (settings.onlineHoldMinutes) await updateOrganisation(db.db, org.id, { onlineHoldMinutes: settings.onlineHoldMinutes });
  const email = `admin-${org.id.slice(0, 8)}@example.test`;
  const password = 'correct horse battery';
  await createUser(db.db, org.id, { email, name: 'Admin', role: 'admin', password }, now);
  const ctx = systemCtx({ db: db.db, dialect: db.dialect, clock: systemClock }, org.id, quietLog);
  const venue = await createVenue(ctx, {
    name: 'Arena', address: 'Plein 1', postalCode: '1000 AA', city: 'Antwerpen', country: 'BE', timeZone: 'Europe/Brussels',
  });
  const hall = await createHall(ctx, venue.id, 'Arena', map);
  const tt = await createTicketType(ctx, {
    names: { nl: 'Normaal', fr: 'Normal', en: 'Normal' }, dipCategory: 'normal', channels: ['online', 'boxoffice'], uitpas: false, uitpasGroup: false,
  });
  const production = await createProduction(ctx, { title: 'Rush', producer: 'Foyer', genre: 'concert', description: '', imageUrl: null, dipProductionId: null });
  const seatIds = map.sections.flatMap((s) => s.rows.flatMap((r) => r.seats.map((x) => x.id!)));
  const sale = { orgId: org.id, email, password, performanceId: '', ticketTypeId: tt.id, seatIds, hallId: hall.id, productionId: production.id };
  return { ...sale, performanceId: await addPerformance(db, sale) };
}

let day = 0;

/** Another performance of the same production in the same hall, on sale, priced like the first. */
export async function addPerformance(db: DatabaseHandle, sale: Omit<OnSale, 'performanceId'>): Promise<string> {
  const ctx = systemCtx({ db: db.db, dialect: db.dialect, clock: systemClock }, sale.orgId, quietLog);
  const startsAt = new Date(Date.UTC(2030, 0, 1 + day++, 19)).toISOString().slice(0, 16);
  const perf = await createPerformance(ctx, {
    productionId: sale.productionId, hallId: sale.hallId, startsAt, durationMinutes: 120, doorsOpenMinutes: 30,
    status: 'on_sale', extraInfo: '', standardTicketTypeId: sale.ticketTypeId, vatRate: 6, uitpasEnabled: false, uitdatabankEventId: null, salesWindows: [],
  });
  await putPriceList(ctx, perf.id, [1, 2, 3, 4, 5].map((rank) => ({ ticketTypeId: sale.ticketTypeId, rank, amount: 1000 * (6 - rank) })));
  return perf.id;
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** JSON over HTTP as one logged-in caller. */
export class Client {
  constructor(readonly baseUrl: string, readonly token: string) {}

  static async login(baseUrl: string, email: string, password: string): Promise<Client> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { token?: string };
    if (res.status !== 200 || !body.token) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
    return new Client(baseUrl, body.token);
  }

  async call<T = any>(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(this.baseUrl + urlPath, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as T };
  }

  withBase(baseUrl: string): Client {
    return new Client(baseUrl, this.token);
  }
}
