// Named recurring tasks (a cron expression or an interval), coordinated through the `schedules`
// table so that any number of processes may tick and each due time runs once. A tick claims a due
// schedule by compare-and-set on next_run_at inside a transaction and runs its work in that same
// transaction: the claim and what the work wrote (normally enqueued jobs) commit together, and a
// tick whose work fails rolls back and is taken again by the next tick, of this process or another.
import type { FastifyBaseLogger } from 'fastify';
import { Cron } from 'croner';
import pino from 'pino';
import { iso } from './clock.js';
import type { Deps } from './context.js';
import type { Tx } from './db.js';

export interface ScheduleTick {
  name: string;
  /** The due time this run is for (UTC ISO); the same in every process. */
  dueAt: string;
  now: Date;
  /** `name@dueAt`: a dedupe key for jobs this run enqueues. */
  key: string;
}

/** Runs inside the claiming transaction: enqueue jobs or change rows here; never call the outside. */
export type ScheduleWork = (tx: Tx, tick: ScheduleTick) => Promise<void>;

export interface ScheduleDefinition {
  name: string;
  /** A croner expression (5 or 6 fields), read in `timezone`. */
  cron?: string;
  /** Or a fixed interval; runs stay on the grid of the first due time. */
  everyMs?: number;
  /** For cron; Europe/Amsterdam when not given (Amsterdam and Brussels share it). */
  timezone?: string;
  work: ScheduleWork;
}

interface Registered extends ScheduleDefinition {
  next(after: Date): Date;
}

export interface SchedulerOptions {
  deps: Deps;
  log?: FastifyBaseLogger;
  /** How often start() ticks. */
  pollMs?: number;
}

function nextFn(def: ScheduleDefinition): (after: Date) => Date {
  if ((def.cron === undefined) === (def.everyMs === undefined)) {
    throw new Error(`schedule ${def.name}: give exactly one of cron and everyMs`);
  }
  if (def.cron !== undefined) {
    const cron = new Cron(def.cron, { timezone: def.timezone ?? 'Europe/Amsterdam', paused: true });
    return (after) => {
      const next = cron.nextRun(after);
      if (!next) throw new Error(`schedule ${def.name}: cron ${def.cron} has no run after ${iso(after)}`);
      return next;
    };
  }
  const every = def.everyMs!;
  if (!Number.isInteger(every) || every < 1000) throw new Error(`schedule ${def.name}: everyMs must be a whole number of ms, at least 1000`);
  return (after) => new Date(after.getTime() + every);
}

/** The first run after `now` on the schedule's own grid, counting from the due time `dueAt`. */
function following(s: Registered, dueAt: Date, now: Date): Date {
  if (s.everyMs === undefined) return s.next(now);
  const missed = Math.floor((now.getTime() - dueAt.getTime()) / s.everyMs);
  return new Date(dueAt.getTime() + (missed + 1) * s.everyMs);
}

export class Scheduler {
  private readonly schedules = new Map<string, Registered>();
  private readonly deps: Deps;
  private readonly log: FastifyBaseLogger;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;
  private running = false;

  constructor(opts: SchedulerOptions) {
    this.deps = opts.deps;
    this.log = opts.log ?? pino({ level: 'silent' });
    this.pollMs = opts.pollMs ?? 1000;
  }

  /** Adds a schedule; throws on a bad cron expression or interval. */
  add(def: ScheduleDefinition): this {
    if (this.schedules.has(def.name)) throw new Error(`schedule ${def.name} is already added`);
    this.schedules.set(def.name, { ...def, next: nextFn(def) });
    return this;
  }

  /**
   * Runs every schedule that is due and that this call wins the claim for; answers the ticks it ran.
   * A schedule seen for the first time gets its first due time (it does not run at once). A failing
   * schedule is logged and does not keep the others from running.
   */
  async tick(): Promise<ScheduleTick[]> {
    const ran: ScheduleTick[] = [];
    for (const s of this.schedules.values()) {
      try {
        const tick = await this.tickOne(s);
        if (tick) ran.push(tick);
      } catch (err) {
        this.log.error({ err, schedule: s.name }, 'schedule failed; it is tried again on the next tick');
      }
    }
    return ran;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = (): void => {
      this.timer = setTimeout(() => {
        this.ticking = this.tick().finally(() => {
          this.ticking = undefined;
          if (this.running) loop();
        });
      }, this.pollMs);
    };
    loop();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.ticking;
  }

  private async tickOne(s: Registered): Promise<ScheduleTick | undefined> {
    const { db } = this.deps;
    const now = this.deps.clock.now();
    const row = await db.selectFrom('schedules').selectAll().where('name', '=', s.name).executeTakeFirst();
    if (!row) {
      await db.insertInto('schedules')
        .values({ name: s.name, next_run_at: iso(s.next(now)), last_run_at: null })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return undefined;
    }
    const dueAt = new Date(row.next_run_at);
    if (dueAt > now) {
      // The definition changed to run sooner than the stored time: move it up (compare-and-set too).
      const sooner = iso(s.next(now));
      if (sooner < row.next_run_at) {
        await db.updateTable('schedules').set({ next_run_at: sooner })
          .where('name', '=', s.name).where('next_run_at', '=', row.next_run_at).execute();
      }
      return undefined;
    }
    const tick: ScheduleTick = { name: s.name, dueAt: row.next_run_at, now, key: `${s.name}@${row.next_run_at}` };
    const won = await db.transaction().execute(async (tx) => {
      const claim = await tx.updateTable('schedules')
        .set({ next_run_at: iso(following(s, dueAt, now)), last_run_at: iso(now) })
        .where('name', '=', s.name)
        .where('next_run_at', '=', row.next_run_at)
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return false;
      await s.work(tx, tick);
      return true;
    });
    return won ? tick : undefined;
  }
}
