// The schedule and the queue across two Foyer processes on one database: each due time of an
// organisation's cron becomes one job, and two workers never push the same change twice.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/platform/context.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.js';
import { createWorker, type Worker } from '../../src/worker.js';
import { DIALECTS } from '../helpers/databases.js';
import { expectOk, HAMLET, sandboxPuts, sell, startWorld, type DipWorld } from './support.js';

const MINUTE = 60_000;
const log = pino({ level: 'silent' });

describe.each(DIALECTS)('DIP schedule with two workers on %s', (dialect) => {
  let w: DipWorld;
  let other: DatabaseHandle | undefined;
  let a: Worker;
  let b: Worker;
  const dipJobs = () => w.s.deps.db.selectFrom('jobs').selectAll().where('kind', '=', 'dip.sync').orderBy('created_at').execute();

  beforeAll(async () => {
    w = await startWorld(dialect);
    expectOk(await w.s.request('PUT', `/api/performances/${w.c.performanceId}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11001` } }));
    // Two processes share one PostgreSQL; on SQLite (one process per file) the second worker shares the connection.
    other = dialect === 'postgres' ? openDatabase({ databaseUrl: w.s.database.databaseUrl }) : undefined;
    const otherDeps: Deps = other ? { db: other.db, dialect, clock: w.clock } : w.s.deps;
    a = createWorker(w.s.deps, log, false);
    b = createWorker(otherDeps, log, false);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await other?.close();
    await w?.close();
  });

  it("enqueues one job per due time of the organisation's cron, whichever process ticks", async () => {
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]); // first sight: due times are set, nothing runs
    expect(await dipJobs()).toHaveLength(0);
    w.clock.advance(30 * MINUTE);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(await dipJobs()).toHaveLength(0); // 12:30: the hourly cron is not due yet

    w.clock.advance(31 * MINUTE); // 13:01
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick()]);
    const jobs = await dipJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ organisation_id: w.orgId, dedupe_key: `dip-sync:${w.orgId}:2054-11-23T13:00:00.000Z`, status: 'pending' });

    w.clock.advance(MINUTE);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(await dipJobs()).toHaveLength(1);
  });

  it('two workers run the due job once; a change is pushed once even when a manual run races the scheduled one', async () => {
    await sell(w, w.c.performanceId, [{ seatIds: ['r1s1', 'r1s2'], ticketTypeId: w.c.ticketTypes.normal }]);
    // A manual run is asked for too: two jobs for one organisation, one per worker.
    const manual = await w.s.request('POST', '/api/dip/sync', { token: w.token, body: {} });
    expect(manual.status).toBe(202);
    expect(manual.body.status).toBe('pending');
    const before = (await sandboxPuts(w)).length;
    await Promise.all([a.runner.runDue(5), b.runner.runDue(5)]);
    // The loser of the organisation's run lock (if they overlapped) retries later and finds nothing changed.
    w.clock.advance(10 * MINUTE);
    await Promise.all([a.runner.runDue(5), b.runner.runDue(5)]);

    const jobs = await dipJobs();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
    const puts = (await sandboxPuts(w)).slice(before);
    expect(puts.map((p) => p.path).sort()).toEqual([
      '/blockedseats/cumulative', '/productions/NL-26-101-0004711/performances/11001/capacity', '/reservations/cumulative', '/tickets/cumulative',
    ]);
    const d = (await w.dipCall('GET', '/_sandbox/performances/11001')).body;
    expect(d.tickets.normal).toMatchObject({ tickets: 2, recette: 6000 });
    expect(d.history.filter((h: { kind: string }) => h.kind === 'tickets')).toHaveLength(4);
  });

  it('does not schedule organisations with DIP off', async () => {
    expectOk(await w.s.request('PUT', '/api/dip/settings', { token: w.token, body: { baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', enabled: false } }));
    const count = (await dipJobs()).length;
    w.clock.advance(2 * 60 * MINUTE);
    await w.relogin();
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(await dipJobs()).toHaveLength(count);
    const off = await w.s.request('POST', '/api/dip/sync', { token: w.token, body: {} });
    expect(off.status).toBe(409);
    expect(off.body.type).toBe('/problems/dip-off');
  });
});
