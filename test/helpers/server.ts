// A real Foyer over real HTTP on a loopback port, on a fresh database; plus small factories.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { migrateToLatest } from '../../src/migrations/index.js';
import { ManualClock, systemClock, type Clock } from '../../src/platform/clock.js';
import type { Deps } from '../../src/platform/context.js';
import type { SellingGate } from '../../src/platform/gate.js';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/platform/db.js';
import { createOrganisation } from '../../src/organisations/service.js';
import { createUser } from '../../src/staff/service.js';
import type { Role } from '../../src/staff/tables.js';
import { freshDatabase, type TestDatabase } from './databases.js';

export interface Answer<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  body: T;
  headers: Headers;
  contentType: string;
}

export interface TestServer {
  dialect: Dialect;
  baseUrl: string;
  app: FastifyInstance;
  deps: Deps;
  handle: DatabaseHandle;
  database: TestDatabase;
  clock: Clock;
  /** HTTP request with JSON in and out. */
  request<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; lang?: string; headers?: Record<string, string> }): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** The selling door to use (e.g. a small one, to see 503 busy); none: buildApp's default. */
  gate?: SellingGate;
}

export async function startServer(dialect: Dialect, opts: StartOptions = {}): Promise<TestServer> {
  const database = await freshDatabase(dialect);
  const handle = openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: database.sqliteFile, pgPoolSize: 8 });
  await migrateToLatest(handle.db);
  const clock = opts.clock ?? systemClock;
  const deps: Deps = { db: handle.db, dialect, clock, ...(opts.gate ? { gate: opts.gate } : {}) };
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    dialect, baseUrl, app, deps, handle, database, clock,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.lang) headers['accept-language'] = o.lang;
      let body: string | undefined;
      if (o.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      }
      const res = await fetch(baseUrl + path, { method, headers, body });
      const contentType = res.headers.get('content-type') ?? '';
      const text = await res.text();
      const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
      return { status: res.status, body: parsed, headers: res.headers, contentType };
    },
    async close() {
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

export const fixedClock = (isoString = '2054-11-23T12:00:00Z') => new ManualClock(new Date(isoString));

export interface OrgFixture {
  orgId: string;
  token: string;
  email: string;
  password: string;
}

let counter = 0;

/** An organisation with one user of `role`, logged in over HTTP. */
export async function orgWithUser(s: TestServer, role: Role = 'admin', name = 'Test Theater'): Promise<OrgFixture> {
  const now = s.clock.now();
  const org = await createOrganisation(s.deps.db, name, now);
  const email = `${role}-${++counter}-${org.id.slice(0, 8)}@example.test`;
  const password = 'correct horse battery';
  await createUser(s.deps.db, org.id, { email, name: `${role} user`, role, password }, now);
  const res = await s.request('POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return { orgId: org.id, token: res.body.token, email, password };
}

/** Another user in an existing organisation, logged in. */
export async function userIn(s: TestServer, orgId: string, role: Role): Promise<string> {
  const email = `${role}-${++counter}-${orgId.slice(0, 8)}@example.test`;
  await createUser(s.deps.db, orgId, { email, name: `${role} user`, role, password: 'correct horse battery' }, s.clock.now());
  const res = await s.request('POST', '/api/auth/login', { body: { email, password: 'correct horse battery' } });
  return res.body.token;
}
