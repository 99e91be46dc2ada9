// Retention: what grows with use goes once it is older than its period, and not a moment before;
// the books (orders, tickets, payments) stay; a dead job is kept until staff have seen it and for
// the period after; the schedule runs the cleanup once however many workers tick.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';
import { sellingKit } from '../selling/kit.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { enqueue, JobRunner, PermanentJobError } from '../../src/platform/jobs.js';
import { openDatabase } from '../../src/platform/db.js';
import { insertPushes } from '../../src/connectors/dip/store.js';
import { DEFAULT_RETENTION } from '../../src/retention/periods.js';
import { RETENTION_JOB, runRetention } from '../../src/retention/service.js';
import { BASKET_LINE_TABLES, BASKET_REFERENCES_KEPT } from '../../src/retention/store.js';
import { createWorker } from '../../src/worker.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const log = pino({ level: 'silent' });

describe.each(DIALECTS)('retention on %s', (dialect) => {
  let s: TestServer;
  let org: OrgFixture;
  let token: string;
  let c: Catalogue;
  const clock: ManualClock = fixedClock('2054-11-23T12:00:00Z');
  const t0 = clock.now().getTime();
  const at = (ms: number) => clock.set(new Date(t0 + ms));
  const k = sellingKit(() => s, () => token);
  const ids = { abandoned: '', lapsed: '', bought: '', order: '', done: '', deadSeen: '', deadUnseen: '', push: '' };

  const run = () => runRetention(s.deps, DEFAULT_RETENTION);
  const count = async (table: 'idempotency_keys' | 'login_attempts' | 'sessions' | 'tickets' | 'payments', orgColumn = true) => {
    let q = s.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (orgColumn && table !== 'login_attempts') q = q.where('organisation_id', '=', org.orgId);
    if (table === 'login_attempts') q = q.where('email', '=', org.email);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const exists = async (table: 'baskets' | 'jobs' | 'dip_pushes' | 'orders', id: string) =>
    !!(await s.deps.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
  const linesOf = async (basketId: string) =>
    Number((await s.deps.db.selectFrom('basket_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('basket_id', '=', basketId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    org = await orgWithUser(s);
    token = org.token;
    c = await buildCatalogue(s, token);

    // Two failed logins next to the one that succeeded.
    for (let i = 0; i < 2; i++) {
      expect((await s.request('POST', '/api/auth/login', { body: { email: org.email, password: 'wrong password!' } })).status).toBe(401);
    }
    const a = await k.basket('boxoffice');
    await k.add(a.id, { performanceId: c.performanceId, seatIds: ['r1s1'] });
    k.ok(await k.req('DELETE', `/api/baskets/${a.id}`), 204);
    ids.abandoned = a.id;
    const b = await k.basket('online');
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s2', 'r1s3'] });
    ids.lapsed = b.id;
    const bought = await k.basket('boxoffice');
    await k.add(bought.id, { performanceId: c.performanceId, seatIds: ['r2s1'] });
    ids.bought = bought.id;
    ids.order = (await k.checkout(bought.id, { method: 'cash' }, { 'Idempotency-Key': 'checkout-1' })).id;

    const runner = new JobRunner({ deps: s.deps });
    runner.register('test.ok', async () => undefined);
    runner.register('test.fails', async () => { throw new PermanentJobError('the outside said no'); });
    const now = clock.now();
    ids.done = (await enqueue(s.deps.db, { kind: 'test.ok', payload: {}, organisationId: org.orgId }, now))!;
    ids.deadSeen = (await enqueue(s.deps.db, { kind: 'test.fails', payload: { n: 1 }, organisationId: org.orgId }, now))!;
    ids.deadUnseen = (await enqueue(s.deps.db, { kind: 'test.fails', payload: { n: 2 }, organisationId: org.orgId }, now))!;
    expect(await runner.runDue()).toMatchObject({ done: 1, dead: 2 });

    await insertPushes(s.deps.db, org.orgId, [{
      job_id: null, kind: 'tickets', method: 'POST', path: '/tickets', request_body: '{}', http_status: 200, response_body: '{}',
      outcome: 'accepted', duration_ms: 12, performances: 1, sent_at: now.toISOString(), performanceIds: [c.performanceId],
    }]);
    // A door device's session (12 h) and a wrong device code.
    const at0 = now.toISOString();
    await s.deps.db.insertInto('checkin_doors').values({ id: 'door-1', organisation_id: org.orgId, name: 'Foyer', created_at: at0, archived_at: null }).execute();
    await s.deps.db.insertInto('checkin_devices').values({ id: 'device-1', organisation_id: org.orgId, door_id: 'door-1', name: 'Scanner', code_hash: 'h', created_at: at0, revoked_at: null, last_seen_at: null }).execute();
    await s.deps.db.insertInto('checkin_device_sessions').values({ token_hash: 't', device_id: 'device-1', organisation_id: org.orgId, steward_name: 'An', created_at: at0, expires_at: new Date(t0 + 12 * HOUR).toISOString() }).execute();
    await s.deps.db.insertInto('checkin_code_attempts').values({ id: 'attempt-1', ip: '127.0.0.1', succeeded: 0, at: at0 }).execute();
    ids.push = (await s.deps.db.selectFrom('dip_pushes').select('id').where('organisation_id', '=', org.orgId).executeTakeFirstOrThrow()).id;

    at(HOUR);
    await k.sweep(); // the online basket's hold lapsed: it is expired now
  });
  afterAll(async () => { await s?.close(); });

  it('keeps everything newer than its period', async () => {
    at(23 * HOUR);
    const r = await run();
    expect(Object.values(r.deleted).every((n) => n === 0), JSON.stringify(r.deleted)).toBe(true);
    expect(await count('idempotency_keys')).toBe(1);
    expect(await count('login_attempts')).toBe(3);
    expect(await count('sessions')).toBe(1);
    expect(await exists('baskets', ids.abandoned)).toBe(true);
    expect(await exists('baskets', ids.lapsed)).toBe(true);
    expect(await linesOf(ids.lapsed)).toBe(2);
    expect(await exists('jobs', ids.done)).toBe(true);
    expect(await exists('dip_pushes', ids.push)).toBe(true);
  });

  it('idempotency keys go after 24 hours; the checkout they answered stays', async () => {
    at(25 * HOUR);
    expect((await run()).deleted.idempotency_keys).toBe(1);
    expect(await count('idempotency_keys')).toBe(0);
    expect(await exists('orders', ids.order)).toBe(true);
    // The same key is a new request now: the order is not made twice, the basket is checked out.
    const again = await s.request('POST', `/api/baskets/${ids.bought}/checkout`, { token: (await relogin()).token, body: { payment: { method: 'cash' } }, headers: { 'Idempotency-Key': 'checkout-1' } });
    expect(again.status).toBe(409);
  });

  async function relogin() {
    const res = await s.request('POST', '/api/auth/login', { body: { email: org.email, password: org.password } });
    expect(res.status).toBe(200);
    token = res.body.token;
    return res.body as { token: string };
  }

  it('expired and abandoned baskets go with their lines 7 days after their expiry; a checked-out one stays', async () => {
    at(7 * DAY);
    expect((await run()).deleted.baskets).toBe(0);
    at(7 * DAY + 2 * HOUR);
    expect((await run()).deleted.baskets).toBe(2);
    expect(await exists('baskets', ids.abandoned)).toBe(false);
    expect(await exists('baskets', ids.lapsed)).toBe(false);
    expect(await linesOf(ids.lapsed)).toBe(0);
    expect(await linesOf(ids.abandoned)).toBe(0);
    expect(await exists('baskets', ids.bought)).toBe(true);
    expect(await linesOf(ids.bought)).toBe(1);
    await relogin();
    expect((await k.seatStatus(c.performanceId))).toMatchObject({ r1s1: 'free', r1s2: 'free', r2s1: 'sold' });
  });

  it('sessions go 7 days after they expired', async () => {
    // Sessions of the first login (expired at 12 h), of the re-logins at 25 h (expired at 37 h) and at 7 days 2 h.
    at(7 * DAY + 11 * HOUR);
    expect((await run()).deleted).toMatchObject({ sessions: 0, checkin_device_sessions: 0 });
    at(7 * DAY + 13 * HOUR);
    expect((await run()).deleted).toMatchObject({ sessions: 1, checkin_device_sessions: 1 });
    expect(await count('sessions')).toBe(2);
  });

  it('login attempts and done jobs go after 30 days; dead jobs stay', async () => {
    at(20 * DAY);
    await s.request('POST', '/api/auth/login', { body: { email: org.email, password: 'wrong again!!' } });
    at(29 * DAY);
    await run();
    expect(await exists('jobs', ids.done)).toBe(true);
    at(30 * DAY + HOUR);
    const r = await run();
    expect(r.deleted).toMatchObject({ done_jobs: 1, checkin_code_attempts: 1 });
    expect(await exists('jobs', ids.done)).toBe(false);
    // The three attempts of the first hour went; the re-logins at 25 h and 7 days and the attempt of day 20 stay.
    expect(await count('login_attempts')).toBe(3);
    expect(await exists('jobs', ids.deadSeen)).toBe(true);
    expect(await exists('jobs', ids.deadUnseen)).toBe(true);
  });

  it('the DIP audit goes after 90 days, with the performances each call carried', async () => {
    at(89 * DAY);
    await run();
    expect(await exists('dip_pushes', ids.push)).toBe(true);
    at(90 * DAY + HOUR);
    expect((await run()).deleted.dip_pushes).toBe(1);
    expect(await exists('dip_pushes', ids.push)).toBe(false);
    const links = await s.deps.db.selectFrom('dip_push_performances').select('push_id').where('push_id', '=', ids.push).execute();
    expect(links).toEqual([]);
  });

  it('a dead job nobody has seen is kept; once staff saw it, it goes 90 days later', async () => {
    at(100 * DAY);
    await run();
    expect(await exists('jobs', ids.deadSeen)).toBe(true);
    expect(await exists('jobs', ids.deadUnseen)).toBe(true);
    // Staff look at the failures of one kind; only the job they were shown counts as seen.
    await relogin();
    const listed = k.ok(await k.req('GET', `/api/jobs?status=dead&limit=1`));
    expect(listed.items.map((j: { id: string }) => j.id)).toHaveLength(1);
    const seen = listed.items[0].id as string;
    const unseen = seen === ids.deadSeen ? ids.deadUnseen : ids.deadSeen;
    at(189 * DAY);
    await run();
    expect(await exists('jobs', seen)).toBe(true);
    at(190 * DAY + HOUR);
    expect((await run()).deleted.dead_jobs).toBe(1);
    expect(await exists('jobs', seen)).toBe(false);
    expect(await exists('jobs', unseen)).toBe(true);
    // Nobody ever looked at the other: it goes a year after it died.
    at(364 * DAY);
    await run();
    expect(await exists('jobs', unseen)).toBe(true);
    at(365 * DAY + HOUR);
    expect((await run()).deleted.dead_jobs).toBe(1);
    expect(await exists('jobs', unseen)).toBe(false);
  });

  it('never touches the books', async () => {
    expect(await exists('orders', ids.order)).toBe(true);
    expect(await count('tickets')).toBe(1);
    expect(await count('payments')).toBe(1);
    await relogin();
    const order = k.ok(await k.req('GET', `/api/orders/${ids.order}`));
    expect(order).toMatchObject({ status: 'paid', tickets: [{ seatId: 'r2s1', status: 'valid' }] });
  });

  it('deletes in bounded batches and stops a long run where it is, to go on at the next', async () => {
    const now = clock.now();
    const old = new Date(now.getTime() - 2 * DAY).toISOString();
    await s.deps.db.insertInto('idempotency_keys').values(Array.from({ length: 7 }, (_, i) => ({
      organisation_id: org.orgId, actor_id: 'a', key: `old-${i}`, request: 'x', status: 'done' as const, response_status: 200, response_body: '{}', created_at: old,
    }))).execute();
    const stopped = await runRetention(s.deps, DEFAULT_RETENTION, { batchSize: 3, maxMs: 0 });
    expect(stopped.complete).toBe(false);
    expect(await count('idempotency_keys')).toBe(7);
    const r = await runRetention(s.deps, DEFAULT_RETENTION, { batchSize: 3 });
    expect(r.complete).toBe(true);
    expect(r.deleted.idempotency_keys).toBe(7);
    expect(r.batches).toBeGreaterThanOrEqual(3 + 8); // 3 batches for the keys, at least one for each of the 8 other kinds
    expect(await count('idempotency_keys')).toBe(0);
  });

  it('knows every table that holds a basket\'s lines', async () => {
    const tables = dialect === 'sqlite'
      ? await sql<{ name: string }>`select m.name from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table' and p.name = 'basket_id'`.execute(s.deps.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'basket_id'`.execute(s.deps.db);
    // A new table with a basket_id must be cleaned with its basket, or say why it stays.
    expect(tables.rows.map((r) => r.name).sort()).toEqual([...BASKET_LINE_TABLES, ...BASKET_REFERENCES_KEPT].sort());
  });

  it('runs from the schedule once, however many workers tick', async () => {
    const other = dialect === 'sqlite' ? s.handle : openDatabase({ databaseUrl: s.database.databaseUrl, pgPoolSize: 2 });
    try {
      clock.set(new Date('2055-12-01T10:19:00Z')); // 11:19 in Amsterdam
      const a = createWorker(s.deps, log, false);
      const b = createWorker({ ...s.deps, db: other.db }, log, false);
      await a.scheduler.tick();
      await b.scheduler.tick();
      clock.set(new Date('2055-12-01T10:20:01Z'));
      const ran = [...await Promise.all([a.scheduler.tick(), b.scheduler.tick()])].flat().filter((t) => t.name === RETENTION_JOB);
      expect(ran).toHaveLength(1);
      const jobs = await s.deps.db.selectFrom('jobs').select(['id', 'status']).where('kind', '=', RETENTION_JOB).execute();
      expect(jobs).toHaveLength(1);
      await a.runner.runDue(50);
      await b.runner.runDue(50);
      expect((await s.deps.db.selectFrom('jobs').select('status').where('id', '=', jobs[0].id).executeTakeFirstOrThrow()).status).toBe('done');
    } finally {
      if (other !== s.handle) await other.close();
    }
  });
});
