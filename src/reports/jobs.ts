// The reports' part of the worker: every 15 minutes a job rolls up the closed days of every
// organisation (rollup.ts); each due time is enqueued once across processes (the schedule's claim),
// and two runs at once share the work chunk by chunk without counting a day twice.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import { enqueue, type JobRunner } from '../platform/jobs.js';
import type { Scheduler } from '../platform/schedules.js';
import { rollUpAll } from './rollup.js';

export const ROLLUP_JOB = 'reports.rollup';

export function registerReportJobs(runner: JobRunner, scheduler: Scheduler, deps: Deps, log: FastifyBaseLogger): void {
  runner.register(ROLLUP_JOB, async () => {
    const orgs = await rollUpAll(deps.db, deps.dialect, deps.clock.now());
    log.debug({ orgs }, 'reports: closed days rolled up');
  });
  scheduler.add({
    name: ROLLUP_JOB,
    // a day closes an hour after its midnight; whatever process ticks first after that rolls it up
    everyMs: 15 * 60_000,
    work: async (tx, tick) => {
      await enqueue(tx, { kind: ROLLUP_JOB, payload: {}, dedupeKey: tick.key, maxAttempts: 3 }, tick.now);
    },
  });
}
