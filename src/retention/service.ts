// Cleans up what grows with use, on a schedule. The schedule (claimed through the database, so it
// fires once however many processes tick) enqueues one job; whichever worker claims it runs the
// cleanups batch by batch, each batch its own short transaction, yielding between batches so a
// sale on the same SQLite connection never waits behind more than one batch.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import { enqueue, type JobRunner } from '../platform/jobs.js';
import type { Scheduler } from '../platform/schedules.js';
import { cutoffs, type RetentionPeriods } from './periods.js';
import { cleanups, type CleanupName } from './store.js';

export const RETENTION_JOB = 'data.retention';

export interface RetentionOptions {
  /** Rows per batch (per statement). */
  batchSize?: number;
  /** A run stops starting new batches after this long; the next run goes on where it stopped. */
  maxMs?: number;
  /** Told about every batch (the bench uses it). */
  onBatch?: (kind: CleanupName, rows: number, ms: number) => void;
}

export const DEFAULT_BATCH = 500;
const DEFAULT_MAX_MS = 120_000;

export interface RetentionRun {
  deleted: Record<CleanupName, number>;
  batches: number;
  /** The longest single batch: the longest any lock was held. */
  longestBatchMs: number;
  /** False when the run stopped at maxMs with rows still to go. */
  complete: boolean;
  ms: number;
}

export async function runRetention(deps: Deps, periods: RetentionPeriods, opts: RetentionOptions = {}): Promise<RetentionRun> {
  const started = performance.now();
  const limit = opts.batchSize ?? DEFAULT_BATCH;
  const maxMs = opts.maxMs ?? DEFAULT_MAX_MS;
  const cut = cutoffs(deps.clock.now(), periods);
  const deleted = Object.fromEntries(Object.keys(cleanups).map((k) => [k, 0])) as Record<CleanupName, number>;
  let batches = 0;
  let longestBatchMs = 0;
  let complete = true;
  for (const name of Object.keys(cleanups) as CleanupName[]) {
    for (;;) {
      if (performance.now() - started >= maxMs) {
        complete = false;
        break;
      }
      const t = performance.now();
      const n = await cleanups[name](deps.db, cut, limit);
      const ms = performance.now() - t;
      longestBatchMs = Math.max(longestBatchMs, ms);
      opts.onBatch?.(name, n, ms);
      batches++;
      deleted[name] += n;
      if (n < limit) break;
      await nextTurn();
    }
    if (!complete) break;
  }
  return { deleted, batches, longestBatchMs, complete, ms: performance.now() - started };
}

/** Every hour at :20 (Europe/Amsterdam), one run across all processes. */
export const RETENTION_CRON = '20 * * * *';

export function registerRetention(runner: JobRunner, scheduler: Scheduler, deps: Deps, log: FastifyBaseLogger, periods: RetentionPeriods): void {
  runner.register(RETENTION_JOB, async () => {
    const run = await runRetention(deps, periods);
    const total = Object.values(run.deleted).reduce((a, b) => a + b, 0);
    if (total || !run.complete) log.info({ ...run.deleted, batches: run.batches, complete: run.complete, ms: Math.round(run.ms) }, 'retention');
  });
  scheduler.add({
    name: RETENTION_JOB,
    cron: RETENTION_CRON,
    work: async (tx, tick) => {
      await enqueue(tx, { kind: RETENTION_JOB, payload: {}, dedupeKey: tick.key, maxAttempts: 3 }, tick.now);
    },
  });
}
