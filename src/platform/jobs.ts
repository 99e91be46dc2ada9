// The durable job queue: effects after commit (DIP pushes, UiTPAS cancellations, e-mails) are rows
// in `jobs`, written in the same transaction as the change that causes them, and run by any number
// of JobRunners in any number of processes. Claims are atomic (SKIP LOCKED on PostgreSQL, the one
// connection on SQLite); a claim is a lease, so a job whose process died is taken again.
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { ExpressionBuilder } from 'kysely';
import pino from 'pino';
import { iso } from './clock.js';
import type { Deps } from './context.js';
import type { Db, Tx } from './db.js';
import { newId } from './ids.js';
import type { Job } from './jobs-tables.js';
import type { Database } from './schema.js';

export const DEFAULT_MAX_ATTEMPTS = 10;

export interface NewJob {
  kind: string;
  /** Anything JSON can hold; the handler gets it back parsed. */
  payload: unknown;
  organisationId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key is pending, enqueueing another one with it does nothing. */
  dedupeKey?: string;
}

/**
 * Adds a job through `db`, which should be the transaction of the change that causes it, so the job
 * exists exactly when the change does. Answers the new job's id, or null when a pending job with the
 * same dedupe key already exists (the database's unique index decides, so this is race-safe).
 */
export async function enqueue(db: Db | Tx, job: NewJob, now: Date): Promise<string | null> {
  const id = newId();
  const at = iso(now);
  const result = await db
    .insertInto('jobs')
    .values({
      id,
      organisation_id: job.organisationId ?? null,
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      status: 'pending',
      attempts: 0,
      max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: iso(job.runAt ?? now),
      locked_until: null,
      locked_by: null,
      last_error: null,
      dedupe_key: job.dedupeKey ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? id : null;
}

/** Thrown by a handler when trying again cannot help (e.g. DIP answered 400): the job goes dead at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** A unique index said no: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface Backoff {
  baseMs: number;
  capMs: number;
  /** Up to this fraction of the delay is taken off at random, so failed jobs do not retry in step. */
  jitter: number;
}
export const DEFAULT_BACKOFF: Backoff = { baseMs: 10_000, capMs: 3_600_000, jitter: 0.25 };

/** Delay before the next try after `attempts` failed tries: 10 s, 20 s, 40 s ... at most 1 h, less jitter. */
export function backoffMs(attempts: number, b: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const full = Math.min(b.capMs, b.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full * (1 - b.jitter * random()));
}

/** A job as its handler sees it. */
export interface ClaimedJob<P = unknown> {
  id: string;
  kind: string;
  organisationId: string | null;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
  dedupeKey: string | null;
}

export interface JobContext {
  deps: Deps;
  log: FastifyBaseLogger;
}

export type JobHandler<P = unknown> = (job: ClaimedJob<P>, ctx: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  deps: Deps;
  log?: FastifyBaseLogger;
  /** Names this process in `locked_by`; unique per runner. */
  workerId?: string;
  /** How often start() looks for due jobs. */
  pollMs?: number;
  /** How many jobs one poll claims and runs at once. */
  batchSize?: number;
  /** How long a claim lasts; a running job's lease is renewed every leaseMs/3 while its handler runs. */
  leaseMs?: number;
  backoff?: Backoff;
  random?: () => number;
}

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

type Outcome = 'done' | 'retried' | 'dead' | 'lost';

const MAX_ERROR_LENGTH = 2000;

const errorText = (err: unknown): string => {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
};

const isDue = (nowIso: string) => (eb: ExpressionBuilder<Database, 'jobs'>) =>
  eb.or([
    eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
    // Its worker died (or hung past its lease): take it again.
    eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', nowIso)]),
  ]);

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly deps: Deps;
  private readonly log: FastifyBaseLogger;
  readonly workerId: string;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly backoff: Backoff;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private running = false;
  private readonly active = new Set<Promise<unknown>>();

  constructor(opts: JobRunnerOptions) {
    this.deps = opts.deps;
    this.log = opts.log ?? pino({ level: 'silent' });
    this.workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${newId().slice(0, 8)}`;
    this.pollMs = opts.pollMs ?? 1000;
    this.batchSize = opts.batchSize ?? 10;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.random = opts.random ?? Math.random;
  }

  register<P>(kind: string, handler: JobHandler<P>): this {
    if (this.handlers.has(kind)) throw new Error(`a handler for job kind ${kind} is already registered`);
    this.handlers.set(kind, handler as JobHandler);
    return this;
  }

  /** Claims up to `limit` due jobs of the kinds this runner handles, runs them, and records each outcome. */
  async runDue(limit = this.batchSize): Promise<RunSummary> {
    const work = this.claimAndRun(limit);
    this.active.add(work);
    try {
      return await work;
    } finally {
      this.active.delete(work);
    }
  }

  /** Polls every pollMs (at once again while polls come back full) until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedulePoll(0);
  }

  /** Stops polling and waits for the jobs this runner is running. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    await Promise.allSettled([...this.active]);
  }

  private schedulePoll(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      let full = false;
      this.polling = this.runDue()
        .then((s) => { full = s.claimed >= this.batchSize; })
        .catch((err: unknown) => this.log.error({ err }, 'job poll failed'))
        .finally(() => {
          this.polling = undefined;
          if (this.running) this.schedulePoll(full ? 0 : this.pollMs);
        });
    }, delayMs);
  }

  private async claimAndRun(limit: number): Promise<RunSummary> {
    const claimed = await this.claim(limit);
    const outcomes = await Promise.all(claimed.map((job) => this.runOne(job)));
    const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
    return { claimed: claimed.length, done: count('done'), retried: count('retried'), dead: count('dead') };
  }

  private async claim(limit: number): Promise<Job[]> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0 || limit <= 0) return [];
    const { db, dialect } = this.deps;
    const now = this.deps.clock.now();
    const nowIso = iso(now);
    const claim = {
      status: 'running' as const,
      locked_by: this.workerId,
      locked_until: iso(new Date(now.getTime() + this.leaseMs)),
      updated_at: nowIso,
    };
    const due = db.selectFrom('jobs').select('id').where('kind', 'in', kinds).where(isDue(nowIso)).orderBy('run_at').limit(limit);
    if (dialect === 'sqlite') {
      // One connection: this statement runs alone.
      return db.updateTable('jobs').set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', due).returningAll().execute();
    }
    // Rows another process is claiming are locked: skip them rather than wait. The CTE is
    // MATERIALIZED so it runs once; inside `IN (...)` PostgreSQL may re-run it and overshoot the limit.
    return db
      .with((cte) => cte('due').materialized(), () => due.forUpdate().skipLocked())
      .updateTable('jobs')
      .from('due')
      .set((eb) => ({ ...claim, attempts: eb('jobs.attempts', '+', 1) }))
      .whereRef('jobs.id', '=', 'due.id')
      .where(isDue(nowIso))
      .returningAll('jobs')
      .execute();
  }

  private async runOne(job: Job): Promise<Outcome> {
    if (job.attempts > job.max_attempts) {
      return this.finish(job, 'dead', `the lease ran out on its last try (${job.max_attempts}): its worker stopped or hung`);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(job.payload);
    } catch (err) {
      return this.finish(job, 'dead', `payload is not JSON: ${errorText(err)}`);
    }
    const handler = this.handlers.get(job.kind)!;
    const heartbeat = setInterval(() => void this.renewLease(job), Math.max(1000, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    try {
      await handler(
        {
          id: job.id, kind: job.kind, organisationId: job.organisation_id, payload,
          attempt: job.attempts, maxAttempts: job.max_attempts, dedupeKey: job.dedupe_key,
        },
        { deps: this.deps, log: this.log.child({ jobId: job.id, jobKind: job.kind, attempt: job.attempts }) },
      );
    } catch (err) {
      clearInterval(heartbeat);
      const permanent = err instanceof PermanentJobError;
      const last = job.attempts >= job.max_attempts;
      this.log.warn({ err, jobId: job.id, jobKind: job.kind, attempt: job.attempts, permanent }, 'job failed');
      return this.finish(job, permanent || last ? 'dead' : 'retried', errorText(err));
    }
    clearInterval(heartbeat);
    return this.finish(job, 'done', null);
  }

  /** Only the claim that is still ours may record an outcome (a runner that lost its lease may not). */
  private ours(job: Job) {
    return (eb: ExpressionBuilder<Database, 'jobs'>) =>
      eb.and([
        eb('id', '=', job.id),
        eb('status', '=', 'running'),
        eb('locked_by', '=', this.workerId),
        eb('attempts', '=', job.attempts),
      ]);
  }

  private async renewLease(job: Job): Promise<void> {
    const now = this.deps.clock.now();
    try {
      await this.deps.db
        .updateTable('jobs')
        .set({ locked_until: iso(new Date(now.getTime() + this.leaseMs)), updated_at: iso(now) })
        .where(this.ours(job))
        .execute();
    } catch (err) {
      this.log.warn({ err, jobId: job.id }, 'could not renew job lease');
    }
  }

  private async finish(job: Job, outcome: Exclude<Outcome, 'lost'>, lastError: string | null): Promise<Outcome> {
    const now = this.deps.clock.now();
    const base = { locked_until: null, updated_at: iso(now), last_error: lastError ?? job.last_error };
    const update = (values: Record<string, unknown>) =>
      this.deps.db.updateTable('jobs').set({ ...base, ...values }).where(this.ours(job)).executeTakeFirst();
    try {
      let result;
      if (outcome === 'retried') {
        const runAt = new Date(now.getTime() + backoffMs(job.attempts, this.backoff, this.random));
        try {
          result = await update({ status: 'pending', run_at: iso(runAt), locked_by: null });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          // A newer job with the same dedupe key is already pending: it does this work, so this row is finished.
          result = await update({ status: 'done', last_error: `${lastError} (superseded by a newer pending job with the same dedupe key)` });
          outcome = 'done';
        }
      } else {
        result = await update({ status: outcome });
      }
      if (Number(result.numUpdatedRows) === 1) return outcome;
      this.log.warn({ jobId: job.id, outcome }, 'job lease was lost before its outcome was recorded');
      return 'lost';
    } catch (err) {
      // The lease runs out and another runner takes the job again: not lost, perhaps done twice.
      this.log.error({ err, jobId: job.id, outcome }, 'could not record job outcome');
      return 'lost';
    }
  }
}
