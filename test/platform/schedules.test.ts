import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { enqueue } from '../../src/platform/jobs.js';
import { Scheduler, type ScheduleTick, type ScheduleWork } from '../../src/platform/schedules.js';
import { DIALECTS } from '../helpers/databases.js';
import { migratedDatabase, type MigratedDatabase } from './fresh-db.js';

const START = new Date('2054-11-23T12:00:00.000Z');
const MINUTE = 60_000;

describe.each(DIALECTS)('schedules on %s', (dialect) => {
  let m: MigratedDatabase;
  let clock: ManualClock;

  beforeAll(async () => { m = await migratedDatabase(dialect); });
  afterAll(async () => { await m?.close(); });
  beforeEach(async () => {
    clock = new ManualClock(START);
    await m.handle.db.deleteFrom('jobs').execute();
    await m.handle.db.deleteFrom('schedules').execute();
  });

  const scheduler = (handle = m.handle) => new Scheduler({ deps: m.deps(clock, handle) });
  const enqueueSync: ScheduleWork = async (tx, tick) => {
    await enqueue(tx, { kind: 'dip.sync', payload: { dueAt: tick.dueAt }, dedupeKey: tick.key }, tick.now);
  };
  const jobs = () => m.handle.db.selectFrom('jobs').select(['kind', 'payload', 'dedupe_key']).orderBy('run_at').execute();

  it('an interval schedule runs once per due time, on its grid, and catches up once after a gap', async () => {
    const s = scheduler().add({ name: 'dip-sync', everyMs: 5 * MINUTE, work: enqueueSync });
    expect(await s.tick()).toEqual([]);
    clock.advance(5 * MINUTE - 1);
    expect(await s.tick()).toEqual([]);
    clock.advance(1);
    const [first] = await s.tick();
    expect(first).toMatchObject({ name: 'dip-sync', dueAt: '2054-11-23T12:05:00.000Z', key: 'dip-sync@2054-11-23T12:05:00.000Z' });
    expect(await s.tick()).toEqual([]);

    clock.advance(23 * MINUTE); // 12:28: the runs due at 12:10 ... 12:25 were missed
    expect((await s.tick()).map((t) => t.dueAt)).toEqual(['2054-11-23T12:10:00.000Z']);
    expect(await m.handle.db.selectFrom('schedules').selectAll().execute()).toEqual([
      { name: 'dip-sync', next_run_at: '2054-11-23T12:30:00.000Z', last_run_at: '2054-11-23T12:28:00.000Z' },
    ]);
    expect((await jobs()).map((j) => j.dedupe_key)).toEqual(['dip-sync@2054-11-23T12:05:00.000Z', 'dip-sync@2054-11-23T12:10:00.000Z']);
  });

  it('a cron schedule runs at its local time (Europe/Amsterdam)', async () => {
    const ran: string[] = [];
    const s = scheduler().add({ name: 'nightly', cron: '0 3 * * *', work: async (_tx, t) => { ran.push(t.dueAt); } });
    await s.tick();
    clock.set(new Date('2054-11-24T01:59:59.000Z'));
    await s.tick();
    clock.set(new Date('2054-11-24T02:00:00.000Z')); // 03:00 in Amsterdam (CET)
    await s.tick();
    clock.set(new Date('2054-11-27T09:00:00.000Z'));
    await s.tick();
    expect(ran).toEqual(['2054-11-24T02:00:00.000Z', '2054-11-25T02:00:00.000Z']);
    expect((await m.handle.db.selectFrom('schedules').select('next_run_at').executeTakeFirstOrThrow()).next_run_at)
      .toBe('2054-11-28T02:00:00.000Z');
  });

  it('when its work fails, nothing it wrote stays and the next tick runs the same due time again', async () => {
    let fail = true;
    const s = scheduler().add({
      name: 'flaky', everyMs: MINUTE,
      work: async (tx, tick) => {
        await enqueueSync(tx, tick);
        if (fail) throw new Error('database hiccup');
      },
    });
    await s.tick();
    clock.advance(MINUTE);
    expect(await s.tick()).toEqual([]);
    expect(await jobs()).toEqual([]);
    fail = false;
    expect((await s.tick()).map((t) => t.dueAt)).toEqual(['2054-11-23T12:01:00.000Z']);
    expect(await jobs()).toHaveLength(1);
  });

  it('moves the next run up when the definition changes to run sooner', async () => {
    await scheduler().add({ name: 'report', everyMs: 60 * MINUTE, work: async () => undefined }).tick();
    const s = scheduler().add({ name: 'report', everyMs: MINUTE, work: enqueueSync });
    await s.tick();
    clock.advance(MINUTE);
    expect(await s.tick()).toHaveLength(1);
  });

  it('refuses a bad cron expression, and neither or both of cron and interval', () => {
    const work = async () => undefined;
    expect(() => scheduler().add({ name: 'x', cron: 'every night', work })).toThrow();
    expect(() => scheduler().add({ name: 'x', work })).toThrow(/exactly one/);
    expect(() => scheduler().add({ name: 'x', cron: '* * * * *', everyMs: 5000, work })).toThrow(/exactly one/);
  });

  it('two schedulers (PostgreSQL: two pools) ticking at once run each due time exactly once', async () => {
    const runs = new Map<string, number>();
    const work: ScheduleWork = async (tx, tick) => {
      runs.set(tick.dueAt, (runs.get(tick.dueAt) ?? 0) + 1);
      await enqueueSync(tx, tick);
    };
    const a = scheduler().add({ name: 'sync', everyMs: MINUTE, work });
    const b = scheduler(m.another()).add({ name: 'sync', everyMs: MINUTE, work });
    await Promise.all([a.tick(), b.tick()]);
    const won: ScheduleTick[][] = [];
    for (let i = 0; i < 20; i++) {
      clock.advance(MINUTE);
      won.push((await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])).flat());
    }
    expect(won.map((w) => w.length)).toEqual(Array(20).fill(1));
    expect(runs.size).toBe(20);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await jobs()).toHaveLength(20);
  });

  it('start() ticks on its own and stop() ends it', async () => {
    let ran = 0;
    const s = new Scheduler({ deps: m.deps(clock), pollMs: 5 }).add({ name: 'loop', everyMs: 1000, work: async () => { ran++; } });
    await s.tick();
    clock.advance(1000);
    s.start();
    const started = Date.now();
    while (ran === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 5));
    await s.stop();
    expect(ran).toBe(1);
  });
});
