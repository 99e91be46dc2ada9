import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import type { Deps } from '../../src/platform/context.js';
import {
  JobRunner, PermanentJobError, backoffMs, enqueue, type ClaimedJob, type JobRunnerOptions,
} from '../../src/platform/jobs.js';
import { countJobs, listJobs, retryJob } from '../../src/platform/jobs-staff.js';
import { Problem } from '../../src/platform/problems.js';
import { DIALECTS } from '../helpers/databases.js';
import { migratedDatabase, type MigratedDatabase } from './fresh-db.js';

const START = new Date('2054-11-23T12:00:00.000Z');
const SECOND = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DIALECTS)('job queue on %s', (dialect) => {
  let m: MigratedDatabase;
  let clock: ManualClock;
  let deps: Deps;

  beforeAll(async () => { m = await migratedDatabase(dialect); });
  afterAll(async () => { await m?.close(); });
  beforeEach(async () => {
    clock = new ManualClock(START);
    deps = m.deps(clock);
    await m.handle.db.deleteFrom('jobs').execute();
  });

  const jobRow = (id: string) => m.handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const runner = (opts: Partial<JobRunnerOptions> = {}) => new JobRunner({ deps, random: () => 0, ...opts });

  it('a job enqueued in a transaction that rolls back never exists; one that commits runs once', async () => {
    await expect(m.handle.db.transaction().execute(async (tx) => {
      await enqueue(tx, { kind: 'mail', payload: { to: 'lost@example.test' } }, clock.now());
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    const kept = await m.handle.db.transaction().execute((tx) =>
      enqueue(tx, { kind: 'mail', payload: { to: 'kept@example.test' } }, clock.now()));

    const seen: unknown[] = [];
    const r = runner().register<{ to: string }>('mail', async (job) => { seen.push(job.payload.to); });
    expect(await r.runDue()).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0 });
    expect(await r.runDue()).toMatchObject({ claimed: 0 });
    expect(seen).toEqual(['kept@example.test']);
    expect((await jobRow(kept!)).status).toBe('done');
  });

  it('runs a job no earlier than its run_at, and leaves kinds it has no handler for alone', async () => {
    const id = await enqueue(m.handle.db, { kind: 'dip.push', payload: { n: 1 }, runAt: new Date(START.getTime() + 60 * SECOND) }, clock.now());
    const other = await enqueue(m.handle.db, { kind: 'unknown.kind', payload: {} }, clock.now());
    const r = runner().register('dip.push', async () => undefined);
    expect((await r.runDue()).claimed).toBe(0);
    clock.advance(60 * SECOND);
    expect(await r.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect((await jobRow(id!)).status).toBe('done');
    expect((await jobRow(other!)).status).toBe('pending');
  });

  it('claims no more than the limit, the earliest due first', async () => {
    for (let i = 0; i < 5; i++) {
      await enqueue(m.handle.db, { kind: 'mail', payload: { i }, runAt: new Date(START.getTime() - (5 - i) * SECOND) }, clock.now());
    }
    const order: number[] = [];
    const r = runner().register<{ i: number }>('mail', async (job) => { order.push(job.payload.i); });
    expect(await r.runDue(2)).toMatchObject({ claimed: 2, done: 2 });
    expect(order.sort()).toEqual([0, 1]);
    expect(await r.runDue(10)).toMatchObject({ claimed: 3, done: 3 });
  });

  it('retries a failing job with growing back-off, keeps the error, then marks it dead after max attempts', async () => {
    const id = (await enqueue(m.handle.db, { kind: 'dip.push', payload: {}, maxAttempts: 4 }, clock.now()))!;
    const attempts: number[] = [];
    const r = runner().register('dip.push', async (job) => {
      attempts.push(job.attempt);
      throw new Error(`DIP answered 503 (try ${job.attempt})`);
    });
    for (const delay of [10, 20, 40]) {
      expect(await r.runDue()).toMatchObject({ claimed: 1, retried: 1 });
      const row = await jobRow(id);
      expect(row.status).toBe('pending');
      expect(row.run_at).toBe(new Date(clock.now().getTime() + delay * SECOND).toISOString());
      expect(row.last_error).toContain('DIP answered 503');
      clock.advance(delay * SECOND - 1);
      expect((await r.runDue()).claimed).toBe(0);
      clock.advance(1);
    }
    expect(await r.runDue()).toMatchObject({ claimed: 1, dead: 1 });
    const dead = await jobRow(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 4, last_error: 'Error: DIP answered 503 (try 4)', locked_until: null });
    clock.advance(24 * 3600 * SECOND);
    expect((await r.runDue()).claimed).toBe(0);
    expect(attempts).toEqual([1, 2, 3, 4]);
  });

  it('back-off doubles up to one hour and jitter only shortens it', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, undefined, () => 0))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(30, undefined, () => 0)).toBe(3_600_000);
    expect(backoffMs(1, undefined, () => 1)).toBe(7_500);
    expect(backoffMs(30, undefined, () => 0.999)).toBeLessThanOrEqual(3_600_000);
  });

  it('a permanent error makes the job dead at once', async () => {
    const id = (await enqueue(m.handle.db, { kind: 'dip.push', payload: {}, maxAttempts: 10 }, clock.now()))!;
    const r = runner().register('dip.push', async () => { throw new PermanentJobError('DIP answered 400: bad seat'); });
    expect(await r.runDue()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await jobRow(id)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'PermanentJobError: DIP answered 400: bad seat' });
  });

  it('takes a job again when its lease ran out, and the first runner may no longer record an outcome', async () => {
    const id = (await enqueue(m.handle.db, { kind: 'mail', payload: {} }, clock.now()))!;
    let release!: () => void;
    const stuck = new Promise<void>((r) => { release = r; });
    const runs: string[] = [];
    const a = runner({ workerId: 'a', leaseMs: 60 * SECOND }).register('mail', async () => { runs.push('a'); await stuck; });
    const b = runner({ workerId: 'b', leaseMs: 60 * SECOND }).register('mail', async () => { runs.push('b'); });
    const aRun = a.runDue();
    while ((await jobRow(id)).status !== 'running') await sleep(5);
    expect((await b.runDue()).claimed).toBe(0);
    clock.advance(60 * SECOND);
    expect(await b.runDue()).toMatchObject({ claimed: 1, done: 1 });
    release();
    expect(await aRun).toMatchObject({ claimed: 1, done: 0 });
    expect(runs).toEqual(['a', 'b']);
    expect(await jobRow(id)).toMatchObject({ status: 'done', locked_by: 'b', attempts: 2 });
  });

  it('a job whose worker keeps dying goes dead instead of being taken forever', async () => {
    const id = (await enqueue(m.handle.db, { kind: 'mail', payload: {}, maxAttempts: 1 }, clock.now()))!;
    let release!: () => void;
    const stuck = new Promise<void>((r) => { release = r; });
    const a = runner({ workerId: 'a', leaseMs: 60 * SECOND }).register('mail', () => stuck);
    const aRun = a.runDue();
    while ((await jobRow(id)).status !== 'running') await sleep(5);
    clock.advance(61 * SECOND);
    let ranB = false;
    const b = runner({ workerId: 'b' }).register('mail', async () => { ranB = true; });
    expect(await b.runDue()).toMatchObject({ claimed: 1, dead: 1 });
    expect(ranB).toBe(false);
    expect((await jobRow(id)).last_error).toMatch(/lease ran out/);
    release();
    expect(await aRun).toMatchObject({ claimed: 1, done: 0 });
    expect((await jobRow(id)).status).toBe('dead');
  });

  it('dedupes on the key while a job is pending, and not once it runs', async () => {
    const key = 'dip.push:performance-1';
    const first = await enqueue(m.handle.db, { kind: 'dip.push', payload: { v: 1 }, dedupeKey: key }, clock.now());
    expect(first).not.toBeNull();
    expect(await enqueue(m.handle.db, { kind: 'dip.push', payload: { v: 2 }, dedupeKey: key }, clock.now())).toBeNull();
    // Many transactions at once (PostgreSQL: really concurrent) still leave one pending job.
    const racing = await Promise.all(Array.from({ length: 8 }, () =>
      m.handle.db.transaction().execute((tx) => enqueue(tx, { kind: 'dip.push', payload: {}, dedupeKey: key }, clock.now()))));
    expect(racing.filter((x) => x !== null)).toEqual([]);
    expect(await m.handle.db.selectFrom('jobs').select('id').where('dedupe_key', '=', key).execute()).toHaveLength(1);

    // While it runs, a change enqueues it again (the running push may have read the old state).
    let second: string | null = null;
    const r = runner().register('dip.push', async () => {
      second = await enqueue(m.handle.db, { kind: 'dip.push', payload: { v: 3 }, dedupeKey: key }, clock.now());
      throw new Error('DIP is down');
    });
    expect(await r.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(second).not.toBeNull();
    // The failed run's retry is the newer pending job: the first is finished, its error kept.
    expect(await jobRow(first!)).toMatchObject({ status: 'done', last_error: expect.stringContaining('superseded') });
    expect(await jobRow(second!)).toMatchObject({ status: 'pending', payload: '{"v":3}' });
  });

  it('staff see their organisation\'s jobs and counts, and can retry a dead job', async () => {
    const orgA = 'org-a';
    const dead = (await enqueue(m.handle.db, { kind: 'uitpas.cancel', payload: { ticket: 't1' }, organisationId: orgA, maxAttempts: 1 }, clock.now()))!;
    await enqueue(m.handle.db, { kind: 'mail', payload: {}, organisationId: orgA, runAt: new Date(START.getTime() + 3600 * SECOND) }, clock.now());
    await enqueue(m.handle.db, { kind: 'uitpas.cancel', payload: {}, organisationId: 'org-b', maxAttempts: 1 }, clock.now());
    let fail = true;
    const r = runner().register('uitpas.cancel', async () => { if (fail) throw new Error('UiTPAS timeout'); });
    expect(await r.runDue()).toMatchObject({ claimed: 2, dead: 2 });

    expect(await countJobs(m.handle.db, orgA)).toEqual({ pending: 1, running: 0, done: 0, dead: 1 });
    const listed = await listJobs(m.handle.db, orgA, { status: 'dead', limit: 10, offset: 0 });
    expect(listed.map((j) => [j.id, j.kind, j.lastError, j.payload])).toEqual([[dead, 'uitpas.cancel', 'Error: UiTPAS timeout', { ticket: 't1' }]]);
    expect(await listJobs(m.handle.db, orgA, { kind: 'mail', limit: 10, offset: 0 })).toHaveLength(1);

    await expect(retryJob(m.handle.db, 'org-b', dead, clock.now())).rejects.toMatchObject({ code: 'not-found' });
    clock.advance(10 * SECOND);
    const retried = await retryJob(m.handle.db, orgA, dead, clock.now());
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, runAt: clock.now().toISOString(), lastError: 'Error: UiTPAS timeout' });
    await expect(retryJob(m.handle.db, orgA, dead, clock.now())).rejects.toBeInstanceOf(Problem);
    fail = false;
    expect(await r.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect((await jobRow(dead)).status).toBe('done');
  });

  it.runIf(dialect === 'postgres')('two runners in two pools racing over 200 jobs run each exactly once', async () => {
    for (let i = 0; i < 200; i += 50) {
      await m.handle.db.transaction().execute(async (tx) => {
        for (let j = i; j < i + 50; j++) await enqueue(tx, { kind: 'race', payload: { j } }, clock.now());
      });
    }
    const calls = new Map<string, number>();
    const handler = async (job: ClaimedJob) => {
      calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
      await sleep(Math.random() * 3);
    };
    const runners = [m.handle, m.another()].map((h, i) =>
      new JobRunner({ deps: m.deps(clock, h), workerId: `w${i}`, batchSize: 7 }).register('race', handler));
    const claimedBy = [0, 0];
    await Promise.all(runners.map(async (r, i) => {
      for (;;) {
        const s = await r.runDue();
        claimedBy[i] += s.claimed;
        if (s.claimed > 0) continue;
        const left = await m.handle.db.selectFrom('jobs').select('id').where('status', '!=', 'done').execute();
        if (left.length === 0) return;
        await sleep(2);
      }
    }));
    expect(calls.size).toBe(200);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(claimedBy[0] + claimedBy[1]).toBe(200);
    expect(claimedBy.every((n) => n > 0)).toBe(true);
    const done = await m.handle.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'done').executeTakeFirstOrThrow();
    expect(Number(done.n)).toBe(200);
  });

  it('start() polls and stop() waits for the job that is running', async () => {
    const r = runner({ pollMs: 10 });
    let finished = false;
    r.register('slow', async () => { await sleep(50); finished = true; });
    r.start();
    await enqueue(m.handle.db, { kind: 'slow', payload: {} }, clock.now());
    const started = Date.now();
    while ((await m.handle.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status === 'pending') {
      if (Date.now() - started > 5000) throw new Error('the runner never took the job');
      await sleep(5);
    }
    await r.stop();
    expect(finished).toBe(true);
    expect((await m.handle.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status).toBe('done');
  });
});
